#include "db/CaseFile.h"
#include "import/bank/OneCImporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "TestFiles.h"

using namespace fundtrace;
using import::ImportResult;

namespace {

QByteArray fixture(const QString &name)
{
    return test::readFixture(QStringLiteral("1c/") + name);
}

using test::writeFile;

// A minimal valid UTF-8 exchange file for one account, with the given documents.
QByteArray oneCFile(const QByteArray &documents, const QByteArray &section = {})
{
    return "1CClientBankExchange\nВерсияФормата=1.03\nКодировка=Windows\nРасчСчет=KZ12998B000000000042\n"
            + (section.isEmpty() ? QByteArray("СекцияРасчСчет\nДатаНачала=01.02.2024\nДатаКонца=29.02.2024\n"
                                              "РасчСчет=KZ12998B000000000042\nНачальныйОстаток=90000.00\n"
                                              "КонечныйОстаток=89000.00\nКонецРасчСчет\n")
                                 : section)
            + documents + "КонецФайла\n";
}

const QByteArray kGoodDocument = "СекцияДокумент=Платежное поручение\nНомер=5\nДата=10.02.2024\nСумма=1000.00\n"
                                 "ПлательщикСчет=KZ12998B000000000042\nПолучательСчет=KZ21601A000011112222\n"
                                 "ДатаСписано=10.02.2024\nКонецДокумента\n";

} // namespace

class TestOneCImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsFixtures_data();
    void importsFixtures();
    void keepsValuesDirectionsAndProvenance();
    void recordsReconciledStatement();
    void reportsBalanceMismatchWithNumbers();
    void reportsGapsInsideTheFile();
    void checksContinuityWithEarlierImports_data();
    void checksContinuityWithEarlierImports();
    void rejectsBadDocuments_data();
    void rejectsBadDocuments();
    void refusesMalformedFiles_data();
    void refusesMalformedFiles();
    void strictModeWritesNothing();
    void honoursEncodingOverride_data();
    void honoursEncodingOverride();

private:
    std::int64_t count(const char *sql) { return m_case->db().scalarInt(sql); }
    void verifyCaseEmpty();

    QTemporaryDir m_dir;
    std::optional<db::CaseFile> m_case;
    int m_caseNumber = 0;
};

void TestOneCImport::init()
{
    m_case.reset();
    m_case.emplace(db::CaseFile::create(m_dir.filePath(QStringLiteral("case%1.ftcase").arg(++m_caseNumber)),
                                        QStringLiteral("test")));
}

void TestOneCImport::verifyCaseEmpty()
{
    QCOMPARE(count("SELECT count(*) FROM sources"), 0);
    QCOMPARE(count("SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count("SELECT count(*) FROM accounts"), 0);
    QCOMPARE(count("SELECT count(*) FROM statements"), 0);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
}

void TestOneCImport::importsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("debits");
    QTest::addColumn<int>("statements");
    QTest::addColumn<int>("mismatches");
    QTest::addColumn<int>("gaps");
    QTest::newRow("cp1251, Russian and Kazakh keys") << "statement_cp1251.txt" << "windows-1251" << 3 << 1 << 1 << 0 << 0;
    QTest::newRow("UTF-8 with BOM, Kazakh letters") << "mismatch_utf8_kz.txt" << "UTF-8" << 2 << 1 << 1 << 1 << 0;
    QTest::newRow("two periods with a gap") << "gap_two_periods.txt" << "windows-1251" << 2 << 1 << 2 << 0 << 2;
}

void TestOneCImport::importsFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    QFETCH(int, rows);
    QFETCH(int, debits);
    QFETCH(int, statements);
    QFETCH(int, mismatches);
    QFETCH(int, gaps);
    const QString path = writeFile(m_dir, file, fixture(file));
    const ImportResult result = import::OneCImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, rows);
    QCOMPARE(result.rowsRejected, 0);
    QCOMPARE(result.encoding, encoding);
    QCOMPARE(count("SELECT count(*) FROM transactions WHERE direction = 'D'"), debits);
    QCOMPARE(count("SELECT count(*) FROM statements"), statements);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings WHERE kind = 'balance_mismatch'"), mismatches);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings WHERE kind = 'statement_gap'"), gaps);
    QCOMPARE(count("SELECT count(*) FROM sources WHERE format = '1c' AND notes LIKE 'Statement checks:%'"), 1);
}

void TestOneCImport::keepsValuesDirectionsAndProvenance()
{
    const QString path = writeFile(m_dir, QStringLiteral("march.txt"), fixture(QStringLiteral("statement_cp1251.txt")));
    QCOMPARE(import::OneCImporter(*m_case, {}).importFile(path).status, ImportResult::Status::Imported);
    auto row = m_case->db().prepare(
            "SELECT t.source_row, t.direction, t.amount_minor, t.currency, t.booked_text, a.normalized, "
            "t.counterparty_account_text, n.body, t.counterparty_tax_id, t.counterparty_bank, p.body, t.external_id, "
            "t.channel, s.file_name "
            "FROM transactions t JOIN accounts a ON a.id = t.account_id JOIN sources s ON s.id = t.source_id "
            "LEFT JOIN texts n ON n.id = t.counterparty_name_id LEFT JOIN texts p ON p.id = t.purpose_id "
            "ORDER BY t.source_row");
    QVERIFY(row.step());
    QCOMPARE(row.int64(0), 1);
    QCOMPARE(row.qtext(1), QStringLiteral("C"));
    QCOMPARE(row.int64(2), 250000000);
    QCOMPARE(row.qtext(3), QStringLiteral("KZT"));
    QCOMPARE(row.qtext(4), QStringLiteral("05.03.2024")); // ДатаПоступило, not the document date
    QCOMPARE(row.qtext(5), QStringLiteral("KZ86722S000012345678"));
    QCOMPARE(row.qtext(6), QStringLiteral("KZ75601A861001234567"));
    QCOMPARE(row.qtext(7), QStringLiteral("ТОО «Жетісу Агро»"));
    QCOMPARE(row.qtext(8), QStringLiteral("180440012345"));
    QCOMPARE(row.qtext(9), QStringLiteral("АО «Народный Банк Казахстана», БИК HSBKKZKX"));
    QCOMPARE(row.qtext(10), QStringLiteral("Благотворительная помощь по договору №12 от 01.03.2024 (КНП 119; КОд 17; КБе 18)"));
    QCOMPARE(row.qtext(11), QStringLiteral("118/04.03.2024"));
    QCOMPARE(row.qtext(12), QStringLiteral("Платежное поручение"));
    QCOMPARE(row.qtext(13), QStringLiteral("march.txt"));
    QVERIFY(row.step());
    QCOMPARE(row.qtext(1), QStringLiteral("D"));
    QCOMPARE(row.int64(2), 75000050);
    QCOMPARE(row.qtext(4), QStringLiteral("12.03.2024")); // ДатаСписано
    QCOMPARE(row.qtext(6), QStringLiteral("KZ12998B000000000042"));
    QCOMPARE(row.qtext(7), QStringLiteral("ИП Сапаров Ержан Калиевич"));
    QCOMPARE(row.qtext(8), QStringLiteral("850312300456"));
    QCOMPARE(row.qtext(10), QStringLiteral("Оплата за услуги по счету №7 от 10.03.2024, без НДС (КНП 859)"));
    QVERIFY(row.step());
    QCOMPARE(row.qtext(1), QStringLiteral("C"));
    QCOMPARE(row.int64(2), 15000000);
    QCOMPARE(row.qtext(7), QStringLiteral("Нурланова Асель Маратовна")); // Плательщик1
    QCOMPARE(row.qtext(12), QStringLiteral("Мемориальный ордер"));
    QVERIFY(!row.step());
    // The statement's own account carries its holder's name and tax id.
    auto account = m_case->db().prepare("SELECT holder_name, holder_tax_id FROM accounts WHERE normalized = 'KZ86722S000012345678'");
    QVERIFY(account.step());
    QCOMPARE(account.qtext(0), QStringLiteral("ОФ «Добрая помощь»"));
    QCOMPARE(account.qtext(1), QStringLiteral("150940023456"));
}

void TestOneCImport::recordsReconciledStatement()
{
    const QString path = writeFile(m_dir, QStringLiteral("s.txt"), fixture(QStringLiteral("statement_cp1251.txt")));
    QCOMPARE(import::OneCImporter(*m_case, {}).importFile(path).status, ImportResult::Status::Imported);
    auto s = m_case->db().prepare(
            "SELECT a.normalized, s.period_start, s.period_end, s.currency, s.opening_minor, s.closing_minor, "
            "s.credits_minor, s.debits_minor, s.row_count FROM statements s JOIN accounts a ON a.id = s.account_id");
    QVERIFY(s.step());
    QCOMPARE(s.qtext(0), QStringLiteral("KZ86722S000012345678"));
    QCOMPARE(s.qtext(1), QStringLiteral("2024-03-01"));
    QCOMPARE(s.qtext(2), QStringLiteral("2024-03-31"));
    QCOMPARE(s.qtext(3), QStringLiteral("KZT"));
    QCOMPARE(s.int64(4), 100000000);
    QCOMPARE(s.int64(5), 289999950);
    QCOMPARE(s.int64(6), 265000000);
    QCOMPARE(s.int64(7), 75000050);
    QCOMPARE(s.int64(8), 3);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
}

void TestOneCImport::reportsBalanceMismatchWithNumbers()
{
    const QString path = writeFile(m_dir, QStringLiteral("kz.txt"), fixture(QStringLiteral("mismatch_utf8_kz.txt")));
    const ImportResult result = import::OneCImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.rowsImported, 2); // rows are kept although the balance is off
    auto finding = m_case->db().prepare("SELECT kind, severity, message, details FROM data_quality_findings");
    QVERIFY(finding.step());
    QCOMPARE(finding.qtext(0), QStringLiteral("balance_mismatch"));
    QCOMPARE(finding.qtext(1), QStringLiteral("warning"));
    QCOMPARE(finding.qtext(2),
             QStringLiteral("Statement 1 of KZ75601A861001234567 01.02\u201329.02.2024: opening 500 000,00 + credits "
                            "300 000,00 \u2212 debits 120 000,00 = 680 000,00, but the closing balance says 680 100,00 "
                            "(difference 100,00 KZT)"));
    QVERIFY(finding.qtext(3).contains(QStringLiteral("\"difference_minor\":10000")));
    // The recipient's Kazakh name came through UTF-8 intact.
    QCOMPARE(count("SELECT count(*) FROM texts WHERE body = 'Әлімжанов Нұрлан Серікұлы'"), 1);
}

void TestOneCImport::reportsGapsInsideTheFile()
{
    const QString path = writeFile(m_dir, QStringLiteral("gap.txt"), fixture(QStringLiteral("gap_two_periods.txt")));
    QCOMPARE(import::OneCImporter(*m_case, {}).importFile(path).status, ImportResult::Status::Imported);
    auto finding = m_case->db().prepare("SELECT message FROM data_quality_findings WHERE kind = 'statement_gap' ORDER BY id");
    QVERIFY(finding.step());
    QVERIFY2(finding.qtext(0).contains(QStringLiteral("no statement covers 11.01\u201315.01.2024 (5 days)")),
             qPrintable(finding.qtext(0)));
    QVERIFY(finding.step());
    QVERIFY2(finding.qtext(0).contains(QStringLiteral("closes at 60 000,00"))
                     && finding.qtext(0).contains(QStringLiteral("opens at 95 000,00 (difference 35 000,00 KZT)")),
             qPrintable(finding.qtext(0)));
    // Each statement's rows are counted against the period they fall in.
    QCOMPARE(count("SELECT count(*) FROM statements WHERE row_count = 1"), 2);
    QCOMPARE(count("SELECT sum(credits_minor) FROM statements WHERE period_start = '2024-01-01'"), 5000000);
    QCOMPARE(count("SELECT sum(debits_minor) FROM statements WHERE period_start = '2024-01-16'"), 500000);
}

void TestOneCImport::checksContinuityWithEarlierImports_data()
{
    QTest::addColumn<QByteArray>("opening");
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<int>("gaps");
    QTest::newRow("continues") << QByteArray("90000.00") << QByteArray("01.02.2024") << 0;
    QTest::newRow("balance differs") << QByteArray("91000.00") << QByteArray("01.02.2024") << 1;
    QTest::newRow("days missing") << QByteArray("90000.00") << QByteArray("05.02.2024") << 1;
    QTest::newRow("both") << QByteArray("1.00") << QByteArray("10.02.2024") << 2;
}

void TestOneCImport::checksContinuityWithEarlierImports()
{
    QFETCH(QByteArray, opening);
    QFETCH(QByteArray, start);
    QFETCH(int, gaps);
    const QString january = writeFile(m_dir, QStringLiteral("jan.txt"), fixture(QStringLiteral("gap_two_periods.txt")));
    QCOMPARE(import::OneCImporter(*m_case, {}).importFile(january).status, ImportResult::Status::Imported);
    const std::int64_t before = count("SELECT count(*) FROM data_quality_findings");
    const QByteArray section = "СекцияРасчСчет\nДатаНачала=" + start + "\nДатаКонца=29.02.2024\nРасчСчет=KZ12998B000000000042\n"
                               "НачальныйОстаток=" + opening + "\nКонечныйОстаток=" + opening + "\nКонецРасчСчет\n";
    const QString february = writeFile(m_dir, QStringLiteral("feb-%1.txt").arg(QTest::currentDataTag()), oneCFile({}, section));
    QCOMPARE(import::OneCImporter(*m_case, {}).importFile(february).status, ImportResult::Status::Imported);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings") - before, gaps);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings WHERE message LIKE 'Earlier statement 2 %'"), gaps);
}

void TestOneCImport::rejectsBadDocuments_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no amount") << QByteArray(kGoodDocument).replace("Сумма=1000.00\n", "") << "Сумма" << "no Сумма";
    QTest::newRow("bad amount") << QByteArray(kGoodDocument).replace("1000.00", "1 000.00") << "Сумма" << "not an amount";
    QTest::newRow("three decimals") << QByteArray(kGoodDocument).replace("1000.00", "1000.001") << "Сумма" << "decimal places";
    QTest::newRow("bad date") << QByteArray(kGoodDocument).replace("ДатаСписано=10.02.2024", "ДатаСписано=31.02.2024")
                              << "ДатаСписано" << "31.02.2024";
    QTest::newRow("not our account") << QByteArray(kGoodDocument).replace("ПлательщикСчет=KZ12998B000000000042",
                                                                          "ПлательщикСчет=KZ00000000000000000001")
                                     << "ПлательщикСчет" << "direction is unknown";
    QTest::newRow("line without =") << QByteArray(kGoodDocument).replace("Номер=5\n", "Номер 5\n") << "" << "not Key=Value";
}

void TestOneCImport::rejectsBadDocuments()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, column);
    QFETCH(QString, reason);
    const QString path = writeFile(m_dir, QStringLiteral("bad.txt"), oneCFile(kGoodDocument + document));
    const ImportResult result = import::OneCImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 1);
    QCOMPARE(result.rowsRejected, 1);
    QCOMPARE(result.rejects.at(0).row, 2);
    QCOMPARE(result.rejects.at(0).line, 20);
    QCOMPARE(result.rejects.at(0).column, column);
    QVERIFY2(result.rejects.at(0).reason.contains(reason) || result.rejects.at(0).value.contains(reason),
             qPrintable(result.rejects.at(0).reason));
}

void TestOneCImport::refusesMalformedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray good = fixture(QStringLiteral("statement_cp1251.txt"));
    QTest::newRow("truncated mid-document") << good.left(good.size() / 2) << "truncated";
    const QByteArray endOfFile1251 = "\xCA\xEE\xED\xE5\xF6\xD4\xE0\xE9\xEB\xE0"; // КонецФайла
    QTest::newRow("truncated before КонецФайла") << good.left(good.lastIndexOf(endOfFile1251)) << "truncated";
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("a CSV file") << QByteArray("Date,Amount\n2024-01-01,5\n") << "not a 1C";
    QTest::newRow("section not closed") << oneCFile(QByteArray(kGoodDocument).replace("КонецДокумента\n", "") + kGoodDocument)
                                        << "КонецДокумента missing";
    QTest::newRow("end marker without section") << oneCFile("КонецДокумента\n") << "without its section";
    QTest::newRow("bad balance") << oneCFile(kGoodDocument, "СекцияРасчСчет\nРасчСчет=KZ1\nНачальныйОстаток=abc\nКонецРасчСчет\n")
                                 << "НачальныйОстаток: not an amount";
    QTest::newRow("account section without account") << oneCFile(kGoodDocument, "СекцияРасчСчет\nНачальныйОстаток=1.00\nКонецРасчСчет\n")
                                                     << "has no РасчСчет";
    QTest::newRow("byte 0x98") << QByteArray("1CClientBankExchange\nОтправитель=\x98\nКонецФайла\n") << "0x98";
    QTest::newRow("huge field") << oneCFile(QByteArray(kGoodDocument).replace("Номер=5", "Номер=" + QByteArray(200000, '7')))
                                << "longer than 65536 bytes";
    // Кодировка=DOS and КонецФайла in windows-1251 bytes.
    const QByteArray dos = "1CClientBankExchange\r\n\xCA\xEE\xE4\xE8\xF0\xEE\xE2\xEA\xE0=DOS\r\n"
                           "\xCA\xEE\xED\xE5\xF6\xD4\xE0\xE9\xEB\xE0\r\n";
    QTest::newRow("DOS code page") << dos << "Кодировка=DOS";
}

void TestOneCImport::refusesMalformedFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = writeFile(m_dir, QStringLiteral("malformed.txt"), bytes);
    const ImportResult result = import::OneCImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("malformed.txt")));
    verifyCaseEmpty();
}

void TestOneCImport::strictModeWritesNothing()
{
    const QString path = writeFile(m_dir, QStringLiteral("strict.txt"),
                                   oneCFile(kGoodDocument + QByteArray(kGoodDocument).replace("1000.00", "x")));
    import::ImportOptions options;
    options.strict = true;
    const ImportResult result = import::OneCImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(QStringLiteral("Сумма")), qPrintable(result.message));
    verifyCaseEmpty();
}

void TestOneCImport::honoursEncodingOverride_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("imported");
    QTest::addColumn<QString>("text");
    QTest::newRow("cp1251 alias") << "cp1251" << true << "windows-1251";
    QTest::newRow("UTF-8 on a 1251 file") << "utf-8" << false << "not valid UTF-8";
    QTest::newRow("unknown") << "klingon" << false << "unknown encoding \"klingon\"";
}

void TestOneCImport::honoursEncodingOverride()
{
    QFETCH(QString, encoding);
    QFETCH(bool, imported);
    QFETCH(QString, text);
    const QString path = writeFile(m_dir, QStringLiteral("enc.txt"), fixture(QStringLiteral("statement_cp1251.txt")));
    import::ImportOptions options;
    options.encoding = encoding;
    const ImportResult result = import::OneCImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, imported ? ImportResult::Status::Imported : ImportResult::Status::Failed);
    QVERIFY2((imported ? result.encoding : result.message).contains(text), qPrintable(result.message));
    if (!imported)
        verifyCaseEmpty();
}

QTEST_GUILESS_MAIN(TestOneCImport)
#include "TestOneCImport.moc"
