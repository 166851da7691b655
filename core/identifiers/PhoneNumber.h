#pragma once

#include "identifiers/Identifier.h"

#include <QString>
#include <QStringView>

namespace fundtrace::identifiers {

// Phone numbers through libphonenumber, normalised to E.164 so that "8 701 123 45 67",
// "+7 (701) 123-45-67" and "7011234567" match. Thread-safe: libphonenumber's instance is immutable.
class PhoneNumber {
public:
    // `defaultRegion` (ISO 3166 alpha-2) applies to numbers written without a country code.
    explicit PhoneNumber(QString defaultRegion);

    Identifier parse(QStringView given) const;

private:
    QString m_defaultRegion;
};

} // namespace fundtrace::identifiers
