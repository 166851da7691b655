#include "identifiers/IdentifierText.h"

namespace fundtrace::identifiers {

namespace {

bool isDash(char16_t u)
{
    return u == u'-' || u == u'\u2010' || u == u'\u2011' || u == u'\u2012' || u == u'\u2013'
        || u == u'\u2014' || u == u'\u2212';
}

bool isAsciiAlnum(char16_t u)
{
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

} // namespace

QString IdentifierText::compact(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace() && !isDash(c.unicode()) && c.unicode() != u'\u200B')
            out.append(c);
    }
    return out;
}

bool IdentifierText::isAsciiDigits(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return !text.isEmpty();
}

QString IdentifierText::firstOddCharacter(QStringView text)
{
    for (QChar c : text) {
        if (!isAsciiAlnum(c.unicode()))
            return QStringLiteral("'%1'").arg(c);
    }
    return {};
}

} // namespace fundtrace::identifiers
