// Throughput of the import parsing units on a generated one-million-row statement: CsvReader
// alone, then with the amount and date of every row parsed, in UTF-8 and windows-1251.
// For scale it also times `sqlite3 .import` of the UTF-8 file when sqlite3 is on the PATH.
//
// Usage: bench_csv_parse [rows]   (default 1000000)

#include "import/AmountParser.h"
#include "import/CsvReader.h"
#include "import/DateTimeParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <string>

using namespace fundtrace::import;

namespace {

// Cyrillic is written as windows-1251 bytes 0xC0-0xFF (А-я) and turned into UTF-8 from them, so
// both files hold the same text without needing a converter.
void appendCyrillic(std::string &cp1251, std::string &utf8, unsigned char byte)
{
    cp1251 += char(byte);
    const char32_t cp = 0x0410 + (byte - 0xC0);
    utf8 += char(0xC0 | (cp >> 6));
    utf8 += char(0x80 | (cp & 0x3F));
}

void appendAscii(std::string &cp1251, std::string &utf8, std::string_view text)
{
    cp1251 += text;
    utf8 += text;
}

struct Files {
    QString utf8;
    QString cp1251;
    qint64 utf8Bytes = 0;
    qint64 cp1251Bytes = 0;
};

// Rows shaped like a Kazakh bank statement: date-time, amount with space thousands and comma
// decimals, currency, IBAN, counterparty (quoted, with "" inside), purpose in Cyrillic.
Files generate(const QString &dir, int rows)
{
    Files files { dir + "/statement-utf8.csv", dir + "/statement-cp1251.csv" };
    QFile utf8File(files.utf8);
    QFile cpFile(files.cp1251);
    utf8File.open(QIODevice::WriteOnly);
    cpFile.open(QIODevice::WriteOnly);

    std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
    const auto random = [&seed](std::uint64_t bound) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return seed % bound;
    };
    const auto word = [&](std::string &cp, std::string &u, int length) {
        for (int i = 0; i < length; ++i)
            appendCyrillic(cp, u, static_cast<unsigned char>(0xE0 + random(32)));
    };

    std::string cp;
    std::string u;
    appendAscii(cp, u, "date;amount;currency;account;counterparty;purpose\r\n");
    char buffer[128];
    for (int row = 0; row < rows; ++row) {
        std::snprintf(buffer, sizeof buffer,
            "%02d.%02d.20%02d %02d:%02d:%02d;%d %03d,%02d;KZT;KZ%018llu;", int(1 + random(28)),
            int(1 + random(12)), int(20 + random(5)), int(random(24)), int(random(60)),
            int(random(60)), int(1 + random(999)), int(random(1000)), int(random(100)),
            static_cast<unsigned long long>(random(1000000000000000000ULL)));
        appendAscii(cp, u, buffer);
        appendAscii(cp, u, "\"");
        appendCyrillic(cp, u, 0xD2); // Т
        appendCyrillic(cp, u, 0xCE); // О
        appendCyrillic(cp, u, 0xCE); // О
        appendAscii(cp, u, " \"\"");
        word(cp, u, 4 + int(random(8)));
        appendAscii(cp, u, "\"\"\";");
        for (int w = 0, words = 3 + int(random(5)); w < words; ++w) {
            if (w)
                appendAscii(cp, u, " ");
            word(cp, u, 2 + int(random(9)));
        }
        appendAscii(cp, u, "\r\n");
        if (u.size() > (4 << 20)) {
            utf8File.write(u.data(), qint64(u.size()));
            cpFile.write(cp.data(), qint64(cp.size()));
            u.clear();
            cp.clear();
        }
    }
    utf8File.write(u.data(), qint64(u.size()));
    cpFile.write(cp.data(), qint64(cp.size()));
    files.utf8Bytes = utf8File.size();
    files.cp1251Bytes = cpFile.size();
    return files;
}

struct Run {
    double seconds = 0;
    std::int64_t rows = 0;
    std::int64_t checksum = 0;
    std::int64_t failures = 0;
};

Run readFile(const QString &path, TextEncoding encoding, bool parseValues)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    CsvReader::Options options;
    options.delimiter = ';';
    options.encoding = encoding;
    CsvReader reader(file, options);
    AmountParser amounts;
    DateTimeParser dates;
    ParsedAmount amount;
    std::string error;
    CsvRecord record;

    Run run;
    QElapsedTimer timer;
    timer.start();
    reader.next(record); // header
    while (reader.next(record)) {
        ++run.rows;
        if (record.fields.size() != 6)
            ++run.failures;
        run.checksum += std::int64_t(record.fields.size() + record.fields.back().size());
        if (parseValues) {
            std::int64_t utc = 0;
            if (dates.parse(record.fields[0], utc, error)
                && amounts.parse(record.fields[1], amount, error))
                run.checksum += utc + amount.minor;
            else
                ++run.failures;
        }
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (reader.error())
        std::fprintf(stderr, "syntax error on line %lld: %s\n",
                     static_cast<long long>(reader.error()->line), reader.error()->reason.c_str());
    return run;
}

void report(const char *label, qint64 bytes, TextEncoding encoding, const QString &path, bool parse)
{
    Run best;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Run run = readFile(path, encoding, parse);
        if (attempt == 0 || run.seconds < best.seconds)
            best = run;
    }
    std::printf("%-34s %8.1f MB/s %10.0f rows/s  (%lld rows, %.3f s%s)\n", label,
                double(bytes) / 1e6 / best.seconds, double(best.rows) / best.seconds,
                static_cast<long long>(best.rows), best.seconds,
                best.failures ? ", PARSE FAILURES" : "");
}

void timeSqliteImport(const QString &dir, const QString &csv, qint64 bytes)
{
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty())
        return;
    const QString db = dir + "/import.sqlite";
    QFile::remove(db);
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(sqlite, { db, QStringLiteral(".mode csv"), QStringLiteral(".separator ;"),
                            QStringLiteral(".import '%1' t").arg(csv) });
    process.waitForFinished(-1);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-34s %8.1f MB/s  (%.3f s, for scale)\n", "sqlite3 .import (UTF-8)",
                double(bytes) / 1e6 / seconds, seconds);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 1000000;
    QTemporaryDir dir;
    std::printf("generating %d rows...\n", rows);
    const Files files = generate(dir.path(), rows);
    std::printf("UTF-8 file %.1f MB, windows-1251 file %.1f MB\n\n", double(files.utf8Bytes) / 1e6,
                double(files.cp1251Bytes) / 1e6);

    report("CsvReader UTF-8", files.utf8Bytes, TextEncoding::Utf8, files.utf8, false);
    report("CsvReader windows-1251", files.cp1251Bytes, TextEncoding::Windows1251, files.cp1251,
        false);
    report("CsvReader+amount+date UTF-8", files.utf8Bytes, TextEncoding::Utf8, files.utf8, true);
    report("CsvReader+amount+date windows-1251", files.cp1251Bytes, TextEncoding::Windows1251,
           files.cp1251, true);
    timeSqliteImport(dir.path(), files.utf8, files.utf8Bytes);
    return 0;
}
