#pragma once

#include "identifiers/IdentifierKind.h"

#include <QChar>
#include <QDate>
#include <QString>
#include <optional>

namespace fundtrace::identifiers {

// Unchecked: the format is plausible but the identifier carries no check we can run (a masked card,
// a foreign passport, an IBAN of a country outside the registry); `problem` then says what was not
// checked.
enum class Validity { Valid, Invalid, Unchecked };

// One identifier as an investigator received it and as Fundtrace matches it. An invalid
// identifier is still returned, with `given` intact and `problem` saying why, so that nothing
// written in a source document is silently dropped.
// For cards no field ever holds the full number: `given` is masked too (see PaymentCard).
struct Identifier {
    IdentifierKind kind = IdentifierKind::TaxId;
    QString given; // as written in the source (cards: masked)
    QString normalized; // the form used for matching and search (cards: keyed hash or masked form)
    QString display; // what a UI or an export may show
    Validity validity = Validity::Invalid;
    QString problem; // plain language; empty when Valid

    // TaxId: IIN of a person.
    std::optional<QDate> birthDate;
    std::optional<QChar> sex; // 'M' or 'F'
    // TaxId: true for a BIN, false for an IIN.
    std::optional<bool> isLegalEntity;
    std::optional<QString> registration; // BIN: yyMM of registration
    std::optional<int> entityType; // BIN 5th digit: 4 resident, 5 non-resident, 6 IE joint activity
    // Iban, Phone, Passport: ISO 3166 alpha-2 country, when known.
    std::optional<QString> country;
    // CryptoWallet: "bitcoin", "ethereum" or "tron".
    std::optional<QString> network;

    bool isValid() const { return validity == Validity::Valid; }
};

} // namespace fundtrace::identifiers
