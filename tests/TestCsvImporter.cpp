#include "db/CaseFile.h"
#include "import/CsvImporter.h"
#include "import/ImportPreview.h"
#include "import/RejectsReport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTimeZone>
#include <QTemporaryDir>
#include <QTest>

#include "TestFiles.h"

using namespace fundtrace;
using import::ImportResult;

namespace {

// A two-account statement as an English-language online bank exports it.
const char kStatement[] =
        "Date,Account,Amount,Currency,Counterparty,Counterparty account,Purpose,Transaction ID,Channel\n"
        "2024-02-28 10:15,KZ86125KZT5004100100,\"15 000,00\",KZT,Асель Нурланова,KZ75 601A 8610 0012 3456,Пожертвование на лечение,TX-1,card\n"
        "2024-03-02 09:00,KZ86125KZT5004100100,-250000.00,KZT,Ержан Сапаров,KZ12 998B 0000 0000 0042,\"Возврат долга, \"\"срочно\"\"\",TX-2,transfer\n"
        "31.02.2024,KZ86125KZT5004100100,100,KZT,Bad Date,,bad,TX-3,transfer\n"
        "2024-03-05 18:40,KZ21 601A 0000 1111 2222,\"(1 500,50)\",USD,ATM Almaty 0456,,\"Cash\nwithdrawal\",TX-4,cash\n"
        "2024-03-06 11:00,KZ21601A000011112222,,USD,Nobody,,empty amount,TX-5,transfer\n";

using test::writeFile;

// Windows-1251 for the letters this test uses (Russian Cyrillic, Ё, №, «», NBSP), written out so
// the test does not depend on which codecs the Qt build carries.
QByteArray toCp1251(const QString &text)
{
    QByteArray bytes;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            bytes += char(u);
        else if (u >= 0x0410 && u <= 0x044F)
            bytes += char(0xC0 + (u - 0x0410));
        else if (u == 0x0401)
            bytes += char(0xA8);
        else if (u == 0x0451)
            bytes += char(0xB8);
        else if (u == 0x2116)
            bytes += char(0xB9);
        else if (u == 0x00AB)
            bytes += char(0xAB);
        else if (u == 0x00BB)
            bytes += char(0xBB);
        else if (u == 0x00A0)
            bytes += char(0xA0);
        else
            qFatal("character not in the test's 1251 table");
    }
    return bytes;
}

std::int64_t count(db::CaseFile &caseFile, const char *sql)
{
    return caseFile.db().scalarInt(sql);
}

} // namespace

class TestCsvImporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsGoodRowsAndReportsRejects();
    void keepsProvenanceAndAccounts();
    void storesEveryColumn();
    void strictModeWritesNothing();
    void refusesSameFileUnlessForced();
    void cancelLeavesCaseUnchanged();
    void bulkLoadKeepsWalAndReaders();
    void importsCp1251DebitCreditWithMapping();
    void composesAccountFromColumns();
    void missingMappedColumnIsAFileError();
    void unrecognisedHeaderNeedsMapping();
    void fullTextSearchFindsPurposeAndNames();
    void previewShowsParsedValuesAndReasons();
    void writesRejectsReport();

private:
    QTemporaryDir m_dir;
    std::optional<db::CaseFile> m_case;
    int m_caseNumber = 0;
};

void TestCsvImporter::init()
{
    m_case.reset();
    m_case.emplace(db::CaseFile::create(m_dir.filePath(QStringLiteral("case%1.ftcase").arg(++m_caseNumber)),
                                        QStringLiteral("test")));
}

void TestCsvImporter::importsGoodRowsAndReportsRejects()
{
    const QString path = writeFile(m_dir, QStringLiteral("statement.csv"), kStatement);
    const ImportResult result = import::CsvImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.rowsRead, 5);
    QCOMPARE(result.rowsImported, 3);
    QCOMPARE(result.rowsRejected, 2);
    QCOMPARE(result.rejects.size(), std::size_t(2));
    QCOMPARE(result.rejects[0].row, 4);
    QCOMPARE(result.rejects[0].column, QStringLiteral("Date"));
    QVERIFY(result.rejects[0].reason.contains(QStringLiteral("31.02.2024")) || result.rejects[0].value == QStringLiteral("31.02.2024"));
    QCOMPARE(result.rejects[1].row, 6);
    QCOMPARE(result.rejects[1].line, 7); // the quoted newline in row 5 shifts physical lines
    QCOMPARE(result.rejects[1].column, QStringLiteral("Amount"));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 3);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM import_rejects"), 2);
    QCOMPARE(count(*m_case, "SELECT rows_rejected FROM sources"), 2);

    auto row = m_case->db().prepare("SELECT direction, amount_minor, currency FROM transactions ORDER BY source_row");
    const std::vector<std::tuple<QString, qint64, QString>> expected = {
        { QStringLiteral("C"), 1500000, QStringLiteral("KZT") },
        { QStringLiteral("D"), 25000000, QStringLiteral("KZT") },
        { QStringLiteral("D"), 150050, QStringLiteral("USD") },
    };
    for (const auto &[direction, amount, currency] : expected) {
        QVERIFY(row.step());
        QCOMPARE(row.qtext(0), direction);
        QCOMPARE(row.int64(1), amount);
        QCOMPARE(row.qtext(2), currency);
    }
}

void TestCsvImporter::keepsProvenanceAndAccounts()
{
    const QString path = writeFile(m_dir, QStringLiteral("prov.csv"), kStatement);
    const ImportResult result = import::CsvImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    auto row = m_case->db().prepare(
            "SELECT t.source_row, t.external_id, t.booked_text, t.booked_at, a.normalized, c.normalized, "
            "t.counterparty_account_text, s.file_name, s.sha256, p.body "
            "FROM transactions t JOIN sources s ON s.id = t.source_id JOIN accounts a ON a.id = t.account_id "
            "LEFT JOIN accounts c ON c.id = t.counterparty_account_id LEFT JOIN texts p ON p.id = t.purpose_id "
            "WHERE t.external_id = 'TX-2'");
    QVERIFY(row.step());
    QCOMPARE(row.int64(0), 3);
    QCOMPARE(row.qtext(2), QStringLiteral("2024-03-02 09:00"));
    // Almaty was UTC+5 from 1 March 2024.
    QCOMPARE(row.int64(3), QDateTime(QDate(2024, 3, 2), QTime(4, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(row.qtext(4), QStringLiteral("KZ86125KZT5004100100"));
    QCOMPARE(row.qtext(5), QStringLiteral("KZ12998B000000000042"));
    QCOMPARE(row.qtext(6), QStringLiteral("KZ12 998B 0000 0000 0042"));
    QCOMPARE(row.qtext(7), QStringLiteral("prov.csv"));
    QCOMPARE(row.qtext(8).size(), 64);
    QCOMPARE(row.qtext(9), QStringLiteral("Возврат долга, \"срочно\""));
    // Spaced and unspaced spellings of one account resolve to the same row.
    QCOMPARE(count(*m_case, "SELECT count(*) FROM accounts WHERE normalized = 'KZ21601A000011112222'"), 1);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM audit_log WHERE action = 'source.import'"), 1);
}

// Rows reach the table through an in-memory virtual table (BatchRowsTable): every field must land
// in its own column, and an absent one as NULL.
void TestCsvImporter::storesEveryColumn()
{
    const QString path = writeFile(m_dir, QStringLiteral("full.csv"),
            "date;amount;cur;amount2;cur2;acct;cpname;cpacct;cptax;cpbank;cpctry;ctry;purpose;channel;id;balance\n"
            "2024-05-01 12:00;-100,50;KZT;-0,23;USD;KZ86125KZT5004100100;Fund Al-Khayr;TR330006100519786457841326;"
            "123456789012;Ziraat;TR;KZ;Помощь;transfer;DOC-7;9 899,50\n"
            "2024-05-02 08:30;20;KZT;;;KZ86125KZT5004100100;;;;;;;;;;\n");
    const QString mappingPath = writeFile(m_dir, QStringLiteral("full.json"), R"({
        "delimiter": ";", "decimalMark": ",",
        "fields": {"date": "date", "amount": "amount", "currency": "cur", "amount2": "amount2",
                   "currency2": "cur2", "account": "acct", "counterpartyName": "cpname",
                   "counterpartyAccount": "cpacct", "counterpartyTaxId": "cptax", "counterpartyBank": "cpbank",
                   "counterpartyCountry": "cpctry", "country": "ctry", "purpose": "purpose",
                   "channel": "channel", "externalId": "id", "balance": "balance"}})");
    import::ImportOptions options;
    options.mapping = import::ImportMapping::load(mappingPath);
    const ImportResult result = import::CsvImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.rowsImported, 2);

    auto row = m_case->db().prepare(
            "SELECT t.source_id, t.source_row, t.external_id, a.normalized, t.direction, t.amount_minor, t.currency, "
            "t.amount2_minor, t.currency2, t.booked_text, t.channel, p.body, c.normalized, n.body, "
            "t.counterparty_account_text, t.counterparty_tax_id, t.counterparty_bank, t.counterparty_country, "
            "t.country, t.balance_after_minor "
            "FROM transactions t JOIN accounts a ON a.id = t.account_id LEFT JOIN texts p ON p.id = t.purpose_id "
            "LEFT JOIN accounts c ON c.id = t.counterparty_account_id "
            "LEFT JOIN texts n ON n.id = t.counterparty_name_id ORDER BY t.source_row");
    QVERIFY(row.step());
    QCOMPARE(row.int64(0), result.sourceId);
    QCOMPARE(row.int64(1), 2);
    QCOMPARE(row.qtext(2), QStringLiteral("DOC-7"));
    QCOMPARE(row.qtext(3), QStringLiteral("KZ86125KZT5004100100"));
    QCOMPARE(row.qtext(4), QStringLiteral("D"));
    QCOMPARE(row.int64(5), 10050);
    QCOMPARE(row.qtext(6), QStringLiteral("KZT"));
    QCOMPARE(row.int64(7), 23);
    QCOMPARE(row.qtext(8), QStringLiteral("USD"));
    QCOMPARE(row.qtext(9), QStringLiteral("2024-05-01 12:00"));
    QCOMPARE(row.qtext(10), QStringLiteral("transfer"));
    QCOMPARE(row.qtext(11), QStringLiteral("Помощь"));
    QCOMPARE(row.qtext(12), QStringLiteral("TR330006100519786457841326"));
    QCOMPARE(row.qtext(13), QStringLiteral("Fund Al-Khayr"));
    QCOMPARE(row.qtext(14), QStringLiteral("TR330006100519786457841326"));
    QCOMPARE(row.qtext(15), QStringLiteral("123456789012"));
    QCOMPARE(row.qtext(16), QStringLiteral("Ziraat"));
    QCOMPARE(row.qtext(17), QStringLiteral("TR"));
    QCOMPARE(row.qtext(18), QStringLiteral("KZ"));
    QCOMPARE(row.int64(19), 989950);

    QVERIFY(row.step());
    QCOMPARE(row.qtext(4), QStringLiteral("C"));
    QCOMPARE(row.int64(5), 2000);
    for (const int column : { 2, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 })
        QVERIFY2(row.isNull(column), qPrintable(QStringLiteral("column %1 is not NULL").arg(column)));
    QVERIFY(!row.step());
}

void TestCsvImporter::strictModeWritesNothing()
{
    const QString path = writeFile(m_dir, QStringLiteral("strict.csv"), kStatement);
    import::ImportOptions options;
    options.strict = true;
    const ImportResult result = import::CsvImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(QStringLiteral("row 4")), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("strict.csv")));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM accounts"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM import_rejects"), 0);
}

void TestCsvImporter::refusesSameFileUnlessForced()
{
    const QString path = writeFile(m_dir, QStringLiteral("twice.csv"), kStatement);
    QCOMPARE(import::CsvImporter(*m_case, {}).importFile(path).status, ImportResult::Status::Imported);
    const ImportResult again = import::CsvImporter(*m_case, {}).importFile(path);
    QCOMPARE(again.status, ImportResult::Status::Refused);
    QVERIFY(again.message.contains(QStringLiteral("already imported")));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 3);
    import::ImportOptions force;
    force.force = true;
    QCOMPARE(import::CsvImporter(*m_case, force).importFile(path).status, ImportResult::Status::Imported);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 6);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 2);
}

// A bulk import may use the rollback journal while nobody else has the case open; the case is in
// WAL mode again afterwards, and an import while a reader is open works in WAL throughout.
void TestCsvImporter::bulkLoadKeepsWalAndReaders()
{
    const auto journalMode = [this] {
        db::Statement mode = m_case->db().prepare("PRAGMA journal_mode");
        return mode.step() ? QString::fromStdString(mode.text(0)) : QString();
    };
    const QString first = writeFile(m_dir, QStringLiteral("alone.csv"), kStatement);
    QCOMPARE(import::CsvImporter(*m_case, {}).importFile(first).status, ImportResult::Status::Imported);
    QCOMPARE(journalMode(), QStringLiteral("wal"));

    db::CaseFile reader = db::CaseFile::open(m_case->path(), true);
    QCOMPARE(count(reader, "SELECT count(*) FROM transactions"), 3);
    import::ImportOptions force;
    force.force = true;
    QCOMPARE(import::CsvImporter(*m_case, force).importFile(first).status, ImportResult::Status::Imported);
    QCOMPARE(journalMode(), QStringLiteral("wal"));
    QCOMPARE(count(reader, "SELECT count(*) FROM transactions"), 6);
}

void TestCsvImporter::cancelLeavesCaseUnchanged()
{
    QByteArray big = "Date,Account,Amount,Purpose\n";
    for (int i = 0; i < 30000; ++i)
        big += "2024-01-0" + QByteArray::number(1 + i % 9) + ",KZ0001,1" + QByteArray::number(i) + ",row\n";
    const QString path = writeFile(m_dir, QStringLiteral("big.csv"), big);
    import::CancelFlag cancel { false };
    int calls = 0;
    const ImportResult result = import::CsvImporter(*m_case, {}).importFile(
            path, [&](const import::ImportProgress &) { if (++calls == 2) cancel = true; }, &cancel);
    QCOMPARE(result.status, ImportResult::Status::Cancelled);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 0);
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 0);
    // The indexes dropped for the bulk load are back after the rollback.
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'tx_%'"), 3);
}

void TestCsvImporter::importsCp1251DebitCreditWithMapping()
{
    const QString text = QStringLiteral(
            "Выписка по счету KZ40 601A 8610 0000 0001\r\n"
            "Дата операции;Дебет;Кредит;Получатель/Отправитель;Назначение платежа\r\n"
            "05.03.2024 14:05;;1\u00A0234\u00A0567,89;ТОО «Берекет Курылыс»;Оплата по счету №17\r\n"
            "06.03.24;2 000,00;;Банкомат;Снятие наличных\r\n"
            "07.03.2024;5,00;7,00;Ошибка;оба заполнены\r\n");
    const QString path = writeFile(m_dir, QStringLiteral("vypiska.csv"), toCp1251(text));
    const QString mappingPath = writeFile(m_dir, QStringLiteral("vypiska.json"), R"({
        "skipRows": 1, "decimalMark": ",",
        "fields": {"date": "Дата операции", "debit": "Дебет", "credit": "Кредит",
                   "counterpartyName": "Получатель/Отправитель", "purpose": "Назначение платежа",
                   "account": {"constant": "KZ40 601A 8610 0000 0001"}, "currency": {"constant": "KZT"}}})");
    import::ImportOptions options;
    options.mapping = import::ImportMapping::load(mappingPath);
    const ImportResult result = import::CsvImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.encoding, QStringLiteral("windows-1251"));
    QCOMPARE(result.rowsImported, 2);
    QCOMPARE(result.rowsRejected, 1);
    QVERIFY(result.rejects[0].reason.contains(QStringLiteral("both debit")));
    auto row = m_case->db().prepare(
            "SELECT t.direction, t.amount_minor, n.body, a.normalized FROM transactions t "
            "JOIN texts n ON n.id = t.counterparty_name_id JOIN accounts a ON a.id = t.account_id ORDER BY t.source_row");
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("C"));
    QCOMPARE(row.int64(1), 123456789);
    QCOMPARE(row.qtext(2), QStringLiteral("ТОО «Берекет Курылыс»"));
    QCOMPARE(row.qtext(3), QStringLiteral("KZ40601A861000000001"));
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("D"));
    QCOMPARE(row.int64(1), 200000);
}

void TestCsvImporter::composesAccountFromColumns()
{
    const QString path = writeFile(m_dir, QStringLiteral("wallet.tsv"),
                                   "Дата\tКод банка\tНомер счета\tСумма\n2024-04-01\t601\t0012345\t-70\n");
    const QString mappingPath = writeFile(m_dir, QStringLiteral("wallet.json"), R"({
        "fields": {"date": "Дата", "amount": "Сумма",
                   "account": {"columns": [{"column": "Код банка"}, {"index": 2}], "separator": "-"}}})");
    import::ImportOptions options;
    options.mapping = import::ImportMapping::load(mappingPath);
    const ImportResult result = import::CsvImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Imported);
    QCOMPARE(result.delimiter, QStringLiteral("tab"));
    auto row = m_case->db().prepare("SELECT identifier, normalized FROM accounts");
    QVERIFY(row.step());
    QCOMPARE(row.qtext(0), QStringLiteral("601-0012345"));
    QCOMPARE(row.qtext(1), QStringLiteral("6010012345"));
}

void TestCsvImporter::missingMappedColumnIsAFileError()
{
    const QString path = writeFile(m_dir, QStringLiteral("cols.csv"), "Date,Sum\n2024-01-01,5\n");
    import::ImportOptions options;
    options.mapping = import::ImportMapping::fromJson(
            QJsonDocument::fromJson(R"({"fields": {"date": "Date", "amount": "Amount"}})").object());
    const ImportResult result = import::CsvImporter(*m_case, options).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(QStringLiteral("\"Amount\"")), qPrintable(result.message));
    QVERIFY(result.message.contains(QStringLiteral("cols.csv")));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM sources"), 0);
}

void TestCsvImporter::unrecognisedHeaderNeedsMapping()
{
    const QString path = writeFile(m_dir, QStringLiteral("odd.csv"), "foo,bar\n1,2\n");
    const ImportResult result = import::CsvImporter(*m_case, {}).importFile(path);
    QCOMPARE(result.status, ImportResult::Status::Failed);
    QVERIFY2(result.message.contains(QStringLiteral("mapping")), qPrintable(result.message));
}

void TestCsvImporter::fullTextSearchFindsPurposeAndNames()
{
    const QString path = writeFile(m_dir, QStringLiteral("fts.csv"), kStatement);
    QCOMPARE(import::CsvImporter(*m_case, {}).importFile(path).status, ImportResult::Status::Imported);
    auto search = m_case->db().prepare(
            "SELECT count(*) FROM transactions WHERE purpose_id IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?1) "
            "OR counterparty_name_id IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?1)");
    search.bind(1, QStringLiteral("пожертвование"));
    QVERIFY(search.step());
    QCOMPARE(search.int64(0), 1);
    search.reset();
    search.bind(1, QStringLiteral("Сапаров"));
    QVERIFY(search.step());
    QCOMPARE(search.int64(0), 1);
}

void TestCsvImporter::previewShowsParsedValuesAndReasons()
{
    const QString path = writeFile(m_dir, QStringLiteral("preview.csv"), kStatement);
    const import::ImportPreview preview = import::previewFile(path, std::nullopt, {}, 10);
    QCOMPARE(preview.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(preview.delimiter, QStringLiteral(","));
    QCOMPARE(preview.headers.size(), 9);
    QCOMPARE(preview.rows.size(), std::size_t(5));
    QVERIFY(preview.rows[0].ok);
    QCOMPARE(preview.rows[0].direction, QStringLiteral("C"));
    QVERIFY(!preview.rows[2].ok);
    QVERIFY(preview.rows[2].reason.startsWith(QStringLiteral("Date")));
    QCOMPARE(count(*m_case, "SELECT count(*) FROM transactions"), 0);
}

void TestCsvImporter::writesRejectsReport()
{
    const QString path = writeFile(m_dir, QStringLiteral("rej.csv"), kStatement);
    const ImportResult result = import::CsvImporter(*m_case, {}).importFile(path);
    const QString report = m_dir.filePath(QStringLiteral("rejects.csv"));
    import::writeRejectsReport(report, result.rejects);
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("file,row,line,column,value,reason")));
    QVERIFY(text.contains(QStringLiteral(",4,4,Date,31.02.2024,")));
    QCOMPARE(text.count(QLatin1Char('\n')), 3);
}

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "TestCsvImporter.moc"
