#include "db/CaseFile.h"
#include "import/bank/CamtImporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "TestFiles.h"

using namespace fundtrace;
using import::ImportResult;

namespace {

QByteArray fixture(const QString &name)
{
    return test::readFixture(QStringLiteral("camt/") + name);
}

using test::writeFile;

// A camt.054 notification (no balances) for one account around the given entries.
QByteArray notification(const QByteArray &entries, const QByteArray &account = "<Acct><Id><IBAN>KZ86722S000012345678</IBAN></Id></Acct>")
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\"><BkToCstmrDbtCdtNtfctn>\n"
           "<GrpHdr><MsgId>N1</MsgId></GrpHdr>\n<Ntfctn><Id>N1</Id>\n"
            + account + "\n" + entries + "</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>\n";
}

const QByteArray kEntry = "<Ntry><Amt Ccy=\"KZT\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-03-05</Dt></BookgDt></Ntry>\n";

} // namespace

class TestCamtImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsVersion02Statement();
    void importsVersion08AndFindsMismatch();
    void keepsBatchWithoutAmountsAsOneRow();
    void importsNotificationWithoutBalances();
    void checksContinuityWithEarlierStatement_data();
    void checksContinuityWithEarlierStatement();
    void cancelLeavesCaseUnchanged();
    void rejectsBadEntries_data();
    void rejectsBadEntries();
    void refusesHostileAndBrokenFiles_data();
    void refusesHostileAndBrokenFiles();

private:
    std::int64_t count(const char *sql) { return m_case->db().scalarInt(sql); }

    QTemporaryDir m_dir;
    std::optional<db::CaseFile> m_case;
    int m_caseNumber = 0;
};

void TestCamtImport::init()
{
    m_case.reset();
    m_case.emplace(db::CaseFile::create(m_dir.filePath(QStringLiteral("case%1.ftcase").arg(++m_caseNumber)),
                                        QStringLiteral("test")));
}

void TestCamtImport::importsVersion02Statement()
{
    const QString path = writeFile(m_dir, QStringLiteral("kaspi.xml"), fixture(QStringLiteral("kaspi_053_001_02.xml")));
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 4); // the batch entry became two rows
    QCOMPARE(result.rowsRejected, 0);
    QCOMPARE(result.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
    QCOMPARE(count("SELECT count(*) FROM sources WHERE format = 'camt'"), 1);
    auto row = m_case->db().prepare(
            "SELECT t.direction, t.amount_minor, t.booked_text, a.normalized, n.body, t.counterparty_account_text, "
            "t.counterparty_tax_id, t.counterparty_bank, p.body, t.external_id, t.channel "
            "FROM transactions t JOIN accounts a ON a.id = t.account_id LEFT JOIN texts n ON n.id = t.counterparty_name_id "
            "LEFT JOIN texts p ON p.id = t.purpose_id ORDER BY t.source_row");
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("C"));
    QCOMPARE(row.int64(1), 250000000);
    QCOMPARE(row.qtext(2), QStringLiteral("2024-03-05"));
    QCOMPARE(row.qtext(3), QStringLiteral("KZ86722S000012345678"));
    QCOMPARE(row.qtext(4), QStringLiteral("ТОО «Жетісу Агро»"));
    QCOMPARE(row.qtext(5), QStringLiteral("KZ75601A861001234567"));
    QCOMPARE(row.qtext(6), QStringLiteral("180440012345"));
    QCOMPARE(row.qtext(7), QStringLiteral("HSBKKZKX"));
    QCOMPARE(row.qtext(8), QStringLiteral("Благотворительная помощь по договору №12 от 01.03.2024"));
    QCOMPARE(row.qtext(9), QStringLiteral("KASPI-240305-0001/E2E-118"));
    QCOMPARE(row.qtext(10), QStringLiteral("DMCT"));
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("D"));
    QCOMPARE(row.int64(1), 75000050);
    QCOMPARE(row.qtext(2), QStringLiteral("2024-03-12T10:30:00+05:00"));
    QCOMPARE(row.qtext(4), QStringLiteral("ИП Сапаров Ержан Калиевич")); // the creditor of a debit
    QCOMPARE(row.qtext(5), QStringLiteral("KZ12998B000000000042"));
    QCOMPARE(row.qtext(9), QStringLiteral("KASPI-240312-0044")); // NOTPROVIDED is no reference
    QVERIFY(row.step());
    QCOMPARE(row.int64(1), 40000000);
    QCOMPARE(row.qtext(4), QStringLiteral("Нурланова Асель Маратовна"));
    QCOMPARE(row.qtext(8), QStringLiteral("Пожертвование"));
    QCOMPARE(row.qtext(9), QStringLiteral("KASPI-240329-0900/KG-1"));
    QVERIFY(row.step());
    QCOMPARE(row.int64(1), 30000000);
    QCOMPARE(row.qtext(5), QStringLiteral("KZ33722C000022223333"));
    QVERIFY(!row.step());
    auto account = m_case->db().prepare("SELECT holder_name, institution FROM accounts WHERE normalized = 'KZ86722S000012345678'");
    QVERIFY(account.step());
    QCOMPARE(account.qtext(0), QStringLiteral("ОФ «Добрая помощь»"));
    QCOMPARE(account.qtext(1), QStringLiteral("CASPKZKA"));
    auto s = m_case->db().prepare("SELECT reference, period_start, period_end, currency, opening_minor, closing_minor, "
                                  "credits_minor, debits_minor, row_count, account_id IS NOT NULL FROM statements");
    QVERIFY(s.step());
    QCOMPARE(s.qtext(0), QStringLiteral("STMT-2024-03"));
    QCOMPARE(s.qtext(1), QStringLiteral("2024-03-01"));
    QCOMPARE(s.qtext(2), QStringLiteral("2024-03-31"));
    QCOMPARE(s.qtext(3), QStringLiteral("KZT"));
    QCOMPARE(s.int64(4), 100000000);
    QCOMPARE(s.int64(5), 344999950);
    QCOMPARE(s.int64(6), 320000000);
    QCOMPARE(s.int64(7), 75000050);
    QCOMPARE(s.int64(8), 4);
    QCOMPARE(s.int64(9), 1);
}

void TestCamtImport::importsVersion08AndFindsMismatch()
{
    const QString path = writeFile(m_dir, QStringLiteral("halyk.xml"), fixture(QStringLiteral("halyk_053_001_08_mismatch.xml")));
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 2); // the pending entry is kept, but not counted in the balance
    QCOMPARE(count("SELECT count(*) FROM texts WHERE body = '«Құрылыс Өнімдері» ЖШС'"), 1); // Dbtr/Pty/Nm
    QCOMPARE(count("SELECT count(*) FROM transactions WHERE counterparty_bank = 'HSBKKZKX'"), 1); // BICFI
    QCOMPARE(count("SELECT row_count FROM statements"), 1);
    auto finding = m_case->db().prepare("SELECT kind, message FROM data_quality_findings");
    QVERIFY(finding.step());
    QCOMPARE(finding.qtext(0), QStringLiteral("balance_mismatch"));
    QCOMPARE(finding.qtext(1),
             QStringLiteral("Statement 77 of KZ75601A861001234567 01.04\u201301.04.2024: opening -50 000,00 + credits "
                            "100 000,00 \u2212 debits 0,00 = 50 000,00, but the closing balance says 150 000,00 "
                            "(difference 100 000,00 KZT)"));
    QVERIFY(!finding.step());
}

void TestCamtImport::keepsBatchWithoutAmountsAsOneRow()
{
    const QByteArray entry = "<Ntry><Amt Ccy=\"KZT\">30.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-03-05</Dt></BookgDt>"
                             "<AddtlNtryInf>Зарплата</AddtlNtryInf><NtryDtls><TxDtls><RmtInf><Ustrd>a</Ustrd></RmtInf></TxDtls>"
                             "<TxDtls><RmtInf><Ustrd>b</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>";
    const QString path = writeFile(m_dir, QStringLiteral("batch.xml"), notification(entry));
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 1);
    QCOMPARE(count("SELECT amount_minor FROM transactions"), 3000);
    QCOMPARE(count("SELECT count(*) FROM texts WHERE body = 'Зарплата (batch of 2 transactions without individual amounts)'"), 1);
}

void TestCamtImport::importsNotificationWithoutBalances()
{
    const QString path = writeFile(m_dir, QStringLiteral("n.xml"), notification(kEntry + kEntry));
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 2);
    QCOMPARE(count("SELECT count(*) FROM statements WHERE opening_minor IS NULL AND row_count = 2"), 1);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
}

void TestCamtImport::checksContinuityWithEarlierStatement_data()
{
    QTest::addColumn<QByteArray>("opening");
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<int>("gaps");
    QTest::newRow("joins") << QByteArray("3449999.50") << QByteArray("2024-04-01") << 0;
    QTest::newRow("balance differs") << QByteArray("3449999.00") << QByteArray("2024-04-01") << 1;
    QTest::newRow("week missing") << QByteArray("3449999.50") << QByteArray("2024-04-08") << 1;
}

void TestCamtImport::checksContinuityWithEarlierStatement()
{
    QFETCH(QByteArray, opening);
    QFETCH(QByteArray, date);
    QFETCH(int, gaps);
    const QString march = writeFile(m_dir, QStringLiteral("march.xml"), fixture(QStringLiteral("kaspi_053_001_02.xml")));
    QCOMPARE(import::CamtImporter(*m_case, {}).importFile(march).status, ImportResult::Status::Imported);
    const QByteArray april = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>APR</Id>"
                             "<Acct><Id><IBAN>KZ86722S000012345678</IBAN></Id></Acct>"
                             "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"KZT\">" + opening
            + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>" + date + "</Dt></Dt></Bal>"
              "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"KZT\">" + opening
            + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-04-30</Dt></Dt></Bal></Stmt></BkToCstmrStmt></Document>";
    const QString path = writeFile(m_dir, QStringLiteral("april-%1.xml").arg(QTest::currentDataTag()), april);
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings WHERE kind = 'statement_gap' "
                   "AND message LIKE 'Earlier statement STMT-2024-03 01.03\u201331.03.2024 %'"),
             gaps);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), gaps);
}

void TestCamtImport::cancelLeavesCaseUnchanged()
{
    const QString path = writeFile(m_dir, QStringLiteral("cancel.xml"), fixture(QStringLiteral("kaspi_053_001_02.xml")));
    import::CancelFlag cancel { true };
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path, {}, &cancel);
    QCOMPARE(result.status, ImportResult::Status::Cancelled);
    QCOMPARE(count("SELECT count(*) FROM sources"), 0);
    QCOMPARE(count("SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count("SELECT count(*) FROM statements"), 0);
}

void TestCamtImport::rejectsBadEntries_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<QString>("column");
    QTest::newRow("no amount") << QByteArray(kEntry).replace("<Amt Ccy=\"KZT\">10.00</Amt>", "") << "Ntry/Amt";
    QTest::newRow("bad amount") << QByteArray(kEntry).replace("10.00", "1O.00") << "Ntry/Amt";
    QTest::newRow("no currency") << QByteArray(kEntry).replace(" Ccy=\"KZT\"", "") << "Ntry/Amt/@Ccy";
    QTest::newRow("bad indicator") << QByteArray(kEntry).replace("CRDT", "CREDIT") << "Ntry/CdtDbtInd";
    QTest::newRow("bad date") << QByteArray(kEntry).replace("2024-03-05", "2024-02-30") << "Ntry/BookgDt";
    QTest::newRow("no date") << QByteArray(kEntry).replace("<BookgDt><Dt>2024-03-05</Dt></BookgDt>", "") << "Ntry/BookgDt";
}

void TestCamtImport::rejectsBadEntries()
{
    QFETCH(QByteArray, entry);
    QFETCH(QString, column);
    const QString path = writeFile(m_dir, QStringLiteral("bad.xml"), notification(kEntry + entry));
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 1);
    QCOMPARE(result.rowsRejected, 1);
    QCOMPARE(result.rejects.at(0).row, 2);
    QCOMPARE(result.rejects.at(0).line, 7);
    QCOMPARE(result.rejects.at(0).column, column);
}

void TestCamtImport::refusesHostileAndBrokenFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray good = fixture(QStringLiteral("kaspi_053_001_02.xml"));
    QTest::newRow("truncated") << good.left(good.size() / 2) << "truncated";
    QTest::newRow("mismatched tag") << QByteArray(good).replace("</Acct>", "</Acc>") << "line 21";
    QTest::newRow("entity expansion") << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\">"
                                                    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                                                    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&b;</Document>")
                                      << "DOCTYPE";
    QTest::newRow("external entity") << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM "
                                                   "\"file:///etc/passwd\">]>\n<Document xmlns=\"urn:iso:std:iso:20022:"
                                                   "tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt>"
                                                   "</BkToCstmrStmt></Document>")
                                     << "DOCTYPE";
    QTest::newRow("another ISO 20022 message") << QByteArray("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>")
                                               << "not an ISO 20022 camt";
    QTest::newRow("empty") << QByteArray() << "line 1";
    QTest::newRow("not XML") << QByteArray("Date,Amount\n2024-01-01,5\n") << "not well-formed XML";
    QTest::newRow("no statement") << QByteArray("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                                                "<GrpHdr/></BkToCstmrStmt></Document>")
                                  << "no statement";
    QTest::newRow("no account") << notification(kEntry, {}) << "no account";
    QTest::newRow("huge text") << notification(QByteArray(kEntry).replace("</Ntry>", "<AddtlNtryInf>" + QByteArray(100000, 'x')
                                                                                          + "</AddtlNtryInf></Ntry>"))
                               << "longer than any camt field";
    QTest::newRow("bad balance") << QByteArray(good).replace("1000000.00", "1 000 000") << "OPBD balance: not an amount";
}

void TestCamtImport::refusesHostileAndBrokenFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = writeFile(m_dir, QStringLiteral("hostile.xml"), bytes);
    const ImportResult result = import::CamtImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("hostile.xml")));
    QVERIFY(!result.message.contains(QStringLiteral("root:")));
    QCOMPARE(count("SELECT count(*) FROM sources"), 0);
    QCOMPARE(count("SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count("SELECT count(*) FROM statements"), 0);
    QCOMPARE(count("SELECT count(*) FROM data_quality_findings"), 0);
}

QTEST_GUILESS_MAIN(TestCamtImport)
#include "TestCamtImport.moc"
