#include "identifiers/EmailAddress.h"

#include <QRegularExpression>

namespace fundtrace::identifiers {

Identifier EmailAddress::parse(QStringView given)
{
    Identifier id;
    id.kind = IdentifierKind::Email;
    id.given = given.toString();
    id.validity = Validity::Invalid;

    QString text = given.trimmed().toString();
    if (text.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        text.remove(0, 7);
    if (text.startsWith(QLatin1Char('<')) && text.endsWith(QLatin1Char('>')))
        text = text.mid(1, text.size() - 2).trimmed();
    // The local part is case-sensitive in RFC 5321, but no mail provider we meet treats it so, and
    // for matching a missed link costs an investigator more than a false one.
    text = text.toLower();
    id.normalized = text;
    id.display = text;

    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at < 0) {
        id.problem = QStringLiteral("e-mail address has no @");
        return id;
    }
    const QString local = text.left(at);
    const QString domain = text.mid(at + 1);
    // Non-ASCII is allowed on both sides (RFC 6531): Cyrillic mailboxes exist.
    static const QRegularExpression localPattern(
        QStringLiteral("^[a-z0-9!#$%&'*+/=?^_`{|}~.\\x{0080}-\\x{FFFF}-]+$"));
    static const QRegularExpression domainPattern(QStringLiteral(
        "^([a-z0-9\\x{0080}-\\x{FFFF}]([a-z0-9\\x{0080}-\\x{FFFF}-]*[a-z0-9\\x{0080}-\\x{FFFF}])?"
        "\\.)+"
        "[a-z\\x{0080}-\\x{FFFF}][a-z0-9\\x{0080}-\\x{FFFF}-]*[a-z0-9\\x{0080}-\\x{FFFF}]$"));
    if (local.isEmpty()) {
        id.problem = QStringLiteral("e-mail address has nothing before the @");
    } else if (local.size() > 64) {
        id.problem
            = QStringLiteral("e-mail address part before the @ is longer than 64 characters");
    } else if (!localPattern.match(local).hasMatch() || local.startsWith(QLatin1Char('.'))
        || local.endsWith(QLatin1Char('.')) || local.contains(QLatin1String(".."))) {
        id.problem = QStringLiteral("e-mail address part before the @ contains characters or dots "
                                    "that addresses cannot have");
    } else if (domain.isEmpty()) {
        id.problem = QStringLiteral("e-mail address has no domain after the @");
    } else if (!domainPattern.match(domain).hasMatch()) {
        id.problem = QStringLiteral("e-mail domain \"%1\" is not a valid domain name").arg(domain);
    } else {
        id.validity = Validity::Valid;
    }
    return id;
}

} // namespace fundtrace::identifiers
