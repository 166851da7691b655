#include "db/CaseFile.h"
#include "import/ImportFormat.h"
#include "import/sanctions/SanctionsListImporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "TestFiles.h"

using namespace fundtrace;
using import::ImportFormat;
using import::ImportResult;

Q_DECLARE_METATYPE(fundtrace::import::ImportFormat)

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(FUNDTRACE_TEST_DATA "/sanctions/") + name;
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture");
    return file.readAll();
}

using test::writeFile;

std::int64_t caseRows(db::CaseFile &caseFile)
{
    return caseFile.db().scalarInt("SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM sanction_lists) + "
                                   "(SELECT count(*) FROM sanction_entries) + (SELECT count(*) FROM sanction_entry_names) "
                                   "+ (SELECT count(*) FROM sanction_entry_attributes)");
}

} // namespace

class TestSanctionsImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsList_data();
    void importsList();
    void listNameOptionOverridesDefault();
    void newerVersionReplacesCurrent();
    void sameFileIsRefused();
    void ofacCsvWithoutCompanionsIsNoted();
    void nationalListNeedsName();
    void strictModeRejectsNamelessEntry();
    void cancelLeavesCaseUnchanged();
    void refusesMalformedFiles_data();
    void refusesMalformedFiles();

private:
    ImportResult run(ImportFormat format, const QString &path, const QString &listName = {}, bool strict = false);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<db::CaseFile> m_case;
};

void TestSanctionsImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_case.emplace(db::CaseFile::create(m_dir->filePath(QStringLiteral("case.ftcase")), QStringLiteral("lists")));
}

void TestSanctionsImport::cleanup()
{
    m_case.reset();
    m_dir.reset();
}

ImportResult TestSanctionsImport::run(ImportFormat format, const QString &path, const QString &listName, bool strict)
{
    import::ImportOptions options;
    options.listName = listName;
    options.strict = strict;
    import::SanctionsListImporter importer(*m_case, options, format);
    return importer.importFile(path);
}

void TestSanctionsImport::importsList_data()
{
    QTest::addColumn<ImportFormat>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("listName");        // option given
    QTest::addColumn<QString>("storedName");
    QTest::addColumn<QString>("version");         // "*": any non-empty
    QTest::addColumn<int>("imported");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<QString>("primaryName");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("alias");           // "name|kind"
    QTest::addColumn<QStringList>("attributes");  // "kind=value"

    QTest::newRow("UN") << ImportFormat::UnList << "un-consolidated.xml" << "" << "UN SC Consolidated List"
                        << "2024-05-20" << 3 << 0 << "KARIM SALIM AL-FICTIONI" << "person" << "QDi.901"
                        << "Abu Karim|weak"
                        << QStringList { "birth_date=1971-03-14", "birth_date=1972 (approximately)",
                                         "nationality=Iraq", "passport=R0099123 (Syrian Arab Republic)",
                                         "national_id=National Identification Number: 0712345",
                                         "birth_place=Mosul, Iraq", "address=Idlib, Syrian Arab Republic",
                                         "title=Sheikh" };
    QTest::newRow("UN original script") << ImportFormat::UnList << "un-consolidated.xml" << "" << "UN SC Consolidated List"
                                        << "2024-05-20" << 3 << 0 << "KARIM SALIM AL-FICTIONI" << "person" << "QDi.901"
                                        << "كريم سالم الفكتيوني|original_script" << QStringList {};
    QTest::newRow("UN date range") << ImportFormat::UnList << "un-consolidated.xml" << "" << "UN SC Consolidated List"
                                   << "2024-05-20" << 3 << 0 << "DAVRON TESTOV" << "person" << "QDi.902"
                                   << "" << QStringList { "birth_date=1985/1987 (between)", "nationality=Uzbekistan" };
    QTest::newRow("UN entity") << ImportFormat::UnList << "un-consolidated.xml" << "" << "UN SC Consolidated List"
                               << "2024-05-20" << 3 << 0 << "HELPING HANDS OF THE STEPPE (FICTIONAL)"
                               << "organisation" << "QDe.950" << "Steppe Helping Hands Foundation|aka"
                               << QStringList { "address=Zhibek Zholy 50, Almaty, Kazakhstan" };
    QTest::newRow("OFAC XML") << ImportFormat::OfacSdnXml << "ofac-sdn.xml" << "" << "OFAC SDN" << "2024-05-17" << 3
                              << 0 << "FICTIONOV, Rustam" << "person" << "990001" << "Abu Rustam|weak"
                              << QStringList { "birth_date=1980-01-12", "passport=A1234567 (Tajikistan)",
                                               "gender=Male", "nationality=Tajikistan",
                                               "birth_place=Khujand, Tajikistan", "address=Dushanbe, Tajikistan" };
    QTest::newRow("OFAC XML fka") << ImportFormat::OfacSdnXml << "ofac-sdn.xml" << "" << "OFAC SDN" << "2024-05-17"
                                  << 3 << 0 << "SILK ROAD EXCHANGE LLC (FICTIONAL)" << "organisation" << "990002"
                                  << "SILK ROUTE MONEY TRANSFER|fka"
                                  << QStringList { "address=Navoi street 7, Tashkent, Uzbekistan" };
    QTest::newRow("OFAC XML vessel") << ImportFormat::OfacSdnXml << "ofac-sdn.xml" << "" << "OFAC SDN" << "2024-05-17"
                                     << 3 << 0 << "SEA FALCON" << "vessel" << "990003" << ""
                                     << QStringList { "call_sign=9HXX9", "flag=Malta" };
    QTest::newRow("OFAC CSV") << ImportFormat::OfacSdnCsv << "ofac-csv/sdn.csv" << "" << "OFAC SDN" << "*" << 3 << 0
                              << "FICTIONOV, Rustam" << "person" << "990001" << "FIKTIONOV, Rustam|aka"
                              << QStringList { "birth_date=1980-01-12", "passport=A1234567 (Tajikistan)",
                                               "birth_place=Khujand, Tajikistan", "nationality=Tajikistan",
                                               "gender=Male", "address=Dushanbe, Tajikistan" };
    QTest::newRow("OFAC CSV fka") << ImportFormat::OfacSdnCsv << "ofac-csv/sdn.csv" << "" << "OFAC SDN" << "*" << 3
                                  << 0 << "SILK ROAD EXCHANGE LLC (FICTIONAL)" << "organisation" << "990002"
                                  << "SILK ROUTE MONEY TRANSFER|fka"
                                  << QStringList { "address=Navoi street 7, Tashkent, Uzbekistan" };
    QTest::newRow("EU") << ImportFormat::EuList << "eu-consolidated.xml" << "" << "EU Consolidated Financial Sanctions"
                        << "2024-05-21" << 2 << 0 << "Karim Salim Al-Fictioni" << "person" << "EU.9901.01"
                        << "Abu Karim|weak"
                        << QStringList { "citizenship=SYRIAN ARAB REPUBLIC", "birth_date=1971-03-14",
                                         "birth_place=Mosul, IRAQ", "passport=R0099123 (SYRIAN ARAB REPUBLIC)",
                                         "address=Idlib, SYRIAN ARAB REPUBLIC", "un_reference=QDi.901" };
    QTest::newRow("EU other language") << ImportFormat::EuList << "eu-consolidated.xml" << "" << "EU Consolidated Financial Sanctions"
                                       << "2024-05-21" << 2 << 0 << "Karim Salim Al-Fictioni" << "person" << "EU.9901.01"
                                       << "Абу Салим аль-Фиктиони|aka" << QStringList {};
    QTest::newRow("EU enterprise") << ImportFormat::EuList << "eu-consolidated.xml" << "" << "EU Consolidated Financial Sanctions"
                                   << "2024-05-21" << 2 << 0 << "Northern Steppe Logistics JSC (fictional)"
                                   << "organisation" << "EU.9902.02" << ""
                                   << QStringList { "address=Tverskaya 1, Moscow, 125009, RUSSIAN FEDERATION" };
    QTest::newRow("FtM") << ImportFormat::FtmJson << "opensanctions-entities.ftm.json" << "" << "kz_afmrk_sanctions"
                         << "2024-05-02" << 2 << 1 << "Bakhyt Fictionbekov" << "person" << ""
                         << "Бахыт Фикционбеков|aka"
                         << QStringList { "birth_date=1988-09-30", "passport=N09876543", "national_id=880930350111",
                                          "nationality=kz", "topic=crime.terror" };
    QTest::newRow("FtM organisation") << ImportFormat::FtmJson << "opensanctions-entities.ftm.json" << ""
                                      << "kz_afmrk_sanctions" << "2024-05-02" << 2 << 1 << "Steppe Wind Charity Fund"
                                      << "organisation" << "" << "SWCF|weak"
                                      << QStringList { "registration_number=150940012345", "country=kz" };
    QTest::newRow("national") << ImportFormat::NationalList << "national-list.csv" << "KZ AFM terrorist list"
                              << "KZ AFM terrorist list" << "2024-01-10" << 2 << 1 << "Фикционбеков Бахыт Ержанович"
                              << "person" << "KZ-T-0101" << "Bakhyt Fictionbekov|aka"
                              << QStringList { "birth_date=1988-09-30", "nationality=KZ",
                                               "passport=passport N09876543", "national_id=IIN 880930350111" };
    QTest::newRow("national organisation") << ImportFormat::NationalList << "national-list.csv" << "KZ AFM terrorist list"
                                           << "KZ AFM terrorist list" << "2024-01-10" << 2 << 1
                                           << "ОФ \"Степной ветер\"" << "organisation" << "KZ-T-0102"
                                           << "Steppe Wind Charity Fund|aka"
                                           << QStringList { "national_id=BIN 150940012345" };
}

void TestSanctionsImport::importsList()
{
    QFETCH(ImportFormat, format);
    QFETCH(QString, file);
    QFETCH(QString, listName);
    QFETCH(QString, storedName);
    QFETCH(QString, version);
    QFETCH(int, imported);
    QFETCH(int, rejected);
    QFETCH(QString, primaryName);
    QFETCH(QString, kind);
    QFETCH(QString, reference);
    QFETCH(QString, alias);
    QFETCH(QStringList, attributes);

    const ImportResult result = run(format, fixture(file), listName);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, imported);
    QCOMPARE(result.rowsRejected, rejected);
    QCOMPARE(result.rowsRead, imported + rejected);
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM import_rejects"), rejected);
    if (rejected > 0) {
        QCOMPARE(result.rejects.front().column, QStringLiteral("name"));
        QVERIFY2(result.rejects.front().reason.contains(QStringLiteral("has no name")),
                 qPrintable(result.rejects.front().reason));
    }

    db::Statement list = m_case->db().prepare(
            "SELECT name, coalesce(version_date, ''), is_current, entry_count, source_id FROM sanction_lists");
    QVERIFY(list.step());
    QCOMPARE(list.qtext(0), storedName);
    if (version == u"*")
        QVERIFY(!list.qtext(1).isEmpty());
    else
        QCOMPARE(list.qtext(1), version);
    QCOMPARE(list.int64(2), 1);
    QCOMPARE(list.int64(3), imported);
    QCOMPARE(list.int64(4), result.sourceId);
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_entries"), imported);

    db::Statement entry = m_case->db().prepare(
            "SELECT id, kind, coalesce(reference, '') FROM sanction_entries WHERE primary_name = ?1");
    entry.bind(1, primaryName);
    QVERIFY2(entry.step(), qPrintable(primaryName));
    const std::int64_t entryId = entry.int64(0);
    QCOMPARE(entry.qtext(1), kind);
    QCOMPARE(entry.qtext(2), reference);

    db::Statement names = m_case->db().prepare(
            "SELECT count(*) FROM sanction_entry_names WHERE entry_id = ?1 AND name = ?2 AND kind = ?3");
    names.bind(1, entryId).bind(2, primaryName).bind(3, "primary");
    QVERIFY(names.step());
    QCOMPARE(names.int64(0), 1);
    if (!alias.isEmpty()) {
        names.reset();
        names.bind(1, entryId).bind(2, alias.section(QLatin1Char('|'), 0, 0)).bind(3, alias.section(QLatin1Char('|'), 1));
        QVERIFY(names.step());
        QVERIFY2(names.int64(0) == 1, qPrintable(alias));
    }

    QStringList stored;
    db::Statement attributeRows = m_case->db().prepare(
            "SELECT kind || '=' || value FROM sanction_entry_attributes WHERE entry_id = ?1");
    attributeRows.bind(1, entryId);
    while (attributeRows.step())
        stored << attributeRows.qtext(0);
    for (const QString &attribute : attributes)
        QVERIFY2(stored.contains(attribute), qPrintable(attribute + QStringLiteral(" not in ") + stored.join(u" | ")));
}

void TestSanctionsImport::listNameOptionOverridesDefault()
{
    const ImportResult result = run(ImportFormat::UnList, fixture(QStringLiteral("un-consolidated.xml")),
                                    QStringLiteral("UN 1267 (local copy)"));
    QCOMPARE(int(result.status), int(ImportResult::Status::Imported));
    db::Statement name = m_case->db().prepare("SELECT name FROM sanction_lists");
    QVERIFY(name.step());
    QCOMPARE(name.qtext(0), QStringLiteral("UN 1267 (local copy)"));
}

void TestSanctionsImport::newerVersionReplacesCurrent()
{
    QCOMPARE(int(run(ImportFormat::UnList, fixture(QStringLiteral("un-consolidated.xml"))).status),
             int(ImportResult::Status::Imported));
    // The next day's list: one entity delisted.
    QByteArray newer = readFixture(QStringLiteral("un-consolidated.xml"));
    newer.replace("dateGenerated=\"2024-05-20T17:00:03.113-04:00\"", "dateGenerated=\"2024-05-21T17:00:01.000-04:00\"");
    newer.remove(newer.indexOf("  <ENTITIES>"), newer.indexOf("</ENTITIES>") + 12 - newer.indexOf("  <ENTITIES>"));
    const ImportResult result = run(ImportFormat::UnList, writeFile(*m_dir, QStringLiteral("consolidated.xml"), newer));
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 2);

    db::Statement lists = m_case->db().prepare(
            "SELECT id, version_date, is_current, replaced_at IS NOT NULL, entry_count FROM sanction_lists ORDER BY id");
    QVERIFY(lists.step());
    const std::int64_t oldId = lists.int64(0);
    QCOMPARE(lists.qtext(1), QStringLiteral("2024-05-20"));
    QCOMPARE(lists.int64(2), 0);
    QCOMPARE(lists.int64(3), 1);
    QVERIFY(lists.step());
    const std::int64_t newId = lists.int64(0);
    QCOMPARE(lists.qtext(1), QStringLiteral("2024-05-21"));
    QCOMPARE(lists.int64(2), 1);
    QCOMPARE(lists.int64(3), 0);
    QCOMPARE(lists.int64(4), 2);

    // Only the current version's entries remain, with no orphaned names or attributes.
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_entries"), 2);
    db::Statement onlyNew = m_case->db().prepare("SELECT count(*) FROM sanction_entries WHERE list_id != ?1");
    onlyNew.bind(1, newId);
    QVERIFY(onlyNew.step());
    QCOMPARE(onlyNew.int64(0), 0);
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_entry_names WHERE entry_id NOT IN "
                                    "(SELECT id FROM sanction_entries)"),
             0);
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_entry_attributes WHERE entry_id NOT IN "
                                    "(SELECT id FROM sanction_entries)"),
             0);

    db::Statement audit = m_case->db().prepare(
            "SELECT json_extract(details, '$.entries_deleted'), json_extract(details, '$.name') FROM audit_log "
            "WHERE action = 'sanction_list.replace' AND object_id = ?1");
    audit.bind(1, oldId);
    QVERIFY(audit.step());
    QCOMPARE(audit.int64(0), 3);
    QCOMPARE(audit.qtext(1), QStringLiteral("UN SC Consolidated List"));
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM audit_log WHERE action = 'sanction_list.import'"), 2);

    // Another list is not touched by replacing this one. (Open read statements would block it.)
    lists.reset();
    onlyNew.reset();
    audit.reset();
    QCOMPARE(int(run(ImportFormat::OfacSdnXml, fixture(QStringLiteral("ofac-sdn.xml"))).status),
             int(ImportResult::Status::Imported));
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_lists WHERE is_current = 1"), 2);
}

void TestSanctionsImport::sameFileIsRefused()
{
    const QString path = fixture(QStringLiteral("eu-consolidated.xml"));
    QCOMPARE(int(run(ImportFormat::EuList, path).status), int(ImportResult::Status::Imported));
    const ImportResult again = run(ImportFormat::EuList, path);
    QCOMPARE(int(again.status), int(ImportResult::Status::Refused));
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_lists"), 1);
}

void TestSanctionsImport::ofacCsvWithoutCompanionsIsNoted()
{
    const QString path = writeFile(*m_dir, QStringLiteral("SDN.CSV"), readFixture(QStringLiteral("ofac-csv/sdn.csv")));
    const ImportResult result = run(ImportFormat::OfacSdnCsv, path);
    QVERIFY2(result.status == ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 3);
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_entry_names WHERE kind != 'primary'"), 0);
    db::Statement notes = m_case->db().prepare("SELECT notes FROM sources");
    QVERIFY(notes.step());
    QVERIFY2(notes.qtext(0).contains(QStringLiteral("alt.csv not found beside SDN.CSV")), qPrintable(notes.qtext(0)));
    QVERIFY2(notes.qtext(0).contains(QStringLiteral("add.csv not found")), qPrintable(notes.qtext(0)));
    // Remarks still give the dates and documents.
    QCOMPARE(m_case->db().scalarInt("SELECT count(*) FROM sanction_entry_attributes WHERE kind = 'passport'"), 1);
}

void TestSanctionsImport::nationalListNeedsName()
{
    const ImportResult result = run(ImportFormat::NationalList, fixture(QStringLiteral("national-list.csv")));
    QCOMPARE(int(result.status), int(ImportResult::Status::Failed));
    QVERIFY2(result.message.contains(QStringLiteral("--list-name")), qPrintable(result.message));
    QCOMPARE(caseRows(*m_case), 0);
}

void TestSanctionsImport::strictModeRejectsNamelessEntry()
{
    const ImportResult result = run(ImportFormat::FtmJson, fixture(QStringLiteral("opensanctions-entities.ftm.json")),
                                    {}, true);
    QCOMPARE(int(result.status), int(ImportResult::Status::Failed));
    QVERIFY2(result.message.contains(QStringLiteral("NK-fict0004 has no name")), qPrintable(result.message));
    QCOMPARE(caseRows(*m_case), 0);
}

void TestSanctionsImport::cancelLeavesCaseUnchanged()
{
    import::CancelFlag cancel { true };
    import::SanctionsListImporter importer(*m_case, {}, ImportFormat::UnList);
    const ImportResult result = importer.importFile(fixture(QStringLiteral("un-consolidated.xml")), {}, &cancel);
    QCOMPARE(int(result.status), int(ImportResult::Status::Cancelled));
    QCOMPARE(caseRows(*m_case), 0);
}

void TestSanctionsImport::refusesMalformedFiles_data()
{
    QTest::addColumn<ImportFormat>("format");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");

    const QByteArray un = readFixture(QStringLiteral("un-consolidated.xml"));
    QTest::newRow("UN truncated") << ImportFormat::UnList << "un.xml" << un.left(un.indexOf("</INDIVIDUAL>") + 5)
                                  << "truncated";
    QByteArray doctype = un;
    doctype.replace("<CONSOLIDATED_LIST", "<!DOCTYPE CONSOLIDATED_LIST SYSTEM \"file:///etc/passwd\">\n<CONSOLIDATED_LIST");
    QTest::newRow("UN DOCTYPE") << ImportFormat::UnList << "un.xml" << doctype << "declares a DOCTYPE";
    QTest::newRow("UN wrong root") << ImportFormat::UnList << "un.xml" << readFixture(QStringLiteral("ofac-sdn.xml"))
                                   << "not a UN consolidated list";
    QTest::newRow("OFAC XML malformed") << ImportFormat::OfacSdnXml << "sdn.xml"
                                        << QByteArray(readFixture(QStringLiteral("ofac-sdn.xml"))).replace("</uid>", "</id>")
                                        << "not well-formed XML";
    QTest::newRow("OFAC CSV short rows") << ImportFormat::OfacSdnCsv << "sdn.csv" << QByteArray("990001,\"NAME\"\r\n")
                                         << "fields where sdn.csv has 12";
    QTest::newRow("OFAC CSV unterminated quote") << ImportFormat::OfacSdnCsv << "sdn.csv"
                                                 << QByteArray("990001,\"NAME,individual,SDGT\r\n") << "line 1";
    QTest::newRow("EU empty") << ImportFormat::EuList << "eu.xml" << QByteArray() << "the file is empty";
    QTest::newRow("FtM broken JSON") << ImportFormat::FtmJson << "entities.ftm.json"
                                     << QByteArray("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n"
                                                   "{\"id\": \"y\", \"schema\": \"Person\", \"prop")
                                     << "line 2: not a JSON object";
    QTest::newRow("FtM array") << ImportFormat::FtmJson << "entities.json" << QByteArray("[1, 2]\n")
                               << "not a JSON object";
    QTest::newRow("national no name column") << ImportFormat::NationalList << "list.csv"
                                             << QByteArray("Surname,Birth date\nIvanov,01.01.1980\n") << "no name column";
    QTest::newRow("national empty") << ImportFormat::NationalList << "list.csv" << QByteArray() << "the file is empty";
}

void TestSanctionsImport::refusesMalformedFiles()
{
    QFETCH(ImportFormat, format);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const ImportResult result = run(format, writeFile(*m_dir, fileName, content), QStringLiteral("Test list"));
    QCOMPARE(int(result.status), int(ImportResult::Status::Failed));
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY2(result.message.contains(fileName), qPrintable(result.message));
    QCOMPARE(caseRows(*m_case), 0);
}

QTEST_GUILESS_MAIN(TestSanctionsImport)
#include "TestSanctionsImport.moc"
