#pragma once

#include <QString>

namespace fundtrace::identifiers {
class IdentifierParser;
}

namespace fundtrace::entities {

// How an account identifier may be shown in profiles, lists and exports: card numbers masked
// (first six and last four digits), everything else as given.
class AccountLabel {
public:
    explicit AccountLabel(const identifiers::IdentifierParser &parser);
    QString display(const QString &identifier) const;
    // "iban", "card", "phone", "crypto_wallet" or "account" (a domestic account number), and
    // whether it passed its check ("valid", "invalid", "unchecked").
    QString kind(const QString &identifier) const;
    QString validity(const QString &identifier) const;
    QString problem(const QString &identifier) const;

private:
    const identifiers::IdentifierParser &m_parser;
};

} // namespace fundtrace::entities
