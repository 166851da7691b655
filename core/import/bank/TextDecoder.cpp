#include "import/bank/TextDecoder.h"

#include "import/ImportPreview.h"

#include <array>

namespace fundtrace::import {
namespace {

// Windows-1251 bytes 0x80..0xFF as Unicode; 0 marks 0x98, which the code page leaves undefined.
// clang-format off
constexpr std::array<char16_t, 128> kCp1251 = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};
// clang-format on

void appendUtf8(char32_t cp, std::string &out)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

bool TextDecoder::appendCp1251(std::string_view bytes, std::string &out, std::size_t &badOffset)
{
    out.reserve(out.size() + bytes.size() * 2);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte < 0x80) {
            out += char(byte);
            continue;
        }
        const char16_t cp = kCp1251[byte - 0x80];
        if (cp == 0) {
            badOffset = i;
            return false;
        }
        appendUtf8(cp, out);
    }
    return true;
}

bool TextDecoder::isValidUtf8(std::string_view bytes)
{
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + std::size_t(extra) >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(bytes[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
            || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        i += extra + 1;
    }
    return true;
}

TextDecoder::Decoded TextDecoder::decode(const QByteArray &bytes, const QString &fileLabel,
                                         std::optional<TextEncoding> forced)
{
    Decoded decoded;
    EncodingGuess guess = detectEncoding(QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 65536)));
    if (forced && *forced != guess.encoding) {
        guess.encoding = *forced;
        guess.bomLength = 0;
    }
    const std::string_view body(bytes.constData() + guess.bomLength, std::size_t(bytes.size() - guess.bomLength));
    if (guess.encoding == TextEncoding::Utf16LE || guess.encoding == TextEncoding::Utf16BE) {
        if (body.size() % 2 != 0)
            throw ImportError(QStringLiteral("%1: the file looks like UTF-16 but has an odd number of bytes "
                                             "(truncated?)").arg(fileLabel));
        QString text(qsizetype(body.size() / 2), Qt::Uninitialized);
        for (std::size_t i = 0; i < body.size() / 2; ++i) {
            const auto a = static_cast<unsigned char>(body[2 * i]);
            const auto b = static_cast<unsigned char>(body[2 * i + 1]);
            text[qsizetype(i)] = QChar(guess.encoding == TextEncoding::Utf16LE ? char16_t(a | (b << 8))
                                                                                 : char16_t((a << 8) | b));
        }
        const QByteArray utf8 = text.toUtf8();
        decoded.utf8.assign(utf8.constData(), std::size_t(utf8.size()));
        decoded.encoding = guess.encoding;
        return decoded;
    }
    // The sample may be pure ASCII while Cyrillic comes later, so the whole body decides.
    if (forced == TextEncoding::Utf8 && !isValidUtf8(body))
        throw ImportError(QStringLiteral("%1: the file is not valid UTF-8, as the chosen encoding says it should be")
                                  .arg(fileLabel));
    if (forced != TextEncoding::Windows1251 && isValidUtf8(body)) {
        decoded.utf8.assign(body);
        decoded.encoding = TextEncoding::Utf8;
        return decoded;
    }
    std::size_t bad = 0;
    if (!appendCp1251(body, decoded.utf8, bad))
        throw ImportError(QStringLiteral("%1: byte offset %2: byte 0x98 is neither UTF-8 nor windows-1251 "
                                         "text; the file is not in an encoding Fundtrace can read")
                                  .arg(fileLabel)
                                  .arg(qint64(bad + std::size_t(guess.bomLength))));
    decoded.encoding = TextEncoding::Windows1251;
    return decoded;
}

} // namespace fundtrace::import
