#pragma once

#include "identifiers/Identifier.h"

#include <QString>
#include <QStringView>

namespace fundtrace::identifiers {

// Passport and national ID card numbers. Kazakh formats are checked (passport N + 8 digits,
// ID card 9 digits); other documents are accepted as Unchecked when they are 5-20 letters and
// digits, since we hold no format for every issuing country.
class IdentityDocument {
public:
    // `kind` is Passport or NationalId; `defaultRegion` decides whether Kazakh formats apply.
    IdentityDocument(IdentifierKind kind, QString defaultRegion);

    Identifier parse(QStringView given) const;

private:
    IdentifierKind m_kind;
    QString m_defaultRegion;
};

} // namespace fundtrace::identifiers
