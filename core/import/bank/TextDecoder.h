#pragma once

#include "import/TextEncoding.h"

#include <QByteArray>
#include <optional>
#include <string>

namespace fundtrace::import {

// Decodes a whole small text file (1C exchange files, MT940) to UTF-8. Bank software writes
// these in Windows-1251 or UTF-8 (with or without BOM), rarely UTF-16; the bytes decide, since
// the encoding a file claims in its header is often wrong.
class TextDecoder {
public:
    struct Decoded {
        std::string utf8;
        TextEncoding encoding = TextEncoding::Utf8;
    };

    // Throws ImportError (naming `fileLabel`) on a byte no encoding accepts, e.g. 0x98 in 1251,
    // or on bytes that are not in the `forced` encoding when the user chose one.
    static Decoded decode(const QByteArray &bytes, const QString &fileLabel,
                          std::optional<TextEncoding> forced = std::nullopt);
    // Appends the UTF-8 form of Windows-1251 bytes; returns false at an undefined byte (0x98).
    static bool appendCp1251(std::string_view bytes, std::string &out, std::size_t &badOffset);
    static bool isValidUtf8(std::string_view bytes);
};

} // namespace fundtrace::import
