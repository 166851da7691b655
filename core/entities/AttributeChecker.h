#pragma once

#include "db/Database.h"

namespace fundtrace::identifiers {
class IdentifierParser;
}

namespace fundtrace::entities {

// Validates and normalises the identifier attributes not yet checked (tax ids, passports, phones,
// e-mails, cards, IBANs, wallets), keeping each as given and recording why an invalid one failed.
// Names get their transliterated, folded form for display of matches. Runs inside the caller's
// transaction; returns how many attributes it checked.
class AttributeChecker {
public:
    AttributeChecker(db::Database &db, const identifiers::IdentifierParser &parser);
    int run();

private:
    db::Database &m_db;
    const identifiers::IdentifierParser &m_parser;
};

} // namespace fundtrace::entities
