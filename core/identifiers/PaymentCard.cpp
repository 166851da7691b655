#include "identifiers/PaymentCard.h"

#include "identifiers/IdentifierText.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <utility>

namespace fundtrace::identifiers {

namespace {

bool isMaskCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'*' || u == u'X' || u == u'x' || u == u'\u2022' || u == u'#' || u == u'\u00D7';
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Replaces every digit of `text` after the 6th and before the last 4 by '*', keeping the
// separators as written, so `given` can be stored without holding a card number.
QString maskDigits(QStringView text)
{
    qsizetype digitCount = 0;
    for (QChar c : text)
        digitCount += isDigit(c) || isMaskCharacter(c) ? 1 : 0;
    QString out;
    out.reserve(text.size());
    qsizetype position = 0;
    for (QChar c : text) {
        if (isDigit(c) || isMaskCharacter(c)) {
            const bool shown = position < 6 || position >= digitCount - 4;
            out.append(shown && isDigit(c) ? c : QChar(u'*'));
            ++position;
        } else {
            out.append(c);
        }
    }
    return out;
}

QString masked(const QString &compact)
{
    return compact.left(6) + QString(compact.size() - 10, QLatin1Char('*')) + compact.right(4);
}

QString grouped(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); i += 4) {
        if (i > 0)
            out.append(QLatin1Char(' '));
        out.append(text.mid(i, 4));
    }
    return out;
}

} // namespace

PaymentCard::PaymentCard(QByteArray hashKey) : m_hashKey(std::move(hashKey)) { }

bool PaymentCard::passesLuhn(QStringView digits)
{
    if (!IdentifierText::isAsciiDigits(digits))
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

QString PaymentCard::keyedHash(const QByteArray &key, QStringView digits)
{
    const QByteArray data = digits.toLatin1();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    // constData() is never null, so an empty key is an empty key rather than "reuse the last one".
    if (!HMAC(EVP_sha256(), key.constData(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char *>(data.constData()),
            static_cast<size_t>(data.size()), mac, &macLength))
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(mac), macLength).toHex());
}

Identifier PaymentCard::parse(QStringView given) const
{
    Identifier id;
    id.kind = IdentifierKind::Card;
    id.given = maskDigits(given);
    id.validity = Validity::Invalid;

    QString compact = IdentifierText::compact(given);
    bool hasMask = false;
    for (QChar &c : compact) {
        if (isMaskCharacter(c)) {
            c = QLatin1Char('*');
            hasMask = true;
        }
    }
    const QString safe = maskDigits(compact);
    id.normalized = safe;
    id.display = safe.size() >= 13 ? grouped(safe) : safe;

    for (QChar c : compact) {
        if (!isDigit(c) && c != QLatin1Char('*')) {
            id.problem = QStringLiteral("card number may contain only digits, found '%1'").arg(c);
            return id;
        }
    }
    if (compact.size() < 13 || compact.size() > 19) {
        id.problem
            = QStringLiteral("card number has %1 digits, expected 13 to 19").arg(compact.size());
        return id;
    }
    if (hasMask) {
        // Bank exports mask the middle; at least the issuer prefix or last four must remain.
        if (!IdentifierText::isAsciiDigits(QStringView(compact).right(4))
            && !IdentifierText::isAsciiDigits(QStringView(compact).left(6))) {
            id.problem = QStringLiteral(
                "masked card number shows neither the first 6 nor the last 4 digits");
            return id;
        }
        id.normalized = masked(safe);
        id.display = grouped(id.normalized);
        id.validity = Validity::Unchecked;
        id.problem = QStringLiteral("masked card number: the Luhn check cannot be run");
        return id;
    }
    id.normalized = keyedHash(m_hashKey, compact);
    id.display = grouped(masked(compact));
    if (!passesLuhn(compact)) {
        id.problem = QStringLiteral("card number fails the Luhn check (a digit is mistyped)");
        return id;
    }
    id.validity = Validity::Valid;
    return id;
}

} // namespace fundtrace::identifiers
