#pragma once

#include "identifiers/Identifier.h"
#include "identifiers/IdentifierContext.h"
#include "identifiers/IdentityDocument.h"
#include "identifiers/PaymentCard.h"
#include "identifiers/PhoneNumber.h"

#include <QStringView>
#include <optional>

namespace fundtrace::identifiers {

// The one entry point importers and the UI use: parse an identifier of a known kind, or guess the
// kind of an unlabeled one. Const and safe to share between threads once constructed.
class IdentifierParser {
public:
    explicit IdentifierParser(IdentifierContext context = {});

    Identifier parse(IdentifierKind kind, QStringView given) const;
    // The kind an unlabeled string most likely is, or nullopt when it fits none well enough to
    // say. Checksums are used where they tell kinds apart (card Luhn, wallet base58check).
    std::optional<IdentifierKind> guess(QStringView text) const;

private:
    IdentifierContext m_context;
    PaymentCard m_card;
    PhoneNumber m_phone;
    IdentityDocument m_passport;
    IdentityDocument m_nationalId;
};

} // namespace fundtrace::identifiers
