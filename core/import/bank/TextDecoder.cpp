#include "import/bank/TextDecoder.h"

#include "import/ImportPreview.h"
#include "util/Windows1251Table.h"

#include <array>

namespace fundtrace::import {
namespace {

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
        const char16_t cp = util::kWindows1251High[byte - 0x80];
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
