#include "detect/RuleRegistry.h"
#include "detect/RuleText.h"
#include "detect/rules/HighRiskGeographyRule.h"
#include "detect/rules/PurposeKeywordRule.h"
#include "detect/rules/SharedIdentifierRule.h"
#include "detect/rules/VelocityAnomalyRule.h"

#include <QJsonArray>
#include <QTest>

using namespace fundtrace::detect;
using Row = DetectionContext::Builder::Row;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kMonday = 1704067200; // 2024-01-01 00:00 UTC, a Monday

Row row(std::int32_t account, bool credit, std::int64_t minor, std::int64_t at, std::int32_t counterparty = -1,
        const QString &purpose = {}, const QString &country = {})
{
    Row r;
    r.account = account;
    r.credit = credit;
    r.amountMinor = minor;
    r.bookedAt = at;
    r.counterparty = counterparty;
    r.purpose = purpose;
    r.country = country;
    return r;
}

std::vector<AlertDraft> runRule(Rule &rule, const DetectionContext &context, const QJsonObject &settings = {})
{
    rule.configure(RuleSettings(rule.id(), settings));
    AlertSink sink;
    rule.run(context, sink);
    return sink.take();
}

// A holder's account paying a counterparty account, one row per call.
struct TwoParties {
    DetectionContext::Builder builder;
    std::int32_t holder, payer, payee;
    explicit TwoParties(const QString &nationality = {})
    {
        holder = builder.addSubject(QStringLiteral("Айбек Серіков"));
        payer = builder.addAccount(QStringLiteral("KZ86601A000000000001"), holder);
        const std::int32_t other = builder.addSubject(QStringLiteral("Counterparty"), QStringLiteral("person"), nationality);
        payee = builder.addAccount(QStringLiteral("KZ12722S000000000002"), other);
    }
    void pay(std::int64_t minor, std::int64_t at, const QString &country = {}, const QString &purpose = {},
             const QString &name = {})
    {
        Row row;
        row.account = payer;
        row.counterparty = payee;
        row.amountMinor = minor;
        row.bookedAt = at;
        row.country = country;
        row.purpose = purpose;
        row.counterpartyName = name;
        builder.add(row);
    }
};

} // namespace

class TestContextRules : public QObject {
    Q_OBJECT

private slots:
    void registered();
    void geography_data();
    void geography();
    void geographyOneAlertPerAccountMonth();
    void keywords_data();
    void keywords();
    void keywordsInCounterpartyNames();
    void keywordsBadDictionary();
    void sharedIdentifier_data();
    void sharedIdentifier();
    void sharedIdentifierKeyIgnoresNewcomers();
    void manyAccounts_data();
    void manyAccounts();
    void evidenceIsCapped();
    void velocity_data();
    void velocity();
    void velocityNeedsSeveralRows();
    void velocityAgainstBusiestWeek_data();
    void velocityAgainstBusiestWeek();
    void velocityIgnoresPaydayWeeks();
    void roundAmounts();
    void deterministicAndStable();
};

void TestContextRules::registered()
{
    const QStringList ids = RuleRegistry::ids();
    for (const char *id : { "high_risk_geography", "purpose_keywords", "shared_identifiers", "velocity_anomaly" })
        QVERIFY2(ids.contains(QLatin1String(id)), id);
}

void TestContextRules::geography_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("nationality");
    QTest::addColumn<int>("transfers");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<bool>("flagged");

    QTest::newRow("conflict zone, one small transfer") << "SY" << "" << 1 << qint64(5'000'00) << true;
    QTest::newRow("lower-case code") << "af" << "" << 1 << qint64(5'000'00) << true;
    QTest::newRow("call for action") << "IR" << "" << 1 << qint64(5'000'00) << true;
    QTest::newRow("not listed") << "KZ" << "" << 10 << qint64(9'000'000'00) << false;
    QTest::newRow("no country") << "" << "" << 3 << qint64(9'000'000'00) << false;
    QTest::newRow("grey list, one small") << "VN" << "" << 1 << qint64(5'000'00) << false;
    QTest::newRow("grey list, eight transfers") << "VN" << "" << 8 << qint64(5'000'00) << true;
    QTest::newRow("grey list, one large") << "VN" << "" << 1 << qint64(5'000'000'00) << true;
    QTest::newRow("transit, once") << "TR" << "" << 1 << qint64(5'000'00) << false;
    QTest::newRow("transit, large") << "TR" << "" << 1 << qint64(5'000'000'00) << true;
    QTest::newRow("counterparty of listed nationality") << "KZ" << "AF" << 1 << qint64(5'000'00) << true;
    QTest::newRow("counterparty of other nationality") << "KZ" << "RU" << 1 << qint64(5'000'00) << false;
}

void TestContextRules::geography()
{
    QFETCH(QString, country);
    QFETCH(QString, nationality);
    QFETCH(int, transfers);
    QFETCH(qint64, minor);
    QFETCH(bool, flagged);

    TwoParties p(nationality);
    for (int i = 0; i < transfers; ++i)
        p.pay(minor / transfers, kMonday + i * kDay, country);
    HighRiskGeographyRule rule;
    const auto alerts = runRule(rule, p.builder.build());
    QCOMPARE(alerts.size(), std::size_t(flagged ? 1 : 0));
    if (flagged) {
        QCOMPARE(alerts[0].evidence.size(), std::size_t(transfers));
        QCOMPARE(alerts[0].key, QStringLiteral("a:1|2024-01-01"));
        QVERIFY(alerts[0].explanation.contains(QString::number(transfers) + QStringLiteral(" transfers")));
        QVERIFY(alerts[0].score >= 40 && alerts[0].score <= 100);
    }
}

void TestContextRules::geographyOneAlertPerAccountMonth()
{
    TwoParties p;
    p.pay(100'000'00, kMonday, QStringLiteral("SY"));
    p.pay(200'000'00, kMonday + 3 * kDay, QStringLiteral("IQ"));
    p.pay(300'000'00, kMonday + 40 * kDay, QStringLiteral("SY")); // February
    HighRiskGeographyRule rule;
    const auto alerts = runRule(rule, p.builder.build());
    QCOMPARE(alerts.size(), std::size_t(2));
    QCOMPARE(alerts[0].evidence.size(), std::size_t(2));
    QCOMPARE(alerts[0].metrics.value(u"out_minor").toInteger(), 300'000'00);
    QVERIFY(alerts[0].explanation.contains(QStringLiteral("IQ")) && alerts[0].explanation.contains(QStringLiteral("SY")));
    QCOMPARE(alerts[1].key, QStringLiteral("a:1|2024-02-01"));

    // Configurable: an empty conflict list silences it.
    const auto none = runRule(rule, [] {
        TwoParties q;
        q.pay(100'000'00, kMonday, QStringLiteral("SY"));
        return q.builder.build();
    }(), QJsonObject { { "conflict_countries", QJsonArray() }, { "increased_monitoring_countries", QJsonArray() } });
    QVERIFY(none.empty());
}

void TestContextRules::keywords_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<bool>("flagged");

    // Strong terms, in every script and with endings.
    QTest::newRow("Russian") << QStringLiteral("Помощь на джихад") << true;
    QTest::newRow("Russian, inflected") << QStringLiteral("для джихада братьям") << true;
    QTest::newRow("variant spelling жихад") << QStringLiteral("жихадқа көмек") << true;
    QTest::newRow("Kazakh letter һ") << QStringLiteral("Жиһад үшін") << true;
    QTest::newRow("Latin transliteration") << QStringLiteral("DZHIKHAD") << true;
    QTest::newRow("Latin, doubled vowel") << QStringLiteral("for jihaad") << true;
    QTest::newRow("Arabic script") << QStringLiteral("جهاد في سبيل الله") << true;
    QTest::newRow("Arabic mujahid") << QStringLiteral("مجاهد") << true;
    QTest::newRow("English plural") << QStringLiteral("support mujahideen") << true;
    QTest::newRow("Russian plural, dative") << QStringLiteral("моджахедам") << true;
    QTest::newRow("weapons") << QStringLiteral("деньги на оружие") << true;
    QTest::newRow("weapons, genitive") << QStringLiteral("на оружия и снаряжение") << true;
    QTest::newRow("travel, hijra") << QStringLiteral("на хиджру, брат") << true;
    QTest::newRow("organisation") << QStringLiteral("ИГИЛ") << true;
    // Weak terms alone are ordinary charity or family life.
    QTest::newRow("sadaqa alone") << QStringLiteral("садака") << false;
    QTest::newRow("sadaqa Latin alone") << QStringLiteral("Sadaqa") << false;
    QTest::newRow("Arabic sadaqa alone") << QStringLiteral("صدقة") << false;
    QTest::newRow("zakat alone") << QStringLiteral("закят за 2024 год") << false;
    QTest::newRow("two charity words") << QStringLiteral("садака и закят") << false;
    QTest::newRow("brothers alone") << QStringLiteral("на братьев") << false;
    QTest::newRow("hunting weapon") << QStringLiteral("охотничье оружие, магазин") << false;
    QTest::newRow("given name Hajar") << QStringLiteral("перевод Хаджар") << false;
    // Weak terms in pairs.
    QTest::newRow("sadaqa for the brothers") << QStringLiteral("садака на братьев") << true;
    QTest::newRow("zakat for Sham") << QStringLiteral("Закят для Шама") << true;
    QTest::newRow("English pair") << QStringLiteral("sadaqa for the brothers") << true;
    QTest::newRow("Kazakh pair") << QStringLiteral("садақа бауырларға") << true;
    QTest::newRow("Arabic pair") << QStringLiteral("صدقة الشام") << true;
    // Words that only look alike.
    QTest::newRow("Igilik foundation") << QStringLiteral("Благотворительный фонд Игилик") << false;
    QTest::newRow("Dasha") << QStringLiteral("Перевод Даше, Шамиль") << false;
    QTest::newRow("shampoo") << QStringLiteral("шампунь и мыло") << false;
    QTest::newRow("ordinary") << QStringLiteral("Оплата по договору 15 за услуги") << false;
}

void TestContextRules::keywords()
{
    QFETCH(QString, purpose);
    QFETCH(bool, flagged);

    TwoParties p;
    p.pay(50'000'00, kMonday, {}, purpose);
    p.pay(70'000'00, kMonday + kDay, {}, purpose); // a shared text is matched once, cited twice
    PurposeKeywordRule rule;
    const auto alerts = runRule(rule, p.builder.build());
    QVERIFY2(alerts.size() == std::size_t(flagged ? 1 : 0), qPrintable(alerts.empty() ? QString() : alerts[0].explanation));
    if (flagged) {
        QCOMPARE(alerts[0].evidence.size(), std::size_t(2));
        QCOMPARE(alerts[0].key, QStringLiteral("a:1|2024-01-01"));
        QVERIFY(alerts[0].explanation.contains(QStringLiteral("1 200 000,00 KZT")) || alerts[0].explanation.contains(QStringLiteral("KZT")));
    }
}

void TestContextRules::keywordsInCounterpartyNames()
{
    const auto context = [] {
        TwoParties p;
        p.pay(50'000'00, kMonday, {}, QStringLiteral("на братьев"), QStringLiteral("Фонд Садака"));
        return p.builder.build();
    }();
    PurposeKeywordRule rule;
    QVERIFY(runRule(rule, context).empty());
    const auto both = runRule(rule, context, { { "match_on", QJsonArray { "purpose", "counterparty_name" } } });
    QCOMPARE(both.size(), std::size_t(1));

    // extra_terms add to the defaults.
    const auto extra = runRule(rule, [] {
        TwoParties p;
        p.pay(50'000'00, kMonday, {}, QStringLiteral("взнос за кафиров"));
        return p.builder.build();
    }(), { { "extra_terms", QJsonObject { { "кафир|kafir", QJsonObject { { "weight", 60 } } } } } });
    QCOMPARE(extra.size(), std::size_t(1));
}

void TestContextRules::keywordsBadDictionary()
{
    PurposeKeywordRule rule;
    QVERIFY_THROWS_EXCEPTION(RuleConfigError, rule.configure(RuleSettings(rule.id(), { { "terms", QJsonObject { { "x", 5 } } } })));
    QVERIFY_THROWS_EXCEPTION(RuleConfigError, rule.configure(RuleSettings(rule.id(), { { "match_on", QJsonArray { "memo" } } })));
}

void TestContextRules::sharedIdentifier_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("values"); // one per subject; same value = shared
    QTest::addColumn<bool>("flagged");

    QTest::newRow("two subjects, one phone") << "phone" << QStringList { "+77011234567", "+77011234567" } << true;
    QTest::newRow("two subjects, two phones") << "phone" << QStringList { "+77011234567", "+77011234568" } << false;
    QTest::newRow("shared passport") << "passport" << QStringList { "N12345678", "N12345678" } << true;
    QTest::newRow("shared device") << "device" << QStringList { "imei:356938035643809", "imei:356938035643809" } << true;
    QTest::newRow("address, a household of two") << "address" << QStringList { "almaty abaya 1-5", "almaty abaya 1-5" } << false;
    QTest::newRow("address, three") << "address" << QStringList { "almaty abaya 1-5", "almaty abaya 1-5", "almaty abaya 1-5" } << true;
    QTest::newRow("ip address not a default kind") << "ip_address" << QStringList { "10.0.0.1", "10.0.0.1" } << false;
    QTest::newRow("empty value") << "email" << QStringList { "", "" } << false;
}

void TestContextRules::sharedIdentifier()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, values);
    QFETCH(bool, flagged);

    DetectionContext::Builder b;
    for (int i = 0; i < values.size(); ++i) {
        const std::int32_t s = b.addSubject(QStringLiteral("Subject %1").arg(i));
        const std::int32_t a = b.addAccount(QStringLiteral("KZ00601A00000000000%1").arg(i), s);
        b.addIdentifier(s, kind, values[i]);
        b.add(row(a, true, 100'000'00, kMonday + i * kDay));
    }
    SharedIdentifierRule rule;
    const auto alerts = runRule(rule, b.build());
    QCOMPARE(alerts.size(), std::size_t(flagged ? 1 : 0));
    if (flagged) {
        QCOMPARE(alerts[0].subjects.size(), std::size_t(values.size()));
        QCOMPARE(alerts[0].evidence.size(), std::size_t(values.size()));
        QVERIFY(alerts[0].key.startsWith(kind + QLatin1Char(':')));
        QVERIFY(!alerts[0].key.contains(values[0])); // hashed, not the value itself
    }
}

void TestContextRules::sharedIdentifierKeyIgnoresNewcomers()
{
    const auto build = [](int subjects, bool twiceOnFirst) {
        DetectionContext::Builder b;
        for (int i = 0; i < subjects; ++i) {
            const std::int32_t s = b.addSubject(QStringLiteral("Subject %1").arg(i));
            b.addIdentifier(s, QStringLiteral("phone"), QStringLiteral("+77011234567"));
            if (twiceOnFirst)
                b.addIdentifier(s, QStringLiteral("phone"), QStringLiteral("+77011234567"));
        }
        return b.build();
    };
    SharedIdentifierRule rule;
    QVERIFY(runRule(rule, build(1, true)).empty()); // one subject with the phone twice
    const auto two = runRule(rule, build(2, false));
    const auto three = runRule(rule, build(3, false));
    QCOMPARE(two.size(), std::size_t(1));
    QCOMPARE(three.size(), std::size_t(1));
    QCOMPARE(two[0].key, three[0].key);
    QVERIFY(three[0].score > two[0].score);
}

void TestContextRules::manyAccounts_data()
{
    QTest::addColumn<QStringList>("banks"); // bank code of each account
    QTest::addColumn<bool>("flagged");

    QTest::newRow("five accounts, three banks") << QStringList { "601", "601", "722", "914", "914" } << true;
    QTest::newRow("five accounts, one bank") << QStringList { "601", "601", "601", "601", "601" } << false;
    QTest::newRow("four accounts, four banks") << QStringList { "601", "722", "914", "998" } << false;
}

void TestContextRules::manyAccounts()
{
    QFETCH(QStringList, banks);
    QFETCH(bool, flagged);

    DetectionContext::Builder b;
    const std::int32_t s = b.addSubject(QStringLiteral("Нурлан Ахметов"));
    for (int i = 0; i < banks.size(); ++i)
        b.addAccount(QStringLiteral("KZ%1 %2A 0000 0000 000%3").arg(10 + i).arg(banks[i]).arg(i), s);
    SharedIdentifierRule rule;
    const auto alerts = runRule(rule, b.build());
    QCOMPARE(alerts.size(), std::size_t(flagged ? 1 : 0));
    if (flagged)
        QCOMPARE(alerts[0].key, QStringLiteral("accounts:s1"));
    QCOMPARE(SharedIdentifierRule::institutionOf(QStringLiteral("KZ86 601A 0000 0000 0001")), QStringLiteral("KZ601"));
    QCOMPARE(SharedIdentifierRule::institutionOf(QStringLiteral("4400 4301 2345 6789")), QStringLiteral("BIN 440043"));
}

void TestContextRules::evidenceIsCapped()
{
    DetectionContext::Builder b;
    const std::int32_t s1 = b.addSubject(QStringLiteral("A"));
    const std::int32_t s2 = b.addSubject(QStringLiteral("B"));
    const std::int32_t a1 = b.addAccount(QStringLiteral("KZ1"), s1);
    b.addIdentifier(s1, QStringLiteral("email"), QStringLiteral("x@example.kz"));
    b.addIdentifier(s2, QStringLiteral("email"), QStringLiteral("x@example.kz"));
    for (int i = 1; i <= 80; ++i)
        b.add(row(a1, false, i * 1000'00, kMonday + i * kDay));
    SharedIdentifierRule rule;
    const auto alerts = runRule(rule, b.build());
    QCOMPARE(alerts.size(), std::size_t(1));
    QCOMPARE(alerts[0].evidence.size(), std::size_t(50));
    QCOMPARE(alerts[0].evidence.front().row, 30u); // the 50 largest are the latest 50
    QCOMPARE(alerts[0].windowStart, kMonday + 31 * kDay);
}

void TestContextRules::velocity_data()
{
    QTest::addColumn<int>("historyWeeks");
    QTest::addColumn<qint64>("weeklyMinor");
    QTest::addColumn<double>("multiple");
    QTest::addColumn<bool>("flagged");

    QTest::newRow("8 weeks, exactly 5x") << 8 << qint64(300'123'45) << 5.0 << true;
    QTest::newRow("8 weeks, 4.9x") << 8 << qint64(300'123'45) << 4.9 << false;
    QTest::newRow("20 weeks, 6x") << 20 << qint64(300'123'45) << 6.0 << true;
    QTest::newRow("7 weeks, 10x: too little history") << 7 << qint64(300'123'45) << 10.0 << false;
    QTest::newRow("10x but below the minimum volume") << 10 << qint64(30'012'34) << 10.0 << false;
}

void TestContextRules::velocityNeedsSeveralRows()
{
    DetectionContext::Builder b;
    const std::int32_t s = b.addSubject(QStringLiteral("Holder"));
    const std::int32_t a = b.addAccount(QStringLiteral("KZ86601A000000000001"), s);
    for (int w = 0; w < 10; ++w)
        b.add(row(a, w % 2 == 0, 300'123'45, kMonday + w * 7 * kDay + 2 * kDay));
    b.add(row(a, true, 10 * 300'123'45 + 7, kMonday + 10 * 7 * kDay + 3 * kDay));
    VelocityAnomalyRule rule;
    QCOMPARE(runRule(rule, b.build()).size(), std::size_t(0));
}

void TestContextRules::velocity()
{
    QFETCH(int, historyWeeks);
    QFETCH(qint64, weeklyMinor);
    QFETCH(double, multiple);
    QFETCH(bool, flagged);

    DetectionContext::Builder b;
    const std::int32_t s = b.addSubject(QStringLiteral("Holder"));
    const std::int32_t a = b.addAccount(QStringLiteral("KZ86601A000000000001"), s);
    for (int w = 0; w < historyWeeks; ++w)
        b.add(row(a, w % 2 == 0, weeklyMinor, kMonday + w * 7 * kDay + 2 * kDay));
    // The burst week: three rows (a single large transfer is not velocity), never round.
    const std::int64_t burst = std::llround(double(weeklyMinor) * multiple) + 3;
    const std::int64_t third = burst / 3;
    for (const std::int64_t part : { third, third, burst - 2 * third })
        b.add(row(a, true, part, kMonday + historyWeeks * 7 * kDay + 3 * kDay));
    VelocityAnomalyRule rule;
    const auto alerts = runRule(rule, b.build());
    QVERIFY2(alerts.size() == std::size_t(flagged ? 1 : 0), qPrintable(alerts.empty() ? QString() : alerts[0].explanation));
    if (flagged) {
        QCOMPARE(alerts[0].evidence.size(), std::size_t(3));
        QVERIFY(alerts[0].explanation.contains(QStringLiteral("median")));
        QCOMPARE(alerts[0].metrics.value(u"history_periods").toInt(), historyWeeks);
        QVERIFY(alerts[0].key.endsWith(QStringLiteral("|") + day(kMonday + historyWeeks * 7 * kDay)));
    }
}

void TestContextRules::velocityAgainstBusiestWeek_data()
{
    QTest::addColumn<double>("overPeak");
    QTest::addColumn<bool>("flagged");

    // Both bursts are over 5x the median week; only the second bar decides.
    QTest::newRow("1.5x the busiest week") << 1.5 << true;
    QTest::newRow("1.4x the busiest week") << 1.4 << false;
}

void TestContextRules::velocityAgainstBusiestWeek()
{
    QFETCH(double, overPeak);
    QFETCH(bool, flagged);

    constexpr std::int64_t weekly = 300'123'45;
    constexpr std::int64_t peak = 4 * weekly;
    DetectionContext::Builder b;
    const std::int32_t a = b.addAccount(QStringLiteral("KZ86601A000000000001"));
    for (int w = 0; w < 10; ++w)
        b.add(row(a, w % 2 == 0, w == 4 ? peak : weekly, kMonday + w * 7 * kDay + 2 * kDay));
    const std::int64_t burst = std::llround(double(peak) * overPeak) + 3;
    const std::int64_t third = burst / 3;
    for (const std::int64_t part : { third, third, burst - 2 * third })
        b.add(row(a, true, part, kMonday + 10 * 7 * kDay + 3 * kDay));
    VelocityAnomalyRule rule;
    const auto alerts = runRule(rule, b.build());
    QVERIFY2(alerts.size() == std::size_t(flagged ? 1 : 0), qPrintable(alerts.empty() ? QString() : alerts[0].explanation));
    if (flagged) {
        QCOMPARE(alerts[0].metrics.value(u"peak_amount_minor").toInteger(), peak);
        const QString busiest = QStringLiteral("at most 1 transactions or %1 in any of them").arg(money(peak, QStringLiteral("KZT")));
        QVERIFY2(alerts[0].explanation.contains(busiest), qPrintable(alerts[0].explanation));
    }
}

// A monthly salary of 1 200 000 KZT among weeks of card payments: every payday week is 20x the
// median week, and each is the account's habit.
void TestContextRules::velocityIgnoresPaydayWeeks()
{
    DetectionContext::Builder b;
    const std::int32_t a = b.addAccount(QStringLiteral("KZ86601A000000000001"));
    for (int w = 0; w < 30; ++w) {
        for (int i = 0; i < 2; ++i)
            b.add(row(a, false, 5'123'45 + w * 100 + i, kMonday + w * 7 * kDay + (1 + 2 * i) * kDay));
        if (w % 4 == 3)
            b.add(row(a, true, 1'200'000'55, kMonday + w * 7 * kDay + 4 * kDay));
    }
    const DetectionContext context = b.build();
    VelocityAnomalyRule rule;
    const auto alerts = runRule(rule, context);
    QVERIFY2(alerts.empty(), qPrintable(alerts.empty() ? QString() : alerts[0].explanation));
    // Without the second bar the payday weeks are flagged.
    QVERIFY(!runRule(rule, context, QJsonObject { { QStringLiteral("peak_factor"), 1.0 } }).empty());
}

void TestContextRules::roundAmounts()
{
    const auto build = [](bool roundBefore) {
        DetectionContext::Builder b;
        const std::int32_t a = b.addAccount(QStringLiteral("KZ86601A000000000001"));
        for (int w = 0; w < 10; ++w) {
            for (int i = 0; i < 2; ++i)
                b.add(row(a, true, roundBefore ? 400'000'00 : 400'123'45, kMonday + w * 7 * kDay + i * kDay));
        }
        for (int i = 0; i < 6; ++i)
            b.add(row(a, true, 200'000'00, kMonday + 10 * 7 * kDay + i * 3600));
        return b.build();
    };
    VelocityAnomalyRule rule;
    const auto alerts = runRule(rule, build(false));
    QCOMPARE(alerts.size(), std::size_t(1));
    QVERIFY(alerts[0].title.contains(QStringLiteral("round amounts")));
    QVERIFY2(alerts[0].explanation.contains(QStringLiteral("6 of 6 amounts (100%)")), qPrintable(alerts[0].explanation));
    QVERIFY(alerts[0].evidence[0].role.contains(QStringLiteral("round")));
    QVERIFY(runRule(rule, build(true)).empty()); // round amounts are this account's habit
}

void TestContextRules::deterministicAndStable()
{
    const auto build = [](bool extraHistory) {
        DetectionContext::Builder b;
        const std::int32_t s1 = b.addSubject(QStringLiteral("Айбек"));
        const std::int32_t s2 = b.addSubject(QStringLiteral("Foreign"), QStringLiteral("person"), QStringLiteral("SY"));
        const std::int32_t a1 = b.addAccount(QStringLiteral("KZ86601A000000000001"), s1);
        const std::int32_t a2 = b.addAccount(QStringLiteral("TR330006100519786457841326"), s2);
        b.addIdentifier(s1, QStringLiteral("phone"), QStringLiteral("+77011234567"));
        b.addIdentifier(s2, QStringLiteral("phone"), QStringLiteral("+77011234567"));
        if (extraHistory) // earlier, unrelated rows shift every index
            b.add(row(a1, true, 1'00, kMonday - 400 * kDay));
        for (int w = 0; w < 12; ++w)
            b.add(row(a1, false, 50'123'45, kMonday + w * 7 * kDay, a2,
                      w == 11 ? QStringLiteral("садака на братьев") : QString(), QStringLiteral("TR")));
        for (int i = 0; i < 12; ++i)
            b.add(row(a1, false, 100'000'00, kMonday + 12 * 7 * kDay + i * 3600, a2));
        return b.build();
    };
    const DetectionContext first = build(false);
    const DetectionContext second = build(true);
    for (const QString &id : { QStringLiteral("high_risk_geography"), QStringLiteral("purpose_keywords"),
                               QStringLiteral("shared_identifiers"), QStringLiteral("velocity_anomaly") }) {
        const auto a = runRule(*RuleRegistry::create(id), first);
        const auto b = runRule(*RuleRegistry::create(id), first);
        const auto c = runRule(*RuleRegistry::create(id), second);
        QVERIFY2(!a.empty(), qPrintable(id));
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].key, b[i].key);
            QCOMPARE(a[i].score, b[i].score);
            QCOMPARE(a[i].explanation, b[i].explanation);
            QCOMPARE(a[i].evidence.size(), b[i].evidence.size());
        }
        QStringList keysA, keysC;
        for (const AlertDraft &d : a)
            keysA << d.key;
        for (const AlertDraft &d : c)
            keysC << d.key;
        for (const QString &key : keysA)
            QVERIFY2(keysC.contains(key), qPrintable(id + QStringLiteral(": ") + key));
    }
}

QTEST_GUILESS_MAIN(TestContextRules)
#include "TestContextRules.moc"
