#include "import/TextEncoding.h"

#include <QStringDecoder>

namespace fundtrace::import {

namespace {

// UTF-16 without a BOM still betrays itself in CSV: delimiters, digits and Latin letters have a
// zero high byte, and nothing else in a text file has zero bytes at all.
std::optional<TextEncoding> guessUtf16(QByteArrayView sample)
{
    const qsizetype units = sample.size() / 2;
    if (units < 2)
        return std::nullopt;
    qsizetype zeroEven = 0;
    qsizetype zeroOdd = 0;
    for (qsizetype i = 0; i + 1 < sample.size(); i += 2) {
        zeroEven += sample[i] == 0;
        zeroOdd += sample[i + 1] == 0;
    }
    const qsizetype enough = std::max<qsizetype>(1, units / 8);
    if (zeroOdd >= enough && zeroEven * 8 <= zeroOdd)
        return TextEncoding::Utf16LE;
    if (zeroEven >= enough && zeroOdd * 8 <= zeroEven)
        return TextEncoding::Utf16BE;
    return std::nullopt;
}

bool isUtf8(QByteArrayView sample)
{
    // Stateful decoding: a sequence cut by the end of the sample is not an error.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(sample);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

} // namespace

EncodingGuess detectEncoding(QByteArrayView sample)
{
    if (sample.startsWith("\xEF\xBB\xBF"))
        return { TextEncoding::Utf8, 3, true };
    if (sample.startsWith("\xFF\xFE"))
        return { TextEncoding::Utf16LE, 2, true };
    if (sample.startsWith("\xFE\xFF"))
        return { TextEncoding::Utf16BE, 2, true };
    if (const auto utf16 = guessUtf16(sample))
        return { *utf16, 0, false };
    if (isUtf8(sample))
        return { TextEncoding::Utf8, 0, false };
    return { TextEncoding::Windows1251, 0, false };
}

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Windows1251:
        return QStringLiteral("windows-1251");
    }
    return QStringLiteral("UTF-8");
}

std::optional<TextEncoding> encodingFromName(const QString &name)
{
    // Compare without case, spaces, dashes and underscores: "UTF-8", "utf8", "Windows_1251".
    QString key;
    key.reserve(name.size());
    for (const QChar c : name) {
        if (c != u'-' && c != u'_' && !c.isSpace())
            key.append(c.toLower());
    }

    struct Alias {
        QStringView key;
        TextEncoding encoding;
    };
    static constexpr Alias aliases[] = {
        { u"utf8", TextEncoding::Utf8 },
        { u"utf8bom", TextEncoding::Utf8 },
        { u"utf8sig", TextEncoding::Utf8 },
        // Windows calls UTF-16LE "Unicode"; a bare "UTF-16" from such tools means LE too.
        { u"utf16le", TextEncoding::Utf16LE },
        { u"utf16", TextEncoding::Utf16LE },
        { u"ucs2", TextEncoding::Utf16LE },
        { u"ucs2le", TextEncoding::Utf16LE },
        { u"unicode", TextEncoding::Utf16LE },
        { u"utf16be", TextEncoding::Utf16BE },
        { u"ucs2be", TextEncoding::Utf16BE },
        { u"unicodebigendian", TextEncoding::Utf16BE },
        { u"windows1251", TextEncoding::Windows1251 },
        { u"cp1251", TextEncoding::Windows1251 },
        { u"1251", TextEncoding::Windows1251 },
        { u"win1251", TextEncoding::Windows1251 },
        { u"xcp1251", TextEncoding::Windows1251 },
        { u"mscyrl", TextEncoding::Windows1251 },
        { u"ansi1251", TextEncoding::Windows1251 },
    };
    for (const Alias &alias : aliases) {
        if (key == alias.key)
            return alias.encoding;
    }
    return std::nullopt;
}

} // namespace fundtrace::import
