#include "GuiTestSupport.h"
#include "TraceDiagramWidget.h"
#include "TracePathModel.h"
#include "TraceView.h"
#include "db/CaseFile.h"
#include "demo/DemoCaseBuilder.h"
#include "detect/DetectionContext.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace;
using ui::TracePathModel;
using ui::TraceView;

// Follows the demo fund's money in the trace view, offscreen: the diagram and the paths table
// fill, a selected path is highlighted in the diagram, a backward trace and a bad start are
// handled, and the diagram exports.
class TestTraceView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsEmptyStateFirst();
    void tracesFundForward();
    void selectingRowHighlightsBand();
    void clickingBandSelectsRow();
    void scrollsWhenNarrow();
    void tracesBackwardReusingCase();
    void reportsUnknownStart();
    void exportsDiagram();

private:
    bool waitForResult() const;

    QTemporaryDir m_dir;
    QString m_casePath;
    std::int64_t m_fundId = 0;
    std::unique_ptr<TraceView> m_view;
};

namespace {

using fundtrace::test::keepScreenshot;
using fundtrace::test::distinctColours;

} // namespace

void TestTraceView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const demo::DemoCaseReport report = demo::buildDemoCase(m_dir.path());
    QVERIFY(report.allImported);
    m_casePath = report.casePath;
    // The fund: of the demo's non-profit organisations, the one whose own statements the case
    // holds (the other is a recipient abroad).
    const db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
    const detect::DetectionContext context = detect::DetectionContext::load(caseFile.db());
    std::size_t mostRows = 0;
    for (const detect::Subject &subject : context.subjects()) {
        std::size_t rows = 0;
        for (const std::int32_t account : subject.accounts)
            rows += context.rowsOf(account).size();
        if (subject.kind == u"npo" && rows > mostRows) {
            mostRows = rows;
            m_fundId = subject.id;
        }
    }
    QVERIFY(m_fundId > 0);
}

void TestTraceView::init()
{
    m_view = std::make_unique<TraceView>(m_casePath);
    m_view->resize(1400, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTraceView::cleanup()
{
    m_view.reset();
}

bool TestTraceView::waitForResult() const
{
    return QTest::qWaitFor([this] { return !m_view->isRunning(); }, 60000) && m_view->hasResult();
}

void TestTraceView::showsEmptyStateFirst()
{
    auto *empty = m_view->findChild<QLabel *>(QStringLiteral("traceEmpty"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("Choose a subject or account and press Run")));
    // Run without a start says so again rather than showing a blank pane.
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("traceRun")), Qt::LeftButton);
    QVERIFY(!m_view->isRunning());
    QVERIFY(empty->isVisible());
    QVERIFY(!m_view->findChild<QPushButton *>(QStringLiteral("traceExport"))->isEnabled());
}

void TestTraceView::tracesFundForward()
{
    QSignalSpy finished(m_view.get(), &TraceView::traceFinished);
    m_view->traceFromSubject(m_fundId, true);
    QVERIFY(m_view->isRunning());
    QVERIFY(waitForResult());
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().first().toString().startsWith(QStringLiteral("Forward trace")));
    // The start field names the subject, not only its number.
    const QString start = m_view->findChild<QLineEdit *>(QStringLiteral("traceStart"))->text();
    QVERIFY2(start.contains(QStringLiteral("Мейірім")) && start.endsWith(QStringLiteral("(#%1)").arg(m_fundId)),
             qPrintable(start));

    const graph::TraceDiagram *diagram = m_view->diagram();
    QVERIFY(diagram->result().tracedMinor > 0);
    QVERIFY(!diagram->isEmpty());
    QVERIFY(m_view->pathModel()->rowCount() > 0);
    QCOMPARE(m_view->pathModel()->rowCount(), int(diagram->result().paths.size()));
    // Largest first, as the sort indicator says.
    QCOMPARE(m_view->pathModel()->pathAt(0), 0);
    QVERIFY(m_view->pathModel()->index(0, TracePathModel::Path).data().toString().contains(QStringLiteral("→")));
    QVERIFY(m_view->summaryText().startsWith(QStringLiteral("Traced ")));
    QVERIFY(m_view->summaryText().contains(QStringLiteral("still held")));
    QVERIFY(m_view->findChild<QPushButton *>(QStringLiteral("traceExport"))->isEnabled());

    QTRY_VERIFY(m_view->diagramWidget()->isVisible());
    const QImage shot = m_view->diagramWidget()->grab().toImage();
    QVERIFY(shot.width() > 400 && shot.height() > 200);
    QVERIFY2(distinctColours(shot) > 40, "the diagram looks blank");
    keepScreenshot(m_view.get(), QStringLiteral("trace-view"));
    // The demo's trail fits the window: no scrolling.
    QVERIFY(!m_view->diagramWidget()->findChild<QScrollBar *>()->isVisible());
}

void TestTraceView::selectingRowHighlightsBand()
{
    m_view->traceFromSubject(m_fundId, true);
    QVERIFY(waitForResult());
    QTableView *paths = m_view->pathsView();
    QVERIFY(paths->model()->rowCount() > 1);
    QCOMPARE(m_view->diagramWidget()->highlightedPath(), -1);
    const QImage before = m_view->diagramWidget()->grab().toImage();

    // Sorted by hops, the second row is some other path; selecting it highlights that one.
    paths->sortByColumn(TracePathModel::Hops, Qt::AscendingOrder);
    paths->selectRow(1);
    const int path = m_view->pathModel()->pathAt(1);
    QCOMPARE(m_view->diagramWidget()->highlightedPath(), path);
    QCOMPARE(m_view->diagram()->highlightedPath(), path);
    const QImage after = m_view->diagramWidget()->grab().toImage();
    QVERIFY(before != after);
    paths->clearSelection();
    QCOMPARE(m_view->diagramWidget()->highlightedPath(), -1);
}

void TestTraceView::clickingBandSelectsRow()
{
    m_view->traceFromSubject(m_fundId, true);
    QVERIFY(waitForResult());
    ui::TraceDiagramWidget *widget = m_view->diagramWidget();
    widget->grab(); // lays the diagram out at the widget's size
    const graph::TraceDiagram *diagram = widget->diagram();
    // The middle of the first band from the fund.
    QVERIFY(!diagram->bands().empty());
    const auto &band = diagram->bands().front();
    const auto &from = diagram->nodes()[std::size_t(band.from)];
    const auto &to = diagram->nodes()[std::size_t(band.to)];
    const QPointF middle((from.rect.right() + to.rect.left()) / 2, (band.fromY + band.toY) / 2 + band.thickness / 2);
    const graph::TraceDiagram::Hit hit = diagram->hitTest(middle);
    QVERIFY(hit.band >= 0); // this band or one crossing it there
    QVERIFY(hit.path >= 0);
    QTest::mouseClick(widget, Qt::LeftButton, {}, middle.toPoint());
    const QModelIndexList selected = m_view->pathsView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_view->pathModel()->pathAt(selected.front().row()), hit.path);
    QCOMPARE(widget->highlightedPath(), hit.path);
}

void TestTraceView::scrollsWhenNarrow()
{
    m_view->resize(700, 700);
    m_view->traceFromSubject(m_fundId, true);
    QVERIFY(waitForResult());
    ui::TraceDiagramWidget *widget = m_view->diagramWidget();
    QVERIFY2(widget->width() < 300 + 170 * (widget->diagram()->columnCount() - 1), "the window did not get narrow enough");
    auto *bar = widget->findChild<QScrollBar *>();
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    const QImage shot = widget->grab().toImage();
    QVERIFY(distinctColours(shot) > 20);
    // Boxes are hit where they are drawn, scrolled.
    const graph::TraceDiagram *diagram = widget->diagram();
    const auto last = std::max_element(diagram->nodes().begin(), diagram->nodes().end(),
                                       [](const auto &a, const auto &b) { return a.rect.left() < b.rect.left(); });
    const QPointF at = last->rect.center() - QPointF(bar->value(), 0);
    QVERIFY(at.x() > 0 && at.x() < widget->width());
    QCOMPARE(diagram->hitTest(at).node, int(last - diagram->nodes().begin()));
}

void TestTraceView::tracesBackwardReusingCase()
{
    m_view->traceFromSubject(m_fundId, true);
    QVERIFY(waitForResult());
    // The second trace reuses the case already in memory.
    m_view->traceFromSubject(m_fundId, false);
    QVERIFY(waitForResult());
    const graph::TraceDiagram *diagram = m_view->diagram();
    QCOMPARE(diagram->result().request.direction, graph::TraceRequest::Direction::Backward);
    QVERIFY(diagram->result().tracedMinor > 0);
    QVERIFY(m_view->summaryText().contains(QStringLiteral("arrived as cash")));
    QVERIFY(m_view->pathModel()->rowCount() > 0);
    // Cancelling a run keeps the last result on screen and drops the cancelled one.
    QSignalSpy finished(m_view.get(), &TraceView::traceFinished);
    m_view->traceFromSubject(m_fundId, true);
    m_view->cancel();
    QVERIFY(!m_view->isRunning());
    QTest::qWait(200);
    QTRY_VERIFY(!m_view->findChild<QPushButton *>(QStringLiteral("traceCancel"))->isVisible());
    QCOMPARE(m_view->diagram()->result().request.direction, graph::TraceRequest::Direction::Backward);
    QCOMPARE(finished.count(), 0);
}

void TestTraceView::reportsUnknownStart()
{
    QSignalSpy failed(m_view.get(), &TraceView::traceFailed);
    auto *start = m_view->findChild<QLineEdit *>(QStringLiteral("traceStart"));
    start->setFocus();
    QTest::keyClicks(start, QStringLiteral("KZ00 NOT A REAL ACCOUNT"));
    QTest::keyClick(start, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("KZ00 NOT A REAL ACCOUNT")));
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("traceEmpty"))->isVisible());
    QVERIFY(!m_view->hasResult());
}

void TestTraceView::exportsDiagram()
{
    QString error;
    QVERIFY(!m_view->exportDiagram(m_dir.filePath(QStringLiteral("none.png")), &error));
    QVERIFY(!error.isEmpty());
    m_view->traceFromSubject(m_fundId, true);
    QVERIFY(waitForResult());
    for (const QString &name : { QStringLiteral("trace.png"), QStringLiteral("trace.svg"), QStringLiteral("trace.pdf") }) {
        const QString path = m_dir.filePath(name);
        QVERIFY2(m_view->exportDiagram(path, &error), qPrintable(error));
        QVERIFY(QFile(path).size() > 1000);
    }
    QVERIFY(!QImage(m_dir.filePath(QStringLiteral("trace.png"))).isNull());
}

QTEST_MAIN(TestTraceView)
#include "TestTraceView.moc"
