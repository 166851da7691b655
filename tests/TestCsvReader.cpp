#include "import/CsvReader.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>

#include <cstring>

using fundtrace::import::CsvReader;
using fundtrace::import::CsvRecord;
using fundtrace::import::TextEncoding;

namespace {

constexpr qsizetype kMiB = 1 << 20;

// Hands out at most `chunk` bytes per read, so every multi-byte sequence, CRLF and "" in the
// input gets split between two reads somewhere.
class ChunkedDevice : public QIODevice {
public:
    ChunkedDevice(QByteArray data, qint64 chunk)
        : m_data(std::move(data))
        , m_chunk(chunk)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min({ max, m_chunk, qint64(m_data.size()) - m_position });
        std::memcpy(out, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_chunk;
    qint64 m_position = 0;
};

QByteArray encode(const QString &text, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return text.toUtf8();
    case TextEncoding::Windows1251: {
        QStringEncoder encoder("windows-1251");
        return encoder.encode(text);
    }
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE: {
        QByteArray bytes;
        for (const QChar c : text) {
            const char16_t unit = c.unicode();
            const char hi = char(unit >> 8);
            const char lo = char(unit & 0xFF);
            if (encoding == TextEncoding::Utf16LE)
                bytes.append(lo).append(hi);
            else
                bytes.append(hi).append(lo);
        }
        return bytes;
    }
    }
    return {};
}

struct ReadResult {
    QList<QStringList> records;
    QList<qint64> lines;
    QList<qint64> numbers;
    std::optional<fundtrace::import::CsvSyntaxError> error;
    qint64 bytesConsumed = 0;
};

ReadResult readAll(QIODevice &device, CsvReader::Options options)
{
    ReadResult result;
    CsvReader reader(device, options);
    CsvRecord record;
    while (reader.next(record)) {
        QStringList fields;
        for (const std::string_view field : record.fields)
            fields << QString::fromUtf8(field.data(), qsizetype(field.size()));
        result.records << fields;
        result.lines << record.line;
        result.numbers << record.number;
    }
    result.error = reader.error();
    result.bytesConsumed = reader.bytesConsumed();
    return result;
}

ReadResult readAll(const QByteArray &data, CsvReader::Options options, qint64 chunk = 0)
{
    if (chunk > 0) {
        ChunkedDevice device(data, chunk);
        return readAll(device, options);
    }
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return readAll(buffer, options);
}

using Records = QList<QStringList>;
using Lines = QList<qint64>;

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void syntaxErrors_data();
    void syntaxErrors();
    void chunkBoundary_data();
    void chunkBoundary();
    void largeRoundTrip_data();
    void largeRoundTrip();
    void fieldLimit_data();
    void fieldLimit();
    void bytesConsumed();
    void fixtures_data();
    void fixtures();
    void detectDelimiter_data();
    void detectDelimiter();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<bool>("bom"); // prepend U+FEFF (QString::fromUtf8 drops one in the literal)
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<Records>("records");
    QTest::addColumn<Lines>("lines");

    const int utf8 = int(TextEncoding::Utf8);
    const int cp1251 = int(TextEncoding::Windows1251);
    const int utf16le = int(TextEncoding::Utf16LE);
    const int utf16be = int(TextEncoding::Utf16BE);

    QTest::newRow("simple LF") << "a,b,c\n1,2,3\n"
                               << utf8 << false << ','
                               << Records { { "a", "b", "c" }, { "1", "2", "3" } }
                               << Lines { 1, 2 };
    QTest::newRow("CRLF") << "a,b\r\n1,2\r\n" << utf8 << false << ','
                          << Records { { "a", "b" }, { "1", "2" } } << Lines { 1, 2 };
    QTest::newRow("CR only (classic Mac)")
        << "a,b\r1,2\r" << utf8 << false << ',' << Records { { "a", "b" }, { "1", "2" } }
        << Lines { 1, 2 };
    QTest::newRow("mixed line ends") << "a\r\nb\nc\rd" << utf8 << false << ','
                                     << Records { { "a" }, { "b" }, { "c" }, { "d" } }
                                     << Lines { 1, 2, 3, 4 };
    QTest::newRow("no final line break")
        << "a,b\n1,2" << utf8 << false << ',' << Records { { "a", "b" }, { "1", "2" } }
        << Lines { 1, 2 };
    QTest::newRow("blank lines skipped")
        << "\n\na,b\n\r\n\r\n1,2\n\n"
        << utf8 << false << ',' << Records { { "a", "b" }, { "1", "2" } } << Lines { 3, 6 };
    QTest::newRow("empty input") << "" << utf8 << false << ',' << Records {} << Lines {};
    QTest::newRow("only line breaks")
        << "\r\n\n\r" << utf8 << false << ',' << Records {} << Lines {};
    QTest::newRow("empty fields") << ",,\n,x,\n" << utf8 << false << ','
                                  << Records { { "", "", "" }, { "", "x", "" } } << Lines { 1, 2 };
    QTest::newRow("trailing delimiter at EOF") << "a,b," << utf8 << false << ','
                                               << Records { { "a", "b", "" } } << Lines { 1 };
    QTest::newRow("quoted delimiter") << "\"a,b\",c\n" << utf8 << false << ','
                                      << Records { { "a,b", "c" } } << Lines { 1 };
    QTest::newRow("doubled quotes") << "\"ТОО \"\"Ромашка\"\"\",1\n" << utf8 << false << ','
                                    << Records { { "ТОО \"Ромашка\"", "1" } } << Lines { 1 };
    QTest::newRow("only a doubled quote") << "\"\"\"\"\n" << utf8 << false << ','
                                          << Records { { "\"" } } << Lines { 1 };
    QTest::newRow("empty quoted field") << "\"\",\"\"\n" << utf8 << false << ','
                                        << Records { { "", "" } } << Lines { 1 };
    QTest::newRow("embedded LF") << "id,purpose\n1,\"line one\nline two\"\n2,x\n"
                                 << utf8 << false << ','
                                 << Records { { "id", "purpose" }, { "1", "line one\nline two" },
                                        { "2", "x" } }
                                 << Lines { 1, 2, 4 };
    QTest::newRow("embedded CRLF")
        << "1,\"a\r\nb\r\nc\"\r\n2,d\r\n"
        << utf8 << false << ',' << Records { { "1", "a\r\nb\r\nc" }, { "2", "d" } }
        << Lines { 1, 4 };
    QTest::newRow("embedded CR") << "1,\"a\rb\"\r2,c" << utf8 << false << ','
                                 << Records { { "1", "a\rb" }, { "2", "c" } } << Lines { 1, 3 };
    QTest::newRow("quoted field at EOF") << "1,\"x\"" << utf8 << false << ','
                                         << Records { { "1", "x" } } << Lines { 1 };
    QTest::newRow("stray quote kept") << "5\" floppy,ok\n" << utf8 << false << ','
                                      << Records { { "5\" floppy", "ok" } } << Lines { 1 };
    QTest::newRow("text after closing quote kept") << "\"abc\"def,g\n" << utf8 << false << ','
                                                   << Records { { "abcdef", "g" } } << Lines { 1 };
    QTest::newRow("escapes then trailing text") << "\"a\"\"b\"c,d\n" << utf8 << false << ','
                                                << Records { { "a\"bc", "d" } } << Lines { 1 };
    QTest::newRow("semicolon") << "Дата;Сумма\n05.03.2024;1 234,56\n" << utf8 << false << ';'
                               << Records { { "Дата", "Сумма" }, { "05.03.2024", "1 234,56" } }
                               << Lines { 1, 2 };
    QTest::newRow("tab") << "a\tb c\t\"d\te\"\n" << utf8 << false << '\t'
                         << Records { { "a", "b c", "d\te" } } << Lines { 1 };
    QTest::newRow("pipe") << "a|b|c\n"
                          << utf8 << false << '|' << Records { { "a", "b", "c" } } << Lines { 1 };
    QTest::newRow("UTF-8 BOM skipped") << "a,b\n" << utf8 << true << ','
                                       << Records { { "a", "b" } } << Lines { 1 };
    QTest::newRow("UTF-8 Kazakh") << "Алматы,Қазақстан,әңғүұқөһі\n"
                                  << utf8 << false << ','
                                  << Records { { "Алматы", "Қазақстан", "әңғүұқөһі" } }
                                  << Lines { 1 };
    QTest::newRow("UTF-8 four-byte") << "😀,\"𝄞\"\n" << utf8 << false << ','
                                     << Records { { "😀", "𝄞" } } << Lines { 1 };
    QTest::newRow("cp1251 Russian")
        << "Получатель;Назначение\r\nИП Ёлкин;\"за товар; №5 «Ёж» — оплата\"\r\n"
        << cp1251 << false << ';'
        << Records { { "Получатель", "Назначение" }, { "ИП Ёлкин", "за товар; №5 «Ёж» — оплата" } }
        << Lines { 1, 2 };
    QTest::newRow("cp1251 Kazakh in Russian letters")
        << "Ізбасар Алиев;Астана\n" << cp1251 << false << ';'
        << Records { { "Ізбасар Алиев", "Астана" } } << Lines { 1 };
    QTest::newRow("UTF-16LE with BOM")
        << "Дата\tСумма\r\n05.03.2024\t1 500,00\r\n"
        << utf16le << true << '\t' << Records { { "Дата", "Сумма" }, { "05.03.2024", "1 500,00" } }
        << Lines { 1, 2 };
    QTest::newRow("UTF-16BE with BOM") << "a;\"б\nв\"\n" << utf16be << true << ';'
                                       << Records { { "a", "б\nв" } } << Lines { 1 };
    QTest::newRow("UTF-16LE surrogate pair") << "x,😀y\n" << utf16le << false << ','
                                             << Records { { "x", "😀y" } } << Lines { 1 };
    QTest::newRow("UTF-16BE surrogate pair") << "😀\n" << utf16be << false << ','
                                             << Records { { "😀" } } << Lines { 1 };
}

void TestCsvReader::parse()
{
    QFETCH(QString, text);
    QFETCH(int, encoding);
    QFETCH(bool, bom);
    QFETCH(char, delimiter);
    QFETCH(Records, records);
    QFETCH(Lines, lines);

    const auto textEncoding = TextEncoding(encoding);
    const QByteArray input = encode(bom ? QChar(0xFEFF) + text : text, textEncoding);
    CsvReader::Options options;
    options.delimiter = delimiter;
    options.encoding = textEncoding;

    // Whole reads, then reads of 1, 2, 3 and 7 bytes that split every sequence somewhere.
    for (const qint64 chunk : { 0, 1, 2, 3, 7 }) {
        const ReadResult result = readAll(input, options, chunk);
        QVERIFY2(!result.error, result.error ? result.error->reason.c_str() : "");
        QCOMPARE(result.records, records);
        QCOMPARE(result.lines, lines);
        for (qsizetype i = 0; i < result.numbers.size(); ++i)
            QCOMPARE(result.numbers[i], qint64(i + 1));
    }

    if (bom) { // without skipBom the BOM stays part of the first field
        options.skipBom = false;
        QBuffer buffer;
        buffer.setData(input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, options);
        CsvRecord record;
        QVERIFY(reader.next(record));
        QVERIFY(record.fields.front().starts_with("\xEF\xBB\xBF"));
    }
}

void TestCsvReader::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("goodRecords");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("reason");

    const int utf8 = int(TextEncoding::Utf8);
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,\"open\n\nstill open") << utf8 << 1
                                        << qint64(2) << "never closed";
    QTest::newRow("unterminated quote after multi-line record")
        << QByteArray("1,\"x\ny\"\n2,\"z") << utf8 << 1 << qint64(3) << "never closed";
    QTest::newRow("invalid UTF-8 on line 3")
        << QByteArray("a\nb\nc\xC3\x28\n") << utf8 << 2 << qint64(3) << "invalid UTF-8";
    QTest::newRow("invalid UTF-8 inside a multi-line field")
        << QByteArray("h\n\"1\n2\n\xFF\"\n") << utf8 << 1 << qint64(4) << "invalid UTF-8";
    QTest::newRow("overlong UTF-8")
        << QByteArray("\xC0\xAF\n") << utf8 << 0 << qint64(1) << "invalid UTF-8";
    QTest::newRow("UTF-8 surrogate") << QByteArray("ok\n\xED\xA0\x80\n") << utf8 << 1 << qint64(2)
                                     << "invalid UTF-8";
    QTest::newRow("cp1251 as UTF-8")
        << QByteArray("a\n\xCF\xF0\xE8\xE2\xE5\xF2\n") << utf8 << 1 << qint64(2) << "invalid UTF-8";
    QTest::newRow("truncated UTF-8 at EOF") << QByteArray("a\nb\xD0") << utf8 << 1 << qint64(2)
                                            << "middle of a UTF-8 character";
    QTest::newRow("cp1251 undefined byte")
        << QByteArray("a\nb\x98") << int(TextEncoding::Windows1251) << 1 << qint64(2) << "0x98";
    QTest::newRow("UTF-16LE odd byte at EOF")
        << QByteArray("a\0\n\0b", 5) << int(TextEncoding::Utf16LE) << 1 << qint64(2)
        << "middle of a UTF-16 character";
    QTest::newRow("UTF-16LE lone low surrogate")
        << QByteArray("a\0\n\0\x00\xDC", 6) << int(TextEncoding::Utf16LE) << 1 << qint64(2)
        << "surrogate";
    QTest::newRow("UTF-16BE high surrogate without low")
        << QByteArray("\xD8\x3D\0a", 4) << int(TextEncoding::Utf16BE) << 0 << qint64(1)
        << "surrogate";
    QTest::newRow("UTF-16BE high surrogate at EOF")
        << QByteArray("\0a\0\n\xD8\x3D", 6) << int(TextEncoding::Utf16BE) << 1 << qint64(2)
        << "middle of a UTF-16 character";
}

void TestCsvReader::syntaxErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, encoding);
    QFETCH(int, goodRecords);
    QFETCH(qint64, line);
    QFETCH(QString, reason);

    CsvReader::Options options;
    options.encoding = TextEncoding(encoding);
    for (const qint64 chunk : { 0, 1, 3 }) {
        const ReadResult result = readAll(input, options, chunk);
        QCOMPARE(result.records.size(), goodRecords);
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->line, line);
        QVERIFY2(QString::fromStdString(result.error->reason).contains(reason),
            result.error->reason.c_str());
    }
}

void TestCsvReader::chunkBoundary_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<int>("splitBytes"); // encoded snippet bytes before the 1 MiB boundary
    QTest::addColumn<QStringList>("lastRecord");

    const int utf8 = int(TextEncoding::Utf8);
    const int cp1251 = int(TextEncoding::Windows1251);
    const int utf16le = int(TextEncoding::Utf16LE);
    const int utf16be = int(TextEncoding::Utf16BE);
    QTest::newRow("UTF-8 Cyrillic letter split") << utf8 << "\nЖук,1\n"
                                                 << 2 << QStringList { "Жук", "1" };
    QTest::newRow("UTF-8 three-byte split after 1") << utf8 << "\n₸,2\n"
                                                    << 2 << QStringList { "₸", "2" };
    QTest::newRow("UTF-8 three-byte split after 2") << utf8 << "\n₸,2\n"
                                                    << 3 << QStringList { "₸", "2" };
    QTest::newRow("UTF-8 four-byte split") << utf8 << "\n😀,3\n" << 3 << QStringList { "😀", "3" };
    QTest::newRow("CRLF split") << utf8 << "\r\nx,4\r\n" << 1 << QStringList { "x", "4" };
    QTest::newRow("doubled quote split") << utf8 << "\n\"a\"\"b\",5\n"
                                         << 4 << QStringList { "a\"b", "5" };
    QTest::newRow("closing quote at boundary") << utf8 << "\n\"ab\",6\n"
                                               << 5 << QStringList { "ab", "6" };
    QTest::newRow("CRLF inside quotes split") << utf8 << "\n\"a\r\nb\",7\n" << 4
                                              << QStringList { "a\r\nb", "7" };
    QTest::newRow("cp1251 letters across the boundary") << cp1251 << "\nЁжик,8\n" << 2
                                                        << QStringList { "Ёжик", "8" };
    QTest::newRow("UTF-16LE surrogate pair split") << utf16le << "\n😀,9\n"
                                                   << 4 << QStringList { "😀", "9" };
    QTest::newRow("UTF-16BE CRLF split") << utf16be << "\r\nЖ,10\r\n"
                                         << 2 << QStringList { "Ж", "10" };
}

// Puts a tricky byte sequence exactly across the reader's 1 MiB read boundary; the chunked
// device in parse() covers odd splits (inside a UTF-16 unit) that whole reads cannot produce.
void TestCsvReader::chunkBoundary()
{
    QFETCH(int, encoding);
    QFETCH(QString, snippet);
    QFETCH(int, splitBytes);
    QFETCH(QStringList, lastRecord);

    const auto textEncoding = TextEncoding(encoding);
    const bool utf16
        = textEncoding == TextEncoding::Utf16LE || textEncoding == TextEncoding::Utf16BE;
    const qsizetype unit = utf16 ? 2 : 1;
    const qsizetype padding = kMiB - splitBytes;
    QVERIFY(padding % unit == 0);
    const QByteArray input = encode(QString(padding / unit, u'p') + snippet, textEncoding);

    CsvReader::Options options;
    options.encoding = textEncoding;
    const ReadResult result = readAll(input, options);
    QVERIFY2(!result.error, result.error ? result.error->reason.c_str() : "");
    QCOMPARE(result.records.size(), 2);
    QCOMPARE(result.records.first().first().size(), padding / unit);
    QCOMPARE(result.records.last(), lastRecord);
    QCOMPARE(result.lines.last(), qint64(2));
}

void TestCsvReader::largeRoundTrip_data()
{
    QTest::addColumn<int>("encoding");
    QTest::newRow("UTF-8") << int(TextEncoding::Utf8);
    QTest::newRow("windows-1251") << int(TextEncoding::Windows1251);
    QTest::newRow("UTF-16LE") << int(TextEncoding::Utf16LE);
    QTest::newRow("UTF-16BE") << int(TextEncoding::Utf16BE);
}

// Several MiB of generated records with quotes, delimiters and line breaks inside fields, so
// that many records straddle read boundaries at arbitrary points; every field must come back.
void TestCsvReader::largeRoundTrip()
{
    QFETCH(int, encoding);
    const auto textEncoding = TextEncoding(encoding);

    QRandomGenerator random(20240301);
    const QStringList words = { "Алматы", "оплата", "ТОО", "\"Ромашка\"", "перевод", "№12",
                                "a;b", "x,y", "строка\nдва", "cr\r\nlf", "Ёж", "—", "" };
    Records expected;
    Lines expectedLines;
    QString text;
    qint64 line = 1;
    while (text.size() < 3 * kMiB) {
        QStringList record;
        QStringList written;
        const int fields = 1 + int(random.bounded(6));
        for (int f = 0; f < fields; ++f) {
            QString field;
            const int parts = int(random.bounded(4));
            for (int p = 0; p < parts; ++p)
                field += (p ? " " : "") + words[random.bounded(words.size())];
            record << field;
            const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
                || field.contains(u'\r') || random.bounded(4) == 0;
            written << (quote ? "\"" + QString(field).replace("\"", "\"\"") + "\"" : field);
        }
        if (record == QStringList { QString() })
            continue; // an empty line is a blank line, not a record
        expected << record;
        expectedLines << line;
        for (const QString &field : record)
            line += field.count(u'\n') + field.count(u'\r') - field.count(QLatin1String("\r\n"));
        ++line;
        text += written.join(u',') + (random.bounded(2) ? "\r\n" : "\n");
    }
    const QByteArray input = encode(text, textEncoding);
    QVERIFY(input.size() > 2 * kMiB);

    CsvReader::Options options;
    options.encoding = textEncoding;
    const ReadResult result = readAll(input, options);
    QVERIFY2(!result.error, result.error ? result.error->reason.c_str() : "");
    QCOMPARE(result.records.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.records[i], expected[i]);
        QCOMPARE(result.lines[i], expectedLines[i]);
    }
    QCOMPARE(result.bytesConsumed, qint64(input.size()));
}

void TestCsvReader::fieldLimit_data()
{
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<bool>("ok");

    QTest::newRow("unquoted at the limit") << qsizetype(kMiB) << false << true;
    QTest::newRow("unquoted over the limit") << qsizetype(kMiB + 1) << false << false;
    QTest::newRow("quoted at the limit") << qsizetype(kMiB) << true << true;
    QTest::newRow("quoted over the limit") << qsizetype(kMiB + 1) << true << false;
    QTest::newRow("far over the limit") << qsizetype(5 * kMiB) << true << false;
}

// The default 1 MiB limit: a field that size needs the buffer to grow past one read; one byte
// more is an error naming the line where the field starts.
void TestCsvReader::fieldLimit()
{
    QFETCH(qsizetype, length);
    QFETCH(bool, quoted);
    QFETCH(bool, ok);

    QByteArray field(length, 'x');
    if (quoted) {
        for (qsizetype i = 1000; i < length; i += 100000)
            field[i] = '\n';
        field = '"' + field + '"';
    }
    const QByteArray input = "h1,h2\n\"a\nb\",c\n1," + field + "\nlast,row\n";
    CsvReader::Options options;
    const ReadResult result = readAll(input, options);
    if (ok) {
        QVERIFY2(!result.error, result.error ? result.error->reason.c_str() : "");
        QCOMPARE(result.records.size(), 4);
        QCOMPARE(result.records[2][1].size(), length);
        QCOMPARE(result.records[3], QStringList({ "last", "row" }));
    } else {
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->line, qint64(4));
        QVERIFY(result.error->reason.find("longer than 1 MiB") != std::string::npos);
        QCOMPARE(result.records.size(), 2);
    }
}

void TestCsvReader::bytesConsumed()
{
    const QByteArray input = "a,b\n" + QByteArray(3 * kMiB, 'z') + "\n";
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader::Options options;
    options.maxFieldBytes = 4 * kMiB;
    CsvReader reader(buffer, options);
    CsvRecord record;
    QVERIFY(reader.next(record));
    QVERIFY(reader.bytesConsumed() > 0);
    QVERIFY(reader.bytesConsumed() <= kMiB);
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields.front().size(), size_t(3 * kMiB));
    QVERIFY(!reader.next(record));
    QVERIFY(!reader.error());
    QCOMPARE(reader.bytesConsumed(), qint64(input.size()));
}

void TestCsvReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<int>("records");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<int>("checkRecord");
    QTest::addColumn<int>("checkField");
    QTest::addColumn<QString>("checkValue");

    QTest::newRow("1C statement, windows-1251")
        << "statement-1c-cp1251-semicolon.csv" << int(TextEncoding::Windows1251) << ';' << 7
        << QStringList { "Дата", "Номер документа", "Дебет", "Кредит", "Валюта", "Контрагент",
                         "БИН/ИИН контрагента", "Назначение платежа" }
        << 3 << 5 << "ТОО \"Ромашка-Алматы\"";
    QTest::newRow("Excel CSV UTF-8 with BOM")
        << "excel-utf8-bom-comma.csv" << int(TextEncoding::Utf8) << ',' << 6
        << QStringList { "Date", "Amount", "Currency", "Counterparty", "Purpose" } << 2 << 4
        << "Invoice 17/2024\nservices, March";
    QTest::newRow("Excel Unicode text, UTF-16LE")
        << "excel-unicode-text-utf16le.txt" << int(TextEncoding::Utf16LE) << '\t' << 5
        << QStringList { "Күні", "Сомасы", "Валюта", "Алушы", "Төлемнің мақсаты" } << 4 << 3
        << "Әлібек Нұрланұлы";
}

void TestCsvReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(int, encoding);
    QFETCH(char, delimiter);
    QFETCH(int, records);
    QFETCH(QStringList, header);
    QFETCH(int, checkRecord);
    QFETCH(int, checkField);
    QFETCH(QString, checkValue);

    QFile input(QStringLiteral(FUNDTRACE_TEST_DATA "/csv/") + file);
    QVERIFY2(input.open(QIODevice::ReadOnly), qPrintable(input.fileName()));
    CsvReader::Options options;
    options.encoding = TextEncoding(encoding);
    options.delimiter = delimiter;
    const ReadResult result = readAll(input, options);
    QVERIFY2(!result.error, result.error ? result.error->reason.c_str() : "");
    QCOMPARE(result.records.size(), records);
    QCOMPARE(result.records.first(), header);
    for (const QStringList &record : result.records)
        QCOMPARE(record.size(), header.size());
    QCOMPARE(result.records[checkRecord][checkField], checkValue);
}

void TestCsvReader::detectDelimiter_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<char>("delimiter");

    QTest::newRow("comma") << "date,amount,purpose\n2024-03-05,100.00,rent\n" << ',';
    QTest::newRow("semicolon") << "Дата;Сумма;Назначение\n05.03.2024;100;аренда\n" << ';';
    QTest::newRow("tab") << "a\tb\tc\n1\t2\t3\n" << '\t';
    QTest::newRow("pipe") << "a|b|c\n1|2|3\n" << '|';
    QTest::newRow("semicolon with decimal commas")
        << "Дата;Дебет;Кредит\n05.03.2024;1 234,56;0,00\n06.03.2024;10,00;0,00\n" << ';';
    QTest::newRow("semicolon with more decimal commas than columns")
        << "Дата;Сумма\n05.03.2024;1,5 2,5 3,5\n06.03.2024;1,5 2,5 3,5\n" << ';';
    QTest::newRow("commas inside quotes ignored")
        << "a;b\n\"x,y,z\";1\n\"p,q,r\";2\n" << ';';
    QTest::newRow("semicolons inside quotes ignored")
        << "a,b\n\"x;y;z\",1\n\"p;q;r\",2\n" << ',';
    QTest::newRow("multi-line quoted field") << "a;b\n\"x\ny,z\";1\n" << ';';
    QTest::newRow("header only") << "Date;Amount;Purpose" << ';';
    QTest::newRow("cut last line ignored") << "a,b,c\n1,2,3\n4;5;6;7;8" << ',';
    QTest::newRow("single column") << "amount\n100\n200\n" << ',';
    QTest::newRow("empty") << "" << ',';
    QTest::newRow("BOM") << QString(QChar(0xFEFF)) + "a\tb\n1\t2\n" << '\t';
}

void TestCsvReader::detectDelimiter()
{
    QFETCH(QString, sample);
    QFETCH(char, delimiter);
    const QByteArray utf8 = sample.toUtf8();
    QCOMPARE(
        fundtrace::import::detectDelimiter(std::string_view(utf8.constData(), size_t(utf8.size()))),
        delimiter);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
