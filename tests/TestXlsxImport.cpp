#include "db/CaseFile.h"
#include "import/xlsx/XlsxCellRef.h"
#include "import/xlsx/XlsxImporter.h"
#include "import/xlsx/XlsxPreview.h"
#include "import/xlsx/XlsxStyles.h"
#include "import/xlsx/XlsxValueText.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace fundtrace;
using import::ImportResult;
using import::XlsxImporter;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(FUNDTRACE_TEST_DATA "/xlsx/") + QLatin1String(name);
}

std::int64_t count(db::CaseFile &caseFile, const char *sql)
{
    return caseFile.db().scalarInt(sql);
}

std::int64_t utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toSecsSinceEpoch();
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= static_cast<quint8>(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A minimal zip writer with stored (uncompressed) entries, for workbooks too large to commit:
// stored entries keep the compression ratio at 1, so only the cell limits are under test.
QByteArray storedZip(const std::vector<std::pair<QByteArray, QByteArray>> &entries)
{
    QByteArray zip;
    QByteArray directory;
    auto u16 = [](QByteArray &out, quint32 v) { out.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF)); };
    auto u32 = [&](QByteArray &out, quint32 v) { u16(out, v & 0xFFFF); u16(out, v >> 16); };
    for (const auto &[name, data] : entries) {
        const quint32 offset = static_cast<quint32>(zip.size());
        const quint32 crc = crc32(data);
        const auto size = static_cast<quint32>(data.size());
        u32(zip, 0x04034b50); u16(zip, 10); u16(zip, 0); u16(zip, 0); u16(zip, 0); u16(zip, 0x21);
        u32(zip, crc); u32(zip, size); u32(zip, size); u16(zip, static_cast<quint32>(name.size())); u16(zip, 0);
        zip += name;
        zip += data;
        u32(directory, 0x02014b50); u16(directory, 20); u16(directory, 10); u16(directory, 0); u16(directory, 0);
        u16(directory, 0); u16(directory, 0x21); u32(directory, crc); u32(directory, size); u32(directory, size);
        u16(directory, static_cast<quint32>(name.size())); u16(directory, 0); u16(directory, 0); u16(directory, 0);
        u16(directory, 0); u32(directory, 0); u32(directory, offset);
        directory += name;
    }
    const quint32 directoryOffset = static_cast<quint32>(zip.size());
    zip += directory;
    u32(zip, 0x06054b50); u16(zip, 0); u16(zip, 0); u16(zip, static_cast<quint32>(entries.size()));
    u16(zip, static_cast<quint32>(entries.size())); u32(zip, static_cast<quint32>(directory.size()));
    u32(zip, directoryOffset); u16(zip, 0);
    return zip;
}

// A one-sheet workbook around the given <sheetData> rows, without shared strings or styles.
QByteArray workbookWithRows(const QByteArray &rows)
{
    const QByteArray ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    const QByteArray rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    return storedZip({
            { "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                             "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                             "</Relationships>" },
            { "xl/workbook.xml", "<workbook " + ns + "><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/>"
                                 "</sheets></workbook>" },
            { "xl/_rels/workbook.xml.rels",
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              "</Relationships>" },
            { "xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>" },
    });
}

} // namespace

class TestXlsxImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsStatementBelowTitleBlock();
    void keepsProvenanceAndMergedLabels();
    void usesGivenMapping_data();
    void usesGivenMapping();
    void importsSheets_data();
    void importsSheets();
    void readsDate1904AndInlineStrings();
    void refusesHostileFiles_data();
    void refusesHostileFiles();
    void rejectsRowWithHugeCell();
    void strictModeWritesNothing();
    void previewsWorkbook();
    void serialDates_data();
    void serialDates();
    void numbers_data();
    void numbers();
    void formatKinds_data();
    void formatKinds();
    void cellRefs_data();
    void cellRefs();

private:
    QTemporaryDir m_dir;
    std::optional<db::CaseFile> m_case;
    int m_caseNumber = 0;
};

void TestXlsxImport::init()
{
    m_case.reset();
    m_case.emplace(db::CaseFile::create(m_dir.filePath(QStringLiteral("case%1.ftcase").arg(++m_caseNumber)),
                                        QStringLiteral("test")));
}

void TestXlsxImport::importsStatementBelowTitleBlock()
{
    const ImportResult result = XlsxImporter(*m_case, {}).importFile(fixture("kz_statement.xlsx"));
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.rowsRead, 9);
    QCOMPARE(result.rowsImported, 6);
    QCOMPARE(result.rowsRejected, 3);
    QCOMPARE(result.rejects.size(), std::size_t(3));
    QCOMPARE(result.rejects[0].row, 12);
    QCOMPARE(result.rejects[0].column, QStringLiteral("Выписка!A (Дата операции)"));
    QCOMPARE(result.rejects[0].value, QStringLiteral("31.02.2024"));
    QCOMPARE(result.rejects[1].row, 14); // the "Итого" total line
    QCOMPARE(result.rejects[1].column, QStringLiteral("Выписка!A (Дата операции)"));
    QCOMPARE(result.rejects[2].row, 16); // under a merged amount: the amount is not repeated
    QVERIFY2(result.rejects[2].reason.contains(QStringLiteral("both empty")), qPrintable(result.rejects[2].reason));

    auto row = m_case->db().prepare("SELECT source_row, direction, amount_minor, currency, booked_text, booked_at "
                                    "FROM transactions ORDER BY source_row");
    // Almaty is UTC+5 from 1 March 2024.
    const std::vector<std::tuple<int, QString, qint64, QString, std::int64_t>> expected = {
        { 8, QStringLiteral("C"), 123456, QStringLiteral("2024-03-01 10:30:00"), utc(2024, 3, 1, 5, 30) },
        { 9, QStringLiteral("D"), 5000000, QStringLiteral("2024-03-02 00:00:00"), utc(2024, 3, 1, 19, 0) },
        { 10, QStringLiteral("D"), 1500000, QStringLiteral("2024-03-03 12:00:00"), utc(2024, 3, 3, 7, 0) },
        { 11, QStringLiteral("D"), 250000, QStringLiteral("2024-03-03 18:00:00"), utc(2024, 3, 3, 13, 0) },
        { 13, QStringLiteral("C"), 123456, QStringLiteral("2024-03-05 00:00:00"), utc(2024, 3, 4, 19, 0) },
        { 15, QStringLiteral("C"), 70000, QStringLiteral("2024-03-06 00:00:00"), utc(2024, 3, 5, 19, 0) },
    };
    for (const auto &[sourceRow, direction, amount, booked, bookedAt] : expected) {
        QVERIFY(row.step());
        QCOMPARE(row.int64(0), sourceRow);
        QCOMPARE(row.qtext(1), direction);
        QCOMPARE(row.int64(2), amount);
        QCOMPARE(row.qtext(3), QStringLiteral("KZT"));
        QCOMPARE(row.qtext(4), booked);
        QCOMPARE(row.int64(5), bookedAt);
    }
    QVERIFY(!row.step());
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources WHERE format = 'xlsx'"), 1);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM import_rejects"), 3);
}

void TestXlsxImport::keepsProvenanceAndMergedLabels()
{
    const ImportResult result = XlsxImporter(*m_case, {}).importFile(fixture("kz_statement.xlsx"));
    QCOMPARE(result.status, ImportResult::Status::Imported);
    auto row = m_case->db().prepare(
            "SELECT t.source_row, t.external_id, n.body, p.body FROM transactions t "
            "LEFT JOIN texts n ON n.id = t.counterparty_name_id LEFT JOIN texts p ON p.id = t.purpose_id "
            "WHERE t.source_row IN (9, 11) ORDER BY t.source_row");
    QVERIFY(row.step());
    QCOMPARE(row.qtext(1), QStringLiteral("1002")); // a number cell used as a document number
    QCOMPARE(row.qtext(2), QStringLiteral("ТОО Бета"));
    QVERIFY(row.step());
    QCOMPARE(row.int64(0), 11);
    // E10:E11 is merged: the counterparty written once applies to both rows.
    QCOMPARE(row.qtext(2), QStringLiteral("ТОО Гамма"));
    QCOMPARE(row.qtext(3), QStringLiteral("Поставка 2"));

    auto source = m_case->db().prepare("SELECT notes, mapping_json FROM sources");
    QVERIFY(source.step());
    QVERIFY2(source.qtext(0).contains(QStringLiteral("header on row 7")), qPrintable(source.qtext(0)));
    QVERIFY(source.qtext(1).contains(QStringLiteral("\"headerRow\":7")));
}

void TestXlsxImport::usesGivenMapping_data()
{
    QTest::addColumn<int>("skipRows");
    QTest::addColumn<bool>("imported");
    QTest::addColumn<int>("rows");

    QTest::newRow("header found by the mapping's column names") << 0 << true << 6;
    QTest::newRow("header row set by skipRows") << 6 << true << 6;
    QTest::newRow("skipRows pointing into the title block") << 3 << false << 0;
}

void TestXlsxImport::usesGivenMapping()
{
    QFETCH(int, skipRows);
    QFETCH(bool, imported);
    QFETCH(int, rows);
    import::ImportOptions options;
    options.mapping = import::guessMapping({ QStringLiteral("Дата операции"), QStringLiteral("Номер документа"),
                                             QStringLiteral("Дебет"), QStringLiteral("Кредит"),
                                             QStringLiteral("Получатель/Отправитель"),
                                             QStringLiteral("Назначение платежа") });
    options.mapping->skipRows = skipRows;
    const ImportResult result = XlsxImporter(*m_case, options).importFile(fixture("kz_statement.xlsx"));
    QCOMPARE(result.status, imported ? ImportResult::Status::Imported : ImportResult::Status::Failed);
    QCOMPARE(result.rowsImported, rows);
    if (!imported)
        QVERIFY2(result.message.contains(QStringLiteral("sheet \"Выписка\", header row 4")), qPrintable(result.message));
}

void TestXlsxImport::importsSheets_data()
{
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<bool>("imported");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("message");

    QTest::newRow("every sheet, summary skipped") << QString() << true << 4 << QString();
    QTest::newRow("by name") << QStringLiteral("Февраль") << true << 2 << QString();
    QTest::newRow("by number") << QStringLiteral("1") << true << 2 << QString();
    QTest::newRow("sheet without a header")
            << QStringLiteral("Summary") << false << 0 << QStringLiteral("sheet \"Summary\"");
    QTest::newRow("unknown sheet") << QStringLiteral("March") << false << 0 << QStringLiteral("3 \"Февраль\"");
}

void TestXlsxImport::importsSheets()
{
    QFETCH(QString, sheet);
    QFETCH(bool, imported);
    QFETCH(int, rows);
    QFETCH(QString, message);
    import::ImportOptions options;
    options.sheet = sheet;
    const ImportResult result = XlsxImporter(*m_case, options).importFile(fixture("multi_sheet.xlsx"));
    QCOMPARE(result.status, imported ? ImportResult::Status::Imported : ImportResult::Status::Failed);
    QCOMPARE(result.rowsImported, rows);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), rows);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    if (!imported) {
        QVERIFY(result.message.contains(QStringLiteral("multi_sheet.xlsx")));
        QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 0);
    }
    if (sheet.isEmpty()) {
        auto notes = m_case->db().prepare("SELECT notes FROM sources");
        QVERIFY(notes.step());
        QVERIFY2(notes.qtext(0).contains(QStringLiteral("sheets skipped")) && notes.qtext(0).contains(QStringLiteral("Summary")),
                 qPrintable(notes.qtext(0)));
    }
}

void TestXlsxImport::readsDate1904AndInlineStrings()
{
    const ImportResult result = XlsxImporter(*m_case, {}).importFile(fixture("multi_sheet.xlsx"));
    QCOMPARE(result.status, ImportResult::Status::Imported);
    auto row = m_case->db().prepare(
            "SELECT t.booked_text, t.direction, t.amount_minor, p.body FROM transactions t "
            "LEFT JOIN texts p ON p.id = t.purpose_id ORDER BY t.booked_at");
    const std::vector<std::tuple<QString, QString, qint64, QString>> expected = {
        { QStringLiteral("2024-01-15 00:00:00"), QStringLiteral("D"), 250050, QStringLiteral("Перевод с карты") },
        { QStringLiteral("2024-01-20 00:00:00"), QStringLiteral("C"), 1000000, QStringLiteral("Salary & bonus") },
        { QStringLiteral("2024-02-01 00:00:00"), QStringLiteral("D"), 100000, QStringLiteral("Rent") },
        { QStringLiteral("2024-02-29 00:00:00"), QStringLiteral("C"), 30000, QStringLiteral("Refund") },
    };
    for (const auto &[booked, direction, amount, purpose] : expected) {
        QVERIFY(row.step());
        QCOMPARE(row.qtext(0), booked);
        QCOMPARE(row.qtext(1), direction);
        QCOMPARE(row.int64(2), amount);
        QCOMPARE(row.qtext(3), purpose); // the phonetic run <rPh> is not part of the text
    }
}

void TestXlsxImport::refusesHostileFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");

    QTest::newRow("truncated zip") << QStringLiteral("truncated.xlsx") << QStringLiteral("truncated or damaged");
    QTest::newRow("DOCTYPE with an external entity") << QStringLiteral("doctype.xlsx") << QStringLiteral("DOCTYPE");
    QTest::newRow("compression ratio bomb") << QStringLiteral("bomb_ratio.xlsx") << QStringLiteral("zip bomb");
    QTest::newRow("declared size bomb") << QStringLiteral("bomb_declared.xlsx") << QStringLiteral("600 MiB");
    QTest::newRow("entry larger than declared") << QStringLiteral("size_lie.xlsx") << QStringLiteral("xl/worksheets/sheet1.xml");
    QTest::newRow("not a zip at all") << QStringLiteral("../csv/README.md") << QStringLiteral("not a readable XLSX");
}

void TestXlsxImport::refusesHostileFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const QString path = QStringLiteral(FUNDTRACE_TEST_DATA "/xlsx/") + file;
    if (!QFile::exists(path))
        QSKIP("fixture missing");
    const ImportResult result = XlsxImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(message), qPrintable(result.message));
    QVERIFY2(result.message.contains(QFileInfo(path).fileName()), qPrintable(result.message));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM audit_log WHERE action = 'source.import'"), 0);
}

void TestXlsxImport::rejectsRowWithHugeCell()
{
    const QByteArray huge((1 << 20) + 10, 'x');
    const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c>"
                            "<c r=\"B1\" t=\"inlineStr\"><is><t>Amount</t></is></c>"
                            "<c r=\"C1\" t=\"inlineStr\"><is><t>Purpose</t></is></c></row>"
                            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2024-03-01</t></is></c>"
                            "<c r=\"B2\"><v>100</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c></row>"
                            "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>2024-03-02</t></is></c>"
                            "<c r=\"B3\"><v>200</v></c><c r=\"C3\" t=\"inlineStr\"><is><t>ok</t></is></c></row>"
                            "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>2024-03-03</t></is></c>"
                            "<c r=\"B4\"><v>300</v></c><c r=\"AMK4\"><v>1</v></c></row>";
    const QString path = m_dir.filePath(QStringLiteral("huge_cell.xlsx"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(workbookWithRows(rows));
    file.close();

    const ImportResult result = XlsxImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.rowsImported, 1);
    QCOMPARE(result.rejects.size(), std::size_t(2));
    QCOMPARE(result.rejects[0].row, 2);
    QCOMPARE(result.rejects[0].column, QStringLiteral("Data!C (Purpose)"));
    QVERIFY2(result.rejects[0].reason.contains(QStringLiteral("cell C2 holds more than 1 MiB")),
             qPrintable(result.rejects[0].reason));
    // A value far to the right would make every row cost its width; it is refused, not read.
    QCOMPARE(result.rejects[1].row, 4);
    QCOMPARE(result.rejects[1].column, QStringLiteral("Data!AMK"));
    QVERIFY2(result.rejects[1].reason.contains(QStringLiteral("beyond column AMJ")), qPrintable(result.rejects[1].reason));
}

void TestXlsxImport::strictModeWritesNothing()
{
    import::ImportOptions options;
    options.strict = true;
    const ImportResult result = XlsxImporter(*m_case, options).importFile(fixture("kz_statement.xlsx"));
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(QStringLiteral("row 12")) && result.message.contains(QStringLiteral("Выписка!A")),
             qPrintable(result.message));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 0);
}

void TestXlsxImport::previewsWorkbook()
{
    const import::ImportPreview preview = import::previewXlsx(fixture("kz_statement.xlsx"), std::nullopt);
    QCOMPARE(preview.delimiter, QStringLiteral("Выписка"));
    QCOMPARE(preview.headers.value(0), QStringLiteral("Дата операции"));
    // F7:G7 is merged: the header spreads over G.
    QCOMPARE(preview.headers.value(6), QStringLiteral("Назначение платежа"));
    QCOMPARE(preview.mapping.skipRows, 6);
    QCOMPARE(preview.rows.size(), std::size_t(9));
    QCOMPARE(preview.rows[0].row, 8);
    QVERIFY(preview.rows[0].ok);
    QCOMPARE(preview.rows[0].raw.value(0), QStringLiteral("2024-03-01 10:30:00"));
    QCOMPARE(preview.rows[0].raw.value(3), QStringLiteral("1 234,56"));
    QVERIFY(!preview.rows[4].ok);
    QCOMPARE(preview.rows[4].row, 12);

    const import::ImportPreview second = import::previewXlsx(fixture("multi_sheet.xlsx"), std::nullopt,
                                                                   QStringLiteral("Февраль"), 1);
    QCOMPARE(second.rows.size(), std::size_t(1));
    QCOMPARE(second.rows[0].row, 4);
    QVERIFY(second.rows[0].ok);
}

void TestXlsxImport::serialDates_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<bool>("date1904");
    QTest::addColumn<bool>("timeOnly");
    QTest::addColumn<QString>("text");

    QTest::newRow("1900-01-01") << "1" << false << false << "1900-01-01 00:00:00";
    QTest::newRow("1900-02-28") << "59" << false << false << "1900-02-28 00:00:00";
    QTest::newRow("Lotus phantom day") << "60" << false << false << "1900-02-29 00:00:00";
    QTest::newRow("1900-03-01") << "61" << false << false << "1900-03-01 00:00:00";
    QTest::newRow("date and time") << "45352.4375" << false << false << "2024-03-01 10:30:00";
    QTest::newRow("binary noise rounds to the second") << "45352.437499999" << false << false << "2024-03-01 10:30:00";
    QTest::newRow("date1904 epoch") << "0" << true << false << "1904-01-01 00:00:00";
    QTest::newRow("date1904 leap day") << "43889" << true << false << "2024-02-29 00:00:00";
    QTest::newRow("time of day") << "0.75" << false << true << "18:00:00";
    QTest::newRow("time style over a full date") << "45352.5" << false << true << "2024-03-01 12:00:00";
    QTest::newRow("negative") << "-1" << false << false << "";
    QTest::newRow("beyond 9999") << "3000000" << false << false << "";
    QTest::newRow("not a number") << "abc" << false << false << "";
}

void TestXlsxImport::serialDates()
{
    QFETCH(QString, serial);
    QFETCH(bool, date1904);
    QFETCH(bool, timeOnly);
    QFETCH(QString, text);
    std::string out;
    const bool ok = import::XlsxValueText::serialToText(serial.toStdString(), date1904, timeOnly, out);
    QCOMPARE(ok, !text.isEmpty());
    if (ok)
        QCOMPARE(QString::fromStdString(out), text);
}

void TestXlsxImport::numbers_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("text");

    QTest::newRow("integer") << "50000" << "50000";
    QTest::newRow("decimal") << "-2500.5" << "-2500.5";
    QTest::newRow("binary noise") << "1234.5599999999999" << "1234.56";
    QTest::newRow("sum noise") << "0.30000000000000004" << "0.3";
    QTest::newRow("exponent") << "1.5E-3" << "0.0015";
    QTest::newRow("large exponent") << "1.2E+16" << "12000000000000000";
    QTest::newRow("twelve-digit BIN") << "123456789012" << "123456789012";
    QTest::newRow("not a number") << "#N/A" << "#N/A";
}

void TestXlsxImport::numbers()
{
    QFETCH(QString, raw);
    QFETCH(QString, text);
    std::string out;
    import::XlsxValueText::numberToText(raw.toStdString(), out);
    QCOMPARE(QString::fromStdString(out), text);
}

void TestXlsxImport::formatKinds_data()
{
    using Kind = import::XlsxStyles::Kind;
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("kind");

    QTest::newRow("general") << 0 << QString() << int(Kind::Number);
    QTest::newRow("built-in date") << 14 << QString() << int(Kind::Date);
    QTest::newRow("built-in date time") << 22 << QString() << int(Kind::Date);
    QTest::newRow("built-in time") << 20 << QString() << int(Kind::Time);
    QTest::newRow("money") << 4 << QString() << int(Kind::Number);
    QTest::newRow("custom date") << 164 << "dd\\.mm\\.yyyy" << int(Kind::Date);
    QTest::newRow("custom date time") << 165 << "dd.mm.yyyy hh:mm:ss" << int(Kind::Date);
    QTest::newRow("custom time") << 166 << "hh:mm" << int(Kind::Time);
    QTest::newRow("elapsed time") << 167 << "[h]:mm:ss" << int(Kind::Time);
    QTest::newRow("locale date") << 168 << "[$-419]d mmmm yyyy" << int(Kind::Date);
    QTest::newRow("currency in quotes") << 169 << "#,##0.00 \"тенге\";[Red]-#,##0.00" << int(Kind::Number);
    QTest::newRow("quoted letters") << 170 << "0.00\" days\"" << int(Kind::Number);
}

void TestXlsxImport::formatKinds()
{
    QFETCH(int, id);
    QFETCH(QString, code);
    QFETCH(int, kind);
    QCOMPARE(int(import::XlsxStyles::kindOfFormat(id, code)), kind);
}

void TestXlsxImport::cellRefs_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");

    QTest::newRow("A1") << "A1" << true << 1 << 0;
    QTest::newRow("AB12") << "AB12" << true << 12 << 27;
    QTest::newRow("XFD1048576") << "XFD1048576" << true << 1048576 << 16383;
    QTest::newRow("absolute") << "$C$5" << true << 5 << 2;
    QTest::newRow("beyond XFD") << "XFE1" << false << 0 << 0;
    QTest::newRow("beyond the last row") << "A1048577" << false << 0 << 0;
    QTest::newRow("row zero") << "A0" << false << 0 << 0;
    QTest::newRow("garbage") << "1A" << false << 0 << 0;
}

void TestXlsxImport::cellRefs()
{
    QFETCH(QString, ref);
    QFETCH(bool, valid);
    QFETCH(int, row);
    QFETCH(int, column);
    import::XlsxCellRef cell;
    QCOMPARE(import::XlsxCellRef::parse(ref, cell), valid);
    if (valid) {
        QCOMPARE(cell.row, row);
        QCOMPARE(cell.column, column);
        QCOMPARE(import::XlsxCellRef::columnName(column) + QString::number(row), ref.remove(QLatin1Char('$')));
    }
}

QTEST_GUILESS_MAIN(TestXlsxImport)
#include "TestXlsxImport.moc"
