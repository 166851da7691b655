#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace fundtrace::identifiers {

// The kinds of identifier an investigator attaches to a subject. The names returned by kindName()
// are stored in subject_attributes.kind: never rename them.
enum class IdentifierKind {
    TaxId, // Kazakh IIN (individuals) or BIN (legal entities)
    Iban,
    Card,
    Phone,
    Email,
    Passport,
    NationalId,
    CryptoWallet,
};

QString kindName(IdentifierKind kind);
std::optional<IdentifierKind> kindFromName(QStringView name);

} // namespace fundtrace::identifiers
