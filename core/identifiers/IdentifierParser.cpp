#include "identifiers/IdentifierParser.h"

#include "identifiers/CryptoWallet.h"
#include "identifiers/EmailAddress.h"
#include "identifiers/Iban.h"
#include "identifiers/IdentifierText.h"
#include "identifiers/KzTaxId.h"

#include <QRegularExpression>
#include <utility>

namespace fundtrace::identifiers {

IdentifierParser::IdentifierParser(IdentifierContext context)
    : m_context(std::move(context)), m_card(m_context.cardHashKey),
      m_phone(m_context.defaultRegion),
      m_passport(IdentifierKind::Passport, m_context.defaultRegion),
      m_nationalId(IdentifierKind::NationalId, m_context.defaultRegion)
{
}

Identifier IdentifierParser::parse(IdentifierKind kind, QStringView given) const
{
    switch (kind) {
    case IdentifierKind::TaxId:
        return KzTaxId::parse(given);
    case IdentifierKind::Iban:
        return Iban::parse(given);
    case IdentifierKind::Card:
        return m_card.parse(given);
    case IdentifierKind::Phone:
        return m_phone.parse(given);
    case IdentifierKind::Email:
        return EmailAddress::parse(given);
    case IdentifierKind::Passport:
        return m_passport.parse(given);
    case IdentifierKind::NationalId:
        return m_nationalId.parse(given);
    case IdentifierKind::CryptoWallet:
        return CryptoWallet::parse(given);
    }
    return KzTaxId::parse(given);
}

std::optional<IdentifierKind> IdentifierParser::guess(QStringView text) const
{
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (trimmed.contains(QLatin1Char('@')))
        return IdentifierKind::Email;

    // Wallets first: a TRON address starts like a Turkish IBAN and legacy Bitcoin ones can start
    // with digits, so only a passing checksum (or the unambiguous 0x/bc1 prefix) claims them.
    const QString compact = IdentifierText::compact(trimmed);
    static const QRegularExpression ethereum(QStringLiteral("^0[xX][0-9a-fA-F]{40}$"));
    static const QRegularExpression base58Like(
        QStringLiteral("^[13T][1-9A-HJ-NP-Za-km-z]{25,34}$"));
    static const QRegularExpression bech32Like(
        QStringLiteral("^(bc1[02-9ac-hj-np-z]{8,87}|BC1[02-9AC-HJ-NP-Z]{8,87})$"));
    if (ethereum.match(compact).hasMatch())
        return IdentifierKind::CryptoWallet;
    if ((base58Like.match(compact).hasMatch() || bech32Like.match(compact).hasMatch())
        && CryptoWallet::parse(compact).validity != Validity::Invalid)
        return IdentifierKind::CryptoWallet;

    static const QRegularExpression ibanLike(
        QStringLiteral("^(IBAN)?[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$"));
    if (ibanLike.match(compact.toUpper()).hasMatch() && compact.at(0).isLetter())
        return IdentifierKind::Iban;

    // Phone writings keep their "+" or brackets; strip those only after the digit-only checks.
    if (IdentifierText::isAsciiDigits(compact)) {
        if (compact.size() == 12)
            return IdentifierKind::TaxId;
        if (compact.size() >= 13 && compact.size() <= 19 && PaymentCard::passesLuhn(compact))
            return IdentifierKind::Card;
    }
    static const QRegularExpression maskedCard(
        QStringLiteral("^\\d{4,6}[*Xx\\x{2022}]{3,9}\\d{4}$"));
    if (maskedCard.match(compact).hasMatch() && compact.size() >= 13 && compact.size() <= 19)
        return IdentifierKind::Card;

    QString dialled = compact;
    dialled.remove(QRegularExpression(QStringLiteral("[().]")));
    static const QRegularExpression international(QStringLiteral("^\\+\\d{7,15}$"));
    static const QRegularExpression kazakh(QStringLiteral("^([78]\\d{10}|7\\d{9})$"));
    if (international.match(dialled).hasMatch() || kazakh.match(dialled).hasMatch())
        return IdentifierKind::Phone;

    static const QRegularExpression kzPassport(QStringLiteral("^N\\d{8}$"));
    if (kzPassport.match(compact.toUpper()).hasMatch())
        return IdentifierKind::Passport;
    return std::nullopt;
}

} // namespace fundtrace::identifiers
