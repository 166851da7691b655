#pragma once

#include "import/TextEncoding.h"

#include <QIODevice>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fundtrace::import {

// One CSV record; the views point into the reader's buffer and stay valid until the next call
// to CsvReader::next(). Field text is UTF-8 with quotes removed and "" unescaped.
struct CsvRecord {
    std::vector<std::string_view> fields;
    std::int64_t number = 0;     // 1-based record index in the file (the header is record 1)
    std::int64_t line = 0;       // 1-based physical line on which the record starts
};

// A syntax error the reader cannot recover from (an unterminated quoted field at end of file,
// an invalid byte sequence for the chosen encoding, a field beyond maxFieldBytes, a record beyond
// 256 MiB or maxFieldBytes if larger). `line` is where the field or the bad byte is.
struct CsvSyntaxError {
    std::int64_t line = 0;
    std::string reason;
};

// Streaming RFC 4180 reader: memory is bounded by one record plus a fixed-size buffer whatever
// the file size. Input bytes in any TextEncoding are transcoded to UTF-8 chunk by chunk
// (multi-byte sequences split across chunks are handled). A stray quote inside an unquoted field
// is kept literally, as spreadsheet programs do. CR, LF and CRLF all end records.
class CsvReader {
public:
    struct Options {
        char delimiter = ',';
        TextEncoding encoding = TextEncoding::Utf8;
        bool skipBom = true;
        std::size_t maxFieldBytes = 1 << 20; // a longer field is a syntax error, not an OOM
    };

    // The device must be open for reading and positioned at the start of the file.
    CsvReader(QIODevice &device, Options options);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Reads the next record into `record`. Returns false at the end of input or on a syntax
    // error; check error() to tell them apart. Blank lines are skipped.
    bool next(CsvRecord &record);
    const std::optional<CsvSyntaxError> &error() const;
    // Bytes of the device consumed so far, for progress reporting.
    std::int64_t bytesConsumed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Picks the delimiter among , ; TAB | that splits the sample's first lines most consistently
// (quotes respected). The sample is UTF-8 text. Returns ',' when nothing fits.
char detectDelimiter(std::string_view utf8Sample);

} // namespace fundtrace::import
