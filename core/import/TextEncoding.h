#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>

namespace fundtrace::import {

// The encodings bank exports actually arrive in.
enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Windows1251 };

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    int bomLength = 0;        // bytes to skip at the start of the file
    bool fromBom = false;     // true when a byte-order mark decided it
};

// Guesses the encoding from the first bytes of a file (a BOM, UTF-16 zero-byte patterns, valid
// UTF-8, otherwise Windows-1251, which is what Russian-language exports without UTF-8 use).
EncodingGuess detectEncoding(QByteArrayView sample);

// Canonical names: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1251". Parsing also accepts
// common aliases ("utf8", "cp1251", "1251", "utf-16" = LE, ...), case-insensitively.
QString encodingName(TextEncoding encoding);
std::optional<TextEncoding> encodingFromName(const QString &name);

} // namespace fundtrace::import
