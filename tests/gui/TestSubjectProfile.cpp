#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "MonthlyFlowChart.h"
#include "ReasonDialog.h"
#include "SubjectActions.h"
#include "SubjectProfileView.h"
#include "SubjectTableModel.h"
#include "SubjectsPanel.h"
#include "demo/DemoCaseBuilder.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
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
using ui::SubjectTableModel;

// Drives the Subjects dock and a subject's profile on the generated demo case: finding a subject
// by another spelling, the profile's chart and tables, and a merge undone again.
class TestSubjectProfile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsSubjectsByFlow();
    void findsCyrillicNameByLatinSpelling();
    void filtersByKind();
    void opensProfileOfLargestSubject();
    void opensFundProfile();
    void opensCounterpartyProfile();
    void hasShortcuts();
    void screensAndShowsHits();
    void mergesAndUndoes();

private:
    SubjectTableModel *subjects() const { return m_window->subjectsPanel()->model(); }
    bool subjectsLoaded() const { return !subjects()->isLoading() && subjects()->rowCount() > 0; }
    ui::SubjectProfileView *openLargest();

    QTemporaryDir m_dir;
    QString m_casePath;
    std::unique_ptr<ui::MainWindow> m_window;
};

namespace {

using fundtrace::test::keepScreenshot;
using fundtrace::test::distinctColours;

// Answers the next reason dialog with `reason`, as an investigator would.
void answerReasonDialog(const QString &reason)
{
    QTimer::singleShot(0, [reason] {
        auto *dialog = qobject_cast<ui::ReasonDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("reasonText"))->setPlainText(reason);
        dialog->accept();
    });
}

} // namespace

void TestSubjectProfile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const demo::DemoCaseReport report = demo::buildDemoCase(m_dir.path());
    QVERIFY(report.allImported);
    m_casePath = report.casePath;
    QVERIFY(QFileInfo::exists(m_casePath));
}

void TestSubjectProfile::init()
{
    m_window = std::make_unique<ui::MainWindow>();
    m_window->setInteractive(false);
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openCase(m_casePath));
    QTRY_VERIFY_WITH_TIMEOUT(subjectsLoaded(), 30000);
}

void TestSubjectProfile::cleanup()
{
    m_window.reset();
}

ui::SubjectProfileView *TestSubjectProfile::openLargest()
{
    QTableView *view = m_window->subjectsPanel()->view();
    view->setFocus();
    view->setCurrentIndex(subjects()->index(0, SubjectTableModel::Name));
    QTest::keyClick(view, Qt::Key_Return);
    ui::SubjectProfileView *profile = m_window->currentProfile();
    if (profile && !QTest::qWaitFor([profile] { return profile->isLoaded(); }, 30000))
        return nullptr;
    return profile;
}

void TestSubjectProfile::listsSubjectsByFlow()
{
    QDockWidget *dock = m_window->findChild<QDockWidget *>(QStringLiteral("subjectsDock"));
    QVERIFY(dock);
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::LeftDockWidgetArea);
    QVERIFY(subjects()->totalCount() > 100);
    QVERIFY(subjects()->subjectAt(0));
    const entities::SubjectRow first = *subjects()->subjectAt(0);
    // Largest flow first; the fund at the centre of the planted story is among the largest.
    bool fundNearTop = false;
    for (int row = 0; row < std::min(subjects()->rowCount(), 50); ++row) {
        if (row > 0)
            QVERIFY(subjects()->subjectAt(row - 1)->mainFlowMinor >= subjects()->subjectAt(row)->mainFlowMinor);
        fundNearTop = fundNearTop || (row < 10 && subjects()->subjectAt(row)->displayName.contains(QStringLiteral("Мейірім")));
    }
    QVERIFY(fundNearTop);
    QCOMPARE(subjects()->index(0, SubjectTableModel::MoneyIn).data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight,
             int(Qt::AlignRight));
    QVERIFY(!subjects()->index(0, SubjectTableModel::MoneyIn).data().toString().isEmpty());

    // Sorting on the name column asks for the list by name.
    m_window->subjectsPanel()->view()->sortByColumn(SubjectTableModel::Name, Qt::AscendingOrder);
    QTRY_VERIFY(subjectsLoaded() && subjects()->subjectAt(0)->id != first.id);
    m_window->subjectsPanel()->view()->sortByColumn(SubjectTableModel::MoneyIn, Qt::DescendingOrder);
    QTRY_VERIFY(subjectsLoaded() && subjects()->subjectAt(0)->id == first.id);
    m_window->action(QStringLiteral("findSubject"))->trigger();
    QVERIFY(dock->isVisible());
    QTRY_VERIFY(dock->width() >= 700);
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("subjects-dock"));
}

void TestSubjectProfile::findsCyrillicNameByLatinSpelling()
{
    m_window->action(QStringLiteral("findSubject"))->trigger();
    QLineEdit *search = m_window->subjectsPanel()->searchBox();
    QTest::keyClicks(search, QStringLiteral("Meyirim Zholy"));
    QTRY_VERIFY_WITH_TIMEOUT(!subjects()->isLoading() && subjects()->rowCount() > 0
                                     && subjects()->subjectAt(0)->displayName.contains(QStringLiteral("Мейірім")),
                             10000);

    search->clear();
    QTest::keyClicks(search, QStringLiteral("Nurtazin"));
    QTRY_VERIFY_WITH_TIMEOUT(!subjects()->isLoading() && subjects()->rowCount() > 0
                                     && subjects()->subjectAt(0)->displayName.contains(QStringLiteral("Нуртазин")),
                             10000);
    keepScreenshot(m_window->subjectsPanel(), QStringLiteral("subjects-search"));
}

void TestSubjectProfile::filtersByKind()
{
    auto *kind = m_window->subjectsPanel()->findChild<QComboBox *>(QStringLiteral("subjectKind"));
    const int all = subjects()->totalCount();
    kind->setCurrentIndex(kind->findData(QStringLiteral("person")));
    QTRY_VERIFY(!subjects()->isLoading() && subjects()->totalCount() < all);
    QVERIFY(subjects()->rowCount() > 0);
    for (int row = 0; row < subjects()->rowCount(); ++row)
        QCOMPARE(subjects()->subjectAt(row)->kind, QStringLiteral("person"));
}

void TestSubjectProfile::opensProfileOfLargestSubject()
{
    const entities::SubjectRow largest = *subjects()->subjectAt(0);
    ui::SubjectProfileView *profile = openLargest();
    QVERIFY(profile);
    QCOMPARE(profile->subjectId(), largest.id);
    QTabWidget *tabs = m_window->centralTabs();
    QCOMPARE(tabs->currentWidget(), profile);
    QCOMPARE(tabs->tabToolTip(tabs->currentIndex()), largest.displayName);
    QVERIFY(tabs->indexOf(m_window->transactionView()) == 0);

    ui::MonthlyFlowChart *chart = profile->chart();
    QVERIFY(chart && chart->isVisible());
    QVERIFY(chart->monthCount() > 1);
    QVERIFY(chart->inBars()->data()->size() > 0);
    QVERIFY(chart->outBars()->data()->size() > 0);
    for (const char *name : { "profileNames", "profileAccounts", "profileTotals", "profileTopByAmount" }) {
        QTableWidget *table = profile->table(QString::fromLatin1(name));
        QVERIFY2(table && table->rowCount() > 0, name);
    }
    QCOMPARE(profile->findChild<QLabel *>(QStringLiteral("profileTitle"))->text(), largest.displayName);

    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("subject-profile-window"));
    if (auto *scroll = profile->findChild<QScrollArea *>())
        keepScreenshot(scroll->widget(), QStringLiteral("subject-profile-full"));
    const QImage image = profile->grab().toImage();
    QVERIFY(!image.isNull());
    const int colours = distinctColours(image);
    QVERIFY2(colours > 100, qPrintable(QStringLiteral("only %1 colours").arg(colours)));

    // Opening the same subject again brings its tab forward instead of a second one.
    const int count = tabs->count();
    tabs->setCurrentIndex(0);
    QCOMPARE(m_window->openSubjectProfile(largest.id), profile);
    QCOMPARE(tabs->count(), count);
    QCOMPARE(tabs->currentWidget(), profile);
    // Profiles close; the transactions tab stays.
    emit tabs->tabCloseRequested(tabs->indexOf(profile));
    emit tabs->tabCloseRequested(0);
    QCOMPARE(tabs->count(), count - 1);
    QCOMPARE(tabs->widget(0), m_window->transactionView());
}

void TestSubjectProfile::opensFundProfile()
{
    // The charity, found by a Latin spelling of its Kazakh name; Enter opens its profile.
    QTest::keyClicks(m_window->subjectsPanel()->searchBox(), QStringLiteral("Meyirim Zholy"));
    QTRY_VERIFY_WITH_TIMEOUT(!subjects()->isLoading() && subjects()->rowCount() > 0
                                     && subjects()->subjectAt(0)->displayName.contains(QStringLiteral("Мейірім")),
                             10000);
    ui::SubjectProfileView *profile = openLargest();
    QVERIFY(profile);
    QVERIFY(profile->profile()->displayName.contains(QStringLiteral("Мейірім")));
    QVERIFY(profile->chart()->inBars()->data()->size() > 0);
    QVERIFY(profile->chart()->outBars()->data()->size() > 0);
    QVERIFY(profile->table(QStringLiteral("profileNames"))->rowCount() > 0);
    QVERIFY(profile->table(QStringLiteral("profileAccounts"))->rowCount() > 0);
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("subject-profile-fund"));
    if (auto *scroll = profile->findChild<QScrollArea *>())
        keepScreenshot(scroll->widget(), QStringLiteral("subject-profile-fund-full"));
    QVERIFY(distinctColours(profile->grab().toImage()) > 100);
}

void TestSubjectProfile::opensCounterpartyProfile()
{
    ui::SubjectProfileView *profile = openLargest();
    QVERIFY(profile);
    QTableWidget *top = profile->table(QStringLiteral("profileTopByAmount"));
    int row = 0;
    while (row < top->rowCount() && top->item(row, 0)->data(Qt::UserRole).toLongLong() == 0)
        ++row;
    QVERIFY2(row < top->rowCount(), "no resolved counterparty among the top ones");
    const std::int64_t other = top->item(row, 0)->data(Qt::UserRole).toLongLong();
    emit top->itemDoubleClicked(top->item(row, 0));
    ui::SubjectProfileView *second = m_window->currentProfile();
    QVERIFY(second && second != profile);
    QTRY_VERIFY_WITH_TIMEOUT(second->isLoaded(), 30000);
    QVERIFY(second->profile()->members.contains(other) || second->subjectId() == other);
    keepScreenshot(m_window.get(), QStringLiteral("subject-profile-counterparty"));
}

void TestSubjectProfile::hasShortcuts()
{
    QCOMPARE(m_window->action(QStringLiteral("findSubject"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+F")));
    QCOMPARE(m_window->action(QStringLiteral("screenSubjects"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    QCOMPARE(m_window->action(QStringLiteral("undoResolution"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+Z")));
    QDockWidget *dock = m_window->findChild<QDockWidget *>(QStringLiteral("subjectsDock"));
    QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+5")));
}

void TestSubjectProfile::screensAndShowsHits()
{
    QSignalSpy done(m_window->subjectActions(), &ui::SubjectActions::caseChanged);
    QTest::keySequence(m_window.get(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Screened")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(!subjects()->isLoading(), 30000);

    // The demo's list names a story party: its row is marked and its profile shows the hit.
    int row = 0;
    while (row < subjects()->rowCount() && subjects()->subjectAt(row)->openHits == 0)
        ++row;
    QVERIFY2(row < subjects()->rowCount(), "no subject with an open screening hit");
    QVERIFY(subjects()->index(row, SubjectTableModel::Name).data(Qt::BackgroundRole).isValid());
    ui::SubjectProfileView *profile = m_window->openSubjectProfile(subjects()->subjectIdAt(row));
    QTRY_VERIFY_WITH_TIMEOUT(profile->isLoaded(), 30000);
    QTableWidget *hits = profile->table(QStringLiteral("profileHits"));
    QVERIFY(hits && hits->rowCount() > 0);
    QVERIFY(hits->cellWidget(0, 0)); // the decision buttons come first
    QVERIFY(profile->findChild<QLabel *>(QStringLiteral("profileHitBadge")));
    QTest::qWait(100);
    keepScreenshot(m_window.get(), QStringLiteral("subject-profile-hits"));
}

void TestSubjectProfile::mergesAndUndoes()
{
    const int before = subjects()->totalCount();
    ui::SubjectsPanel *panel = m_window->subjectsPanel();
    // Two people far down the list, so the merge does not touch the story's parties.
    const std::int64_t a = subjects()->subjectIdAt(subjects()->rowCount() - 1);
    const std::int64_t b = subjects()->subjectIdAt(subjects()->rowCount() - 2);
    QSignalSpy done(m_window->subjectActions(), &ui::SubjectActions::caseChanged);
    answerReasonDialog(QStringLiteral("same person: test"));
    emit panel->mergeRequested({ a, b });
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!subjects()->isLoading() && subjects()->totalCount() == before - 1, 30000);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Merged")));

    ui::SubjectProfileView *merged = m_window->openSubjectProfile(a);
    QTRY_VERIFY_WITH_TIMEOUT(merged->isLoaded(), 30000);
    QCOMPARE(merged->profile()->members.size(), 2);
    QVERIFY(merged->table(QStringLiteral("profileMembers")));
    keepScreenshot(merged, QStringLiteral("subject-profile-merged"));

    m_window->action(QStringLiteral("undoResolution"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!subjects()->isLoading() && subjects()->totalCount() == before, 30000);
    // The open profile follows: one record again.
    QTRY_VERIFY_WITH_TIMEOUT(merged->isLoaded() && merged->profile()->members.size() == 1, 30000);
}

QTEST_MAIN(TestSubjectProfile)
#include "TestSubjectProfile.moc"
