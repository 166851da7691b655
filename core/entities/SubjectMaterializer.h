#pragma once

#include "db/Database.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <cstdint>

namespace fundtrace::identifiers {
class IdentifierParser;
}

namespace fundtrace::entities {

// Makes a subject row for everything the imported records describe that has none yet: each
// account's holder, and each counterparty named on transactions without an account (a cash
// depositor, a wallet sender). Records every spelling of a name and every tax id seen for it as
// subject attributes with their source, so profiles and matching see all of them.
//
// Incremental: only transactions after `afterTransactionId` are read. Runs inside the caller's
// transaction.
class SubjectMaterializer {
public:
    SubjectMaterializer(db::Database &db, const identifiers::IdentifierParser &parser);

    struct Counts {
        int accountHolders = 0;
        int namedCounterparties = 0;
        int attributes = 0;
    };
    Counts run(std::int64_t afterTransactionId);

private:
    void loadKnownAttributes();
    void refineReportedKinds();
    void subjectsForNewAccounts();
    void namesSeenOnAccounts(std::int64_t afterTransactionId);
    void namedCounterparties(std::int64_t afterTransactionId);
    std::int64_t createSubject(const QString &name, const QString &taxId, const QString &origin,
                               const QString &fallbackName);
    void addAttribute(std::int64_t subjectId, const QString &kind, const QString &value,
                      std::int64_t sourceId);

    db::Database &m_db;
    const identifiers::IdentifierParser &m_parser;
    db::Statement m_insertSubject;
    db::Statement m_insertAttribute;
    QSet<QString> m_knownAttributes; // "subject|kind|value"
    QString m_now;
    Counts m_counts;
};

} // namespace fundtrace::entities
