#include "graph/GraphError.h"
#include "graph/GraphExport.h"
#include "graph/GraphRenderer.h"
#include "ImageChecks.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace::graph;
using fundtrace::test::distinctColours;

// Link chart exports: each format opens in a reader and shows the chart; bad paths are plain errors.
class TestGraphExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesPngThatIsNotBlank();
    void writesSvgWithLabels();
    void writesPdfWithPage();
    void rejectsUnknownSuffix_data();
    void rejectsUnknownSuffix();
    void reportsUnwritablePath();
    void rejectsEmptyChart();
    void rendererDrawsInView();

private:
    GraphScene m_scene;
    QTemporaryDir m_dir;
};

namespace {

const QStringList kLabels { QStringLiteral("Steppe Relief Foundation"), QStringLiteral("Arman Kassymov"),
                            QStringLiteral("Nomad Trade LLP"), QStringLiteral("Kaspi Agent 17") };

GraphScene sampleScene()
{
    const QStringList kinds { QStringLiteral("npo"), QStringLiteral("person"), QStringLiteral("organisation"),
                              QStringLiteral("agent") };
    std::vector<GraphNode> nodes;
    for (int i = 0; i < kLabels.size(); ++i) {
        GraphNode n;
        n.id = 100 + i;
        n.label = kLabels[i];
        n.kind = kinds[i];
        n.seed = i == 0;
        nodes.push_back(n);
    }
    nodes[1].marks = NodeMarks { 85, 2, 1, 3 };
    std::vector<GraphEdge> edges;
    for (const auto &[from, to, weight] : { std::tuple { 0, 1, 2.5e6 }, std::tuple { 1, 2, 1.2e6 }, std::tuple { 2, 3, 4e5 },
                                            std::tuple { 3, 0, 1e4 } }) {
        GraphEdge e;
        e.from = from;
        e.to = to;
        e.weight = weight;
        e.count = 3;
        e.totals = { { QStringLiteral("KZT"), std::int64_t(weight * 100) } };
        edges.push_back(e);
    }
    FlowGraph graph = FlowGraph::fromParts(NodeMode::Subjects, std::move(nodes), std::move(edges), QStringLiteral("KZT"));
    return GraphScene(std::move(graph), { QPointF(0, 0), QPointF(220, -60), QPointF(440, 20), QPointF(220, 140) });
}

} // namespace

void TestGraphExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_scene = sampleScene();
}

void TestGraphExport::writesPngThatIsNotBlank()
{
    const QString path = m_dir.filePath(QStringLiteral("chart.png"));
    ExportOptions options;
    options.title = QStringLiteral("Foundation payments");
    options.dpi = 120;
    GraphExport::write(m_scene, path, options);
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QVERIFY(image.width() > 300 && image.height() > 200);
    QVERIFY2(distinctColours(image, 3) >= 8, qPrintable(QString::number(distinctColours(image, 3))));
    QCOMPARE(image.dotsPerMeterX(), qRound(120 / 0.0254));
    const QString keep = qEnvironmentVariable("FUNDTRACE_SCREENSHOT_DIR");
    if (!keep.isEmpty())
        image.save(QDir(keep).filePath(QStringLiteral("graph-export.png")));
}

void TestGraphExport::writesSvgWithLabels()
{
    const QString path = m_dir.filePath(QStringLiteral("chart.svg"));
    GraphExport::write(m_scene, path);
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    for (const QString &label : kLabels)
        QVERIFY2(text.contains(label), qPrintable(label));
}

void TestGraphExport::writesPdfWithPage()
{
    const QString path = m_dir.filePath(QStringLiteral("chart.pdf"));
    ExportOptions options;
    options.title = QStringLiteral("Case 42 - link chart");
    GraphExport::write(m_scene, path, options);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.contains("/Type /Page"));
}

void TestGraphExport::rejectsUnknownSuffix_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("jpeg") << QStringLiteral("chart.jpg");
    QTest::newRow("none") << QStringLiteral("chart");
}

void TestGraphExport::rejectsUnknownSuffix()
{
    QFETCH(QString, name);
    const QString path = m_dir.filePath(name);
    try {
        GraphExport::write(m_scene, path);
        QFAIL("no error for an unknown file type");
    } catch (const GraphError &error) {
        QVERIFY2(error.message().contains(QStringLiteral(".png, .svg or .pdf")), qPrintable(error.message()));
    }
    QVERIFY(!QFile::exists(path));
}

void TestGraphExport::reportsUnwritablePath()
{
    const QString path = m_dir.filePath(QStringLiteral("no-such-folder/chart.png"));
    try {
        GraphExport::write(m_scene, path);
        QFAIL("no error for a folder that does not exist");
    } catch (const GraphError &error) {
        QVERIFY2(error.message().contains(QStringLiteral("Cannot write the chart")), qPrintable(error.message()));
    }
}

void TestGraphExport::rejectsEmptyChart()
{
    QVERIFY_THROWS_EXCEPTION(GraphError, GraphExport::write(GraphScene(), m_dir.filePath(QStringLiteral("empty.png"))));
}

void TestGraphExport::rendererDrawsInView()
{
    // Painting only the left part of the chart leaves the far right node and its flows out.
    QImage image(700, 250, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    QTransform transform;
    transform.translate(100, 100); // one pixel per unit, scene (0, 0) at (100, 100)
    GraphScene scene = sampleScene();
    GraphRenderer renderer;
    renderer.paint(painter, scene, transform, QRectF(-100, -100, 150, 200));
    painter.end();
    QVERIFY(distinctColours(image.copy(50, 50, 100, 100), 3) > 2); // the seed
    QCOMPARE(distinctColours(image.copy(450, 0, 250, 250), 3), 1); // "Nomad Trade LLP" at (540, 120)
}

QTEST_MAIN(TestGraphExport)
#include "TestGraphExport.moc"
