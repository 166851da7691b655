#include "identifiers/IdentityDocument.h"

#include "identifiers/IdentifierText.h"

#include <QRegularExpression>
#include <utility>

namespace fundtrace::identifiers {

IdentityDocument::IdentityDocument(IdentifierKind kind, QString defaultRegion)
    : m_kind(kind), m_defaultRegion(std::move(defaultRegion))
{
}

Identifier IdentityDocument::parse(QStringView given) const
{
    Identifier id;
    id.kind = m_kind;
    id.given = given.toString();
    id.validity = Validity::Invalid;

    QString number = IdentifierText::compact(given).toUpper();
    number.remove(QChar(u'\u2116')); // "№"
    if (number.startsWith(QLatin1String("NO.")))
        number.remove(0, 3);
    static const QRegularExpression kzPassport(QStringLiteral("^N\\d{8}$"));
    static const QRegularExpression kzIdCard(QStringLiteral("^\\d{9}$"));
    static const QRegularExpression anyDocument(QStringLiteral("^[A-Z0-9]{5,20}$"));
    const bool kazakh = m_defaultRegion == QLatin1String("KZ");
    // "N 012345678": here N is the numero sign, not part of a 9-digit ID card number.
    if (m_kind == IdentifierKind::NationalId && number.size() == 10
        && number.startsWith(QLatin1Char('N'))
        && IdentifierText::isAsciiDigits(QStringView(number).mid(1)))
        number.remove(0, 1);
    id.normalized = number;
    id.display = number;

    const QString label = m_kind == IdentifierKind::Passport ? QStringLiteral("passport number")
                                                             : QStringLiteral("ID card number");
    const QRegularExpression &kazakhPattern
        = m_kind == IdentifierKind::Passport ? kzPassport : kzIdCard;
    if (kazakh && kazakhPattern.match(number).hasMatch()) {
        id.validity = Validity::Valid;
        id.country = QStringLiteral("KZ");
        return id;
    }
    if (!anyDocument.match(number).hasMatch()) {
        if (number.isEmpty())
            id.problem = QStringLiteral("%1 is empty").arg(label);
        else if (const QString odd = IdentifierText::firstOddCharacter(number); !odd.isEmpty())
            id.problem = QStringLiteral("%1 contains %2, only letters and digits are allowed")
                             .arg(label, odd);
        else
            id.problem = QStringLiteral("%1 has %2 characters, expected 5 to 20")
                             .arg(label)
                             .arg(number.size());
        return id;
    }
    id.validity = Validity::Unchecked;
    id.problem = kazakh
        ? QStringLiteral("%1 is not in a Kazakh format (%2); accepted as a foreign document")
              .arg(label,
                  m_kind == IdentifierKind::Passport ? QStringLiteral("N and 8 digits")
                                                     : QStringLiteral("9 digits"))
        : QStringLiteral("%1 format not checked").arg(label);
    return id;
}

} // namespace fundtrace::identifiers
