#pragma once

#include "detect/Channel.h"

#include <QHash>
#include <QString>
#include <cstdint>
#include <span>
#include <vector>

namespace fundtrace::db {
class Database;
}

namespace fundtrace::detect {

// One transaction as the rules see it: 48 bytes, indexes instead of strings. Seen from the side
// of `account` (the statement owner): `credit` is money into it.
struct Transaction {
    std::int64_t id = 0;             // transactions.id
    std::int64_t amountMinor = 0;
    std::int64_t bookedAt = 0;       // UTC seconds
    std::int32_t account = -1;       // index into accounts(); -1 when the source gave none
    std::int32_t counterparty = -1;  // index into accounts(); -1 when only a name (or nothing) is known
    std::int32_t counterpartyName = -1; // index into texts()
    std::int32_t purpose = -1;       // index into texts()
    std::uint16_t currency = 0;      // index into currencies()
    std::uint16_t country = 0;       // index into countries(): the counterparty's, else the row's; 0 = none
    Channel channel = Channel::Unknown;
    bool credit = false;
};

struct Account {
    std::int64_t id = 0;        // accounts.id
    QString identifier;
    std::int32_t subject = -1;  // index into subjects()
    bool hasStatement = false;  // the case holds this account's own statement rows
};

// A resolved subject (group root) with what the rules ask of it.
struct Subject {
    std::int64_t id = 0;        // subjects.id of the root
    QString kind;               // person, organisation, npo, institution, agent, unknown
    QString name;
    QString nationality;        // ISO 3166 alpha-2 when known
    int listedScore = 0;        // best screening hit not dismissed (0-100), 0 = none
    std::vector<std::int32_t> accounts;
};

// An identifier a subject row carries (phone, e-mail, document, address, card hash, wallet).
struct SubjectIdentifier {
    std::int32_t subject = -1;
    QString kind;
    QString value; // normalised
};

// Money moving from one account to another, each transfer once: from the payer's statement where
// the case has it, else from the payee's (a transfer between two imported statements appears as
// a debit on one and a credit on the other).
struct Flow {
    std::uint32_t tx = 0; // index into transactions()
    std::int32_t from = -1;
    std::int32_t to = -1;
};

// The whole case in memory for one detection run, built once and shared read-only by every rule
// (safe to read from several threads). Transactions are sorted by time; per-account and
// per-flow indexes give each rule its rows without a query per row.
class DetectionContext {
public:
    class Builder;

    static DetectionContext load(const db::Database &db);

    const std::vector<Transaction> &transactions() const { return m_transactions; }
    const std::vector<Account> &accounts() const { return m_accounts; }
    const std::vector<Subject> &subjects() const { return m_subjects; }
    const std::vector<SubjectIdentifier> &identifiers() const { return m_identifiers; }
    const std::vector<Flow> &flows() const { return m_flows; }

    // Rows of an account's own statement (indexes into transactions()), oldest first.
    std::span<const std::uint32_t> rowsOf(std::int32_t account) const;
    // Rows of other statements naming the account as counterparty, oldest first.
    std::span<const std::uint32_t> rowsAgainst(std::int32_t account) const;
    // Flows out of / into an account (indexes into flows()), oldest first.
    std::span<const std::uint32_t> flowsOut(std::int32_t account) const;
    std::span<const std::uint32_t> flowsIn(std::int32_t account) const;

    const QString &currencyCode(std::uint16_t index) const { return m_currencies[index]; }
    // The index of a currency code, or -1 when no transaction uses it.
    int currencyIndex(const QString &code) const { return m_currencyIndex.value(code, -1); }
    const QString &countryCode(std::uint16_t index) const { return m_countries[index]; }
    const QString &text(std::int32_t index) const;
    // "KZ86 601A ... (Name)" for explanations.
    QString describeAccount(std::int32_t account) const;
    QString describeSubject(std::int32_t subject) const;

private:
    void buildIndexes();
    std::uint16_t internCurrency(const QString &code);
    std::uint16_t internCountry(const QString &code);

    std::vector<Transaction> m_transactions;
    std::vector<Account> m_accounts;
    std::vector<Subject> m_subjects;
    std::vector<SubjectIdentifier> m_identifiers;
    std::vector<Flow> m_flows;
    std::vector<QString> m_texts;
    std::vector<QString> m_currencies;
    std::vector<QString> m_countries { QString() };
    QHash<QString, int> m_currencyIndex;
    QHash<QString, int> m_countryIndex;
    // CSR indexes: offsets per account into the row lists.
    std::vector<std::uint32_t> m_ownOffsets, m_ownRows;
    std::vector<std::uint32_t> m_againstOffsets, m_againstRows;
    std::vector<std::uint32_t> m_outOffsets, m_outFlows;
    std::vector<std::uint32_t> m_inOffsets, m_inFlows;
};

// Builds a context from plain records, for tests and generated scenarios.
class DetectionContext::Builder {
public:
    struct Row {
        std::int32_t account = -1;
        bool credit = false;
        std::int64_t amountMinor = 0;
        std::int64_t bookedAt = 0;
        std::int32_t counterparty = -1;
        Channel channel = Channel::Transfer;
        QString currency = QStringLiteral("KZT");
        QString purpose {};
        QString counterpartyName {};
        QString country {};
    };

    // A subject; returns its index. Its id is index + 1.
    std::int32_t addSubject(const QString &name, const QString &kind = QStringLiteral("person"),
                            const QString &nationality = {});
    // An account, optionally held by a subject; returns its index. Its id is index + 1.
    std::int32_t addAccount(const QString &identifier, std::int32_t subject = -1);
    // A transaction; returns its id (1, 2, ... in the order added).
    std::int64_t add(const Row &row);
    void addIdentifier(std::int32_t subject, const QString &kind, const QString &value);
    void setListed(std::int32_t subject, int score);
    DetectionContext build();

private:
    std::int32_t internText(const QString &text);
    DetectionContext m_context;
    QHash<QString, std::int32_t> m_textIndex;
};

} // namespace fundtrace::detect
