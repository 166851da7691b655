#include "ImageChecks.h"
#include "graph/TraceDiagram.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace;
using detect::Channel;
using detect::DetectionContext;
using graph::TraceDiagram;
using graph::TraceMethod;
using graph::TraceRequest;
using graph::TraceResult;
using NodeKind = TraceDiagram::NodeKind;

Q_DECLARE_METATYPE(graph::TraceMethod)

namespace {

using fundtrace::test::distinctColours;

constexpr std::int64_t kT = 1709294400; // 2024-03-01 12:00 UTC
constexpr std::int64_t kHour = 3600;

// A fund S receives 1000 in donations and spreads it: A 400 (A passes 250 to C, C 100 on to E),
// B 300 (B withdraws 120 in cash), 100 in cash from S; S keeps 200.
struct Spread {
    DetectionContext context;
    std::int32_t s, a, b, c, e;
};

Spread spread()
{
    DetectionContext::Builder builder;
    const auto fund = builder.addSubject(QStringLiteral("ОФ Мейірім"), QStringLiteral("npo"));
    Spread x;
    x.s = builder.addAccount(QStringLiteral("KZ01S"), fund);
    x.a = builder.addAccount(QStringLiteral("KZ02A"));
    x.b = builder.addAccount(QStringLiteral("KZ03B"));
    x.c = builder.addAccount(QStringLiteral("KZ04C"));
    x.e = builder.addAccount(QStringLiteral("KZ05E"));
    builder.add({ .account = x.s, .credit = true, .amountMinor = 1000, .bookedAt = kT, .channel = Channel::Cash });
    builder.add({ .account = x.s, .credit = false, .amountMinor = 400, .bookedAt = kT + kHour, .counterparty = x.a });
    builder.add({ .account = x.s, .credit = false, .amountMinor = 300, .bookedAt = kT + 2 * kHour, .counterparty = x.b });
    builder.add({ .account = x.s, .credit = false, .amountMinor = 100, .bookedAt = kT + 3 * kHour, .channel = Channel::Cash });
    builder.add({ .account = x.a, .credit = false, .amountMinor = 250, .bookedAt = kT + 4 * kHour, .counterparty = x.c });
    builder.add({ .account = x.b, .credit = false, .amountMinor = 120, .bookedAt = kT + 5 * kHour, .channel = Channel::Cash });
    builder.add({ .account = x.c, .credit = false, .amountMinor = 100, .bookedAt = kT + 6 * kHour, .counterparty = x.e });
    x.context = builder.build();
    return x;
}

TraceResult traceForward(const DetectionContext &context, std::int32_t source, int hops, TraceMethod method = TraceMethod::Fifo)
{
    TraceRequest request;
    request.accounts = { source };
    request.hops = hops;
    request.method = method;
    return graph::FundTrace(context).run(request);
}

std::int64_t remainder(const TraceDiagram &diagram, NodeKind kind)
{
    for (const auto &r : diagram.remainders()) {
        if (r.kind == kind)
            return r.amountMinor;
    }
    return -1;
}

} // namespace

// The flow diagram of a trace: the arithmetic of its bands and boxes, folding, hit testing and
// the exported files.
class TestTraceDiagram : public QObject {
    Q_OBJECT

private slots:
    void bandsCarryTheTracedMoneyPerHop_data();
    void bandsCarryTheTracedMoneyPerHop();
    void remaindersMatchTheTrace();
    void backwardShowsOrigins();
    void foldsSmallDestinations();
    void hitTestFindsBoxesAndPaths();
    void exportsFiles_data();
    void exportsFiles();
    void refusesBadExport();
};

void TestTraceDiagram::bandsCarryTheTracedMoneyPerHop_data()
{
    QTest::addColumn<TraceMethod>("method");
    QTest::addColumn<int>("hops");
    for (const TraceMethod method : { TraceMethod::Fifo, TraceMethod::Lifo, TraceMethod::ProRata, TraceMethod::Libr }) {
        for (const int hops : { 1, 2, 3 })
            QTest::addRow("%s, %d hops", qPrintable(graph::traceMethodName(method)), hops) << method << hops;
    }
}

void TestTraceDiagram::bandsCarryTheTracedMoneyPerHop()
{
    QFETCH(TraceMethod, method);
    QFETCH(int, hops);
    const Spread x = spread();
    const TraceResult result = traceForward(x.context, x.s, hops, method);
    QCOMPARE(result.tracedMinor, 1000);
    const TraceDiagram diagram(result, x.context);
    const auto &nodes = diagram.nodes();
    // Across every gap between columns, the bands and the boxes already left behind account for
    // all the traced money, no more and no less.
    std::int64_t ended = 0;
    for (int column = 0; column + 1 < diagram.columnCount(); ++column) {
        std::int64_t leaving = 0;
        for (const auto &band : diagram.bands()) {
            QCOMPARE(nodes[std::size_t(band.to)].column, nodes[std::size_t(band.from)].column + 1);
            if (nodes[std::size_t(band.from)].column == column)
                leaving += band.amountMinor;
        }
        for (const auto &node : nodes) {
            if (node.column == column && node.kind != NodeKind::Anchor && node.kind != NodeKind::Account
                && node.kind != NodeKind::OtherAccounts)
                ended += node.amountMinor;
        }
        QCOMPARE(leaving + ended, result.tracedMinor);
    }
    // Each box carries what runs through it.
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        std::int64_t in = 0, out = 0;
        for (const auto &band : diagram.bands()) {
            in += band.to == int(n) ? band.amountMinor : 0;
            out += band.from == int(n) ? band.amountMinor : 0;
        }
        if (nodes[n].kind == NodeKind::Account)
            QCOMPARE(in, out);
        QCOMPARE(nodes[n].amountMinor, std::max(in, out));
    }
}

void TestTraceDiagram::remaindersMatchTheTrace()
{
    const Spread x = spread();
    const TraceResult result = traceForward(x.context, x.s, 2);
    const TraceDiagram diagram(result, x.context);
    // Held: S 200, A 150, B 180, C 150 (all 250 of it; E is three hops away); cash 100 + 120.
    QCOMPARE(remainder(diagram, NodeKind::Held), 680);
    QCOMPARE(remainder(diagram, NodeKind::CashOut), 220);
    QCOMPARE(remainder(diagram, NodeKind::BeyondHops), 100);
    QCOMPARE(remainder(diagram, NodeKind::Unexplained), 0);
    QCOMPARE(remainder(diagram, NodeKind::Held), result.heldMinor);
    QCOMPARE(remainder(diagram, NodeKind::CashOut), result.cashOutMinor);
    QCOMPARE(remainder(diagram, NodeKind::BeyondHops), result.beyondHopsMinor);
    QCOMPARE(diagram.columnCount(), 4); // S, A/B, C (and cash from B), beyond and held after C
    QCOMPARE(diagram.nodes().front().kind, NodeKind::Anchor);
    QCOMPARE(diagram.nodes().front().amountMinor, 1000);
    QCOMPARE(diagram.nodes().front().label, QStringLiteral("ОФ Мейірім · KZ01S"));
    QVERIFY(diagram.title().contains(QStringLiteral("Forward trace")));
    QVERIFY(diagram.title().contains(QStringLiteral("FIFO")));
    QVERIFY(diagram.title().contains(QStringLiteral("10,00 KZT")));
    const int c = diagram.nodeOfAccount(x.c);
    QVERIFY(c >= 0);
    QCOMPARE(diagram.nodes()[std::size_t(c)].column, 2);
    QCOMPARE(diagram.nodes()[std::size_t(c)].amountMinor, 250);
}

void TestTraceDiagram::backwardShowsOrigins()
{
    // Y pays X 50, X pays A 50, A pays D 50; D also gets 20 in cash. One hop back from D.
    DetectionContext::Builder builder;
    const auto y = builder.addAccount(QStringLiteral("Y"));
    const auto xx = builder.addAccount(QStringLiteral("X"));
    const auto a = builder.addAccount(QStringLiteral("A"));
    const auto d = builder.addAccount(QStringLiteral("D"));
    builder.add({ .account = y, .credit = false, .amountMinor = 50, .bookedAt = kT - kHour, .counterparty = xx });
    builder.add({ .account = xx, .credit = false, .amountMinor = 50, .bookedAt = kT, .counterparty = a });
    builder.add({ .account = a, .credit = false, .amountMinor = 50, .bookedAt = kT + kHour, .counterparty = d });
    builder.add({ .account = d, .credit = true, .amountMinor = 20, .bookedAt = kT + 2 * kHour, .channel = Channel::Cash });
    builder.add({ .account = a, .credit = false, .amountMinor = 30, .bookedAt = kT + 3 * kHour, .counterparty = d });
    const DetectionContext context = builder.build();
    TraceRequest request;
    request.direction = TraceRequest::Direction::Backward;
    request.accounts = { d };
    request.hops = 1;
    const TraceResult result = graph::FundTrace(context).run(request);
    const TraceDiagram diagram(result, context);
    QCOMPARE(result.tracedMinor, 100);
    QCOMPARE(remainder(diagram, NodeKind::FromCash), 20);
    QCOMPARE(remainder(diagram, NodeKind::BeyondHops), 50); // X, past one hop
    QCOMPARE(remainder(diagram, NodeKind::Unexplained), 30); // A paid 30 more than it is shown to receive
    std::int64_t intoAnchor = 0;
    for (const auto &band : diagram.bands()) {
        if (diagram.nodes()[std::size_t(band.to)].kind == NodeKind::Anchor)
            intoAnchor += band.amountMinor;
    }
    QCOMPARE(intoAnchor, result.tracedMinor);
    QVERIFY(diagram.title().startsWith(QStringLiteral("Backward trace")));
    // Drawn right to left from the destination: origins are further left.
    TraceDiagram laidOut = diagram;
    laidOut.layout(QSizeF(1000, 600));
    const auto &nodes = laidOut.nodes();
    const auto anchor = std::find_if(nodes.begin(), nodes.end(), [](const auto &n) { return n.kind == NodeKind::Anchor; });
    const int aNode = laidOut.nodeOfAccount(a);
    QVERIFY(anchor != nodes.end() && aNode >= 0);
    QVERIFY(nodes[std::size_t(aNode)].rect.left() < anchor->rect.left());
}

void TestTraceDiagram::foldsSmallDestinations()
{
    DetectionContext::Builder builder;
    const auto s = builder.addAccount(QStringLiteral("S"));
    std::int64_t total = 0;
    builder.add({ .account = s, .credit = true, .amountMinor = 100'000, .bookedAt = kT, .channel = Channel::Cash });
    for (int i = 0; i < 50; ++i) {
        const auto to = builder.addAccount(QStringLiteral("KZ%1").arg(i, 3, 10, QLatin1Char('0')));
        builder.add({ .account = s, .credit = false, .amountMinor = 1000 + 10 * i, .bookedAt = kT + (i + 1) * kHour, .counterparty = to });
        total += 1000 + 10 * i;
    }
    const DetectionContext context = builder.build();
    const TraceResult result = traceForward(context, s, 1);
    const TraceDiagram diagram(result, context, 12);
    int accountsInColumn = 0;
    const TraceDiagram::Node *other = nullptr;
    for (const auto &node : diagram.nodes()) {
        if (node.column == 1 && node.kind == NodeKind::Account)
            ++accountsInColumn;
        if (node.kind == NodeKind::OtherAccounts)
            other = &node;
    }
    QCOMPARE(accountsInColumn, 11);
    QVERIFY(other);
    QCOMPARE(other->accounts.size(), std::size_t(39));
    QCOMPARE(other->label, QStringLiteral("39 other accounts"));
    // The 39 smallest payments: 1000 + 10 i for i = 0 .. 38.
    QCOMPARE(other->amountMinor, 39 * 1000 + 10 * (38 * 39 / 2));
    // The largest stays on its own, folded or not the money adds up.
    QVERIFY(diagram.nodeOfAccount(50) >= 0);
    QCOMPARE(diagram.nodes()[std::size_t(diagram.nodeOfAccount(50))].kind, NodeKind::Account);
    QCOMPARE(diagram.nodes()[std::size_t(diagram.nodeOfAccount(1))].kind, NodeKind::OtherAccounts);
    std::int64_t intoColumn = 0;
    for (const auto &band : diagram.bands()) {
        if (diagram.nodes()[std::size_t(band.to)].column == 1 && diagram.nodes()[std::size_t(band.to)].kind != NodeKind::Held)
            intoColumn += band.amountMinor;
    }
    QCOMPARE(intoColumn, total);
}

void TestTraceDiagram::hitTestFindsBoxesAndPaths()
{
    const Spread x = spread();
    const TraceResult result = traceForward(x.context, x.s, 2);
    TraceDiagram diagram(result, x.context);
    QImage image(1000, 600, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    diagram.paint(painter, QRectF(0, 0, 1000, 600));
    painter.end();

    const int c = diagram.nodeOfAccount(x.c);
    TraceDiagram::Hit hit = diagram.hitTest(diagram.nodes()[std::size_t(c)].rect.center());
    QCOMPARE(hit.node, c);
    QVERIFY(diagram.toolTip(hit).contains(QStringLiteral("KZ04C")));
    QVERIFY(diagram.hitTest(QPointF(2, 2)).isEmpty());

    // The middle of the band from A to C is the path S → A → C.
    const int aNode = diagram.nodeOfAccount(x.a);
    const auto band = std::find_if(diagram.bands().begin(), diagram.bands().end(),
                                   [&](const auto &b) { return b.from == aNode && b.to == c; });
    QVERIFY(band != diagram.bands().end());
    const double x0 = diagram.nodes()[std::size_t(aNode)].rect.right();
    const double x1 = diagram.nodes()[std::size_t(c)].rect.left();
    const QPointF middle((x0 + x1) / 2, (band->fromY + band->toY) / 2 + band->thickness / 2);
    hit = diagram.hitTest(middle);
    QCOMPARE(hit.band, int(band - diagram.bands().begin()));
    QVERIFY(hit.path >= 0);
    QCOMPARE(result.paths[std::size_t(hit.path)].accounts.at(1), x.a);
    QCOMPARE(result.paths[std::size_t(hit.path)].accounts.at(2), x.c);
    QVERIFY(diagram.toolTip(hit).contains(QStringLiteral("→")));

    // Offsets are honoured: the same point in a target placed elsewhere.
    QImage other(1200, 700, QImage::Format_ARGB32_Premultiplied);
    QPainter otherPainter(&other);
    diagram.paint(otherPainter, QRectF(200, 100, 1000, 600));
    otherPainter.end();
    QCOMPARE(diagram.hitTest(middle + QPointF(200, 100)).band, hit.band);

    // Highlighting a path draws it in its own colour.
    QImage before(1000, 600, QImage::Format_ARGB32_Premultiplied);
    QPainter beforePainter(&before);
    diagram.paint(beforePainter, QRectF(0, 0, 1000, 600));
    beforePainter.end();
    diagram.setHighlightedPath(hit.path);
    QImage after(1000, 600, QImage::Format_ARGB32_Premultiplied);
    QPainter afterPainter(&after);
    diagram.paint(afterPainter, QRectF(0, 0, 1000, 600));
    afterPainter.end();
    QVERIFY(before != after);
    QVERIFY(before.pixel(middle.toPoint()) != after.pixel(middle.toPoint()));
}

void TestTraceDiagram::exportsFiles_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("svg") << QStringLiteral("svg");
    QTest::newRow("pdf") << QStringLiteral("pdf");
}

void TestTraceDiagram::exportsFiles()
{
    QFETCH(QString, suffix);
    const Spread x = spread();
    const TraceDiagram diagram(traceForward(x.context, x.s, 2), x.context);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.") + suffix);
    QString error;
    QVERIFY2(diagram.exportTo(path, &error), qPrintable(error));
    if (suffix == u"png") {
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 960);
        QVERIFY(distinctColours(image) > 20);
    } else if (suffix == u"svg") {
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() >= 960);
    } else {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.contains("/Type /Page"));
    }
}

void TestTraceDiagram::refusesBadExport()
{
    const Spread x = spread();
    const TraceDiagram diagram(traceForward(x.context, x.s, 2), x.context);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!graph::TraceDiagram::canExportTo(QStringLiteral("trace.bmp")));
    QVERIFY(graph::TraceDiagram::canExportTo(QStringLiteral("Trace.PDF")));
    QVERIFY(!diagram.exportTo(dir.filePath(QStringLiteral("trace.bmp")), &error));
    QVERIFY(error.contains(QStringLiteral(".png")));
    error.clear();
    QVERIFY(!diagram.exportTo(dir.filePath(QStringLiteral("missing/dir/trace.pdf")), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!diagram.exportTo(dir.filePath(QStringLiteral("missing/dir/trace.png")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestTraceDiagram)
#include "TestTraceDiagram.moc"
