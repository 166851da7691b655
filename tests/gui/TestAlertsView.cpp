#include "GuiTestSupport.h"
#include "AlertActions.h"
#include "AlertDetailView.h"
#include "AlertTableModel.h"
#include "AlertTimelineChart.h"
#include "AlertsPanel.h"
#include "AnalysisPages.h"
#include "AnnotationEditor.h"
#include "DetectionRunner.h"
#include "LinkChartPanel.h"
#include "MainWindow.h"
#include "ReasonDialog.h"
#include "SubjectProfileView.h"
#include "annotations/AnnotationStore.h"
#include "db/CaseFile.h"
#include "demo/DemoCaseBuilder.h"
#include "detect/AlertQuery.h"
#include "entities/SubjectRefresh.h"
#include "import/FileImporter.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <qcustomplot.h>

using namespace fundtrace;
using ui::AlertTableModel;

// Drives detection, the Alerts dock and an alert's page on the demo case with three cash
// deposits just under the 7 000 000 KZT threshold added to it: the run from the menu action,
// the evidence with its source rows, a dismissal with its reason undone again, and a note.
class TestAlertsView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void hasShortcutsAndDock();
    void runsDetectionFromAction();
    void opensAlertWithEvidence();
    void dismissesWithReasonAndUndoes();
    void addsNoteThroughEditor();
    void opensSubjectFromAlert();
    void reportsBadRulesFile();

private:
    AlertTableModel *alerts() const { return m_window->alertsPanel()->model(); }
    bool alertsLoaded() const { return !alerts()->isLoading() && alerts()->rowCount() > 0; }
    int structuringRow() const;
    ui::AlertDetailView *openStructuring();
    QString stateOf(std::int64_t alertId) const;

    QTemporaryDir m_dir;
    QString m_casePath;
    std::unique_ptr<ui::MainWindow> m_window;
};

namespace {

using fundtrace::test::keepScreenshot;
using fundtrace::test::distinctColours;

void answerReasonDialog(const QString &reason)
{
    QTimer::singleShot(0, [reason] {
        auto *dialog = qobject_cast<ui::ReasonDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("reasonText"))->setPlainText(reason);
        dialog->accept();
    });
}

void answerAnnotationEditor(const QString &body, const QString &tags, const QString &severity, const QString &hypothesis)
{
    QTimer::singleShot(0, [=] {
        auto *editor = qobject_cast<ui::AnnotationEditor *>(QApplication::activeModalWidget());
        QVERIFY(editor);
        QTest::keyClicks(editor->findChild<QPlainTextEdit *>(QStringLiteral("noteBody")), body);
        editor->findChild<QLineEdit *>(QStringLiteral("noteTags"))->setText(tags);
        auto *combo = editor->findChild<QComboBox *>(QStringLiteral("noteSeverity"));
        combo->setCurrentIndex(combo->findData(severity));
        editor->findChild<QLineEdit *>(QStringLiteral("noteHypothesis"))->setText(hypothesis);
        keepScreenshot(editor, QStringLiteral("annotation-editor"));
        editor->accept();
    });
}

// Three cash deposits into one account within five days, each just under 7 000 000 KZT.
const char kDeposits[] =
        "\xEF\xBB\xBF" "Date,Account,Account holder,Amount,Currency,Counterparty,Counterparty account,IIN/BIN,"
        "Counterparty bank,Counterparty country,Purpose,Transaction ID,Channel,Balance\n"
        "2024-05-06 10:15,KZ11914KZT0000777001,Абенов Ерлан Маратович,6850000.00,KZT,Абенов Ерлан Маратович,,,,KZ,"
        "Взнос наличных,CSH24050600001,cash,6850000.00\n"
        "2024-05-08 11:40,KZ11914KZT0000777001,Абенов Ерлан Маратович,6920000.00,KZT,Абенов Ерлан Маратович,,,,KZ,"
        "Взнос наличных,CSH24050800002,cash,13770000.00\n"
        "2024-05-10 16:05,KZ11914KZT0000777001,Абенов Ерлан Маратович,6780000.00,KZT,Абенов Ерлан Маратович,,,,KZ,"
        "Взнос наличных,CSH24051000003,cash,20550000.00\n";

} // namespace

void TestAlertsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const demo::DemoCaseReport report = demo::buildDemoCase(m_dir.path());
    QVERIFY(report.allImported);
    m_casePath = report.casePath;

    const QString deposits = QDir(m_dir.path()).filePath(QStringLiteral("cash_deposits.csv"));
    QFile file(deposits);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kDeposits);
    file.close();
    db::CaseFile caseFile = db::CaseFile::open(m_casePath, false);
    const import::ImportResult result = import::FileImporter(caseFile, {}).importFile(deposits);
    QVERIFY2(result.status == import::ImportResult::Status::Imported, qPrintable(result.message));
    QCOMPARE(result.rowsImported, 3);
    entities::SubjectRefresh::run(caseFile); // as every import does, so the holder is a subject
}

void TestAlertsView::init()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setInteractive(false);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openCase(m_casePath));
    QTRY_VERIFY_WITH_TIMEOUT(!alerts()->isLoading(), 30000);
}

void TestAlertsView::cleanup()
{
    m_window.reset();
}

int TestAlertsView::structuringRow() const
{
    for (int row = 0; row < alerts()->rowCount(); ++row) {
        // The demo itself has no structuring; the planted deposits are the one.
        if (alerts()->alertAt(row)->rule == u"structuring")
            return row;
    }
    return -1;
}

ui::AlertDetailView *TestAlertsView::openStructuring()
{
    const int row = structuringRow();
    if (row < 0)
        return nullptr;
    QTableView *view = m_window->alertsPanel()->view();
    view->setFocus();
    view->setCurrentIndex(alerts()->index(row, AlertTableModel::Title));
    QTest::keyClick(view, Qt::Key_Return);
    ui::AlertDetailView *detail = m_window->currentAlert();
    if (detail && !QTest::qWaitFor([detail] { return detail->isLoaded(); }, 30000))
        return nullptr;
    return detail;
}

QString TestAlertsView::stateOf(std::int64_t alertId) const
{
    const db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
    const auto detail = detect::AlertQuery(caseFile.db()).detail(alertId);
    return detail ? detail->row.state : QString();
}

void TestAlertsView::hasShortcutsAndDock()
{
    QCOMPARE(m_window->action(QStringLiteral("runDetection"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    QCOMPARE(m_window->action(QStringLiteral("undoTriage"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+U")));
    QDockWidget *dock = m_window->findChild<QDockWidget *>(QStringLiteral("alertsDock"));
    QVERIFY(dock);
    QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+6")));
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QVERIFY(m_window->tabifiedDockWidgets(dock).contains(m_window->findChild<QDockWidget *>(QStringLiteral("sourcesDock"))));
}

void TestAlertsView::runsDetectionFromAction()
{
    QSignalSpy done(m_window.get(), &ui::MainWindow::detectionFinished);
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    QVERIFY(m_window->detectionRunner()->isRunning() || done.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
    const QString message = done.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral(" new, ")) && message.contains(QStringLiteral("closed alerts in")), qPrintable(message));
    QVERIFY(m_window->action(QStringLiteral("runDetection"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded(), 30000);
    QVERIFY2(structuringRow() >= 0, "the planted deposits gave no structuring alert");
    QDockWidget *dock = m_window->findChild<QDockWidget *>(QStringLiteral("alertsDock"));
    QVERIFY(dock->isVisible());
    QVERIFY(dock->windowTitle().contains(QString::number(alerts()->rowCount())));

    // Highest score first, and the typology filter lists the structuring rule with its count.
    for (int row = 1; row < alerts()->rowCount(); ++row)
        QVERIFY(alerts()->alertAt(row - 1)->score >= alerts()->alertAt(row)->score);
    auto *typology = m_window->alertsPanel()->findChild<QComboBox *>(QStringLiteral("alertTypology"));
    const int index = typology->findData(QStringLiteral("structuring"));
    QVERIFY(index > 0);
    typology->setCurrentIndex(index);
    QTRY_VERIFY_WITH_TIMEOUT(!alerts()->isLoading(), 10000);
    for (int row = 0; row < alerts()->rowCount(); ++row)
        QCOMPARE(alerts()->alertAt(row)->rule, QStringLiteral("structuring"));
    typology->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded(), 10000);

    // Running again finds the same alert, so it is updated rather than duplicated.
    const int count = alerts()->rowCount();
    m_window->action(QStringLiteral("runDetection"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 120000);
    QVERIFY2(done.at(1).at(0).toString().startsWith(QStringLiteral("0 new")), qPrintable(done.at(1).at(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded() && alerts()->rowCount() == count, 30000);
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("alerts-dock"));
}

void TestAlertsView::opensAlertWithEvidence()
{
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded(), 30000);
    ui::AlertDetailView *detail = openStructuring();
    QVERIFY(detail);
    QTabWidget *tabs = m_window->centralTabs();
    QCOMPARE(tabs->currentWidget(), detail);
    QVERIFY(tabs->tabToolTip(tabs->currentIndex()).contains(QStringLiteral("deposits just under")));

    QVERIFY(!detail->findChild<QLabel *>(QStringLiteral("alertExplanation"))->text().isEmpty());
    QTableWidget *evidence = detail->table(QStringLiteral("alertEvidence"));
    QVERIFY(evidence);
    QCOMPARE(evidence->rowCount(), 3);
    for (int row = 0; row < evidence->rowCount(); ++row) {
        const QString source = evidence->item(row, 7)->text();
        QVERIFY2(source.contains(QStringLiteral("cash_deposits.csv")) && source.contains(QStringLiteral("row ")), qPrintable(source));
        QVERIFY(evidence->item(row, 8)->text().startsWith(QStringLiteral("CSH2405")));
        QCOMPARE(evidence->item(row, 1)->text(), QStringLiteral("in"));
    }
    QVERIFY(detail->table(QStringLiteral("alertMetrics"))->rowCount() > 0);
    QCOMPARE(detail->chart()->inGraph()->data()->size(), 3);
    QCOMPARE(detail->chart()->outGraph()->data()->size(), 0);
    QVERIFY(detail->chart()->windowRect()->visible());

    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("alert-detail-window"));
    if (auto *scroll = detail->findChild<QScrollArea *>())
        keepScreenshot(scroll->widget(), QStringLiteral("alert-detail-full"));
    const int colours = distinctColours(detail->grab().toImage());
    QVERIFY2(colours > 100, qPrintable(QStringLiteral("only %1 colours").arg(colours)));

    // "Show in Link Chart" draws the alert's parties and whom they dealt with.
    auto *linkChart = detail->findChild<QPushButton *>(QStringLiteral("alertShowInLinkChart"));
    QVERIFY(linkChart && linkChart->isEnabled());
    linkChart->click();
    ui::LinkChartPanel *chartPanel = m_window->analysisPages()->linkChart();
    QVERIFY(chartPanel);
    QCOMPARE(tabs->currentWidget(), chartPanel);
    QTRY_VERIFY_WITH_TIMEOUT(chartPanel->hasChart() && !chartPanel->isBusy(), 30000);
    QVERIFY(!chartPanel->chart()->graph.nodes().empty()); // cash deposits only: the holder, alone
    QCOMPARE(chartPanel->currentView().seeds.alerts.size(), std::size_t(1));
    int seeds = 0;
    for (const auto &node : chartPanel->chart()->graph.nodes())
        seeds += node.seed ? 1 : 0;
    QVERIFY(seeds >= 1);
    tabs->setCurrentWidget(detail);

    // The same alert again brings its tab forward.
    const int count = tabs->count();
    tabs->setCurrentIndex(0);
    QCOMPARE(m_window->openAlert(detail->alertId()), detail);
    QCOMPARE(tabs->count(), count);
}

void TestAlertsView::dismissesWithReasonAndUndoes()
{
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded(), 30000);
    ui::AlertDetailView *detail = openStructuring();
    QVERIFY(detail);
    const std::int64_t id = detail->alertId();
    QCOMPARE(stateOf(id), QStringLiteral("new"));

    // Selected in the dock and dismissed with the panel's button: the reason dialog asks why.
    QTableView *view = m_window->alertsPanel()->view();
    view->selectRow(structuringRow());
    QCOMPARE(m_window->alertsPanel()->selectedAlerts(), QVector<std::int64_t> { id });
    QSignalSpy changed(m_window->alertActions(), &ui::AlertActions::caseChanged);
    answerReasonDialog(QStringLiteral("salary of a car dealer paid in cash; documents checked"));
    m_window->alertsPanel()->findChild<QPushButton *>(QStringLiteral("alertTriage_dismissed"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);
    QCOMPARE(stateOf(id), QStringLiteral("dismissed"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("dismissed")));
    // Dismissed alerts leave the default list; the open page shows the state with its reason.
    QTRY_VERIFY_WITH_TIMEOUT(!alerts()->isLoading() && structuringRow() < 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded() && detail->alert()->row.state == u"dismissed", 30000);
    const QString state = detail->findChild<QLabel *>(QStringLiteral("alertState"))->text();
    QVERIFY2(state.contains(QStringLiteral("Dismissed")) && state.contains(QStringLiteral("car dealer")), qPrintable(state));
    QVERIFY(detail->table(QStringLiteral("alertHistory"))->rowCount() >= 1);
    keepScreenshot(m_window.get(), QStringLiteral("alert-dismissed"));

    // Ctrl+Alt+U undoes it (in the main window, active again now the reason dialog is gone).
    QVERIFY(m_window->action(QStringLiteral("undoTriage"))->isEnabled());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Alt+U")));
    QTRY_VERIFY2_WITH_TIMEOUT(changed.count() == 2, qPrintable(m_window->statusBar()->currentMessage()), 30000);
    QCOMPARE(stateOf(id), QStringLiteral("new"));
    QTRY_VERIFY_WITH_TIMEOUT(!alerts()->isLoading() && structuringRow() >= 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded() && detail->alert()->row.state == u"new", 30000);

    // Dismissing needs a reason: cancelling the dialog changes nothing.
    view->selectRow(structuringRow());
    QTimer::singleShot(0, [] {
        if (auto *dialog = qobject_cast<ui::ReasonDialog *>(QApplication::activeModalWidget()))
            dialog->reject();
    });
    m_window->alertsPanel()->findChild<QPushButton *>(QStringLiteral("alertTriage_dismissed"))->click();
    QTest::qWait(200);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(stateOf(id), QStringLiteral("new"));
}

void TestAlertsView::addsNoteThroughEditor()
{
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded(), 30000);
    ui::AlertDetailView *detail = openStructuring();
    QVERIFY(detail);
    QSignalSpy changed(m_window->alertActions(), &ui::AlertActions::caseChanged);
    answerAnnotationEditor(QStringLiteral("Deposits made by a courier at three branches; ask the bank for CCTV"),
                           QStringLiteral("cash, courier"), QStringLiteral("high"),
                           QStringLiteral("cash collected for fighters abroad"));
    detail->findChild<QPushButton *>(QStringLiteral("alertAddNote"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);

    db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
    const QVector<annotations::Annotation> found = annotations::AnnotationStore(caseFile.db()).search(QStringLiteral("courier CCTV"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).objectType, QStringLiteral("alert"));
    QCOMPARE(found.at(0).objectId, detail->alertId());
    QCOMPARE(found.at(0).severity, QStringLiteral("high"));
    QCOMPARE(found.at(0).tags, QStringLiteral("cash, courier"));
    QCOMPARE(found.at(0).hypothesis, QStringLiteral("cash collected for fighters abroad"));

    QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded() && detail->alert()->notes.size() == 1, 30000);
    QTableWidget *notes = detail->table(QStringLiteral("alertNotes"));
    QVERIFY(notes && notes->rowCount() == 1 && notes->isVisible());
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("alert-with-note"));
    if (auto *scroll = detail->findChild<QScrollArea *>())
        keepScreenshot(scroll->widget(), QStringLiteral("alert-with-note-full"));
}

void TestAlertsView::opensSubjectFromAlert()
{
    QTRY_VERIFY_WITH_TIMEOUT(alertsLoaded(), 30000);
    ui::AlertDetailView *detail = openStructuring();
    QVERIFY(detail);
    QVERIFY(!detail->alert()->subjects.isEmpty());
    const auto subject = detail->alert()->subjects.first();
    auto *button = detail->findChild<QPushButton *>(QStringLiteral("alertSubject_%1").arg(subject.id));
    QVERIFY(button);
    button->click();
    ui::SubjectProfileView *profile = m_window->currentProfile();
    QVERIFY(profile);
    QTRY_VERIFY_WITH_TIMEOUT(profile->isLoaded(), 30000);

    // From the profile, the alerts dock narrows to this subject.
    profile->findChild<QPushButton *>(QStringLiteral("profileShowAlerts"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!alerts()->isLoading(), 30000);
    QCOMPARE(alerts()->filter().subjectId, profile->subjectId());
    QVERIFY(structuringRow() >= 0);

    // And a note on the subject shows in its profile.
    QSignalSpy changed(m_window->alertActions(), &ui::AlertActions::caseChanged);
    answerAnnotationEditor(QStringLiteral("Holder says the cash is from selling cars"), QStringLiteral("interview"),
                           QStringLiteral("medium"), {});
    profile->findChild<QPushButton *>(QStringLiteral("profileAddNote"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(profile->isLoaded() && profile->table(QStringLiteral("profileAnnotations")), 30000);
    QCOMPARE(profile->table(QStringLiteral("profileAnnotations"))->rowCount(), 1);
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("alert-subject-profile"));
}

void TestAlertsView::reportsBadRulesFile()
{
    const QString path = QDir(m_dir.path()).filePath(QStringLiteral("bad-rules.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"rules": {"no_such_rule": {}}})");
    file.close();
    QSignalSpy done(m_window.get(), &ui::MainWindow::detectionFinished);
    m_window->runDetection(path);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
    const QString message = done.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("rules file")), qPrintable(message));
    QVERIFY(m_window->action(QStringLiteral("runDetection"))->isEnabled());
}

QTEST_MAIN(TestAlertsView)
#include "TestAlertsView.moc"
