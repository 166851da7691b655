// Generates a camt.053 file and an MT940 file of a million entries each (by default), imports each
// into a new case through CamtImporter and Mt940Importer, and prints rows per second and the peak
// resident memory of each import (VmHWM, reset between imports through /proc/self/clear_refs).
//
// Usage: bench_statement_import [ENTRIES] [camt|mt940|both]

#include "db/CaseFile.h"
#include "import/bank/CamtImporter.h"
#include "import/bank/Mt940Importer.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <string>

using namespace fundtrace;

namespace {

const char *const kNames[] = { "ТОО «Жетісу Агро»", "ИП Сапаров Ержан Калиевич", "Нурланова Асель Маратовна",
                               "ОФ «Добрая помощь»", "«Құрылыс Өнімдері» ЖШС", "Иванов Иван Иванович" };
const char *const kPurposes[] = { "Оплата по договору", "Пожертвование", "Возврат займа", "Перевод собственных средств",
                                  "Тауарлар үшін төлем", "Помощь на лечение" };

std::int64_t peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

std::string money(std::int64_t minor, char mark)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%lld%c%02lld", static_cast<long long>(minor / 100), mark,
                  static_cast<long long>(minor % 100));
    return buffer;
}

std::string account(int i)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "KZ%02d601A%012d", 10 + i % 89, 100000 + (i * 7919) % 50000);
    return buffer;
}

// Entry i: a deterministic mix of credits and debits over one year.
struct Generated {
    bool credit;
    std::int64_t minor;
    QDate date;
};

Generated entry(int i, int entries)
{
    return { i % 3 != 0, 1000 + (std::int64_t(i) * 104729) % 5000000, QDate(2024, 1, 1).addDays(qint64(i) * 365 / entries) };
}

void writeCamt(const QString &path, int entries)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    std::int64_t balance = 0;
    for (int i = 0; i < entries; ++i) {
        const Generated g = entry(i, entries);
        balance += g.credit ? g.minor : -g.minor;
    }
    const std::int64_t opening = balance < 0 ? -balance : 0;
    const std::int64_t closing = opening + balance;
    std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                       "<BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId></GrpHdr><Stmt><Id>BENCH-2024</Id>"
                       "<Acct><Id><IBAN>KZ86722S000012345678</IBAN></Id><Ccy>KZT</Ccy></Acct>\n"
                       "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"KZT\">" + money(opening, '.')
            + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-01</Dt></Dt></Bal>\n"
              "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"KZT\">" + money(closing, '.')
            + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-12-31</Dt></Dt></Bal>\n";
    for (int i = 0; i < entries; ++i) {
        const Generated g = entry(i, entries);
        const char *party = g.credit ? "Dbtr" : "Cdtr";
        text += "<Ntry><Amt Ccy=\"KZT\">" + money(g.minor, '.') + "</Amt><CdtDbtInd>" + (g.credit ? "CRDT" : "DBIT")
                + "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + g.date.toString(Qt::ISODate).toStdString()
                + "</Dt></BookgDt><AcctSvcrRef>R" + std::to_string(i) + "</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><"
                + party + "><Nm>" + kNames[i % 6] + "</Nm></" + party + "><" + party + "Acct><Id><IBAN>" + account(i)
                + "</IBAN></Id></" + party + "Acct></RltdPties><RmtInf><Ustrd>" + kPurposes[(i / 6) % 6] + " №"
                + std::to_string(i % 997) + "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
        if (text.size() > (1 << 20)) {
            out.write(text.data(), qint64(text.size()));
            text.clear();
        }
    }
    text += "</Stmt></BkToCstmrStmt></Document>\n";
    out.write(text.data(), qint64(text.size()));
}

// One message per 1000 entries, each opening where the previous one closed.
void writeMt940(const QString &path, int entries)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    std::int64_t balance = 1000000000000;
    std::string text;
    const auto balanceField = [](const char *tag, std::int64_t minor, const QDate &date) {
        return std::string(tag) + (minor < 0 ? "D" : "C") + date.toString(u"yyMMdd").toStdString() + "KZT"
                + money(minor < 0 ? -minor : minor, ',') + "\r\n";
    };
    for (int first = 0; first < entries; first += 1000) {
        const int last = std::min(entries, first + 1000);
        text += "{1:F01HSBKKZKXAXXX0000000000}{2:O940HSBKKZKXAXXXN}{4:\r\n:20:B" + std::to_string(first / 1000)
                + "\r\n:25:HSBKKZKX/KZ75601A861001234567\r\n:28C:" + std::to_string(first / 1000 + 1) + "/1\r\n"
                + balanceField(":60F:", balance, entry(first, entries).date);
        for (int i = first; i < last; ++i) {
            const Generated g = entry(i, entries);
            balance += g.credit ? g.minor : -g.minor;
            text += ":61:" + g.date.toString(u"yyMMddMMdd").toStdString() + (g.credit ? "C" : "D") + money(g.minor, ',')
                    + "NTRFNONREF//B" + std::to_string(i) + "\r\n:86:119?00ПЕРЕВОД?20" + kPurposes[(i / 6) % 6] + " №"
                    + std::to_string(i % 997) + "?31" + account(i) + "?32" + kNames[i % 6] + "\r\n";
        }
        text += balanceField(":62F:", balance, entry(last - 1, entries).date) + "-}\r\n";
        if (text.size() > (1 << 20)) {
            out.write(text.data(), qint64(text.size()));
            text.clear();
        }
    }
    out.write(text.data(), qint64(text.size()));
}

template<typename Importer>
void run(const char *label, const QTemporaryDir &dir, const QString &file)
{
    const QString casePath = dir.filePath(QStringLiteral("%1.ftcase").arg(QString::fromLatin1(label)));
    db::CaseFile caseFile = db::CaseFile::create(casePath, QStringLiteral("bench"));
    resetPeakRss();
    QElapsedTimer timer;
    timer.start();
    const import::ImportResult result = Importer(caseFile, {}).importFile(file);
    const double seconds = timer.elapsed() / 1000.0;
    if (result.status != import::ImportResult::Status::Imported) {
        std::printf("%-6s FAILED: %s\n", label, qPrintable(result.message));
        return;
    }
    std::printf("%-6s %9lld rows, %6.1f MiB file, %6.2f s, %9.0f rows/s, peak RSS %lld MiB, findings %lld\n", label,
                static_cast<long long>(result.rowsImported), QFile(file).size() / 1048576.0, seconds,
                result.rowsImported / seconds, static_cast<long long>(peakRssKiB() / 1024),
                static_cast<long long>(caseFile.db().scalarInt("SELECT count(*) FROM data_quality_findings")));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int entries = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 1000000;
    const QString which = argc > 2 ? QString::fromLatin1(argv[2]) : QStringLiteral("both");
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary directory");
    if (which != u"mt940") {
        const QString camt = dir.filePath(QStringLiteral("statement.xml"));
        writeCamt(camt, entries);
        run<import::CamtImporter>("camt", dir, camt);
        QFile::remove(camt);
    }
    if (which != u"camt") {
        const QString mt940 = dir.filePath(QStringLiteral("statement.sta"));
        writeMt940(mt940, entries);
        run<import::Mt940Importer>("mt940", dir, mt940);
    }
    return 0;
}
