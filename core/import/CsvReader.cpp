#include "import/CsvReader.h"

#include "util/Windows1251Table.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace fundtrace::import {

namespace {

// Bytes asked of the device per read; the text buffer is sized from it.
constexpr std::size_t kReadChunk = std::size_t(1) << 20;
// Refill grows the text buffer when less than this is free after compaction, so a record longer
// than the buffer costs a few doublings, not one re-parse per small read.
constexpr std::size_t kMinFree = std::size_t(64) << 10;
// A record is never allowed to grow past this (or maxFieldBytes, if larger): many fields under
// the field limit could otherwise still exhaust memory.
constexpr std::size_t kMaxRecordBytes = std::size_t(256) << 20;

// The Windows-1251 table pre-encoded as UTF-8, so decoding a byte is one 4-byte copy.
struct Utf8Seq {
    std::array<char, 4> bytes {};
    unsigned char length = 0;
};

constexpr std::array<Utf8Seq, 128> makeCp1251Utf8()
{
    std::array<Utf8Seq, 128> table {};
    for (std::size_t i = 0; i < 128; ++i) {
        const char32_t cp = util::kWindows1251High[i];
        Utf8Seq &seq = table[i];
        if (cp == 0) {
            seq.length = 0;
        } else if (cp < 0x800) {
            seq.bytes = { char(0xC0 | (cp >> 6)), char(0x80 | (cp & 0x3F)), 0, 0 };
            seq.length = 2;
        } else {
            seq.bytes = { char(0xE0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3F)),
                          char(0x80 | (cp & 0x3F)), 0 };
            seq.length = 3;
        }
    }
    return table;
}

constexpr std::array<Utf8Seq, 128> kCp1251Utf8 = makeCp1251Utf8();

// What a decoder did with a block of input.
struct DecodeResult {
    std::size_t consumed = 0; // input bytes turned into output
    std::size_t written = 0;  // output bytes
    bool invalid = false;     // stopped at input[consumed], which is not valid in the encoding
};

bool hasHighBit(const unsigned char *p)
{
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return (word & 0x8080808080808080ULL) != 0;
}

// Checks UTF-8 in place. Stops at the first ill-formed sequence (invalid = true) or before an
// incomplete sequence at the end, which the next read may complete.
DecodeResult validateUtf8(const unsigned char *p, std::size_t n)
{
    std::size_t i = 0;
    while (i < n) {
        while (i + 8 <= n && !hasHighBit(p + i))
            i += 8;
        if (i == n)
            break;
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned lo = 0x80;
        unsigned hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                lo = 0xA0; // overlong
            else if (c == 0xED)
                hi = 0x9F; // UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                lo = 0x90; // overlong
            else if (c == 0xF4)
                hi = 0x8F; // beyond U+10FFFF
        } else {
            return { i, i, true };
        }
        if (i + 1 >= n)
            return { i, i, false };
        if (p[i + 1] < lo || p[i + 1] > hi)
            return { i, i, true };
        for (std::size_t k = 2; k < length; ++k) {
            if (i + k >= n)
                return { i, i, false };
            if ((p[i + k] & 0xC0) != 0x80)
                return { i, i, true };
        }
        i += length;
    }
    return { n, n, false };
}

// `out` needs room for 3 bytes per input byte plus 1 (each sequence is copied as 4 bytes).
DecodeResult decodeCp1251(const unsigned char *in, std::size_t n, char *out)
{
    char *o = out;
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n && !hasHighBit(in + i)) {
            std::memcpy(o, in + i, 8);
            o += 8;
            i += 8;
            continue;
        }
        const unsigned char c = in[i];
        if (c < 0x80) {
            *o++ = char(c);
        } else {
            const Utf8Seq &seq = kCp1251Utf8[c - 0x80];
            if (seq.length == 0)
                return { i, std::size_t(o - out), true };
            std::memcpy(o, seq.bytes.data(), 4);
            o += seq.length;
        }
        ++i;
    }
    return { n, std::size_t(o - out), false };
}

char *putUtf8(char *o, char32_t cp)
{
    if (cp < 0x80) {
        *o++ = char(cp);
    } else if (cp < 0x800) {
        *o++ = char(0xC0 | (cp >> 6));
        *o++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = char(0xE0 | (cp >> 12));
        *o++ = char(0x80 | ((cp >> 6) & 0x3F));
        *o++ = char(0x80 | (cp & 0x3F));
    } else {
        *o++ = char(0xF0 | (cp >> 18));
        *o++ = char(0x80 | ((cp >> 12) & 0x3F));
        *o++ = char(0x80 | ((cp >> 6) & 0x3F));
        *o++ = char(0x80 | (cp & 0x3F));
    }
    return o;
}

// `out` needs 3 bytes per 2 input bytes. Leaves an odd byte or a lone high surrogate at the end
// unconsumed; an unpaired surrogate elsewhere is invalid.
DecodeResult decodeUtf16(const unsigned char *in, std::size_t n, bool bigEndian, char *out)
{
    const auto unitAt = [in, bigEndian](std::size_t i) -> char16_t {
        return bigEndian ? char16_t((in[i] << 8) | in[i + 1]) : char16_t(in[i] | (in[i + 1] << 8));
    };
    char *o = out;
    std::size_t i = 0;
    while (i + 2 <= n) {
        const char16_t unit = unitAt(i);
        if (unit < 0xD800 || unit > 0xDFFF) {
            o = putUtf8(o, unit);
            i += 2;
            continue;
        }
        if (unit >= 0xDC00)
            return { i, std::size_t(o - out), true };
        if (i + 4 > n)
            break;
        const char16_t low = unitAt(i + 2);
        if (low < 0xDC00 || low > 0xDFFF)
            return { i, std::size_t(o - out), true };
        o = putUtf8(o, 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00));
        i += 4;
    }
    return { i, std::size_t(o - out), false };
}

// Worst-case UTF-8 bytes per input byte, for sizing the text buffer.
std::size_t expansion(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return 1;
    case TextEncoding::Windows1251:
        return 3;
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
        return 2;
    }
    return 3;
}

std::string describeBytes(std::size_t bytes)
{
    if (bytes % (1 << 20) == 0)
        return std::to_string(bytes >> 20) + " MiB";
    if (bytes % (1 << 10) == 0)
        return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

struct CsvReader::Impl {
    enum class Step { Record, NeedMore, End, Failed };

    Impl(QIODevice &device, Options options);

    bool next(CsvRecord &record);
    Step parseRecord(CsvRecord &record, bool atEof);
    bool refill();
    bool growText(std::size_t used);
    qint64 readDevice(char *dst, qint64 max);
    void decodeRaw(bool atEof);
    std::int64_t lineAtEnd() const;
    void fail(std::int64_t line, std::string reason);

    QIODevice &device;
    Options options;
    std::size_t maxRecordBytes;

    // UTF-8 text: [begin, end) is ready to parse; for UTF-8 input [end, tail) is an incomplete
    // sequence waiting for the next read. One extra byte at the end is never used for text.
    std::unique_ptr<char[]> text;
    std::size_t capacity = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t tail = 0;
    // Unquoted "" in quoted fields go here; as large as the text buffer, so it cannot overflow
    // within one record and the views into it stay put.
    std::unique_ptr<char[]> scratch;

    // Undecoded device bytes for the non-UTF-8 encodings (an odd byte, a lone surrogate).
    std::unique_ptr<unsigned char[]> raw;
    std::size_t rawLength = 0;

    std::array<bool, 256> endsUnquoted {}; // delimiter, CR, LF
    std::array<bool, 256> endsQuotedRun {}; // quote, CR, LF (CR/LF only to count lines)

    bool eof = false;           // nothing more will come from the device
    bool bomChecked = false;
    bool pendingCR = false;     // the last record ended in CR; a leading LF belongs to it
    std::string pendingReason;  // an encoding error found at `end`, reported once reached
    std::optional<CsvSyntaxError> error;
    std::int64_t line = 1;
    std::int64_t number = 0;
    std::int64_t consumed = 0;
};

CsvReader::Impl::Impl(QIODevice &device, Options options)
    : device(device)
    , options(options)
    , maxRecordBytes(std::max(kMaxRecordBytes, options.maxFieldBytes))
{
    capacity = kReadChunk * expansion(options.encoding);
    text = std::make_unique<char[]>(capacity + 8);
    scratch = std::make_unique<char[]>(capacity + 8);
    if (options.encoding != TextEncoding::Utf8)
        raw = std::make_unique<unsigned char[]>(kReadChunk + 4);

    const auto d = static_cast<unsigned char>(options.delimiter);
    endsUnquoted[d] = true;
    endsUnquoted['\r'] = endsUnquoted['\n'] = true;
    endsQuotedRun['"'] = endsQuotedRun['\r'] = endsQuotedRun['\n'] = true;
    if (options.delimiter == '"' || options.delimiter == '\r' || options.delimiter == '\n')
        fail(0, "the delimiter cannot be a quote or a line break");
    if (options.maxFieldBytes == 0)
        fail(0, "maxFieldBytes must be positive");
}

void CsvReader::Impl::fail(std::int64_t errorLine, std::string reason)
{
    if (!error)
        error = CsvSyntaxError { errorLine, std::move(reason) };
}

qint64 CsvReader::Impl::readDevice(char *dst, qint64 max)
{
    for (;;) {
        const qint64 n = device.read(dst, max);
        if (n > 0) {
            consumed += n;
            return n;
        }
        if (n < 0) {
            fail(lineAtEnd(), "read error: " + device.errorString().toStdString());
            return -1;
        }
        // A pipe or socket may simply have nothing yet; a file at its end returns 0 for good.
        if (!device.isSequential() || !device.waitForReadyRead(30000))
            return 0;
    }
}

// The line the byte at `end` is on: where an encoding error was found.
std::int64_t CsvReader::Impl::lineAtEnd() const
{
    std::int64_t result = line;
    bool afterCR = pendingCR;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = text[i];
        if (c == '\n') {
            if (!afterCR)
                ++result;
            afterCR = false;
        } else if (c == '\r') {
            ++result;
            afterCR = true;
        } else {
            afterCR = false;
        }
    }
    return result;
}

bool CsvReader::Impl::growText(std::size_t used)
{
    if (used >= maxRecordBytes) {
        fail(line, "record longer than " + describeBytes(maxRecordBytes));
        return false;
    }
    const std::size_t newCapacity = capacity * 2;
    auto newText = std::make_unique<char[]>(newCapacity + 8);
    std::memcpy(newText.get(), text.get(), used);
    text = std::move(newText);
    scratch = std::make_unique<char[]>(newCapacity + 8);
    capacity = newCapacity;
    return true;
}

void CsvReader::Impl::decodeRaw(bool atEof)
{
    DecodeResult result;
    char *out = text.get() + end;
    if (options.encoding == TextEncoding::Windows1251)
        result = decodeCp1251(raw.get(), rawLength, out);
    else
        result = decodeUtf16(raw.get(), rawLength, options.encoding == TextEncoding::Utf16BE, out);
    end += result.written;
    tail = end;
    std::memmove(raw.get(), raw.get() + result.consumed, rawLength - result.consumed);
    rawLength -= result.consumed;
    if (result.invalid) {
        pendingReason = options.encoding == TextEncoding::Windows1251
            ? "byte 0x98 is not defined in windows-1251"
            : "unpaired UTF-16 surrogate";
    } else if (atEof && rawLength > 0) {
        pendingReason = "the file ends in the middle of a UTF-16 character";
    }
}

// Moves the unparsed text to the front and appends decoded device bytes. Returns false at the
// end of input or when an error is now set.
bool CsvReader::Impl::refill()
{
    if (error)
        return false;
    if (!pendingReason.empty()) {
        fail(lineAtEnd(), pendingReason);
        return false;
    }
    if (eof)
        return false;

    if (begin > 0) {
        std::memmove(text.get(), text.get() + begin, tail - begin);
        end -= begin;
        tail -= begin;
        begin = 0;
    }
    const std::size_t ratio = expansion(options.encoding);
    if (capacity - tail < std::max(kMinFree, ratio * 16) && !growText(tail))
        return false;

    if (options.encoding == TextEncoding::Utf8) {
        const std::size_t want = std::min(capacity - tail, kReadChunk);
        const qint64 n = readDevice(text.get() + tail, qint64(want));
        if (n < 0)
            return false;
        if (n == 0) {
            eof = true;
            if (tail > end)
                pendingReason = "the file ends in the middle of a UTF-8 character";
            return true;
        }
        tail += std::size_t(n);
        const DecodeResult checked = validateUtf8(
            reinterpret_cast<const unsigned char *>(text.get() + end), tail - end);
        end += checked.consumed;
        if (checked.invalid)
            pendingReason = "invalid UTF-8 byte sequence (is the file in another encoding?)";
        return true;
    }

    const std::size_t room = (capacity - tail) / ratio;
    const std::size_t want = std::min(kReadChunk - rawLength, room);
    const qint64 n = readDevice(reinterpret_cast<char *>(raw.get()) + rawLength, qint64(want));
    if (n < 0)
        return false;
    if (n == 0)
        eof = true;
    rawLength += std::size_t(n);
    decodeRaw(eof);
    return true;
}

// Parses one record from [begin, end). Restarts from the record's first byte after NeedMore,
// which costs at most one partial record per buffer refill.
CsvReader::Impl::Step CsvReader::Impl::parseRecord(CsvRecord &record, bool atEof)
{
    char *const base = text.get();
    const char *p = base + begin;
    const char *const e = base + end;

    for (;;) {
        if (p == e) {
            begin = std::size_t(p - base);
            return atEof ? Step::End : Step::NeedMore;
        }
        if (*p == '\n') {
            if (!pendingCR)
                ++line;
            pendingCR = false;
        } else if (*p == '\r') {
            ++line;
            pendingCR = true;
        } else {
            break;
        }
        ++p;
    }
    pendingCR = false;
    begin = std::size_t(p - base);

    record.fields.clear();
    const char delimiter = options.delimiter;
    const std::size_t maxField = options.maxFieldBytes;
    char *out = scratch.get();
    std::int64_t newlines = 0;

    const auto tooLong = [&](std::int64_t fieldLine) {
        fail(fieldLine, "field longer than " + describeBytes(maxField));
        return Step::Failed;
    };

    for (;;) {
        const std::int64_t fieldLine = line + newlines;
        const char *const fieldStart = p;
        if (p < e && *p == '"') {
            ++p;
            const char *segment = p;
            char *const fieldOut = out;
            bool unescaped = false; // the field text is being built in scratch
            for (;;) {
                while (p < e && !endsQuotedRun[static_cast<unsigned char>(*p)])
                    ++p;
                if (std::size_t(p - fieldStart) > maxField + 1)
                    return tooLong(fieldLine);
                if (p == e) {
                    if (!atEof)
                        return Step::NeedMore;
                    fail(fieldLine, "quoted field starting on line " + std::to_string(fieldLine)
                                 + " is never closed");
                    return Step::Failed;
                }
                if (*p == '\n') {
                    ++newlines;
                    ++p;
                    continue;
                }
                if (*p == '\r') {
                    if (p + 1 == e && !atEof)
                        return Step::NeedMore;
                    ++newlines;
                    ++p;
                    if (p < e && *p == '\n')
                        ++p;
                    continue;
                }
                if (p + 1 == e && !atEof)
                    return Step::NeedMore;
                if (p + 1 < e && p[1] == '"') {
                    const auto n = std::size_t(p + 1 - segment);
                    std::memcpy(out, segment, n);
                    out += n;
                    unescaped = true;
                    p += 2;
                    segment = p;
                    continue;
                }
                break; // closing quote
            }
            const char *const closing = p++;
            if (p < e && !endsUnquoted[static_cast<unsigned char>(*p)]) {
                // Text after the closing quote is kept, as spreadsheet programs do.
                const char *const after = p;
                while (p < e && !endsUnquoted[static_cast<unsigned char>(*p)])
                    ++p;
                if (std::size_t(p - fieldStart) > maxField + 2)
                    return tooLong(fieldLine);
                if (p == e && !atEof)
                    return Step::NeedMore;
                std::memcpy(out, segment, std::size_t(closing - segment));
                out += closing - segment;
                std::memcpy(out, after, std::size_t(p - after));
                out += p - after;
                unescaped = true;
            } else if (unescaped) {
                std::memcpy(out, segment, std::size_t(closing - segment));
                out += closing - segment;
            }
            if (unescaped) {
                if (std::size_t(out - fieldOut) > maxField)
                    return tooLong(fieldLine);
                record.fields.emplace_back(fieldOut, std::size_t(out - fieldOut));
            } else {
                if (std::size_t(closing - fieldStart - 1) > maxField)
                    return tooLong(fieldLine);
                record.fields.emplace_back(fieldStart + 1, std::size_t(closing - fieldStart - 1));
            }
        } else {
            while (p < e && !endsUnquoted[static_cast<unsigned char>(*p)])
                ++p;
            if (std::size_t(p - fieldStart) > maxField)
                return tooLong(fieldLine);
            if (p == e && !atEof)
                return Step::NeedMore;
            record.fields.emplace_back(fieldStart, std::size_t(p - fieldStart));
        }

        if (p == e) { // last record, no line break after it
            record.line = line;
            record.number = ++number;
            line += newlines;
            begin = end;
            return Step::Record;
        }
        if (*p == delimiter) {
            ++p;
            continue;
        }
        pendingCR = *p == '\r';
        ++p;
        record.line = line;
        record.number = ++number;
        line += newlines + 1;
        begin = std::size_t(p - base);
        return Step::Record;
    }
}

bool CsvReader::Impl::next(CsvRecord &record)
{
    if (error)
        return false;
    if (!bomChecked) {
        // Stop short of a pending encoding error: the records before it come first.
        while (end - begin < 3 && pendingReason.empty() && refill()) { }
        if (error)
            return false;
        if (options.skipBom && end - begin >= 3
            && std::memcmp(text.get() + begin, "\xEF\xBB\xBF", 3) == 0)
            begin += 3;
        bomChecked = true;
    }
    for (;;) {
        switch (parseRecord(record, eof && pendingReason.empty())) {
        case Step::Record:
            return true;
        case Step::End:
        case Step::Failed:
            return false;
        case Step::NeedMore:
            if (!refill() && error)
                return false;
            break;
        }
    }
}

CsvReader::CsvReader(QIODevice &device, Options options)
    : d(std::make_unique<Impl>(device, options))
{
}

CsvReader::~CsvReader() = default;

bool CsvReader::next(CsvRecord &record)
{
    return d->next(record);
}

const std::optional<CsvSyntaxError> &CsvReader::error() const
{
    return d->error;
}

std::int64_t CsvReader::bytesConsumed() const
{
    return d->consumed;
}

namespace {

// Delimiter counts of the sample's first records, outside quotes; blank lines skipped.
constexpr std::size_t kSampleRecords = 50;

struct DelimiterCounts {
    std::array<int, kSampleRecords> counts {};
    std::size_t records = 0;
};

DelimiterCounts countDelimiters(std::string_view sample, char delimiter)
{
    DelimiterCounts result;
    bool inQuotes = false;
    bool fieldStart = true;
    bool hasContent = false;
    int count = 0;
    const std::size_t n = sample.size();
    for (std::size_t i = 0; i < n && result.records < kSampleRecords; ++i) {
        const char c = sample[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < n && sample[i + 1] == '"')
                    ++i;
                else
                    inQuotes = false;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (hasContent)
                result.counts[result.records++] = count;
            count = 0;
            fieldStart = true;
            hasContent = false;
            continue;
        }
        hasContent = true;
        if (c == delimiter) {
            ++count;
            fieldStart = true;
        } else if (c == '"' && fieldStart) {
            inQuotes = true;
            fieldStart = false;
        } else {
            fieldStart = false;
        }
    }
    // A last line without its line break may be cut short by the sample size; use it only when
    // it is all there is.
    if (hasContent && result.records < kSampleRecords && result.records == 0)
        result.counts[result.records++] = count;
    return result;
}

} // namespace

char detectDelimiter(std::string_view utf8Sample)
{
    if (utf8Sample.substr(0, 3) == "\xEF\xBB\xBF")
        utf8Sample.remove_prefix(3);

    char best = ',';
    std::size_t bestConsistent = 0;
    std::size_t bestRecords = 1;
    int bestMode = 0;
    for (const char candidate : { ',', ';', '\t', '|' }) {
        const DelimiterCounts counts = countDelimiters(utf8Sample, candidate);
        if (counts.records == 0)
            continue;
        // The most common count (the larger on a tie) is the column count it would give.
        int mode = 0;
        std::size_t modeFrequency = 0;
        for (std::size_t i = 0; i < counts.records; ++i) {
            const int value = counts.counts[i];
            const auto frequency = std::size_t(std::count(counts.counts.begin(),
                counts.counts.begin() + std::ptrdiff_t(counts.records), value));
            if (frequency > modeFrequency || (frequency == modeFrequency && value > mode)) {
                mode = value;
                modeFrequency = frequency;
            }
        }
        if (mode == 0)
            continue;
        // Compare consistency as fractions (cross-multiplied), then the column count.
        const std::size_t lhs = modeFrequency * bestRecords;
        const std::size_t rhs = bestConsistent * counts.records;
        if (lhs > rhs || (lhs == rhs && mode > bestMode)) {
            best = candidate;
            bestConsistent = modeFrequency;
            bestRecords = counts.records;
            bestMode = mode;
        }
    }
    return best;
}

} // namespace fundtrace::import
