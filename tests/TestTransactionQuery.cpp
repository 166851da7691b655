#include "db/CaseFile.h"
#include "query/FtsQuery.h"
#include "query/SourceQuery.h"
#include "query/TransactionOrder.h"
#include "query/TransactionQuery.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace fundtrace;
using query::TransactionFilter;
using query::TransactionSort;

Q_DECLARE_METATYPE(query::TransactionFilter)
Q_DECLARE_METATYPE(query::TransactionSort)

class TestTransactionQuery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void countsEverythingWithoutFilter();
    void filters_data();
    void filters();
    void sorts_data();
    void sorts();
    void pagesAreStableAndComplete();
    void orderedIdsMatchPages_data();
    void orderedIdsMatchPages();
    void rowsByIdsKeepOrder();
    void pageOutOfRange();
    void byIdCarriesEveryFieldAndProvenance();
    void byIdUnknown();
    void ftsQuery_data();
    void ftsQuery();
    void sourcesAreListed();

private:
    std::vector<std::int64_t> ids(const TransactionFilter &filter, TransactionSort sort,
                                  bool descending) const;

    QTemporaryDir m_dir;
    std::unique_ptr<db::CaseFile> m_case;
};

namespace {

// Unix seconds of 2024-03-DD 12:00 UTC.
constexpr std::int64_t march(int day)
{
    return 1709294400 + static_cast<std::int64_t>(day - 1) * 86400 + 12 * 3600;
}

} // namespace

void TestTransactionQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = std::make_unique<db::CaseFile>(
            db::CaseFile::create(m_dir.filePath(QStringLiteral("query.ftcase")), QStringLiteral("Query test")));
    db::Database &db = m_case->db();
    db.exec(R"sql(
        INSERT INTO sources(id, file_name, file_path, sha256, size_bytes, format, encoding,
                            rows_read, rows_imported, rows_rejected, imported_at, imported_by)
        VALUES (1, 'halyk_2024.csv', '/cases/halyk_2024.csv', 'aa11', 2048, 'csv', 'UTF-8', 6, 5, 1,
                '2024-04-01T08:00:00Z', 'analyst'),
               (2, 'kaspi_march.csv', '/cases/kaspi_march.csv', 'bb22', 1024, 'csv', 'windows-1251',
                3, 3, 0, '2024-04-02T09:30:00Z', 'analyst');
        INSERT INTO accounts(id, identifier, normalized, holder_name) VALUES
            (1, 'KZ12 3456 7890', 'KZ1234567890', 'Aliya Nurlanovna'),
            (2, 'KZ99-0000-1111', 'KZ9900001111', 'Fund Hope'),
            (3, 'RU55 4444', 'RU554444', 'OOO Vector');
        INSERT INTO texts(id, hash, body) VALUES
            (1, 101, 'Charity donation for orphans'),
            (2, 102, 'Оплата по договору поставки'),
            (3, 103, 'ТОО Альфа-Трейд'),
            (4, 104, 'Ivanov Ivan'),
            (5, 105, 'Fund Hope');
        INSERT INTO texts_fts(texts_fts) VALUES ('rebuild');
        INSERT INTO transactions(id, source_id, source_row, external_id, account_id, direction,
            amount_minor, currency, amount2_minor, currency2, booked_at, booked_text, channel,
            purpose_id, counterparty_account_id, counterparty_name_id, counterparty_account_text,
            counterparty_tax_id, counterparty_bank, counterparty_country, balance_after_minor)
        VALUES
            (1, 1, 2, 'H-1', 1, 'D', 1500000, 'KZT', NULL, NULL, )sql" + std::to_string(march(1)) + R"sql(,
                '01.03.2024 17:00', 'transfer', 1, 2, 5, 'KZ99 0000 1111', '990340001234',
                'Halyk Bank', 'KZ', 8500000),
            (2, 1, 3, 'H-2', 1, 'C', 250000, 'KZT', NULL, NULL, )sql" + std::to_string(march(3)) + R"sql(,
                '03.03.2024 17:00', 'cash', 2, NULL, 3, NULL, NULL, NULL, NULL, 8750000),
            (3, 1, 4, 'H-3', 1, 'D', 10000, 'USD', 4500000, 'KZT', )sql" + std::to_string(march(2)) + R"sql(,
                '02.03.2024 17:00', 'card', NULL, 3, 4, NULL, NULL, NULL, 'RU', NULL),
            (4, 1, 6, 'H-4', 2, 'C', 1500000, 'KZT', NULL, NULL, )sql" + std::to_string(march(1)) + R"sql(,
                '01.03.2024 17:00', 'transfer', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
            (5, 1, 7, 'H-5', 2, 'D', 99999999, 'KZT', NULL, NULL, )sql" + std::to_string(march(20)) + R"sql(,
                '20.03.2024 17:00', 'transfer', 2, 3, 3, NULL, NULL, NULL, NULL, NULL),
            (6, 2, 2, 'K-1', 3, 'C', 700, 'RUB', NULL, NULL, )sql" + std::to_string(march(10)) + R"sql(,
                '10.03.2024 17:00', 'wallet', NULL, NULL, 4, NULL, NULL, NULL, NULL, NULL),
            (7, 2, 3, 'K-2', 3, 'D', 0, 'RUB', NULL, NULL, )sql" + std::to_string(march(31)) + R"sql(,
                '31.03.2024 17:00', 'wallet', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (8, 2, 4, 'K-3', NULL, 'C', 42, 'USD', NULL, NULL, )sql" + std::to_string(march(15)) + R"sql(,
                '15.03.2024 17:00', NULL, NULL, 1, 5, NULL, NULL, NULL, NULL, NULL);
    )sql");
}

std::vector<std::int64_t> TestTransactionQuery::ids(const TransactionFilter &filter,
                                                    TransactionSort sort, bool descending) const
{
    std::vector<std::int64_t> out;
    for (const auto &row : query::TransactionQuery(m_case->db()).page(filter, sort, descending, 0, 100))
        out.push_back(row.id);
    return out;
}

void TestTransactionQuery::countsEverythingWithoutFilter()
{
    const query::TransactionQuery query(m_case->db());
    QCOMPARE(query.count({}), 8);
    QCOMPARE(query.page({}, TransactionSort::BookedAt, false, 0, 100).size(), std::size_t(8));
}

void TestTransactionQuery::filters_data()
{
    QTest::addColumn<TransactionFilter>("filter");
    QTest::addColumn<QList<qint64>>("expected"); // ids, ordered by booked_at then id

    auto make = [](auto set) {
        TransactionFilter filter;
        set(filter);
        return filter;
    };
    QTest::newRow("account own or counterparty, typed loosely")
            << make([](TransactionFilter &f) { f.account = QStringLiteral("kz12-3456 7890"); })
            << QList<qint64> { 1, 4, 3, 2, 8 };
    QTest::newRow("account counterparty side only")
            << make([](TransactionFilter &f) { f.account = QStringLiteral("KZ99 0000 1111"); })
            << QList<qint64> { 1, 4, 5 };
    QTest::newRow("account prefix")
            << make([](TransactionFilter &f) { f.account = QStringLiteral("RU*"); })
            << QList<qint64> { 3, 6, 5, 7 };
    QTest::newRow("account unknown")
            << make([](TransactionFilter &f) { f.account = QStringLiteral("KZ000"); })
            << QList<qint64> {};
    QTest::newRow("from inclusive")
            << make([](TransactionFilter &f) { f.fromUtc = march(15); })
            << QList<qint64> { 8, 5, 7 };
    QTest::newRow("to exclusive")
            << make([](TransactionFilter &f) { f.toUtc = march(3); })
            << QList<qint64> { 1, 4, 3 };
    QTest::newRow("date range")
            << make([](TransactionFilter &f) {
                   f.fromUtc = march(2);
                   f.toUtc = march(11);
               })
            << QList<qint64> { 3, 2, 6 };
    QTest::newRow("min amount")
            << make([](TransactionFilter &f) { f.minAmountMinor = 1500000; })
            << QList<qint64> { 1, 4, 5 };
    QTest::newRow("max amount includes zero")
            << make([](TransactionFilter &f) { f.maxAmountMinor = 700; })
            << QList<qint64> { 6, 8, 7 };
    QTest::newRow("amount band")
            << make([](TransactionFilter &f) {
                   f.minAmountMinor = 700;
                   f.maxAmountMinor = 250000;
               })
            << QList<qint64> { 3, 2, 6 };
    QTest::newRow("currency lower case")
            << make([](TransactionFilter &f) { f.currency = QStringLiteral("usd"); })
            << QList<qint64> { 3, 8 };
    QTest::newRow("direction credit")
            << make([](TransactionFilter &f) { f.direction = QStringLiteral("C"); })
            << QList<qint64> { 4, 2, 6, 8 };
    QTest::newRow("direction debit")
            << make([](TransactionFilter &f) { f.direction = QStringLiteral("D"); })
            << QList<qint64> { 1, 3, 5, 7 };
    QTest::newRow("text in purpose")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("charity"); })
            << QList<qint64> { 1, 4, 7 };
    QTest::newRow("text prefix, Cyrillic")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("ОПЛАТ"); })
            << QList<qint64> { 2, 5 };
    QTest::newRow("text in counterparty name")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("альфа"); })
            << QList<qint64> { 2, 5 };
    QTest::newRow("hyphenated name as typed")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("Альфа-Трейд"); })
            << QList<qint64> { 2, 5 };
    QTest::newRow("text in name or purpose")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("fund"); })
            << QList<qint64> { 1, 8 };
    QTest::newRow("text words are ANDed")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("charity orphans"); })
            << QList<qint64> { 1, 4, 7 };
    QTest::newRow("text words are ANDed, no match")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("charity ivanov"); })
            << QList<qint64> {};
    QTest::newRow("text with FTS syntax is literal")
            << make([](TransactionFilter &f) { f.text = QStringLiteral("\" OR body:* NEAR( -- ')"); })
            << QList<qint64> {};
    QTest::newRow("text of punctuation only does not filter")
            << make([](TransactionFilter &f) { f.text = QStringLiteral(" - \" "); })
            << QList<qint64> { 1, 4, 3, 2, 6, 8, 5, 7 };
    QTest::newRow("source")
            << make([](TransactionFilter &f) { f.sourceId = 2; })
            << QList<qint64> { 6, 8, 7 };
    QTest::newRow("combined")
            << make([](TransactionFilter &f) {
                   f.account = QStringLiteral("KZ1234567890");
                   f.direction = QStringLiteral("D");
                   f.currency = QStringLiteral("KZT");
               })
            << QList<qint64> { 1 };
}

void TestTransactionQuery::filters()
{
    QFETCH(TransactionFilter, filter);
    QFETCH(QList<qint64>, expected);

    const query::TransactionQuery query(m_case->db());
    QCOMPARE(query.count(filter), expected.size());
    QList<qint64> got;
    for (const auto &row : query.page(filter, TransactionSort::BookedAt, false, 0, 100))
        got << row.id;
    QCOMPARE(got, expected);
}

void TestTransactionQuery::sorts_data()
{
    QTest::addColumn<TransactionSort>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QList<qint64>>("expected");

    QTest::newRow("booked asc") << TransactionSort::BookedAt << false
                                << QList<qint64> { 1, 4, 3, 2, 6, 8, 5, 7 };
    QTest::newRow("booked desc") << TransactionSort::BookedAt << true
                                 << QList<qint64> { 7, 5, 8, 6, 2, 3, 4, 1 };
    QTest::newRow("amount asc, ties by id") << TransactionSort::Amount << false
                                            << QList<qint64> { 7, 8, 6, 3, 2, 1, 4, 5 };
    QTest::newRow("amount desc") << TransactionSort::Amount << true
                                 << QList<qint64> { 5, 4, 1, 2, 3, 6, 8, 7 };
    // NULL (no own account, no name) sorts first ascending.
    QTest::newRow("account asc") << TransactionSort::Account << false
                                 << QList<qint64> { 8, 1, 2, 3, 4, 5, 6, 7 };
    QTest::newRow("counterparty asc") << TransactionSort::Counterparty << false
                                      << QList<qint64> { 4, 7, 1, 8, 3, 6, 2, 5 };
    QTest::newRow("direction asc") << TransactionSort::Direction << false
                                   << QList<qint64> { 2, 4, 6, 8, 1, 3, 5, 7 };
    QTest::newRow("currency asc") << TransactionSort::Currency << false
                                  << QList<qint64> { 1, 2, 4, 5, 6, 7, 3, 8 };
    QTest::newRow("source desc") << TransactionSort::Source << true
                                 << QList<qint64> { 8, 7, 6, 5, 4, 3, 2, 1 };
}

void TestTransactionQuery::sorts()
{
    QFETCH(TransactionSort, sort);
    QFETCH(bool, descending);
    QFETCH(QList<qint64>, expected);

    const auto got = ids({}, sort, descending);
    QCOMPARE(QList<qint64>(got.begin(), got.end()), expected);
}

void TestTransactionQuery::pagesAreStableAndComplete()
{
    const query::TransactionQuery query(m_case->db());
    for (const TransactionSort sort : { TransactionSort::BookedAt, TransactionSort::Amount,
                                        TransactionSort::Counterparty }) {
        for (const bool descending : { false, true }) {
            std::vector<std::int64_t> paged;
            for (std::int64_t offset = 0; offset < 8; offset += 3) {
                const auto page = query.page({}, sort, descending, offset, 3);
                QVERIFY(page.size() <= 3);
                for (const auto &row : page)
                    paged.push_back(row.id);
            }
            QCOMPARE(paged, ids({}, sort, descending));
        }
    }
}

void TestTransactionQuery::orderedIdsMatchPages_data()
{
    QTest::addColumn<TransactionFilter>("filter");
    QTest::newRow("no filter") << TransactionFilter {};
    TransactionFilter credits;
    credits.direction = QStringLiteral("C");
    QTest::newRow("credits") << credits;
    TransactionFilter text;
    text.text = QStringLiteral("charity");
    QTest::newRow("text") << text;
}

void TestTransactionQuery::orderedIdsMatchPages()
{
    QFETCH(TransactionFilter, filter);
    const query::TransactionOrder order(m_case->db());
    for (const TransactionSort sort : { TransactionSort::BookedAt, TransactionSort::Amount, TransactionSort::Account,
                                        TransactionSort::Counterparty, TransactionSort::Direction,
                                        TransactionSort::Currency, TransactionSort::Source }) {
        for (const bool descending : { false, true })
            QCOMPARE(order.orderedIds(filter, sort, descending), ids(filter, sort, descending));
    }
}

void TestTransactionQuery::rowsByIdsKeepOrder()
{
    const query::TransactionOrder order(m_case->db());
    const std::vector<std::int64_t> wanted { 5, 999, 2, 8 };
    const auto rows = order.rows(wanted);
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[0].id, 5);
    QCOMPARE(rows[1].id, 2);
    QCOMPARE(rows[2].id, 8);
    QCOMPARE(rows[1].counterpartyName, QStringLiteral("ТОО Альфа-Трейд"));
    QCOMPARE(rows[2].sourceFile, QStringLiteral("kaspi_march.csv"));
}

void TestTransactionQuery::pageOutOfRange()
{
    const query::TransactionQuery query(m_case->db());
    QVERIFY(query.page({}, TransactionSort::BookedAt, false, 8, 10).empty());
    QVERIFY(query.page({}, TransactionSort::BookedAt, false, 0, 0).empty());
    QVERIFY(query.page({}, TransactionSort::BookedAt, false, -1, 10).empty());
    QCOMPARE(query.page({}, TransactionSort::BookedAt, false, 6, 10).size(), std::size_t(2));
}

void TestTransactionQuery::byIdCarriesEveryFieldAndProvenance()
{
    const query::TransactionQuery query(m_case->db());
    const auto row = query.byId(1);
    QVERIFY(row);
    QCOMPARE(row->id, 1);
    QCOMPARE(row->bookedAt, march(1));
    QCOMPARE(row->bookedText, QStringLiteral("01.03.2024 17:00"));
    QCOMPARE(row->account, QStringLiteral("KZ12 3456 7890"));
    QCOMPARE(row->accountHolder, QStringLiteral("Aliya Nurlanovna"));
    QCOMPARE(row->direction, QStringLiteral("D"));
    QCOMPARE(row->amountMinor, 1500000);
    QCOMPARE(row->currency, QStringLiteral("KZT"));
    QVERIFY(!row->amount2Minor);
    QCOMPARE(row->counterpartyName, QStringLiteral("Fund Hope"));
    // The account as written in the source wins over the normalised account's first spelling.
    QCOMPARE(row->counterpartyAccount, QStringLiteral("KZ99 0000 1111"));
    QCOMPARE(row->counterpartyTaxId, QStringLiteral("990340001234"));
    QCOMPARE(row->counterpartyBank, QStringLiteral("Halyk Bank"));
    QCOMPARE(row->counterpartyCountry, QStringLiteral("KZ"));
    QCOMPARE(row->channel, QStringLiteral("transfer"));
    QCOMPARE(row->purpose, QStringLiteral("Charity donation for orphans"));
    QCOMPARE(row->externalId, QStringLiteral("H-1"));
    QCOMPARE(row->balanceAfterMinor, std::optional<std::int64_t>(8500000));
    QCOMPARE(row->sourceId, 1);
    QCOMPARE(row->sourceFile, QStringLiteral("halyk_2024.csv"));
    QCOMPARE(row->sourceRow, 2);

    const auto card = query.byId(3);
    QVERIFY(card);
    QCOMPARE(card->amount2Minor, std::optional<std::int64_t>(4500000));
    QCOMPARE(card->currency2, QStringLiteral("KZT"));
    QCOMPARE(card->counterpartyAccount, QStringLiteral("RU55 4444")); // from the accounts table
    QVERIFY(card->purpose.isNull());

    const auto noOwner = query.byId(8);
    QVERIFY(noOwner);
    QVERIFY(noOwner->account.isEmpty());
    QCOMPARE(noOwner->sourceFile, QStringLiteral("kaspi_march.csv"));
}

void TestTransactionQuery::byIdUnknown()
{
    QVERIFY(!query::TransactionQuery(m_case->db()).byId(999));
}

void TestTransactionQuery::ftsQuery_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("one word") << QStringLiteral("charity") << QStringLiteral("\"charity\"*");
    QTest::newRow("spaces collapse") << QStringLiteral("  a \t b\n")
                                     << QStringLiteral("\"a\"* \"b\"*");
    QTest::newRow("quote splits") << QStringLiteral("fo\"o") << QStringLiteral("\"fo\"* \"o\"*");
    QTest::newRow("operators are words") << QStringLiteral("x OR y")
                                         << QStringLiteral("\"x\"* \"OR\"* \"y\"*");
    QTest::newRow("punctuation dropped") << QStringLiteral("- ( ) *") << QString();
    QTest::newRow("cyrillic") << QStringLiteral("Альфа-Трейд")
                              << QStringLiteral("\"Альфа\"* \"Трейд\"*");
    QTest::newRow("account-like") << QStringLiteral("KZ12-34/5") << QStringLiteral("\"KZ12\"* \"34\"* \"5\"*");
}

void TestTransactionQuery::ftsQuery()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(query::toFtsQuery(input), expected);
}

void TestTransactionQuery::sourcesAreListed()
{
    const query::SourceQuery sources(m_case->db());
    const auto all = sources.all();
    QCOMPARE(all.size(), std::size_t(2));
    QCOMPARE(all[0].fileName, QStringLiteral("halyk_2024.csv"));
    QCOMPARE(all[0].rowsRead, 6);
    QCOMPARE(all[0].rowsImported, 5);
    QCOMPARE(all[0].rowsRejected, 1);
    QCOMPARE(all[1].encoding, QStringLiteral("windows-1251"));
    QCOMPARE(all[1].sizeBytes, 1024);
    QVERIFY(!all[1].durationMs);
    const auto second = sources.byId(2);
    QVERIFY(second);
    QCOMPARE(second->importedAt, QStringLiteral("2024-04-02T09:30:00Z"));
    QVERIFY(!sources.byId(3));
}

QTEST_GUILESS_MAIN(TestTransactionQuery)
#include "TestTransactionQuery.moc"
