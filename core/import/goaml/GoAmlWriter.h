#pragma once

#include "db/Database.h"
#include "import/goaml/GoAmlReader.h"

#include <QJsonObject>
#include <cstdint>
#include <vector>

namespace fundtrace::import {

// Writes what a goAML report carries beyond its transaction rows, inside the import's
// transaction and after the rows are in: subjects with their attributes, account holders,
// transaction parties, the report row and data-quality findings.
class GoAmlWriter {
public:
    GoAmlWriter(db::Database &db, std::int64_t sourceId);

    // Returns the new subject id of each party, by party index.
    std::vector<std::int64_t> writeSubjects(const GoAmlParties &parties);
    // Links each account to its first holder unless the case already links it to someone.
    void linkAccounts(const std::vector<GoAmlReader::AccountHolder> &holders,
                      const std::vector<std::int64_t> &subjectIds);
    // Rows are found by this source's id and their source_row (the transaction's ordinal).
    void linkTransactions(const std::vector<GoAmlReader::PartyLink> &links,
                          const std::vector<std::int64_t> &subjectIds);
    std::int64_t writeReport(const GoAmlReport &report);
    void writeFinding(const QString &kind, const QString &severity, const QString &message,
                      const QJsonObject &details);

private:
    db::Database &m_db;
    std::int64_t m_sourceId;
};

} // namespace fundtrace::import
