#include "db/CaseFile.h"
#include "import/goaml/GoAmlImporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "TestFiles.h"

using namespace fundtrace;
using import::ImportResult;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(FUNDTRACE_TEST_DATA "/goaml/") + QString::fromLatin1(name);
}

QByteArray readFixture(const char *name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture");
    return file.readAll();
}

using test::writeFile;

QString text(db::CaseFile &caseFile, const char *sql, const QString &parameter = {})
{
    db::Statement statement = caseFile.db().prepare(sql);
    if (!parameter.isNull())
        statement.bind(1, parameter);
    return statement.step() ? statement.qtext(0) : QStringLiteral("<no row>");
}

std::int64_t number(db::CaseFile &caseFile, const char *sql, const QString &parameter = {})
{
    db::Statement statement = caseFile.db().prepare(sql);
    if (!parameter.isNull())
        statement.bind(1, parameter);
    return statement.step() ? statement.int64(0) : -1;
}

// Case content an import could touch, to assert that a failed one left it as it was.
std::int64_t caseRows(db::CaseFile &caseFile)
{
    return caseFile.db().scalarInt("SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM transactions) + "
                                   "(SELECT count(*) FROM subjects) + (SELECT count(*) FROM reports) + "
                                   "(SELECT count(*) FROM accounts) + (SELECT count(*) FROM transaction_parties)");
}

} // namespace

class TestGoAmlImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsTransactionsAndReport();
    void partiesBecomeSubjectsWithAttributes();
    void linksAccountsAndTransactionsToParties();
    void unknownElementsAreFindings();
    void activityReportPartiesBecomeSubjects();
    void rejectsMissingMandatoryElements_data();
    void rejectsMissingMandatoryElements();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
    void strictModeWritesNothing();
    void cancelLeavesCaseUnchanged();

private:
    ImportResult importStr();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<db::CaseFile> m_case;
};

void TestGoAmlImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_case.emplace(db::CaseFile::create(m_dir->filePath(QStringLiteral("case.ftcase")), QStringLiteral("goAML")));
}

void TestGoAmlImport::cleanup()
{
    m_case.reset();
    m_dir.reset();
}

ImportResult TestGoAmlImport::importStr()
{
    import::GoAmlImporter importer(*m_case, {});
    return importer.importFile(fixture("str-kz-bank.xml"));
}

void TestGoAmlImport::importsTransactionsAndReport()
{
    const ImportResult result = importStr();
    QCOMPARE(int(result.status), int(ImportResult::Status::Imported));
    QCOMPARE(result.rowsRead, 4);
    QCOMPARE(result.rowsImported, 3);
    QCOMPARE(result.rowsRejected, 1);
    QCOMPARE(text(*m_case, "SELECT format FROM sources"), QStringLiteral("goaml"));

    // From-side account, debit, to side as counterparty; the local amount in minor units.
    db::Statement first = m_case->db().prepare(
            "SELECT a.identifier, t.direction, t.amount_minor, t.currency, t.booked_text, t.channel, t.external_id, "
            "ct.body, p.body FROM transactions t JOIN accounts a ON a.id = t.account_id "
            "JOIN texts ct ON ct.id = t.counterparty_name_id JOIN texts p ON p.id = t.purpose_id "
            "WHERE t.source_row = 1");
    QVERIFY(first.step());
    QCOMPARE(first.qtext(0), QStringLiteral("KZ86 125K ZT50 0410 0100"));
    QCOMPARE(first.qtext(1), QStringLiteral("D"));
    QCOMPARE(first.int64(2), 150000000);
    QCOMPARE(first.qtext(3), QStringLiteral("KZT"));
    QCOMPARE(first.qtext(4), QStringLiteral("2024-03-05T10:15:00"));
    QCOMPARE(first.qtext(5), QStringLiteral("K"));
    QCOMPARE(first.qtext(6), QStringLiteral("TRX-88001"));
    QCOMPARE(first.qtext(7), QStringLiteral("Yerlan Bolatuly Tokhtarov"));
    QCOMPARE(first.qtext(8), QStringLiteral("Оплата по договору поставки №17 от 01.03.2024"));

    // A person on the from side has no account: the row has none, the counterparty account is set.
    db::Statement cash = m_case->db().prepare(
            "SELECT account_id IS NULL, counterparty_account_text, amount2_minor, currency2 FROM transactions "
            "WHERE source_row = 2");
    QVERIFY(cash.step());
    QCOMPARE(cash.int64(0), 1);
    QCOMPARE(cash.qtext(1), QStringLiteral("KZ21601A000011112222"));
    QCOMPARE(cash.int64(2), 1000000);
    QCOMPARE(cash.qtext(3), QStringLiteral("USD"));

    db::Statement report = m_case->db().prepare(
            "SELECT report_code, entity_reference, reporting_entity, submission_date, indicators, submission_code, "
            "currency_code_local, reporting_person, reason FROM reports");
    QVERIFY(report.step());
    QCOMPARE(report.qtext(0), QStringLiteral("STR"));
    QCOMPARE(report.qtext(1), QStringLiteral("STR-2024-000317"));
    QCOMPARE(report.qtext(2), QStringLiteral("1045 / Almaty regional branch"));
    QCOMPARE(report.qtext(3), QStringLiteral("2024-03-12T09:30:00"));
    QCOMPARE(QJsonDocument::fromJson(report.qtext(4).toUtf8()).array(),
             QJsonArray({ QStringLiteral("TF01"), QStringLiteral("ML17") }));
    QCOMPARE(report.qtext(5), QStringLiteral("E"));
    QCOMPARE(report.qtext(6), QStringLiteral("KZT"));
    QCOMPARE(report.qtext(7), QStringLiteral("Dana Omarova"));
    QVERIFY(report.qtext(8).startsWith(QStringLiteral("Repeated round-sum transfers")));
    QVERIFY(!report.step());
}

void TestGoAmlImport::partiesBecomeSubjectsWithAttributes()
{
    QCOMPARE(int(importStr().status), int(ImportResult::Status::Imported));
    // The company, its director, the recipient (twice, matched by passport), the account holder
    // (twice, matched by SSN) and the foreign foundation.
    QCOMPARE(number(*m_case, "SELECT count(*) FROM subjects"), 5);
    QCOMPARE(number(*m_case, "SELECT count(*) FROM subjects WHERE kind = 'organisation'"), 2);

    const QString yerlan = QStringLiteral("Yerlan Bolatuly Tokhtarov");
    auto attribute = [&](const char *kind, const QString &name) {
        db::Statement statement = m_case->db().prepare(
                "SELECT group_concat(a.value, '|') FROM (SELECT a.value FROM subject_attributes a "
                "JOIN subjects s ON s.id = a.subject_id WHERE s.display_name = ?1 AND a.kind = ?2 ORDER BY a.id) a");
        statement.bind(1, name).bind(2, kind);
        return statement.step() ? statement.qtext(0) : QString();
    };
    QCOMPARE(attribute("passport", yerlan), QStringLiteral("N12345678 (KZ)|N 1234 5678"));
    QCOMPARE(attribute("birth_date", yerlan), QStringLiteral("1979-11-02"));
    QCOMPARE(attribute("birth_place", yerlan), QStringLiteral("Shymkent"));
    QCOMPARE(attribute("alias", yerlan), QStringLiteral("Erlan Tokhtarov"));
    QCOMPARE(attribute("phone", yerlan), QStringLiteral("+7 701 555 44 33"));
    QCOMPARE(attribute("email", yerlan), QStringLiteral("y.tokhtarov@example.kz"));
    QCOMPARE(attribute("nationality", yerlan), QStringLiteral("KZ"));
    QCOMPARE(attribute("id_document", yerlan), QStringLiteral("041122334|ID card: 041122334 (KZ)"));

    const QString company = QStringLiteral("ТОО «Астана Сауда Трейд»");
    QCOMPARE(text(*m_case, "SELECT tax_id FROM subjects WHERE display_name = ?1", company),
             QStringLiteral("240140009876"));
    QCOMPARE(attribute("alias", company), QStringLiteral("Astana Sauda Trade"));
    QCOMPARE(attribute("address", company), QStringLiteral("Kabanbay batyr 15, office 4, Astana, KZ"));
    QCOMPARE(attribute("director", company), QStringLiteral("Arman Seitkali (Director)"));
    QCOMPARE(attribute("phone", company), QStringLiteral("+7 7172 55 01 23"));
    QCOMPARE(number(*m_case, "SELECT count(*) FROM subject_attributes a JOIN subjects s ON s.id = a.subject_id "
                             "WHERE s.display_name = 'Arman Seitkali' AND a.kind = 'tax_id' AND a.normalized = "
                             "'860721300123'"),
             1);
    // Every attribute records its source.
    QCOMPARE(number(*m_case, "SELECT count(*) FROM subject_attributes WHERE source_id IS NULL"), 0);
}

void TestGoAmlImport::linksAccountsAndTransactionsToParties()
{
    QCOMPARE(int(importStr().status), int(ImportResult::Status::Imported));
    QCOMPARE(text(*m_case, "SELECT s.display_name FROM accounts a JOIN subjects s ON s.id = a.subject_id "
                           "WHERE a.normalized = 'KZ86125KZT5004100100'"),
             QStringLiteral("ТОО «Астана Сауда Трейд»"));
    QCOMPARE(text(*m_case, "SELECT s.display_name FROM accounts a JOIN subjects s ON s.id = a.subject_id "
                           "WHERE a.normalized = 'KZ21601A000011112222'"),
             QStringLiteral("Aigerim Nurlanova"));

    db::Statement parties = m_case->db().prepare(
            "SELECT t.external_id, p.role, s.display_name FROM transaction_parties p "
            "JOIN transactions t ON t.id = p.transaction_id JOIN subjects s ON s.id = p.subject_id "
            "ORDER BY t.source_row, p.role");
    QStringList rows;
    while (parties.step())
        rows << QStringLiteral("%1 %2 %3").arg(parties.qtext(0), parties.qtext(1), parties.qtext(2));
    QCOMPARE(rows, QStringList({ QStringLiteral("TRX-88001 from ТОО «Астана Сауда Трейд»"),
                                 QStringLiteral("TRX-88001 to Yerlan Bolatuly Tokhtarov"),
                                 QStringLiteral("TRX-88002 from Yerlan Bolatuly Tokhtarov"),
                                 QStringLiteral("TRX-88002 to Aigerim Nurlanova"),
                                 QStringLiteral("TRX-88004 from Aigerim Nurlanova"),
                                 QStringLiteral("TRX-88004 to Mercy Bridge Relief Foundation") }));
}

void TestGoAmlImport::unknownElementsAreFindings()
{
    const ImportResult result = importStr();
    QCOMPARE(int(result.status), int(ImportResult::Status::Imported));
    db::Statement findings = m_case->db().prepare(
            "SELECT kind, severity, message, json_extract(details, '$.element'), json_extract(details, '$.first_line') "
            "FROM data_quality_findings WHERE source_id = ?1");
    findings.bind(1, result.sourceId);
    QVERIFY(findings.step());
    QCOMPARE(findings.qtext(0), QStringLiteral("schema_deviation"));
    QCOMPARE(findings.qtext(1), QStringLiteral("info"));
    QCOMPARE(findings.qtext(3), QStringLiteral("crypto_wallet_hint"));
    QCOMPARE(findings.int64(4), 195);
    QVERIFY2(findings.qtext(2).contains(QStringLiteral("<crypto_wallet_hint> inside <transaction> (line 195)")),
             qPrintable(findings.qtext(2)));
    QVERIFY(!findings.step());
}

void TestGoAmlImport::activityReportPartiesBecomeSubjects()
{
    import::GoAmlImporter importer(*m_case, {});
    const ImportResult result = importer.importFile(fixture("sar-activity.xml"));
    QCOMPARE(int(result.status), int(ImportResult::Status::Imported));
    QCOMPARE(result.rowsImported, 0);
    // The trustee is the same person as the first party (same passport).
    QCOMPARE(number(*m_case, "SELECT count(*) FROM subjects"), 2);
    QCOMPARE(text(*m_case, "SELECT report_code || ' ' || indicators FROM reports"), QStringLiteral("SAR [\"TF05\"]"));
    QCOMPARE(text(*m_case, "SELECT value FROM subject_attributes WHERE kind = 'director'"),
             QStringLiteral("Murat Ospanov (Trustee)"));
}

void TestGoAmlImport::rejectsMissingMandatoryElements_data()
{
    QTest::addColumn<QByteArray>("remove");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("reason");

    QTest::newRow("transactionnumber") << QByteArray("<transactionnumber>TRX-88001</transactionnumber>")
                                       << QStringLiteral("transactionnumber")
                                       << QStringLiteral("<transaction> at line 23 has no <transactionnumber>, which goAML requires");
    QTest::newRow("date_transaction") << QByteArray("<date_transaction>2024-03-05T10:15:00</date_transaction>")
                                      << QStringLiteral("date_transaction")
                                      << QStringLiteral("<transaction> at line 23 has no <date_transaction>, which goAML requires");
    QTest::newRow("amount_local") << QByteArray("<amount_local>1500000.00</amount_local>")
                                  << QStringLiteral("amount_local")
                                  << QStringLiteral("<transaction> at line 23 has no <amount_local>, which goAML requires");
    QTest::newRow("bad date") << QByteArray("2024-03-05T10:15:00")
                              << QStringLiteral("date_transaction") << QStringLiteral("line 28: <date_transaction>");
    QTest::newRow("bad amount") << QByteArray("<amount_local>1500000.00</amount_local>")
                                << QStringLiteral("amount_local") << QStringLiteral("line 31: <amount_local>");
}

void TestGoAmlImport::rejectsMissingMandatoryElements()
{
    QFETCH(QByteArray, remove);
    QFETCH(QString, column);
    QFETCH(QString, reason);
    QByteArray xml = readFixture("str-kz-bank.xml");
    const qsizetype at = xml.indexOf(remove);
    QVERIFY(at > 0);
    QByteArray replacement;
    if (QByteArray(QTest::currentDataTag()) == "bad date")
        replacement = "2024-02-30T10:15:00";
    else if (QByteArray(QTest::currentDataTag()) == "bad amount")
        replacement = "<amount_local>1.500.000,00</amount_local>";
    xml.replace(at, remove.size(), replacement);

    import::GoAmlImporter importer(*m_case, {});
    const ImportResult result = importer.importFile(writeFile(*m_dir, QStringLiteral("str.xml"), xml));
    QCOMPARE(int(result.status), int(ImportResult::Status::Imported));
    QCOMPARE(result.rowsRejected, 2); // this one and the fixture's transaction without a date
    const import::Reject &reject = result.rejects.front();
    QCOMPARE(reject.row, 1);
    QCOMPARE(reject.line, 23);
    QCOMPARE(reject.column, column);
    QVERIFY2(reject.reason.startsWith(reason), qPrintable(reject.reason));
    QCOMPARE(number(*m_case, "SELECT count(*) FROM import_rejects WHERE row = 1 AND column_name = ?1", column), 1);
    QCOMPARE(number(*m_case, "SELECT count(*) FROM transactions WHERE source_row = 1"), 0);
}

void TestGoAmlImport::refusesBrokenFiles_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("message");

    const QByteArray good = readFixture("str-kz-bank.xml");
    QByteArray doctype = good;
    doctype.replace("<report>", "<!DOCTYPE report [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
                                "<report>");
    doctype.replace("Cash withdrawal", "&b;");
    QTest::newRow("DOCTYPE with entities") << doctype << QStringLiteral("declares a DOCTYPE");
    QTest::newRow("truncated") << good.left(good.indexOf("<transaction>", good.indexOf("TRX-88002")) + 200)
                               << QStringLiteral("truncated");
    QTest::newRow("not well-formed") << QByteArray(good).replace("</t_to>", "</t_too>")
                                     << QStringLiteral("not well-formed XML");
    QTest::newRow("not goAML") << QByteArray("<?xml version=\"1.0\"?><Document><x/></Document>")
                               << QStringLiteral("not a goAML report");
    QTest::newRow("no report_code") << QByteArray(good).replace("<report_code>STR</report_code>", "")
                                    << QStringLiteral("has no <report_code>");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("the file is empty");
}

void TestGoAmlImport::refusesBrokenFiles()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, message);
    import::GoAmlImporter importer(*m_case, {});
    const ImportResult result = importer.importFile(writeFile(*m_dir, QStringLiteral("broken.xml"), xml));
    QCOMPARE(int(result.status), int(ImportResult::Status::Failed));
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY2(result.message.contains(QStringLiteral("broken.xml")), qPrintable(result.message));
    QCOMPARE(caseRows(*m_case), 0);
}

void TestGoAmlImport::strictModeWritesNothing()
{
    import::ImportOptions options;
    options.strict = true;
    import::GoAmlImporter importer(*m_case, options);
    const ImportResult result = importer.importFile(fixture("str-kz-bank.xml"));
    QCOMPARE(int(result.status), int(ImportResult::Status::Failed));
    QVERIFY2(result.message.contains(QStringLiteral("date_transaction")), qPrintable(result.message));
    QCOMPARE(caseRows(*m_case), 0);
}

void TestGoAmlImport::cancelLeavesCaseUnchanged()
{
    import::CancelFlag cancel { true };
    import::GoAmlImporter importer(*m_case, {});
    const ImportResult result = importer.importFile(fixture("str-kz-bank.xml"), {}, &cancel);
    QCOMPARE(int(result.status), int(ImportResult::Status::Cancelled));
    QCOMPARE(caseRows(*m_case), 0);
}

QTEST_GUILESS_MAIN(TestGoAmlImport)
#include "TestGoAmlImport.moc"
