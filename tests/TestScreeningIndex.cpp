#include "screening/ScreeningIndex.h"

#include <QTest>

using namespace fundtrace::screening;

class TestScreeningIndex : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rightEntryFirst_data();
    void rightEntryFirst();
    void birthDateDisagreementDemotes();
    void birthDateAgreementRaises();
    void weakAliasScoresLower();
    void thresholdAndLimitRespected();
    void innocentNameHasNoHit();
    void explanationIsPlainLanguage();
    void searchManyKeepsOrder();

private:
    ScreeningIndex m_index;
};

namespace {

ListEntry person(qint64 id, std::initializer_list<ListName> names, const QStringList &dob, const QStringList &nat)
{
    ListEntry e;
    e.entryId = id;
    e.listName = QStringLiteral("test");
    e.kind = QStringLiteral("person");
    e.names = names;
    e.birthDates = dob;
    e.nationalities = nat;
    return e;
}

} // namespace

void TestScreeningIndex::initTestCase()
{
    const QVector<ListEntry> entries = {
        person(1, { { "Mukhammed Abdikadyrov", "primary" }, { "Мұхаммед Әбдіқадыров", "original_script" } },
               { "1985-03-14" }, { "KZ" }),
        person(2, { { "YASIN, Abdul Rahman", "primary" }, { "TAHA, Abdul Rahman S.", "aka" } }, { "1960-04-10" }, { "US" }),
        person(3, { { "AL-ZAWAHIRI, Aiman Muhammad Rabi", "primary" }, { "SALIM, Ahmad Fuad", "aka" } },
               { "19 Jun 1951" }, { "EG" }),
        person(4, { { "Mukhammed Tleubaev", "primary" } }, { "1970" }, { "KZ" }),
        person(5, { { "GHAILANI, Ahmed Khalfan", "primary" }, { "FUPI", "weak" }, { "AHMED THE TANZANIAN", "weak" } },
               { "1974-03-14", "1970-08-01" }, { "TZ" }),
        person(6, { { "Ivanova Aigerim Serikovna", "primary" } }, { "1937-1945" }, {}),
        person(7, { { "Mukhammed Abdikadyrov", "primary" } }, { "1950" }, { "UZ" }),
    };
    m_index.build(entries);
    QCOMPARE(m_index.entryCount(), 7);
}

void TestScreeningIndex::rightEntryFirst_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("dob");
    QTest::addColumn<qint64>("entry");
    QTest::newRow("Cyrillic") << QString::fromUtf8("Мухаммед Абдикадыров") << "1985-03-14" << qint64(1);
    QTest::newRow("surname and initial") << "ABDIKADYROV M." << "1985-03-14" << qint64(1);
    QTest::newRow("alias spelling") << "Abd al-Rahman Yasin" << "" << qint64(2);
    QTest::newRow("Arabic script") << QString::fromUtf8("عبد الرحمن ياسين") << "" << qint64(2);
    QTest::newRow("short name, long entry") << "Ayman Zawahiri" << "" << qint64(3);
    QTest::newRow("gender variant and patronymic") << QString::fromUtf8("Иванов Айгерим Серікқызы") << "1940" << qint64(6);
}

void TestScreeningIndex::rightEntryFirst()
{
    QFETCH(QString, name);
    QFETCH(QString, dob);
    QFETCH(qint64, entry);
    const QVector<ScreeningHit> hits = m_index.search({ name, dob, {}, {} });
    QVERIFY2(!hits.isEmpty(), qPrintable(name));
    QCOMPARE(hits.front().entryId, entry);
}

void TestScreeningIndex::birthDateDisagreementDemotes()
{
    // Entries 1 and 7 share the name; the date decides.
    const QVector<ScreeningHit> hits = m_index.search({ "Mukhammed Abdikadyrov", "1985-03-14", {}, {} }, 0, 10);
    QVERIFY(hits.size() >= 2);
    QCOMPARE(hits[0].entryId, qint64(1));
    const auto other = std::find_if(hits.begin(), hits.end(), [](const ScreeningHit &h) { return h.entryId == 7; });
    QVERIFY(other != hits.end());
    QVERIFY(other->score <= hits[0].score - 25);
    QVERIFY(other->explanation.contains(QLatin1String("differs")));
    // Without a date neither wins by much, and the demoted one drops below the default threshold.
    const QVector<ScreeningHit> withDob = m_index.search({ "Mukhammed Abdikadyrov", "1985-03-14", {}, {} });
    QVERIFY(std::none_of(withDob.begin(), withDob.end(), [](const ScreeningHit &h) { return h.entryId == 7; }));
}

void TestScreeningIndex::birthDateAgreementRaises()
{
    const double without = m_index.search({ "Ahmed Ghailani", {}, {}, {} }, 0, 1).value(0).score;
    const double with = m_index.search({ "Ahmed Ghailani", "1974-03-14", "TZ", {} }, 0, 1).value(0).score;
    QVERIFY(with > without);
}

void TestScreeningIndex::weakAliasScoresLower()
{
    const QVector<ScreeningHit> hits = m_index.search({ "Ahmed the Tanzanian", {}, {}, {} }, 0, 5);
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits[0].entryId, qint64(5));
    QCOMPARE(hits[0].matchedNameKind, QStringLiteral("weak"));
    QVERIFY(hits[0].score < hits[0].nameScore);
    QVERIFY(hits[0].explanation.contains(QLatin1String("weak alias")));
}

void TestScreeningIndex::thresholdAndLimitRespected()
{
    const QVector<ScreeningHit> all = m_index.search({ "Mukhammed", {}, {}, {} }, 0, 100);
    for (const ScreeningHit &h : all)
        QVERIFY(h.score >= 0);
    const QVector<ScreeningHit> high = m_index.search({ "Mukhammed Abdikadyrov", {}, {}, {} }, 90, 100);
    for (const ScreeningHit &h : high)
        QVERIFY(h.score >= 90);
    QCOMPARE(m_index.search({ "Mukhammed Abdikadyrov", {}, {}, {} }, 0, 1).size(), 1);
    QVERIFY(m_index.search({ "Mukhammed", {}, {}, {} }).isEmpty()); // one common name alone is not a hit
}

void TestScreeningIndex::innocentNameHasNoHit()
{
    QVERIFY(m_index.search({ QString::fromUtf8("Жумабаев Арман Серикович"), {}, {}, {} }).isEmpty());
    QVERIFY(m_index.search({ "Oscar Malherbe", {}, {}, {} }).isEmpty());
}

void TestScreeningIndex::explanationIsPlainLanguage()
{
    const QVector<ScreeningHit> hits = m_index.search({ "Muhammad Abdikadyrov", "1985-01-01", "UZ", {} }, 50, 1);
    QVERIFY(!hits.isEmpty());
    const QString e = hits[0].explanation;
    QVERIFY2(e.contains(QLatin1String("'abdikadyrov'='abdikadyrov' exact")), qPrintable(e));
    QVERIFY2(e.contains(QLatin1String("'muhammad'~'mukhammed' key match")), qPrintable(e));
    QVERIFY2(e.contains(QLatin1String("birth year 1985 agrees")), qPrintable(e));
    QVERIFY2(e.contains(QLatin1String("nationality UZ not on entry")), qPrintable(e));
}

void TestScreeningIndex::searchManyKeepsOrder()
{
    QVector<ScreeningQuery> queries;
    for (int i = 0; i < 300; ++i)
        queries.push_back({ i % 2 ? QStringLiteral("Ayman Zawahiri") : QStringLiteral("Abdurrahman Yasin"), {}, {}, {} });
    const QVector<QVector<ScreeningHit>> results = m_index.searchMany(queries, ScreeningIndex::kDefaultThreshold, 3, 2);
    QCOMPARE(results.size(), queries.size());
    for (int i = 0; i < results.size(); ++i) {
        QVERIFY(!results[i].isEmpty());
        QCOMPARE(results[i].front().entryId, i % 2 ? qint64(3) : qint64(2));
    }
}

QTEST_GUILESS_MAIN(TestScreeningIndex)
#include "TestScreeningIndex.moc"
