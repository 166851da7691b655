#include "demo/Windows1251.h"

#include "util/Windows1251Table.h"

#include <array>

namespace fundtrace::demo {

namespace {

char16_t foldKazakh(char16_t c)
{
    switch (c) {
    case u'Ә': return u'А';
    case u'ә': return u'а';
    case u'Ғ': return u'Г';
    case u'ғ': return u'г';
    case u'Қ': return u'К';
    case u'қ': return u'к';
    case u'Ң': return u'Н';
    case u'ң': return u'н';
    case u'Ө': return u'О';
    case u'ө': return u'о';
    case u'Ұ': return u'У';
    case u'ұ': return u'у';
    case u'Ү': return u'У';
    case u'ү': return u'у';
    case u'Һ': return u'Х';
    case u'һ': return u'х';
    default: return c;
    }
}

char encodeOne(char16_t c)
{
    if (c < 0x80)
        return static_cast<char>(c);
    if (c >= 0x0410 && c <= 0x044F)
        return static_cast<char>(0xC0 + (c - 0x0410));
    for (size_t i = 0; i < 64; ++i) {
        if (util::kWindows1251High[i] == c)
            return static_cast<char>(0x80 + i);
    }
    return '?';
}

} // namespace

QByteArray Windows1251::encode(QStringView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (QChar c : text)
        out.append(encodeOne(foldKazakh(c.unicode())));
    return out;
}

QString Windows1251::decode(QByteArrayView bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (char b : bytes) {
        const auto u = static_cast<unsigned char>(b);
        out.append(QChar(u < 0x80 ? char16_t(u) : util::kWindows1251High[u - 0x80]));
    }
    return out;
}

} // namespace fundtrace::demo
