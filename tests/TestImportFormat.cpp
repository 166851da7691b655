#include "import/ImportFormat.h"
#include "import/ImportPreview.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using fundtrace::import::ImportFormat;

// Format detection decides from content: every fixture must be recognised for what it is.
class TestImportFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void detectsFixtures_data();
    void detectsFixtures();
    void oldExcelGoesToTheXlsxImporter();
    void namesRoundTrip();
    void unreadableFileIsAnError();
};

void TestImportFormat::detectsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImportFormat>("expected");
    QTest::newRow("csv utf-8") << "csv/excel-utf8-bom-comma.csv" << ImportFormat::Csv;
    QTest::newRow("csv cp1251") << "csv/statement-1c-cp1251-semicolon.csv" << ImportFormat::Csv;
    QTest::newRow("tsv utf-16") << "csv/excel-unicode-text-utf16le.txt" << ImportFormat::Csv;
    QTest::newRow("xlsx") << "xlsx/kz_statement.xlsx" << ImportFormat::Xlsx;
    QTest::newRow("1c cp1251") << "1c/statement_cp1251.txt" << ImportFormat::OneC;
    QTest::newRow("1c utf-8") << "1c/mismatch_utf8_kz.txt" << ImportFormat::OneC;
    QTest::newRow("mt940") << "mt940/halyk_two_days.sta" << ImportFormat::Mt940;
    QTest::newRow("camt.053.001.02") << "camt/kaspi_053_001_02.xml" << ImportFormat::Camt;
    QTest::newRow("camt.053.001.08") << "camt/halyk_053_001_08_mismatch.xml" << ImportFormat::Camt;
    QTest::newRow("goaml str") << "goaml/str-kz-bank.xml" << ImportFormat::GoAml;
    QTest::newRow("un list") << "sanctions/un-consolidated.xml" << ImportFormat::UnList;
    QTest::newRow("ofac xml") << "sanctions/ofac-sdn.xml" << ImportFormat::OfacSdnXml;
    QTest::newRow("eu list") << "sanctions/eu-consolidated.xml" << ImportFormat::EuList;
    QTest::newRow("ofac csv") << "sanctions/ofac-csv/sdn.csv" << ImportFormat::OfacSdnCsv;
    QTest::newRow("opensanctions") << "sanctions/opensanctions-entities.ftm.json" << ImportFormat::FtmJson;
}

void TestImportFormat::detectsFixtures()
{
    QFETCH(QString, file);
    QFETCH(ImportFormat, expected);
    const QString path = QStringLiteral(FUNDTRACE_TEST_DATA "/") + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QCOMPARE(fundtrace::import::formatName(fundtrace::import::detectFormat(path)),
             fundtrace::import::formatName(expected));
}

void TestImportFormat::oldExcelGoesToTheXlsxImporter()
{
    // An OLE compound file (.xls, or an encrypted .xlsx) is sent to the XLSX importer, which
    // tells the user to save it as .xlsx, instead of being misread as CSV.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.xls"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(512, '\0'));
    file.close();
    QCOMPARE(int(fundtrace::import::detectFormat(path)), int(ImportFormat::Xlsx));
}

void TestImportFormat::namesRoundTrip()
{
    for (const ImportFormat format : { ImportFormat::Csv, ImportFormat::Xlsx, ImportFormat::OneC, ImportFormat::Camt,
                                       ImportFormat::Mt940, ImportFormat::GoAml, ImportFormat::UnList,
                                       ImportFormat::OfacSdnXml, ImportFormat::OfacSdnCsv, ImportFormat::EuList,
                                       ImportFormat::FtmJson, ImportFormat::NationalList }) {
        const auto back = fundtrace::import::formatFromName(fundtrace::import::formatName(format));
        QVERIFY(back);
        QCOMPARE(int(*back), int(format));
        QVERIFY(!fundtrace::import::formatDescription(format).isEmpty());
    }
    QVERIFY(!fundtrace::import::formatFromName(QStringLiteral("pdf")));
}

void TestImportFormat::unreadableFileIsAnError()
{
    QVERIFY_THROWS_EXCEPTION(fundtrace::import::ImportError,
                             fundtrace::import::detectFormat(QStringLiteral("/nonexistent/file.csv")));
}

QTEST_GUILESS_MAIN(TestImportFormat)
#include "TestImportFormat.moc"
