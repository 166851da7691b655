#pragma once

#include "identifiers/Identifier.h"

#include <QByteArray>
#include <QStringView>

namespace fundtrace::identifiers {

// Payment card numbers (PAN, 13-19 digits). A full PAN never leaves parse(): `given` and `display`
// show the first 6 and last 4 digits only, `normalized` is HMAC-SHA256 under the case's key, so the
// same card matches within a case while the case file holds no usable card number. Masked input
// from bank exports ("4405 63** **** 1234") is accepted as Unchecked and matched by its masked
// form.
class PaymentCard {
public:
    explicit PaymentCard(QByteArray hashKey);

    Identifier parse(QStringView given) const;

    static bool passesLuhn(QStringView digits);
    // Lower-case hex HMAC-SHA256 of the digits under the key.
    static QString keyedHash(const QByteArray &key, QStringView digits);

private:
    QByteArray m_hashKey;
};

} // namespace fundtrace::identifiers
