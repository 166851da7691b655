#include "detect/AlertSink.h"
#include "detect/DetectionContext.h"
#include "detect/RuleSettings.h"
#include "detect/RuleText.h"
#include "detect/rules/FanInRule.h"
#include "detect/rules/FanOutRule.h"
#include "detect/rules/NpoMisuseRule.h"
#include "detect/rules/PassThroughRule.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace fundtrace::detect;

namespace {

constexpr qint64 T0 = 1709251200; // 2024-03-01 00:00 UTC
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 KZT = 100; // minor units per tenge

using Row = DetectionContext::Builder::Row;

Row row(std::int32_t account, bool credit, qint64 amount, qint64 at, std::int32_t counterparty = -1,
    Channel channel = Channel::Transfer, const QString &country = {})
{
    Row r;
    r.account = account;
    r.credit = credit;
    r.amountMinor = amount;
    r.bookedAt = at;
    r.counterparty = counterparty;
    r.channel = channel;
    r.country = country;
    return r;
}

// A case under test with the ids of the transactions each scenario expects as evidence.
struct Scenario {
    DetectionContext context;
    QList<qint64> expected; // transaction ids, in time order
};

std::unique_ptr<Rule> makeRule(const QString &id)
{
    std::unique_ptr<Rule> rule;
    if (id == u"crowdfunding_fan_in")
        rule = std::make_unique<FanInRule>();
    else if (id == u"fan_out")
        rule = std::make_unique<FanOutRule>();
    else if (id == u"pass_through")
        rule = std::make_unique<PassThroughRule>();
    else
        rule = std::make_unique<NpoMisuseRule>();
    rule->configure(RuleSettings(rule->id(), {}));
    return rule;
}

std::vector<AlertDraft> run(const QString &ruleId, const DetectionContext &context)
{
    AlertSink sink;
    makeRule(ruleId)->run(context, sink);
    return sink.take();
}

// Something else happening in the case at the same time, on an account no rule looks at twice.
void addUnrelated(DetectionContext::Builder &b)
{
    const std::int32_t other = b.addAccount(QStringLiteral("KZ00UNRELATED"));
    const std::int32_t stranger = b.addAccount(QStringLiteral("KZ00STRANGER"));
    b.add(row(other, true, 1234 * KZT, T0 + 30 * 60, stranger));
}

// `senders` small payments into an NPO's account, one an hour, the last `lastAt` after the first;
// then optionally cash and a transfer abroad 12 h after the last payment.
Scenario fanIn(int senders, qint64 amount, qint64 lastAt, qint64 cash = 0, qint64 abroad = 0,
    bool unrelated = false)
{
    DetectionContext::Builder b;
    const std::int32_t npo = b.addSubject(QStringLiteral("ОФ Мейірім"), QStringLiteral("npo"));
    const std::int32_t receiver = b.addAccount(QStringLiteral("KZ86601A000000000001"), npo);
    Scenario s;
    if (unrelated)
        addUnrelated(b);
    qint64 last = T0;
    for (int i = 0; i < senders; ++i) {
        const std::int32_t sender = b.addAccount(QStringLiteral("KZ00SENDER%1").arg(i));
        last = i == senders - 1 ? T0 + lastAt : T0 + i * Hour;
        s.expected << b.add(row(receiver, true, amount, last, sender));
    }
    if (cash > 0)
        s.expected << b.add(row(receiver, false, cash, last + 12 * Hour, -1, Channel::Cash));
    if (abroad > 0) {
        const std::int32_t foreign = b.addAccount(QStringLiteral("TR330006100519786457841326"));
        s.expected << b.add(row(receiver, false, abroad, last + 13 * Hour, foreign,
            Channel::Transfer, QStringLiteral("TR")));
    }
    s.context = b.build();
    return s;
}

// One account paying `recipients` distinct people `amount` each, one an hour, the last `lastAt`
// after the first.
Scenario fanOut(int recipients, qint64 amount, qint64 lastAt, bool unrelated = false,
                const QString &payerKind = QStringLiteral("person"))
{
    DetectionContext::Builder b;
    const std::int32_t payer = b.addAccount(QStringLiteral("KZ11PAYER"),
        b.addSubject(QStringLiteral("Payer"), payerKind));
    if (unrelated)
        addUnrelated(b);
    Scenario s;
    b.add(row(payer, true, 50'000'000 * KZT, T0 - Day));
    for (int i = 0; i < recipients; ++i) {
        const std::int32_t to = b.addAccount(QStringLiteral("KZ00RECIPIENT%1").arg(i));
        s.expected << b.add(
            row(payer, false, amount, i == recipients - 1 ? T0 + lastAt : T0 + i * Hour, to));
    }
    s.context = b.build();
    return s;
}

// `episodes` inflows of 1 000 000 KZT, `spacing` apart; `out` of each leaves `delay` later, the
// rest three days later, so the account is empty before the next one.
Scenario passThrough(int episodes, qint64 out, qint64 delay, qint64 spacing, bool unrelated = false)
{
    DetectionContext::Builder b;
    const std::int32_t mule
        = b.addAccount(QStringLiteral("KZ22MULE"), b.addSubject(QStringLiteral("Mule")));
    const std::int32_t source = b.addAccount(QStringLiteral("KZ22SOURCE"));
    const std::int32_t sink = b.addAccount(QStringLiteral("KZ22SINK"));
    if (unrelated)
        addUnrelated(b);
    Scenario s;
    const qint64 in = 1'000'000 * KZT;
    for (int i = 0; i < episodes; ++i) {
        const qint64 at = T0 + i * spacing;
        s.expected << b.add(row(mule, true, in, at, source));
        s.expected << b.add(row(mule, false, out, at + delay, sink));
        b.add(row(mule, false, in - out, at + 3 * Day, -1, Channel::Cash));
    }
    s.context = b.build();
    return s;
}

// `donations` payments from distinct people into an NPO, one an hour, plus an optional grant from
// a foundation; then cash and a payment to a supplier at `spendAt`.
Scenario npo(int donations, qint64 amount, qint64 grant, qint64 cash, qint64 supplier,
    qint64 spendAt, bool unrelated = false)
{
    DetectionContext::Builder b;
    const std::int32_t fund = b.addSubject(QStringLiteral("ОФ Мейірім"), QStringLiteral("npo"));
    const std::int32_t account = b.addAccount(QStringLiteral("KZ33NPO"), fund);
    if (unrelated)
        addUnrelated(b);
    Scenario s;
    for (int i = 0; i < donations; ++i) {
        const std::int32_t donor = b.addAccount(
            QStringLiteral("KZ00DONOR%1").arg(i), b.addSubject(QStringLiteral("Donor %1").arg(i)));
        s.expected << b.add(row(account, true, amount, T0 + i * Hour, donor));
    }
    if (grant > 0) {
        const std::int32_t foundation = b.addAccount(QStringLiteral("KZ00FOUNDATION"),
            b.addSubject(QStringLiteral("Foundation"), QStringLiteral("organisation")));
        b.add(row(account, true, grant, T0 + 30 * 60, foundation));
    }
    if (cash > 0)
        s.expected << b.add(row(account, false, cash, T0 + spendAt, -1, Channel::Cash));
    if (supplier > 0) {
        const std::int32_t shop = b.addAccount(QStringLiteral("KZ00SUPPLIER"),
            b.addSubject(QStringLiteral("Supplier LLP"), QStringLiteral("organisation")));
        b.add(row(account, false, supplier, T0 + spendAt + 1, shop));
    }
    s.context = b.build();
    return s;
}

// A positive case of each rule, for the checks every rule shares.
Scenario positive(const QString &ruleId, bool unrelated)
{
    if (ruleId == u"crowdfunding_fan_in")
        return fanIn(20, 5'000 * KZT, 19 * Hour, 90'000 * KZT, 0, unrelated);
    if (ruleId == u"fan_out")
        return fanOut(12, 150'000 * KZT, 11 * Hour, unrelated);
    if (ruleId == u"pass_through")
        return passThrough(4, 950'000 * KZT, 6 * Hour, 5 * Day, unrelated);
    return npo(25, 50'000 * KZT, 0, 800'000 * KZT, 200'000 * KZT, 2 * Day, unrelated);
}

QStringList signature(const std::vector<AlertDraft> &drafts, const DetectionContext &context)
{
    QStringList lines;
    for (const AlertDraft &d : drafts) {
        QString line = QStringLiteral("%1|%2|%3|%4|%5|%6-%7")
                           .arg(d.ruleId, d.key)
                           .arg(d.score)
                           .arg(d.title, d.explanation)
                           .arg(d.windowStart)
                           .arg(d.windowEnd);
        for (const Evidence &e : d.evidence)
            line += QStringLiteral("|%1:%2").arg(context.transactions()[e.row].id).arg(e.role);
        lines << line;
    }
    return lines;
}

QList<qint64> evidenceIds(const AlertDraft &draft, const DetectionContext &context)
{
    QList<qint64> ids;
    for (const Evidence &e : draft.evidence)
        ids << context.transactions()[e.row].id;
    return ids;
}

} // namespace

class TestFlowRules : public QObject {
    Q_OBJECT

private slots:
    void fanInThresholds_data();
    void fanInThresholds();
    void fanInExplainsWhereMoneyWent();
    void fanOutThresholds_data();
    void fanOutThresholds();
    void fanOutSkipsEmployers();
    void passThroughThresholds_data();
    void passThroughThresholds();
    void passThroughEvidence();
    void npoThresholds_data();
    void npoThresholds();
    void npoExplainsShares();
    void deterministic_data() { addRules(); }
    void deterministic();
    void keysSurviveUnrelatedRows_data() { addRules(); }
    void keysSurviveUnrelatedRows();
    void scoreGrowsWithStrength_data() { addRules(); }
    void scoreGrowsWithStrength();
    void settingsAreRead_data() { addRules(); }
    void settingsAreRead();
    void fanInCountsNamesWithoutAccounts();
    void episodesDoNotOverlap();

private:
    static void addRules();
};

void TestFlowRules::fanInThresholds_data()
{
    QTest::addColumn<int>("senders");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("lastAt");
    QTest::addColumn<bool>("alert");

    QTest::newRow("15 senders") << 15 << 50'000 * KZT << 14 * Hour << true;
    QTest::newRow("14 senders") << 14 << 50'000 * KZT << 13 * Hour << false;
    QTest::newRow("one tiyn over the small amount") << 15 << 50'000 * KZT + 1 << 14 * Hour << false;
    QTest::newRow("last on the window edge") << 15 << 1'000 * KZT << 30 * Day << true;
    QTest::newRow("last one second outside") << 15 << 1'000 * KZT << 30 * Day + 1 << false;
}

void TestFlowRules::fanInThresholds()
{
    QFETCH(int, senders);
    QFETCH(qint64, amount);
    QFETCH(qint64, lastAt);
    QFETCH(bool, alert);

    const Scenario s = fanIn(senders, amount, lastAt);
    const auto drafts = run(QStringLiteral("crowdfunding_fan_in"), s.context);
    QCOMPARE(drafts.size(), std::size_t(alert ? 1 : 0));
    if (alert) {
        QCOMPARE(evidenceIds(drafts[0], s.context), s.expected);
        QCOMPARE(drafts[0].key, QStringLiteral("s:1|2024-03-01"));
        QCOMPARE(drafts[0].metrics.value(u"distinct_senders").toInt(), senders);
    }
}

void TestFlowRules::fanInExplainsWhereMoneyWent()
{
    // 20 x 5 000 KZT in; 90 000 in cash and 5 000 abroad out within 13 h of the last.
    const Scenario s = fanIn(20, 5'000 * KZT, 19 * Hour, 90'000 * KZT, 5'000 * KZT);
    const auto drafts = run(QStringLiteral("crowdfunding_fan_in"), s.context);
    QCOMPARE(drafts.size(), std::size_t(1));
    const AlertDraft &d = drafts[0];
    QVERIFY2(
        d.explanation.contains(QStringLiteral("20 distinct senders")), qPrintable(d.explanation));
    QVERIFY2(d.explanation.contains(
                 QStringLiteral("median %1").arg(money(5'000 * KZT, QStringLiteral("KZT")))),
        qPrintable(d.explanation));
    QVERIFY2(d.explanation.contains(
                 QStringLiteral("90% withdrawn in cash and 5% sent abroad within 13 h")),
        qPrintable(d.explanation));
    QCOMPARE(evidenceIds(d, s.context), s.expected);
    QCOMPARE(d.evidence.front().role, QStringLiteral("donation"));
    QCOMPARE(d.evidence[20].role, QStringLiteral("cash out"));
    QCOMPARE(d.evidence[21].role, QStringLiteral("transfer abroad"));
    QCOMPARE(d.subjects, std::vector<std::int32_t> { 0 });
    QCOMPARE(d.accounts, std::vector<std::int32_t> { 0 });

    const auto quiet
        = run(QStringLiteral("crowdfunding_fan_in"), fanIn(20, 5'000 * KZT, 19 * Hour).context);
    QVERIFY(d.score > quiet.at(0).score);
}

void TestFlowRules::fanOutThresholds_data()
{
    QTest::addColumn<int>("recipients");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("lastAt");
    QTest::addColumn<bool>("alert");

    QTest::newRow("10 recipients, 1 000 000 in total") << 10 << 100'000 * KZT << 9 * Hour << true;
    QTest::newRow("9 recipients") << 9 << 200'000 * KZT << 8 * Hour << false;
    QTest::newRow("one tiyn each under the total") << 10 << 100'000 * KZT - 1 << 9 * Hour << false;
    QTest::newRow("last on the window edge") << 10 << 100'000 * KZT << 7 * Day << true;
    QTest::newRow("last one second outside") << 10 << 100'000 * KZT << 7 * Day + 1 << false;
}

void TestFlowRules::fanOutThresholds()
{
    QFETCH(int, recipients);
    QFETCH(qint64, amount);
    QFETCH(qint64, lastAt);
    QFETCH(bool, alert);

    const Scenario s = fanOut(recipients, amount, lastAt);
    const auto drafts = run(QStringLiteral("fan_out"), s.context);
    QCOMPARE(drafts.size(), std::size_t(alert ? 1 : 0));
    if (alert) {
        const AlertDraft &d = drafts[0];
        QCOMPARE(evidenceIds(d, s.context), s.expected);
        QCOMPARE(d.evidence.front().role, QStringLiteral("out"));
        QCOMPARE(d.key, QStringLiteral("a:1|2024-03-01"));
        QVERIFY2(d.explanation.contains(QStringLiteral("10 distinct recipients %1 in 10 payments")
                                            .arg(money(10 * amount, QStringLiteral("KZT")))),
            qPrintable(d.explanation));
    }
}

void TestFlowRules::passThroughThresholds_data()
{
    QTest::addColumn<int>("episodes");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<qint64>("delay");
    QTest::addColumn<qint64>("spacing");
    QTest::addColumn<bool>("alert");

    QTest::newRow("3 episodes, 80% within 48 h")
        << 3 << 800'000 * KZT << 48 * Hour << 5 * Day << true;
    QTest::newRow("2 episodes") << 2 << 800'000 * KZT << 48 * Hour << 5 * Day << false;
    QTest::newRow("one tiyn under 80%") << 3 << 800'000 * KZT - 1 << 6 * Hour << 5 * Day << false;
    QTest::newRow("one second late") << 3 << 900'000 * KZT << 48 * Hour + 1 << 5 * Day << false;
    QTest::newRow("third on the window edge") << 3 << 900'000 * KZT << 6 * Hour << 15 * Day << true;
    QTest::newRow("third one second outside")
        << 3 << 900'000 * KZT << 6 * Hour << 15 * Day + 1 << false;
}

void TestFlowRules::passThroughThresholds()
{
    QFETCH(int, episodes);
    QFETCH(qint64, out);
    QFETCH(qint64, delay);
    QFETCH(qint64, spacing);
    QFETCH(bool, alert);

    const Scenario s = passThrough(episodes, out, delay, spacing);
    const auto drafts = run(QStringLiteral("pass_through"), s.context);
    QCOMPARE(drafts.size(), std::size_t(alert ? 1 : 0));
    if (alert)
        QCOMPARE(evidenceIds(drafts[0], s.context), s.expected);
}

void TestFlowRules::passThroughEvidence()
{
    const Scenario s = passThrough(4, 950'000 * KZT, 9 * Hour, 5 * Day);
    const auto drafts = run(QStringLiteral("pass_through"), s.context);
    QCOMPARE(drafts.size(), std::size_t(1));
    const AlertDraft &d = drafts[0];
    QCOMPARE(evidenceIds(d, s.context), s.expected);
    for (std::size_t i = 0; i < d.evidence.size(); ++i)
        QCOMPARE(d.evidence[i].role, i % 2 == 0 ? QStringLiteral("in") : QStringLiteral("out"));
    QCOMPARE(d.key, QStringLiteral("a:1|2024-03-01"));
    QCOMPARE(d.windowEnd, T0 + 15 * Day + 9 * Hour);
    QVERIFY2(d.explanation.contains(QStringLiteral("4 times within 15 days")),
        qPrintable(d.explanation));
    QVERIFY2(d.explanation.contains(
                 QStringLiteral("%1 came in and 95% of it left within 2 days (median 9 h")
                     .arg(money(4'000'000 * KZT, QStringLiteral("KZT")))),
        qPrintable(d.explanation));
}

void TestFlowRules::npoThresholds_data()
{
    QTest::addColumn<int>("donations");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("grant");
    QTest::addColumn<qint64>("cash");
    QTest::addColumn<qint64>("supplier");
    QTest::addColumn<qint64>("spendAt");
    QTest::addColumn<bool>("alert");

    // 20 x 60 000 in, 1 000 000 spent, 60% of it in cash: every threshold met exactly.
    const qint64 d = 60'000 * KZT, c = 600'000 * KZT, p = 400'000 * KZT;
    QTest::newRow("all thresholds met") << 20 << d << qint64(0) << c << p << 2 * Day << true;
    QTest::newRow("19 donations") << 19 << d << qint64(0) << c << p << 2 * Day << false;
    QTest::newRow("donations one tiyn over small")
        << 20 << 100'000 * KZT + 1 << qint64(0) << c << p << 2 * Day << false;
    QTest::newRow("donations at the small bound")
        << 20 << 100'000 * KZT << qint64(0) << c << p << 2 * Day << true;
    QTest::newRow("grant leaves donations at 60%")
        << 20 << d << 800'000 * KZT << c << p << 2 * Day << true;
    // Below 60% by amount, but 20 of 21 payments are still small donations.
    QTest::newRow("grant one tiyn larger, most payments donations")
        << 20 << d << 800'000 * KZT + 1 << c << p << 2 * Day << true;
    QTest::newRow("cash one tiyn under 60%")
        << 20 << d << qint64(0) << c - 1 << p + 1 << 2 * Day << false;
    QTest::newRow("spending one tiyn under minimum")
        << 20 << d << qint64(0) << c << p - 1 << 2 * Day << false;
    QTest::newRow("spending on the window edge")
        << 20 << d << qint64(0) << c << p << 90 * Day - 1 << true;
    QTest::newRow("spending one second outside")
        << 20 << d << qint64(0) << c << p << 90 * Day << false;
}

void TestFlowRules::npoThresholds()
{
    QFETCH(int, donations);
    QFETCH(qint64, amount);
    QFETCH(qint64, grant);
    QFETCH(qint64, cash);
    QFETCH(qint64, supplier);
    QFETCH(qint64, spendAt);
    QFETCH(bool, alert);

    const Scenario s = npo(donations, amount, grant, cash, supplier, spendAt);
    const auto drafts = run(QStringLiteral("npo_misuse"), s.context);
    QCOMPARE(drafts.size(), std::size_t(alert ? 1 : 0));
    if (alert) {
        QCOMPARE(evidenceIds(drafts[0], s.context), s.expected);
        QCOMPARE(drafts[0].key, QStringLiteral("s:1|2024-03-01"));
        QCOMPARE(drafts[0].subjects, std::vector<std::int32_t> { 0 });
    }
}

void TestFlowRules::npoExplainsShares()
{
    const Scenario s = npo(20, 60'000 * KZT, 0, 600'000 * KZT, 400'000 * KZT, 20 * Hour);
    const auto drafts = run(QStringLiteral("npo_misuse"), s.context);
    QCOMPARE(drafts.size(), std::size_t(1));
    const AlertDraft &d = drafts[0];
    QVERIFY2(
        d.explanation.contains(QStringLiteral("received 100% of its income (20 of 20 payments")),
        qPrintable(d.explanation));
    QVERIFY2(
        d.explanation.contains(
            QStringLiteral("spent 60% of %1").arg(money(1'000'000 * KZT, QStringLiteral("KZT")))),
        qPrintable(d.explanation));
    QVERIFY2(
        d.explanation.contains(QStringLiteral("in cash (60%), abroad (0%) or to individuals (0%)")),
        qPrintable(d.explanation));
    QVERIFY2(d.explanation.contains(
                 QStringLiteral("50% of the donated amount was withdrawn in cash within 2 days")),
        qPrintable(d.explanation));
    QCOMPARE(d.evidence.front().role, QStringLiteral("donation"));
    QCOMPARE(d.evidence.back().role, QStringLiteral("cash out"));
}

void TestFlowRules::addRules()
{
    QTest::addColumn<QString>("rule");
    for (const char *id : { "crowdfunding_fan_in", "fan_out", "pass_through", "npo_misuse" })
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestFlowRules::deterministic()
{
    QFETCH(QString, rule);
    const Scenario s = positive(rule, false);
    const QStringList first = signature(run(rule, s.context), s.context);
    QCOMPARE(first.size(), 1);
    QCOMPARE(signature(run(rule, s.context), s.context), first);
}

void TestFlowRules::keysSurviveUnrelatedRows()
{
    QFETCH(QString, rule);
    const Scenario plain = positive(rule, false);
    const Scenario busy = positive(rule, true);
    const auto before = run(rule, plain.context);
    const auto after = run(rule, busy.context);
    QCOMPARE(after.size(), before.size());
    QVERIFY(!before.empty());
    for (std::size_t i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i].key, before[i].key);
        QCOMPARE(after[i].score, before[i].score);
    }
}

void TestFlowRules::scoreGrowsWithStrength()
{
    QFETCH(QString, rule);
    const auto weak = [&]() -> Scenario {
        if (rule == u"crowdfunding_fan_in")
            return fanIn(15, 5'000 * KZT, 14 * Hour);
        if (rule == u"fan_out")
            return fanOut(10, 100'000 * KZT, 9 * Hour);
        if (rule == u"pass_through")
            return passThrough(3, 800'000 * KZT, 40 * Hour, 5 * Day);
        return npo(20, 60'000 * KZT, 0, 600'000 * KZT, 400'000 * KZT, 3 * Day);
    }();
    const auto weakDrafts = run(rule, weak.context);
    const auto strongDrafts = run(rule, positive(rule, false).context);
    QCOMPARE(weakDrafts.size(), std::size_t(1));
    QCOMPARE(strongDrafts.size(), std::size_t(1));
    QVERIFY2(strongDrafts[0].score > weakDrafts[0].score,
        qPrintable(QStringLiteral("%1 <= %2").arg(strongDrafts[0].score).arg(weakDrafts[0].score)));
    QVERIFY(strongDrafts[0].score <= 100);
}

void TestFlowRules::settingsAreRead()
{
    QFETCH(QString, rule);
    // The documented settings with their defaults, as in the default rules file.
    static const QHash<QString, QJsonObject> defaults = {
        { QStringLiteral("crowdfunding_fan_in"),
            QJsonObject { { "currency", "KZT" }, { "min_senders", 15 }, { "max_amount", 50000 },
                { "window_hours", 720 }, { "onward_hours", 72 }, { "few_recipients", 3 },
                { "home_countries", QJsonArray { "KZ" } } } },
        { QStringLiteral("fan_out"),
            QJsonObject { { "currency", "KZT" }, { "min_recipients", 10 }, { "min_total", 1000000 },
                { "window_hours", 168 }, { "home_countries", QJsonArray { "KZ" } } } },
        { QStringLiteral("pass_through"),
            QJsonObject { { "currency", "KZT" }, { "min_inflow", 100000 }, { "out_share", 0.8 },
                { "max_delay_hours", 48 }, { "min_episodes", 3 }, { "window_hours", 720 } } },
        { QStringLiteral("npo_misuse"),
            QJsonObject { { "currency", "KZT" }, { "window_hours", 2160 },
                { "small_donation", 100000 }, { "min_donations", 20 },
                { "min_donation_share", 0.6 }, { "min_spending", 1000000 },
                { "min_risky_spending_share", 0.6 }, { "cash_after_hours", 48 },
                { "home_countries", QJsonArray { "KZ" } } } },
    };
    std::unique_ptr<Rule> r = makeRule(rule);
    const RuleSettings settings(rule, defaults.value(rule));
    r->configure(settings);
    QCOMPARE(settings.unknownKeys(), QStringList());
    const Scenario s = positive(rule, false);
    AlertSink sink;
    r->run(s.context, sink);
    QCOMPARE(signature(sink.take(), s.context), signature(run(rule, s.context), s.context));

    QJsonObject bad = defaults.value(rule);
    bad.insert(QStringLiteral("window_hours"), -1);
    QVERIFY_THROWS_EXCEPTION(RuleConfigError, r->configure(RuleSettings(rule, bad)));
}

void TestFlowRules::fanInCountsNamesWithoutAccounts()
{
    // Senders known only by name: distinct names count, a repeated name does not.
    const auto build = [](int names) {
        DetectionContext::Builder b;
        const std::int32_t receiver = b.addAccount(QStringLiteral("KZ44WALLET"));
        for (int i = 0; i < 15; ++i) {
            Row r = row(receiver, true, 2'000 * KZT, T0 + i * Hour);
            r.counterpartyName = QStringLiteral("Sender %1").arg(i % names);
            b.add(r);
        }
        return b.build();
    };
    const auto drafts = run(QStringLiteral("crowdfunding_fan_in"), build(15));
    QCOMPARE(drafts.size(), std::size_t(1));
    QCOMPARE(drafts[0].key, QStringLiteral("a:1|2024-03-01"));
    QVERIFY(drafts[0].subjects.empty());
    QVERIFY(run(QStringLiteral("crowdfunding_fan_in"), build(14)).empty());
}

void TestFlowRules::episodesDoNotOverlap()
{
    // 30 senders within a day make one alert, not sixteen; a second burst 40 days later makes its
    // own.
    DetectionContext::Builder b;
    const std::int32_t receiver = b.addAccount(QStringLiteral("KZ55FUND"));
    for (int burst = 0; burst < 2; ++burst) {
        for (int i = 0; i < 30; ++i) {
            const std::int32_t sender
                = b.addAccount(QStringLiteral("KZ00S%1-%2").arg(burst).arg(i));
            b.add(row(receiver, true, 1'000 * KZT, T0 + burst * 40 * Day + i * 600, sender));
        }
    }
    const DetectionContext context = b.build();
    const auto drafts = run(QStringLiteral("crowdfunding_fan_in"), context);
    QCOMPARE(drafts.size(), std::size_t(2));
    QCOMPARE(drafts[0].key, QStringLiteral("a:1|2024-03-01"));
    QCOMPARE(drafts[1].key, QStringLiteral("a:1|2024-04-10"));
    QCOMPARE(drafts[0].evidence.size(), std::size_t(30));

    // Six fast episodes in 30 days are one pass-through alert.
    const auto fast
        = run(QStringLiteral("pass_through"), passThrough(6, 900'000 * KZT, Hour, 5 * Day).context);
    QCOMPARE(fast.size(), std::size_t(1));
    QCOMPARE(fast[0].metrics.value(u"episodes").toInt(), 6);
}

void TestFlowRules::fanOutSkipsEmployers()
{
    // A company paying many people (payroll) is not dispersal by default; a person doing so is.
    const Scenario employer = fanOut(12, 100'000 * KZT, Hour * 12, false, QStringLiteral("organisation"));
    QCOMPARE(run(QStringLiteral("fan_out"), employer.context).size(), std::size_t(0));
    const Scenario collector = fanOut(12, 100'000 * KZT, Hour * 12);
    QCOMPARE(run(QStringLiteral("fan_out"), collector.context).size(), std::size_t(1));
    FanOutRule everyone;
    everyone.configure(RuleSettings(everyone.id(), QJsonObject { { QStringLiteral("skip_kinds"), QJsonArray {} } }));
    AlertSink sink;
    everyone.run(employer.context, sink);
    QCOMPARE(sink.take().size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestFlowRules)
#include "TestFlowRules.moc"
