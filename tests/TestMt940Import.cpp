#include "db/CaseFile.h"
#include "import/bank/Mt940Importer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include "TestFiles.h"

using namespace fundtrace;
using import::ImportResult;

namespace {

QByteArray fixture(const QString &name)
{
    return test::readFixture(QStringLiteral("mt940/") + name);
}

using test::writeFile;

// One message without envelope around the given statement lines; balances 0 -> closing.
QByteArray message(const QByteArray &lines, const QByteArray &closing = "C240302KZT0,00")
{
    return ":20:REF1\n:25:KZ86722S000012345678\n:28C:1/1\n:60F:C240301KZT0,00\n" + lines + ":62F:" + closing + "\n-\n";
}

} // namespace

class TestMt940Import : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsTwoMessagesWithEnvelope();
    void parsesStatementLines_data();
    void parsesStatementLines();
    void reportsMismatchAndGap();
    void rejectsBadStatementLines_data();
    void rejectsBadStatementLines();
    void refusesMalformedFiles_data();
    void refusesMalformedFiles();

private:
    std::int64_t count(const char *sql) { return m_case->db().scalarInt(sql); }

    QTemporaryDir m_dir;
    std::optional<db::CaseFile> m_case;
    int m_caseNumber = 0;
};

void TestMt940Import::init()
{
    m_case.reset();
    m_case.emplace(db::CaseFile::create(m_dir.filePath(QStringLiteral("case%1.ftcase").arg(++m_caseNumber)),
                                        QStringLiteral("test")));
}

void TestMt940Import::importsTwoMessagesWithEnvelope()
{
    const QString path = writeFile(m_dir, QStringLiteral("halyk.sta"), fixture(QStringLiteral("halyk_two_days.sta")));
    const ImportResult result = import::Mt940Importer(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 4);
    QCOMPARE(result.rowsRejected, 0);
    QCOMPARE(result.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
    QCOMPARE(count("SELECT count(*) FROM statements"), 2);
    auto row = m_case->db().prepare(
            "SELECT t.direction, t.amount_minor, t.currency, t.booked_text, a.normalized, a.institution, n.body, "
            "t.counterparty_account_text, t.counterparty_bank, p.body, t.external_id, t.channel "
            "FROM transactions t JOIN accounts a ON a.id = t.account_id LEFT JOIN texts n ON n.id = t.counterparty_name_id "
            "LEFT JOIN texts p ON p.id = t.purpose_id ORDER BY t.source_row");
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("C"));
    QCOMPARE(row.int64(1), 25000000);
    QCOMPARE(row.qtext(2), QStringLiteral("KZT"));
    QCOMPARE(row.qtext(3), QStringLiteral("2403010301"));
    QCOMPARE(row.qtext(4), QStringLiteral("KZ75601A861001234567"));
    QCOMPARE(row.qtext(5), QStringLiteral("HSBKKZKX"));
    QCOMPARE(row.qtext(6), QStringLiteral("ОФ «Добрая помощь»"));
    QCOMPARE(row.qtext(7), QStringLiteral("KZ86722S000012345678"));
    QCOMPARE(row.qtext(8), QStringLiteral("CASPKZKA"));
    QCOMPARE(row.qtext(9), QStringLiteral("Оплата по договору №5 от 01.02.2024 за семена")); // ?20 and ?21 joined
    QCOMPARE(row.qtext(10), QStringLiteral("HB24030100017"));
    QCOMPARE(row.qtext(11), QStringLiteral("NTRF"));
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("D"));
    QCOMPARE(row.int64(1), 1500000); // "15000," has no decimals
    QCOMPARE(row.qtext(9), QStringLiteral("Комиссия банка за ведение счета"));
    QCOMPARE(row.qtext(10), QStringLiteral("HB24030100018")); // the bank reference wins
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("D"));
    QCOMPARE(row.int64(1), 40000000); // funds code T skipped
    QCOMPARE(row.qtext(9), QStringLiteral("Перевод собственных средств  на карту Сапарову Е.К.")); // free text lines joined
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("D")); // RC: reversal of a credit
    QCOMPARE(row.int64(1), 1500000);
    QVERIFY(!row.step());
    auto s = m_case->db().prepare("SELECT reference, period_start, period_end, opening_minor, closing_minor, credits_minor, "
                                  "debits_minor, row_count, account_id IS NOT NULL FROM statements ORDER BY id");
    QVERIFY(s.step());
    QCOMPARE(s.qtext(0), QStringLiteral("00061/001"));
    QCOMPARE(s.qtext(1), QStringLiteral("2024-02-29"));
    QCOMPARE(s.qtext(2), QStringLiteral("2024-03-01"));
    QCOMPARE(s.int64(3), 68000000);
    QCOMPARE(s.int64(4), 91500000);
    QCOMPARE(s.int64(5), 25000000);
    QCOMPARE(s.int64(6), 1500000);
    QCOMPARE(s.int64(7), 2);
    QCOMPARE(s.int64(8), 1);
}

void TestMt940Import::parsesStatementLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("bookedUtc");
    QTest::addColumn<QString>("externalId");
    QTest::addColumn<QString>("purpose");
    QTest::newRow("value date only") << QByteArray(":61:240302C100,5NTRFREF1\n") << "C" << qint64(10050)
                                     << "2024-03-01T19:00:00Z" << "REF1" << "";
    QTest::newRow("entry date and bank ref") << QByteArray(":61:2403020303D7,NCHGNONREF//BANK9\n") << "D" << qint64(700)
                                             << "2024-03-02T19:00:00Z" << "BANK9" << "";
    QTest::newRow("entry date across new year") << QByteArray(":61:2312311231C1,00NTRFX\n:61:2401020101C1,00NTRFY\n")
                                                << "C" << qint64(100) << "2023-12-30T18:00:00Z" << "X" << "";
    QTest::newRow("RD is a credit") << QByteArray(":61:240302RD3,00NTRFREF\n") << "C" << qint64(300)
                                    << "2024-03-01T19:00:00Z" << "REF" << "";
    QTest::newRow("supplementary details") << QByteArray(":61:240302C3,00NTRFREF\nКАССОВЫЙ ВЗНОС\n") << "C" << qint64(300)
                                           << "2024-03-01T19:00:00Z" << "REF" << "КАССОВЫЙ ВЗНОС";
    QTest::newRow("86 overrides") << QByteArray(":61:240302C3,00NTRFREF\nSUPPL\n:86:Перевод\nмежду счетами\n") << "C"
                                  << qint64(300) << "2024-03-01T19:00:00Z" << "REF" << "Перевод между счетами";
    QTest::newRow("structured 86, ?00 only") << QByteArray(":61:240302C3,00NTRFREF\n:86:051?00BARGELD\n") << "C"
                                             << qint64(300) << "2024-03-01T19:00:00Z" << "REF" << "BARGELD";
}

void TestMt940Import::parsesStatementLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, direction);
    QFETCH(qint64, amount);
    QFETCH(QString, bookedUtc);
    QFETCH(QString, externalId);
    QFETCH(QString, purpose);
    const QString path = writeFile(m_dir, QStringLiteral("line.sta"), message(line));
    const ImportResult result = import::Mt940Importer(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsRejected, 0);
    auto row = m_case->db().prepare("SELECT t.direction, t.amount_minor, t.booked_at, coalesce(t.external_id, ''), "
                                    "coalesce(p.body, '') FROM transactions t LEFT JOIN texts p ON p.id = t.purpose_id "
                                    "ORDER BY t.source_row LIMIT 1");
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), direction);
    QCOMPARE(row.int64(1), amount);
    QCOMPARE(QDateTime::fromSecsSinceEpoch(row.int64(2), QTimeZone::utc()).toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"), bookedUtc);
    QCOMPARE(row.qtext(3), externalId);
    QCOMPARE(row.qtext(4), purpose);
}

void TestMt940Import::reportsMismatchAndGap()
{
    const QString path = writeFile(m_dir, QStringLiteral("gap.sta"), fixture(QStringLiteral("mismatch_gap.sta")));
    const ImportResult result = import::Mt940Importer(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 3);
    QCOMPARE(result.encoding, QStringLiteral("windows-1251"));
    QCOMPARE(count("SELECT count(*) FROM texts WHERE body = 'ПОМОЩЬ ОТ ЧАСТНОГО ЛИЦА'"), 1);
    auto finding = m_case->db().prepare("SELECT kind, message FROM data_quality_findings ORDER BY id");
    QVERIFY(finding.step());
    QCOMPARE(finding.qtext(0), QStringLiteral("balance_mismatch"));
    QCOMPARE(finding.qtext(1),
             QStringLiteral("Statement 14/1 of KZ86722S000012345678 01.04\u201305.04.2024: opening 100 000,00 + credits "
                            "5 000 000,00 \u2212 debits 2 000 000,00 = 3 100 000,00, but the closing balance says "
                            "3 200 000,00 (difference 100 000,00 KZT)"));
    QVERIFY(finding.step());
    QCOMPARE(finding.qtext(0), QStringLiteral("statement_gap"));
    QVERIFY2(finding.qtext(1).contains(QStringLiteral("no statement covers 06.04\u201307.04.2024 (2 days)")),
             qPrintable(finding.qtext(1)));
    QVERIFY(!finding.step());
}

void TestMt940Import::rejectsBadStatementLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("column");
    QTest::newRow("bad value date") << QByteArray(":61:241302C1,00NTRFX\n") << ":61: value date";
    QTest::newRow("bad entry date") << QByteArray(":61:2403021345C1,00NTRFX\n") << ":61: entry date";
    QTest::newRow("no mark") << QByteArray(":61:240302X1,00NTRFX\n") << ":61: mark";
    QTest::newRow("no amount") << QByteArray(":61:240302CNTRFX\n") << ":61: amount";
    QTest::newRow("two commas") << QByteArray(":61:240302C1,0,0NTRFX\n") << ":61: amount";
    QTest::newRow("no type") << QByteArray(":61:240302C1,00\n") << ":61: type";
}

void TestMt940Import::rejectsBadStatementLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, column);
    const QString path = writeFile(m_dir, QStringLiteral("bad.sta"),
                                   message(":61:240302C5,00NTRFGOOD\n:86:ok\n" + line + ":86:its details\n", "C240302KZT5,00"));
    const ImportResult result = import::Mt940Importer(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 1);
    QCOMPARE(result.rowsRejected, 1);
    QCOMPARE(result.rejects.at(0).row, 2);
    QCOMPARE(result.rejects.at(0).line, 7);
    QCOMPARE(result.rejects.at(0).column, column);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
}

void TestMt940Import::refusesMalformedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray good = fixture(QStringLiteral("halyk_two_days.sta"));
    QTest::newRow("truncated") << good.left(good.indexOf(":62F:C240302")) << "no closing balance";
    QTest::newRow("empty") << QByteArray() << "no MT940 statement";
    QTest::newRow("not MT940") << QByteArray("Date,Amount\n2024-01-01,5\n") << "outside any field";
    QTest::newRow("field before :20:") << QByteArray(":25:KZ1\n:20:X\n") << "before the statement's :20:";
    QTest::newRow("no account") << QByteArray(":20:X\n:60F:C240301KZT0,00\n:61:240302C1,00NTRFX\n:62F:C240302KZT1,00\n")
                                << "before the account";
    QTest::newRow("no opening") << QByteArray(":20:X\n:25:KZ1\n:61:240302C1,00NTRFX\n:62F:C240302KZT1,00\n")
                                << "opening balance";
    QTest::newRow("bad balance") << message({}, "C240302KZTabc") << "not an amount";
    QTest::newRow("bad balance date") << message({}, "C241302KZT1,00") << "not a date";
    QTest::newRow("currency changes") << message({}, "C240302USD0,00") << "closing balance is in USD";
    QTest::newRow("huge line") << message(":61:240302C1,00NTRF" + QByteArray(100000, 'X') + "\n") << "longer than 65536";
    QByteArray longField = ":61:240302C1,00NTRFX\n:86:";
    for (int i = 0; i < 3000; ++i)
        longField += "0123456789012345678901234567890123\n";
    QTest::newRow("huge field") << message(longField) << "field :86: is longer";
    QTest::newRow("byte 0x98") << message(":61:240302C1,00NTRFX\n:86:\x98\n") << "0x98";
}

void TestMt940Import::refusesMalformedFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = writeFile(m_dir, QStringLiteral("malformed.sta"), bytes);
    const ImportResult result = import::Mt940Importer(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("malformed.sta")));
    QCOMPARE(count("SELECT count(*) FROM sources"), 0);
    QCOMPARE(count("SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count("SELECT count(*) FROM statements"), 0);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
}

QTEST_GUILESS_MAIN(TestMt940Import)
#include "TestMt940Import.moc"
