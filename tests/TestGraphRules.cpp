#include "detect/AlertSink.h"
#include "detect/DetectionContext.h"
#include "detect/RuleSettings.h"
#include "detect/rules/CycleRule.h"
#include "detect/rules/DormantReactivationRule.h"
#include "detect/rules/ListedProximityRule.h"
#include "detect/rules/ScatterGatherRule.h"

#include <QJsonArray>
#include <QTest>
#include <algorithm>

using namespace fundtrace::detect;

namespace {

constexpr qint64 Day = 86'400;
constexpr qint64 Start = 1'704'067'200; // 2024-01-01 00:00 UTC

// A transfer as the payer's statement shows it; amounts in major units of KZT.
void pay(
    DetectionContext::Builder &builder, std::int32_t from, std::int32_t to, qint64 major, qint64 at)
{
    DetectionContext::Builder::Row row;
    row.account = from;
    row.counterparty = to;
    row.amountMinor = major * 100;
    row.bookedAt = at;
    builder.add(row);
}

template <typename R>
std::vector<AlertDraft> detect(const DetectionContext &context, const QJsonObject &settings = {})
{
    R rule;
    rule.configure(RuleSettings(rule.id(), settings));
    AlertSink sink;
    rule.run(context, sink);
    return sink.take();
}

const AlertDraft *findByKey(const std::vector<AlertDraft> &drafts, const QString &prefix)
{
    for (const AlertDraft &draft : drafts) {
        if (draft.key.startsWith(prefix))
            return &draft;
    }
    return nullptr;
}

// Every rule's findings on one case, reduced to what must not change between runs.
QStringList fingerprint(const DetectionContext &context)
{
    std::vector<AlertDraft> all;
    for (auto drafts : { detect<CycleRule>(context), detect<ScatterGatherRule>(context),
             detect<ListedProximityRule>(context), detect<DormantReactivationRule>(context) }) {
        for (AlertDraft &draft : drafts)
            all.push_back(std::move(draft));
    }
    QStringList lines;
    for (const AlertDraft &draft : all) {
        QStringList evidence;
        for (const Evidence &e : draft.evidence)
            evidence << QStringLiteral("%1:%2").arg(context.transactions()[e.row].id).arg(e.role);
        lines << QStringLiteral("%1 %2 %3 [%4]")
                     .arg(draft.ruleId, draft.key)
                     .arg(draft.score)
                     .arg(evidence.join(u','));
    }
    return lines;
}

// One of each pattern; with noise, unrelated accounts and earlier-dated rows shift every index.
DetectionContext scenario(bool noise)
{
    DetectionContext::Builder b;
    const std::int32_t a1 = b.addAccount("KZ01"), a2 = b.addAccount("KZ02"),
                       a3 = b.addAccount("KZ03");
    const std::int32_t source = b.addAccount("KZ10"), destination = b.addAccount("KZ14");
    const std::int32_t middle[]
        = { b.addAccount("KZ11"), b.addAccount("KZ12"), b.addAccount("KZ13") };
    const std::int32_t listed = b.addSubject("Listed Person");
    b.setListed(listed, 90);
    const std::int32_t friendOfListed = b.addSubject("Associate");
    const std::int32_t l = b.addAccount("KZ20", listed), x = b.addAccount("KZ21", friendOfListed);
    const std::int32_t sleeper = b.addAccount("KZ30");
    pay(b, a1, a2, 1'000'000, Start + 1 * Day);
    pay(b, a2, a3, 950'000, Start + 2 * Day);
    pay(b, a3, a1, 900'000, Start + 3 * Day);
    for (const std::int32_t m : middle) {
        pay(b, source, m, 500'000, Start + 10 * Day);
        pay(b, m, destination, 450'000, Start + 11 * Day);
    }
    pay(b, l, x, 200'000, Start + 20 * Day);
    pay(b, sleeper, a1, 1'000, Start);
    pay(b, sleeper, a3, 8'000'000, Start + 200 * Day);
    if (noise) {
        std::int32_t u[4] = {};
        for (int i = 0; i < 4; ++i)
            u[i] = b.addAccount(QStringLiteral("KZ9%1").arg(i));
        for (int i = 0; i < 40; ++i)
            pay(b, u[i % 4], u[(i + 1) % 4], 5'000, Start + i * Day / 2 + 17);
    }
    return b.build();
}

} // namespace

class TestGraphRules : public QObject {
    Q_OBJECT

private slots:
    void cycle_data();
    void cycle();
    void cycleRotationsGiveOneAlert();
    void cycleThroughOneHoldersAccounts();
    void scatterGather_data();
    void scatterGather();
    void gatherScatter();
    void proximity_data();
    void proximity();
    void dormant_data();
    void dormant();
    void dormantNeedsOwnStatement();
    void deterministicAndStableKeys();
    void badSettingsAreRefused();
};

void TestGraphRules::cycle_data()
{
    QTest::addColumn<qint64>("second"); // when hop 2 is booked, after hop 1
    QTest::addColumn<qint64>("third"); // when hop 3 is booked, after hop 1
    QTest::addColumn<qint64>("amount2"); // hop 1 is 1 000 000
    QTest::addColumn<qint64>("amount3");
    QTest::addColumn<bool>("found");

    QTest::newRow("3-hop cycle") << Day << 2 * Day << qint64(980'000) << qint64(950'000) << true;
    QTest::newRow("hop 3 before hop 2")
        << 2 * Day << Day << qint64(980'000) << qint64(950'000) << false;
    QTest::newRow("hop 3 same second as hop 2")
        << Day << Day << qint64(980'000) << qint64(950'000) << false;
    QTest::newRow("hop 2 at +20%")
        << Day << 2 * Day << qint64(1'200'000) << qint64(950'000) << true;
    QTest::newRow("hop 2 above +20%")
        << Day << 2 * Day << qint64(1'200'001) << qint64(950'000) << false;
    QTest::newRow("hop 3 at -20%") << Day << 2 * Day << qint64(980'000) << qint64(800'000) << true;
    QTest::newRow("hop 3 below -20%")
        << Day << 2 * Day << qint64(980'000) << qint64(799'999) << false;
    QTest::newRow("return at window edge")
        << Day << 30 * Day << qint64(980'000) << qint64(950'000) << true;
    QTest::newRow("return one second late")
        << Day << 30 * Day + 1 << qint64(980'000) << qint64(950'000) << false;
}

void TestGraphRules::cycle()
{
    QFETCH(qint64, second);
    QFETCH(qint64, third);
    QFETCH(qint64, amount2);
    QFETCH(qint64, amount3);
    QFETCH(bool, found);

    DetectionContext::Builder b;
    const std::int32_t a = b.addAccount("KZ01"), c = b.addAccount("KZ02"), d = b.addAccount("KZ03");
    pay(b, a, c, 1'000'000, Start);
    pay(b, c, d, amount2, Start + second);
    pay(b, d, a, amount3, Start + third);
    const DetectionContext context = b.build();
    const std::vector<AlertDraft> drafts = detect<CycleRule>(context);

    QCOMPARE(drafts.size(), std::size_t(found ? 1 : 0));
    if (!found)
        return;
    const AlertDraft &draft = drafts.front();
    QCOMPARE(draft.key, QStringLiteral("1>2>3|2024-01-01"));
    QCOMPARE(draft.metrics.value("hops").toInt(), 3);
    QCOMPARE(draft.evidence.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(
            context.transactions()[draft.evidence[i].row].id, qint64(i + 1)); // the hops in order
        QCOMPARE(draft.evidence[i].role, QStringLiteral("hop %1 of 3").arg(i + 1));
    }
    QCOMPARE(draft.windowEnd - draft.windowStart, third);
    QVERIFY(draft.score >= 50 && draft.score <= 100);
    QVERIFY(draft.explanation.contains(QStringLiteral("3 transfers")));
}

void TestGraphRules::cycleRotationsGiveOneAlert()
{
    // The ring b → c → a → b, then b → c again: the second lap starting at c is the same ring.
    DetectionContext::Builder b;
    const std::int32_t a = b.addAccount("KZ01"), c = b.addAccount("KZ02"), d = b.addAccount("KZ03");
    pay(b, c, d, 1'000'000, Start + Day);
    pay(b, d, a, 1'000'000, Start + 2 * Day);
    pay(b, a, c, 1'000'000, Start + 3 * Day);
    pay(b, c, d, 1'000'000, Start + 4 * Day);
    pay(b, d, a, 1'000'000, Start + 4 * Day + 60);
    const std::vector<AlertDraft> drafts = detect<CycleRule>(b.build());
    QCOMPARE(drafts.size(), std::size_t(1));
    QCOMPARE(drafts.front().key, QStringLiteral("1>2>3|2024-01-02")); // rotated to the smallest id
}

void TestGraphRules::cycleThroughOneHoldersAccounts()
{
    DetectionContext::Builder b;
    const std::int32_t holder = b.addSubject("Holder");
    const std::int32_t a = b.addAccount("KZ01", holder), c = b.addAccount("KZ02", holder),
                       d = b.addAccount("KZ03", holder);
    pay(b, a, c, 1'000'000, Start);
    pay(b, c, d, 1'000'000, Start + Day);
    pay(b, d, a, 1'000'000, Start + 2 * Day);
    const DetectionContext context = b.build();
    QVERIFY(detect<CycleRule>(context).empty());
    const std::vector<AlertDraft> drafts
        = detect<CycleRule>(context, QJsonObject { { "skip_same_holder", false } });
    QCOMPARE(drafts.size(), std::size_t(1));
    QCOMPARE(drafts.front().subjects, std::vector<std::int32_t> { holder });
}

void TestGraphRules::scatterGather_data()
{
    QTest::addColumn<int>("intermediaries");
    QTest::addColumn<qint64>("forwarded"); // by each intermediary, of 500 000 received
    QTest::addColumn<bool>("found");

    QTest::newRow("2 intermediaries") << 2 << qint64(450'000) << false;
    QTest::newRow("3 intermediaries") << 3 << qint64(450'000) << true;
    QTest::newRow("5 intermediaries") << 5 << qint64(500'000) << true;
    QTest::newRow("3 passing on 70%") << 3 << qint64(350'000) << true;
    QTest::newRow("3 passing on less than 70%") << 3 << qint64(349'999) << false;
}

void TestGraphRules::scatterGather()
{
    QFETCH(int, intermediaries);
    QFETCH(qint64, forwarded);
    QFETCH(bool, found);

    DetectionContext::Builder b;
    const std::int32_t source = b.addAccount("KZ01"), destination = b.addAccount("KZ02");
    for (int i = 0; i < intermediaries; ++i) {
        const std::int32_t middle = b.addAccount(QStringLiteral("KZ1%1").arg(i));
        pay(b, source, middle, 500'000, Start + i * 3600);
        pay(b, middle, destination, forwarded, Start + Day + i * 3600);
    }
    const std::vector<AlertDraft> drafts = detect<ScatterGatherRule>(b.build());
    const AlertDraft *draft = findByKey(drafts, QStringLiteral("sg:"));
    QCOMPARE(draft != nullptr, found);
    if (!draft)
        return;
    QCOMPARE(draft->key, QStringLiteral("sg:1>2|2024-01-01"));
    QCOMPARE(draft->metrics.value("intermediaries").toInt(), intermediaries);
    QCOMPARE(draft->metrics.value("scattered_minor").toInteger(), intermediaries * 500'000'00LL);
    QCOMPARE(draft->metrics.value("gathered_minor").toInteger(), intermediaries * forwarded * 100);
    QCOMPARE(draft->evidence.size(), std::size_t(2 * intermediaries));
    QCOMPARE(draft->accounts.size(), std::size_t(intermediaries + 2));
}

void TestGraphRules::gatherScatter()
{
    DetectionContext::Builder b;
    const std::int32_t collector = b.addAccount("KZ01");
    for (int i = 0; i < 3; ++i)
        pay(b, b.addAccount(QStringLiteral("KZ1%1").arg(i)), collector, 400'000, Start + i * 3600);
    for (int i = 0; i < 3; ++i)
        pay(b, collector, b.addAccount(QStringLiteral("KZ2%1").arg(i)), 380'000,
            Start + 2 * Day + i * 3600);
    std::vector<AlertDraft> drafts = detect<ScatterGatherRule>(b.build());
    QCOMPARE(drafts.size(), std::size_t(1));
    QCOMPARE(drafts.front().key, QStringLiteral("gs:1|2024-01-01"));
    QCOMPARE(drafts.front().metrics.value("gathered_minor").toInteger(), 1'200'000'00LL);
    QCOMPARE(drafts.front().metrics.value("scattered_minor").toInteger(), 1'140'000'00LL);

    // Only scatter-gather asked for: nothing.
    drafts = detect<ScatterGatherRule>(
        b.build(), QJsonObject { { "patterns", QJsonArray { "scatter_gather" } } });
    QVERIFY(drafts.empty());
}

void TestGraphRules::proximity_data()
{
    QTest::addColumn<int>("hops"); // how far the party in question sits from the listed one
    QTest::addColumn<bool>("found");
    QTest::addColumn<int>("score");

    QTest::newRow("1 hop") << 1 << true << 90;
    QTest::newRow("2 hops") << 2 << true << 54;
    QTest::newRow("3 hops, beyond max_hops 2") << 3 << false << 0;
}

void TestGraphRules::proximity()
{
    QFETCH(int, hops);
    QFETCH(bool, found);
    QFETCH(int, score);

    // listed → p1 → p2 ← p3 (the last hop paid towards the listed side: directions both ways).
    DetectionContext::Builder b;
    const std::int32_t listed = b.addSubject("Listed");
    b.setListed(listed, 80);
    std::int32_t chain[4];
    chain[0] = b.addAccount("KZ00", listed);
    for (int i = 1; i < 4; ++i)
        chain[i] = b.addAccount(
            QStringLiteral("KZ0%1").arg(i), b.addSubject(QStringLiteral("Party %1").arg(i)));
    pay(b, chain[0], chain[1], 100'000, Start);
    pay(b, chain[1], chain[2], 90'000, Start + Day);
    pay(b, chain[3], chain[2], 80'000, Start + 2 * Day);
    const std::vector<AlertDraft> drafts = detect<ListedProximityRule>(b.build());

    QCOMPARE(drafts.size(), std::size_t(2));
    const AlertDraft *draft = findByKey(drafts, QStringLiteral("s:%1|").arg(hops + 1));
    QCOMPARE(draft != nullptr, found);
    if (!draft)
        return;
    QCOMPARE(draft->key, QStringLiteral("s:%1|listed:1").arg(hops + 1));
    QCOMPARE(draft->score, score);
    QCOMPARE(draft->metrics.value("hops").toInt(), hops);
    QCOMPARE(draft->evidence.size(), std::size_t(hops)); // one transaction per hop on this path
    QCOMPARE(draft->evidence.front().role, QStringLiteral("with listed party"));
}

void TestGraphRules::dormant_data()
{
    QTest::addColumn<int>("idleDays");
    QTest::addColumn<int>("transfers"); // after the wake-up, within 30 days
    QTest::addColumn<qint64>("each");
    QTest::addColumn<bool>("found");

    QTest::newRow("179 days idle, large sum") << 179 << 2 << qint64(4'000'000) << false;
    QTest::newRow("180 days idle, large sum") << 180 << 2 << qint64(4'000'000) << true;
    QTest::newRow("181 days idle, large sum") << 181 << 2 << qint64(4'000'000) << true;
    QTest::newRow("181 days idle, small sum") << 181 << 2 << qint64(3'000'000) << false;
    QTest::newRow("181 days idle, 10 small transfers") << 181 << 10 << qint64(1'000) << true;
    QTest::newRow("181 days idle, 9 small transfers") << 181 << 9 << qint64(1'000) << false;
}

void TestGraphRules::dormant()
{
    QFETCH(int, idleDays);
    QFETCH(int, transfers);
    QFETCH(qint64, each);
    QFETCH(bool, found);

    DetectionContext::Builder b;
    const std::int32_t sleeper = b.addAccount("KZ01", b.addSubject("Sleeper"));
    const std::int32_t other = b.addAccount("KZ02");
    pay(b, other, sleeper, 5'000, Start);
    for (int i = 0; i < transfers; ++i)
        pay(b, sleeper, other, each, Start + idleDays * Day + i * 3 * Day);
    const std::vector<AlertDraft> drafts = detect<DormantReactivationRule>(b.build());
    // The counterparty wakes up too; look at the sleeper only.
    const AlertDraft *draft = findByKey(drafts, QStringLiteral("a:1|"));
    QCOMPARE(draft != nullptr, found);
    if (!draft)
        return;
    QCOMPARE(draft->subjects, std::vector<std::int32_t> { 0 });
    QCOMPARE(draft->metrics.value("transactions_after").toInt(), transfers);
    QCOMPARE(draft->metrics.value("moved_minor").toInteger(), transfers * each * 100);
    QCOMPARE(draft->evidence.size(), std::size_t(transfers + 1));
    QCOMPARE(draft->evidence.front().role, QStringLiteral("last activity before"));
}

void TestGraphRules::dormantNeedsOwnStatement()
{
    // The payee is seen only in the payer's statement: its quiet months may just be unseen.
    DetectionContext::Builder b;
    const std::int32_t payer = b.addAccount("KZ01"), payee = b.addAccount("KZ02");
    pay(b, payer, payee, 5'000, Start);
    for (int i = 0; i < 60; ++i)
        pay(b, payer, b.addAccount(QStringLiteral("KZ1%1").arg(i)), 1'000,
            Start + i * 3 * Day + 3600);
    pay(b, payer, payee, 8'000'000, Start + 200 * Day);
    const DetectionContext context = b.build();
    QVERIFY(!findByKey(detect<DormantReactivationRule>(context), QStringLiteral("a:2|")));
    QVERIFY(findByKey(
        detect<DormantReactivationRule>(context, QJsonObject { { "require_statement", false } }),
        QStringLiteral("a:2|")));
}

void TestGraphRules::deterministicAndStableKeys()
{
    const QStringList plain = fingerprint(scenario(false));
    QCOMPARE(fingerprint(scenario(false)), plain);
    const QStringList keys = [&] {
        QStringList list;
        for (const QString &line : plain)
            list << line.section(u' ', 0, 1);
        return list;
    }();
    QVERIFY2(keys.contains("cycles 1>2>3|2024-01-02"), qPrintable(plain.join(u'\n')));
    QVERIFY2(keys.contains("scatter_gather sg:4>5|2024-01-11"), qPrintable(plain.join(u'\n')));
    QVERIFY2(keys.contains("listed_proximity s:2|listed:1"), qPrintable(plain.join(u'\n')));
    QVERIFY2(keys.contains("dormant_reactivation a:11|2024-07-19"), qPrintable(plain.join(u'\n')));

    // Unrelated rows change every index but none of the findings (the evidence is cited by id,
    // and the noise rows were added last, so transaction ids are unchanged).
    QStringList noisy = fingerprint(scenario(true));
    QStringList sortedPlain = plain;
    sortedPlain.sort();
    noisy.sort();
    QCOMPARE(noisy, sortedPlain);
}

void TestGraphRules::badSettingsAreRefused()
{
    CycleRule cycles;
    QVERIFY_THROWS_EXCEPTION(RuleConfigError,
        cycles.configure(RuleSettings("cycles", { { "min_hops", 4 }, { "max_hops", 3 } })));
    ListedProximityRule proximity;
    QVERIFY_THROWS_EXCEPTION(RuleConfigError,
        proximity.configure(
            RuleSettings("listed_proximity", { { "directions", QJsonArray { "sideways" } } })));
    ScatterGatherRule scatter;
    QVERIFY_THROWS_EXCEPTION(RuleConfigError,
        scatter.configure(RuleSettings("scatter_gather", { { "min_parties", 1 } })));
}

QTEST_GUILESS_MAIN(TestGraphRules)
#include "TestGraphRules.moc"
