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
    struct Description {
        QString display;  // cards masked, everything else as given
        QString kind;     // iban, card, phone, crypto_wallet, or account (a domestic number)
        QString validity; // valid, invalid, unchecked
        QString problem;  // why it is invalid or unchecked
    };
    // One parse gives everything a profile shows about the identifier.
    Description describe(const QString &identifier) const;
    QString display(const QString &identifier) const { return describe(identifier).display; }

private:
    const identifiers::IdentifierParser &m_parser;
};

} // namespace fundtrace::entities
