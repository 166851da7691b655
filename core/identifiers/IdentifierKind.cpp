#include "identifiers/IdentifierKind.h"

#include <array>
#include <utility>

namespace fundtrace::identifiers {

namespace {

constexpr std::array<std::pair<IdentifierKind, const char16_t *>, 8> kNames { {
    { IdentifierKind::TaxId, u"tax_id" },
    { IdentifierKind::Iban, u"iban" },
    { IdentifierKind::Card, u"card" },
    { IdentifierKind::Phone, u"phone" },
    { IdentifierKind::Email, u"email" },
    { IdentifierKind::Passport, u"passport" },
    { IdentifierKind::NationalId, u"national_id" },
    { IdentifierKind::CryptoWallet, u"crypto_wallet" },
} };

} // namespace

QString kindName(IdentifierKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<IdentifierKind> kindFromName(QStringView name)
{
    for (const auto &[k, n] : kNames) {
        if (name == QStringView(n))
            return k;
    }
    return std::nullopt;
}

} // namespace fundtrace::identifiers
