#include "graph/FundTrace.h"

#include <QTest>

using namespace fundtrace;
using detect::Channel;
using detect::DetectionContext;
using graph::TraceMethod;
using graph::TraceRequest;
using graph::TraceResult;

Q_DECLARE_METATYPE(graph::TraceMethod)

namespace {

constexpr std::int64_t kT = 1709294400; // 2024-03-01 12:00 UTC
constexpr std::int64_t kHour = 3600;

std::int64_t reached(const TraceResult &result, std::int32_t account)
{
    for (const auto &destination : result.destinations) {
        if (destination.account == account)
            return destination.amountMinor;
    }
    return 0;
}

} // namespace

// Trace arithmetic on cases small enough to check by hand.
class TestFundTrace : public QObject {
    Q_OBJECT

private slots:
    void attributionRules_data();
    void attributionRules();
    void hopsCashAndHeld();
    void cycleIsNotCountedTwice();
    void backwardFindsOrigins();
    void outflowWithoutBalanceIsUnexplained();
    void otherCurrenciesAreIgnored();
};

void TestFundTrace::attributionRules_data()
{
    QTest::addColumn<TraceMethod>("method");
    QTest::addColumn<qint64>("toA");
    QTest::addColumn<qint64>("toB");
    // S holds 50 of older money, then receives 100 of traced donations; pays A 60, then B 90.
    QTest::newRow("fifo: the old money leaves first") << TraceMethod::Fifo << qint64(10) << qint64(90);
    QTest::newRow("lifo: the donations leave first") << TraceMethod::Lifo << qint64(60) << qint64(40);
    QTest::newRow("pro rata: two thirds of each payment") << TraceMethod::ProRata << qint64(40) << qint64(60);
    QTest::newRow("libr: other money leaves first") << TraceMethod::Libr << qint64(10) << qint64(90);
}

void TestFundTrace::attributionRules()
{
    QFETCH(TraceMethod, method);
    QFETCH(qint64, toA);
    QFETCH(qint64, toB);
    DetectionContext::Builder builder;
    const auto s = builder.addAccount(QStringLiteral("S"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    const auto b = builder.addAccount(QStringLiteral("B"));
    builder.add({ .account = s, .credit = true, .amountMinor = 50, .bookedAt = kT, .channel = Channel::Cash });
    builder.add({ .account = s, .credit = true, .amountMinor = 100, .bookedAt = kT + 10 * kHour, .channel = Channel::Cash });
    builder.add({ .account = s, .credit = false, .amountMinor = 60, .bookedAt = kT + 20 * kHour, .counterparty = a });
    builder.add({ .account = s, .credit = false, .amountMinor = 90, .bookedAt = kT + 30 * kHour, .counterparty = b });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.accounts = { s };
    request.method = method;
    request.from = kT + kHour; // only the second deposit is traced
    const TraceResult result = graph::FundTrace(context).run(request);
    QCOMPARE(result.tracedMinor, 100);
    QCOMPARE(reached(result, a), toA);
    QCOMPARE(reached(result, b), toB);
    QCOMPARE(result.heldMinor, 100); // A and B keep it
    QCOMPARE(result.unexplainedMinor, 0);
}

void TestFundTrace::hopsCashAndHeld()
{
    DetectionContext::Builder builder;
    const auto s = builder.addAccount(QStringLiteral("S"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    const auto b = builder.addAccount(QStringLiteral("B"));
    builder.add({ .account = s, .credit = true, .amountMinor = 100, .bookedAt = kT, .channel = Channel::Cash });
    builder.add({ .account = s, .credit = false, .amountMinor = 100, .bookedAt = kT + kHour, .counterparty = a });
    builder.add({ .account = a, .credit = false, .amountMinor = 30, .bookedAt = kT + 2 * kHour, .channel = Channel::Cash });
    builder.add({ .account = a, .credit = false, .amountMinor = 70, .bookedAt = kT + 3 * kHour, .counterparty = b });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.accounts = { s };
    request.hops = 1;
    TraceResult result = graph::FundTrace(context).run(request);
    QCOMPARE(result.cashOutMinor, 30);
    QCOMPARE(result.beyondHopsMinor, 70);
    QCOMPARE(result.heldMinor, 0);
    request.hops = 2;
    result = graph::FundTrace(context).run(request);
    QCOMPARE(reached(result, b), 70);
    QCOMPARE(result.heldMinor, 70);
    QCOMPARE(result.beyondHopsMinor, 0);
    // Paths: S -> A -> B (70 held), S -> A -> cash (30).
    QCOMPARE(result.paths.size(), std::size_t(2));
    QCOMPARE(result.paths[0].accounts, (std::vector<std::int32_t> { s, a, b }));
    QCOMPARE(result.paths[0].amountMinor, 70);
    QCOMPARE(result.paths[1].accounts, (std::vector<std::int32_t> { s, a, -1 }));
    QCOMPARE(result.paths[1].amountMinor, 30);
}

void TestFundTrace::cycleIsNotCountedTwice()
{
    DetectionContext::Builder builder;
    const auto s = builder.addAccount(QStringLiteral("S"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    const auto b = builder.addAccount(QStringLiteral("B"));
    builder.add({ .account = s, .credit = true, .amountMinor = 100, .bookedAt = kT, .channel = Channel::Cash });
    builder.add({ .account = s, .credit = false, .amountMinor = 100, .bookedAt = kT + kHour, .counterparty = a });
    builder.add({ .account = a, .credit = false, .amountMinor = 100, .bookedAt = kT + 2 * kHour, .counterparty = s });
    builder.add({ .account = s, .credit = false, .amountMinor = 100, .bookedAt = kT + 3 * kHour, .counterparty = b });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.accounts = { s };
    const TraceResult result = graph::FundTrace(context).run(request);
    QCOMPARE(result.tracedMinor, 100);
    QCOMPARE(reached(result, b), 100);
    QCOMPARE(result.paths.front().accounts, (std::vector<std::int32_t> { s, a, s, b }));
}

void TestFundTrace::backwardFindsOrigins()
{
    DetectionContext::Builder builder;
    const auto y = builder.addAccount(QStringLiteral("Y"));
    const auto x = builder.addAccount(QStringLiteral("X"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    const auto d = builder.addAccount(QStringLiteral("D"));
    builder.add({ .account = y, .credit = false, .amountMinor = 50, .bookedAt = kT - kHour, .counterparty = x });
    builder.add({ .account = x, .credit = false, .amountMinor = 50, .bookedAt = kT, .counterparty = a });
    builder.add({ .account = a, .credit = false, .amountMinor = 50, .bookedAt = kT + kHour, .counterparty = d });
    builder.add({ .account = d, .credit = true, .amountMinor = 20, .bookedAt = kT + 2 * kHour, .channel = Channel::Cash });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.direction = TraceRequest::Direction::Backward;
    request.accounts = { d };
    request.hops = 2;
    TraceResult result = graph::FundTrace(context).run(request);
    QCOMPARE(result.tracedMinor, 70);
    QCOMPARE(result.fromCashMinor, 20);
    // X is followed (2 hops back); its money came from Y.
    QCOMPARE(reached(result, y), 50);
    QCOMPARE(result.paths.front().accounts, (std::vector<std::int32_t> { y, x, a, d }));
    // One hop back, X is where the followed money came from.
    request.hops = 1;
    result = graph::FundTrace(context).run(request);
    QCOMPARE(reached(result, x), 50);
    QCOMPARE(reached(result, y), 0);
    QCOMPARE(result.paths.front().accounts, (std::vector<std::int32_t> { x, a, d }));
}

void TestFundTrace::outflowWithoutBalanceIsUnexplained()
{
    DetectionContext::Builder builder;
    const auto s = builder.addAccount(QStringLiteral("S"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    builder.add({ .account = s, .credit = false, .amountMinor = 100, .bookedAt = kT, .counterparty = a });
    builder.add({ .account = s, .credit = true, .amountMinor = 40, .bookedAt = kT + kHour, .channel = Channel::Cash });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.accounts = { s };
    const TraceResult result = graph::FundTrace(context).run(request);
    QCOMPARE(result.unexplainedMinor, 100);
    QCOMPARE(reached(result, a), 0);
    QCOMPARE(result.tracedMinor, 40);
    QCOMPARE(result.heldMinor, 40);
}

void TestFundTrace::otherCurrenciesAreIgnored()
{
    DetectionContext::Builder builder;
    const auto s = builder.addAccount(QStringLiteral("S"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    builder.add({ .account = s, .credit = true, .amountMinor = 100, .bookedAt = kT, .channel = Channel::Cash,
                  .currency = QStringLiteral("USD") });
    builder.add({ .account = s, .credit = false, .amountMinor = 100, .bookedAt = kT + kHour, .counterparty = a,
                  .currency = QStringLiteral("USD") });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.accounts = { s };
    QCOMPARE(graph::FundTrace(context).run(request).tracedMinor, 0);
    request.currency = QStringLiteral("USD");
    QCOMPARE(reached(graph::FundTrace(context).run(request), a), 100);
}

QTEST_GUILESS_MAIN(TestFundTrace)
#include "TestFundTrace.moc"
