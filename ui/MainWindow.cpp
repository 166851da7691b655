#include "MainWindow.h"

#include "AlertActions.h"
#include "AlertDetailView.h"
#include "AlertTableModel.h"
#include "AlertsPanel.h"
#include "AnalysisPages.h"
#include "CasePropertiesDialog.h"
#include "DetectionRunner.h"
#include "DataQualityPanel.h"
#include "FilterPanel.h"
#include "Icons.h"
#include "ImportWizard.h"
#include "LogPanel.h"
#include "RecentCases.h"
#include "SourceTableModel.h"
#include "SourcesPanel.h"
#include "StartPage.h"
#include "SubjectActions.h"
#include "SubjectProfileView.h"
#include "SubjectTableModel.h"
#include "SubjectsPanel.h"
#include "TransactionDetailsPanel.h"
#include "TransactionTableModel.h"
#include "demo/DemoCaseBuilder.h"
#include "query/SourceQuery.h"
#include "util/Logging.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QtConcurrent>
#include <QTableView>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace fundtrace::ui {
namespace {

const QString kCaseFilter = QObject::tr("Fundtrace cases (*.ftcase);;All files (*)");

// Opens the GUI's connection. Read-only, so opening never waits for the integrity check that a
// writable open runs; an outdated case is upgraded once by a writable open first.
db::CaseFile openForReading(const QString &path)
{
    try {
        return db::CaseFile::open(path, true);
    } catch (const db::CaseError &error) {
        if (error.reason() != db::CaseError::Reason::NewerVersion)
            throw;
        db::CaseFile::open(path, false); // migrates, or throws for a really newer case
        return db::CaseFile::open(path, true);
    }
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new TransactionTableModel(this))
{
    setWindowIcon(icon("app"));
    setDockNestingEnabled(true);
    createCentralWidgets();
    createActions();
    createDocks();
    createSubjects();
    createAlerts();
    createAnalysis();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_model, &TransactionTableModel::countChanged, this, &MainWindow::updateCounts);
    connect(m_model, &TransactionTableModel::totalCountChanged, this, &MainWindow::updateCounts);
    connect(m_model, &TransactionTableModel::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Loading failed: %1").arg(message), 10000); });
    connect(m_model, &TransactionTableModel::timeZoneChanged, this, [this](const QTimeZone &zone) {
        m_filters->setTimeZone(zone);
        m_details->setTimeZone(zone);
    });
    connect(m_model, &TransactionTableModel::sortApplied, this, [this](int column, Qt::SortOrder order) {
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(column, order);
    });
    connect(m_model, &TransactionTableModel::pageLoaded, this, [this](int page) {
        const int row = m_table->currentIndex().row();
        if (row >= 0 && row / TransactionTableModel::kPageSize == page && !m_details->transaction())
            onCurrentRowChanged();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::onCurrentRowChanged);
    connect(&m_summaryWatcher, &QFutureWatcher<std::optional<query::CaseSummary>>::finished, this,
            &MainWindow::onSummaryLoaded);

    resize(1440, 900);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    updateRecentMenu();
    updateCaseState();
}

MainWindow::~MainWindow()
{
    m_summaryWatcher.waitForFinished();
}

void MainWindow::createCentralWidgets()
{
    m_stack = new QStackedWidget(this);
    m_startPage = new StartPage(m_stack);
    connect(m_startPage, &StartPage::newCaseRequested, this, &MainWindow::newCase);
    connect(m_startPage, &StartPage::openCaseRequested, this, &MainWindow::openCaseDialog);
    connect(m_startPage, &StartPage::openDemoRequested, this, &MainWindow::openDemoCase);
    connect(m_startPage, &StartPage::recentCaseRequested, this, [this](const QString &path) { openCase(path); });

    // Transactions are the first, permanent tab; subject profiles open as closable tabs beside them.
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *page = m_tabs->widget(index);
        if (page == m_table)
            return;
        m_tabs->removeTab(index);
        page->deleteLater();
    });

    m_table = new QTableView(m_tabs);
    m_table->setObjectName(QStringLiteral("transactionTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    // Fixed-height rows keep a million-row table as cheap to lay out as a hundred-row one.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSortIndicator(TransactionTableModel::Booked, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<int, int> widths[] = {
        { TransactionTableModel::Booked, 17 },       { TransactionTableModel::Account, 22 },
        { TransactionTableModel::Direction, 8 },     { TransactionTableModel::Amount, 16 },
        { TransactionTableModel::Currency, 6 },      { TransactionTableModel::Counterparty, 28 },
        { TransactionTableModel::CounterpartyAccount, 24 }, { TransactionTableModel::Purpose, 44 },
        { TransactionTableModel::Channel, 10 },      { TransactionTableModel::Source, 26 },
    };
    for (const auto &[column, chars] : widths)
        m_table->setColumnWidth(column, digit * chars + 12);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);

    m_stack->addWidget(m_startPage);
    m_tabs->addTab(m_table, icon("table"), tr("Transactions"));
    for (const auto side : { QTabBar::LeftSide, QTabBar::RightSide })
        m_tabs->tabBar()->setTabButton(0, side, nullptr);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const char *iconName, const QString &text, const QKeySequence &shortcut,
                       const QString &tip, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (iconName)
            action->setIcon(icon(iconName));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setToolTip(shortcut.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    make(QStringLiteral("newCase"), "case-new", tr("&New Case…"), QKeySequence(tr("Ctrl+N")),
         tr("Create a new, empty case"), &MainWindow::newCase);
    make(QStringLiteral("openCase"), "case-open", tr("&Open Case…"), QKeySequence(tr("Ctrl+O")),
         tr("Open a case file"), &MainWindow::openCaseDialog);
    make(QStringLiteral("openDemo"), "demo", tr("Open &Demo Case"), {},
         tr("Open a generated case with sample bank exports"), &MainWindow::openDemoCase);
    make(QStringLiteral("closeCase"), nullptr, tr("&Close Case"), QKeySequence(tr("Ctrl+W")),
         tr("Close the case and return to the start page"), &MainWindow::closeCase);
    make(QStringLiteral("import"), "import", tr("&Import Files…"), QKeySequence(tr("Ctrl+I")),
         tr("Import bank exports into the case"), &MainWindow::importFiles);
    make(QStringLiteral("properties"), "properties", tr("Case &Properties…"), QKeySequence(tr("Ctrl+Shift+P")),
         tr("Title, time zone and contents of the case"), &MainWindow::showCaseProperties);
    make(QStringLiteral("quit"), "quit", tr("&Quit"), QKeySequence(tr("Ctrl+Q")), tr("Quit Fundtrace"), &MainWindow::close);
    make(QStringLiteral("refresh"), "refresh", tr("&Refresh"), QKeySequence(Qt::Key_F5),
         tr("Reload transactions, sources and counts"), &MainWindow::refresh);
    make(QStringLiteral("copy"), nullptr, tr("&Copy Rows"), QKeySequence::Copy,
         tr("Copy the selected transactions as tab-separated text"), &MainWindow::copySelectedRows);
    make(QStringLiteral("findText"), "search", tr("&Find in Texts…"), QKeySequence(tr("Ctrl+F")),
         tr("Search purposes and counterparty names"), [this] {
             m_filtersDock->show();
             m_filtersDock->raise();
             m_filters->focusText();
         });
    make(QStringLiteral("clearFilters"), "clear", tr("C&lear Filters"), QKeySequence(tr("Ctrl+Shift+L")),
         tr("Show all transactions"), [this] { m_filters->clear(); });
    make(QStringLiteral("about"), "app", tr("&About Fundtrace"), {}, tr("Version and licence"), [this] {
        QMessageBox::about(this, tr("About Fundtrace"),
                           tr("<h3>Fundtrace %1</h3><p>An investigation workbench for following funds through "
                              "bank statements.</p><p>Built with Qt %2 and SQLite.</p>")
                                   .arg(QStringLiteral(FUNDTRACE_VERSION), QString::fromLatin1(qVersion())));
    });
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name, Qt::FindDirectChildrenOnly);
}

QDockWidget *MainWindow::addPanelDock(QWidget *panel, const QString &title, const QString &name, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    m_filters = new FilterPanel(this);
    connect(m_filters, &FilterPanel::filterChanged, m_model, &TransactionTableModel::setFilter);
    m_filtersDock = addPanelDock(m_filters, tr("Filters"), QStringLiteral("filtersDock"), Qt::LeftDockWidgetArea);

    m_details = new TransactionDetailsPanel(this);
    // Without a minimum the dock collapses to a sliver when the window first lays out hidden docks.
    m_details->setMinimumWidth(280);
    m_detailsDock = addPanelDock(m_details, tr("Transaction Details"), QStringLiteral("detailsDock"),
                                 Qt::RightDockWidgetArea);

    m_sources = new SourcesPanel(this);
    connect(m_sources, &SourcesPanel::showSourceRequested, this, [this](std::int64_t id) { m_filters->showSource(id); });
    m_sourcesDock = addPanelDock(m_sources, tr("Sources"), QStringLiteral("sourcesDock"), Qt::BottomDockWidgetArea);

    m_dataQuality = new DataQualityPanel(this);
    m_dataQualityDock = addPanelDock(m_dataQuality, tr("Data Quality"), QStringLiteral("dataQualityDock"),
                                     Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_sourcesDock, m_dataQualityDock);

    m_log = new LogPanel(this);
    m_logDock = addPanelDock(m_log, tr("Log"), QStringLiteral("logDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_sourcesDock, m_logDock);
    m_sourcesDock->raise();
    m_logDock->hide();

    // Filters and details run the full height; sources and log share the bottom under the table.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({ m_filtersDock, m_detailsDock }, { 280, 340 }, Qt::Horizontal);
    resizeDocks({ m_sourcesDock }, { 170 }, Qt::Vertical);

    m_filtersDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+1")));
    m_detailsDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+2")));
    m_sourcesDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+3")));
    m_dataQualityDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+4")));
    m_dataQualityDock->toggleViewAction()->setIcon(icon("details"));
    m_logDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+L")));
    m_filtersDock->toggleViewAction()->setIcon(icon("filter"));
    m_detailsDock->toggleViewAction()->setIcon(icon("details"));
    m_sourcesDock->toggleViewAction()->setIcon(icon("sources"));
    m_logDock->toggleViewAction()->setIcon(icon("log"));
    // The log dock's toggle shows and raises it even when tabbed behind the sources.
    connect(m_logDock->toggleViewAction(), &QAction::triggered, this, [this](bool checked) {
        if (checked)
            m_logDock->raise();
    });
}

void MainWindow::createSubjects()
{
    m_subjects = new SubjectsPanel(this);
    connect(m_subjects, &SubjectsPanel::openProfileRequested, this, &MainWindow::openSubjectProfile);
    m_subjectsDock = addPanelDock(m_subjects, tr("Subjects"), QStringLiteral("subjectsDock"), Qt::LeftDockWidgetArea);
    tabifyDockWidget(m_filtersDock, m_subjectsDock);
    QAction *toggle = m_subjectsDock->toggleViewAction();
    toggle->setIcon(icon("subject"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+5")));
    toggle->setStatusTip(tr("Show the resolved subjects of the case"));
    connect(toggle, &QAction::triggered, this, [this](bool checked) {
        if (checked)
            m_subjectsDock->raise();
    });
    // The subjects table needs more room than the filters it shares the left area with.
    connect(m_subjectsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_subjectsDock->isFloating() && m_subjectsDock->width() < 700)
            resizeDocks({ m_subjectsDock }, { 760 }, Qt::Horizontal);
    });
    connect(m_subjects->model(), &SubjectTableModel::loaded, this, [this](int count) {
        m_subjectsDock->setWindowTitle(tr("Subjects (%1)").arg(QLocale().toString(count)));
    });

    m_subjectActions = new SubjectActions(this);
    connect(m_subjects, &SubjectsPanel::mergeRequested, m_subjectActions, &SubjectActions::merge);
    connect(m_subjectActions, &SubjectActions::started, this,
            [this](const QString &what) { statusBar()->showMessage(tr("%1…").arg(what)); });
    connect(m_subjectActions, &SubjectActions::finished, this, [this](const QString &message) {
        log::get("ui")->info("{}", message.toStdString());
        statusBar()->showMessage(message, 15000);
    });
    connect(m_subjectActions, &SubjectActions::failed, this, [this](const QString &what, const QString &message) {
        statusBar()->clearMessage();
        reportError(what, message);
    });
    connect(m_subjectActions, &SubjectActions::busyChanged, this, &MainWindow::updateSubjectActions);
    connect(m_subjectActions, &SubjectActions::caseChanged, this, &MainWindow::refreshSubjects);

    auto make = [this](const QString &name, const char *iconName, const QString &text, const QKeySequence &shortcut,
                       const QString &tip, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (iconName)
            action->setIcon(icon(iconName));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setToolTip(shortcut.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    make(QStringLiteral("findSubject"), "subject", tr("&Find Subject…"), QKeySequence(tr("Ctrl+Shift+F")),
         tr("Find a person or organisation by any spelling or identifier"), [this] {
             m_subjectsDock->show();
             m_subjectsDock->raise();
             m_subjects->focusSearch();
         });
    make(QStringLiteral("screenSubjects"), "screening", tr("&Screen Against Lists"), QKeySequence(tr("Ctrl+Shift+S")),
         tr("Screen every subject against the case's sanctions and terrorist lists"),
         [this] { m_subjectActions->screen(); });
    make(QStringLiteral("rerunResolution"), "refresh", tr("&Rerun Resolution"), {},
         tr("Resolve new records into subjects and propose possible duplicates"),
         [this] { m_subjectActions->rerunResolution(); });
    make(QStringLiteral("mergeSubjects"), "merge", tr("&Merge Selected Subjects…"), {},
         tr("Merge the subjects selected in the Subjects dock (asks for a reason)"),
         [this] { m_subjectActions->merge(m_subjects->selectedSubjects()); });
    make(QStringLiteral("splitMember"), nullptr, tr("S&plit This Member Off…"), {},
         tr("Split the record selected in the profile's merged records off into a subject of its own"), [this] {
             SubjectProfileView *profile = currentProfile();
             const std::int64_t member = profile ? profile->selectedMember() : 0;
             if (member == 0) {
                 statusBar()->showMessage(tr("Select a record under \"Merged records\" in a subject's profile first."), 8000);
                 return;
             }
             m_subjectActions->split(member, tr("record #%1").arg(member));
         });
    make(QStringLiteral("undoResolution"), "undo", tr("&Undo Last Merge or Split"), QKeySequence(tr("Ctrl+Alt+Z")),
         tr("Undo the newest merge or split still in force"), [this] { m_subjectActions->undoLast(); });
}

void MainWindow::updateSubjectActions()
{
    const bool enabled = hasCase() && !m_subjectActions->isBusy();
    for (const char *name : { "screenSubjects", "rerunResolution", "mergeSubjects", "splitMember", "undoResolution" })
        action(QString::fromLatin1(name))->setEnabled(enabled);
    action(QStringLiteral("findSubject"))->setEnabled(hasCase());
}

SubjectProfileView *MainWindow::openSubjectProfile(std::int64_t subjectId)
{
    if (!hasCase() || subjectId <= 0)
        return nullptr;
    for (int index = 0; index < m_tabs->count(); ++index) {
        auto *view = qobject_cast<SubjectProfileView *>(m_tabs->widget(index));
        if (view && (view->subjectId() == subjectId
                     || (view->profile() && view->profile()->members.contains(subjectId)))) {
            m_tabs->setCurrentIndex(index);
            return view;
        }
    }
    auto *view = new SubjectProfileView(casePath(), subjectId, m_tabs);
    connect(view, &SubjectProfileView::loaded, this, [this, view](const QString &title) {
        const int index = m_tabs->indexOf(view);
        if (index < 0)
            return;
        m_tabs->setTabText(index, fontMetrics().elidedText(title, Qt::ElideRight, fontMetrics().averageCharWidth() * 32));
        m_tabs->setTabToolTip(index, title);
    });
    connect(view, &SubjectProfileView::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Profile: %1").arg(message), 10000); });
    connect(view, &SubjectProfileView::openSubjectRequested, this, &MainWindow::openSubjectProfile);
    connect(view, &SubjectProfileView::decideHitRequested, m_subjectActions, &SubjectActions::decideHit);
    connect(view, &SubjectProfileView::confirmCandidateRequested, m_subjectActions, &SubjectActions::confirmCandidate);
    connect(view, &SubjectProfileView::rejectCandidateRequested, m_subjectActions, &SubjectActions::rejectCandidate);
    connect(view, &SubjectProfileView::splitRequested, m_subjectActions, &SubjectActions::split);
    connect(view, &SubjectProfileView::addNoteRequested, m_alertActions, &AlertActions::addNote);
    connect(view, &SubjectProfileView::linkChartRequested, this,
            [this](std::int64_t id) { m_analysis->showSubjectsInLinkChart({ id }); });
    connect(view, &SubjectProfileView::traceRequested, m_analysis, &AnalysisPages::traceFromSubject);
    connect(view, &SubjectProfileView::activityRequested, this,
            [this](std::int64_t id, const QString &name) { m_analysis->showActivity({ id }, name); });
    connect(view, &SubjectProfileView::showAlertsRequested, this, [this](std::int64_t id, const QString &name) {
        m_alerts->setSubject(id, name);
        m_alertsDock->show();
        m_alertsDock->raise();
    });
    m_tabs->setCurrentIndex(m_tabs->addTab(view, icon("subject"), tr("Subject %1").arg(subjectId)));
    return view;
}

SubjectProfileView *MainWindow::currentProfile() const
{
    return qobject_cast<SubjectProfileView *>(m_tabs->currentWidget());
}

void MainWindow::closeProfiles()
{
    for (int index = m_tabs->count() - 1; index >= 0; --index) {
        QWidget *page = m_tabs->widget(index);
        if (page != m_table) {
            m_tabs->removeTab(index);
            page->deleteLater();
        }
    }
}

void MainWindow::refreshSubjects()
{
    if (!hasCase())
        return;
    m_subjects->model()->refresh();
    for (int index = 0; index < m_tabs->count(); ++index) {
        if (auto *view = qobject_cast<SubjectProfileView *>(m_tabs->widget(index)))
            view->reload();
    }
    m_analysis->caseDataChanged();
}

void MainWindow::createAnalysis()
{
    m_analysis = new AnalysisPages(m_tabs, this);
    connect(m_analysis, &AnalysisPages::openSubjectRequested, this, &MainWindow::openSubjectProfile);
    connect(m_analysis, &AnalysisPages::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    // Selections follow each other between the subjects dock and the link chart.
    connect(m_analysis, &AnalysisPages::subjectsSelected, m_subjects, &SubjectsPanel::selectSubjects);
    connect(m_subjects, &SubjectsPanel::subjectsSelected, m_analysis, &AnalysisPages::selectSubjects);
    connect(m_subjects, &SubjectsPanel::linkChartRequested, m_analysis, &AnalysisPages::showSubjectsInLinkChart);
    connect(m_subjects, &SubjectsPanel::traceRequested, m_analysis, &AnalysisPages::traceFromSubject);
    connect(m_subjects, &SubjectsPanel::activityRequested, m_analysis, &AnalysisPages::showActivity);
    // A period brushed on the timeline filters the transactions (days in the case's zone).
    connect(m_analysis, &AnalysisPages::rangeSelected, this, [this](const QDateTime &from, const QDateTime &to) {
        const QTimeZone zone = m_model->timeZone();
        m_filters->showPeriod(from.toTimeZone(zone).date(), to.addSecs(-1).toTimeZone(zone).date());
        statusBar()->showMessage(tr("Transactions filtered to the period brushed on the timeline"), 8000);
    });
    connect(m_analysis, &AnalysisPages::rangeCleared, this, [this] { m_filters->showPeriod({}, {}); });
}

void MainWindow::createAlerts()
{
    m_alerts = new AlertsPanel(this);
    m_alertsDock = addPanelDock(m_alerts, tr("Alerts"), QStringLiteral("alertsDock"), Qt::BottomDockWidgetArea);
    // Alerts share the bottom with the sources, under the transactions they point into.
    tabifyDockWidget(m_sourcesDock, m_alertsDock);
    QAction *toggle = m_alertsDock->toggleViewAction();
    toggle->setIcon(icon("alert"));
    toggle->setShortcut(QKeySequence(tr("Ctrl+6")));
    toggle->setStatusTip(tr("Show the alerts the detection rules found"));
    connect(toggle, &QAction::triggered, this, [this](bool checked) {
        if (checked)
            m_alertsDock->raise();
    });
    // A list of alerts needs more height than the sources it shares the bottom with.
    connect(m_alertsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_alertsDock->isFloating() && m_alertsDock->height() < 260)
            resizeDocks({ m_alertsDock }, { 300 }, Qt::Vertical);
    });
    connect(m_alerts->model(), &AlertTableModel::loaded, this, [this](int count) {
        m_alertsDock->setWindowTitle(tr("Alerts (%1)").arg(QLocale().toString(count)));
    });
    connect(m_alerts, &AlertsPanel::openAlertRequested, this, &MainWindow::openAlert);

    m_alertActions = new AlertActions(this);
    connect(m_alerts, &AlertsPanel::triageRequested, m_alertActions, &AlertActions::setState);
    connect(m_alerts, &AlertsPanel::undoRequested, m_alertActions, &AlertActions::undoLastTriage);
    connect(m_alertActions, &AlertActions::started, this,
            [this](const QString &what) { statusBar()->showMessage(tr("%1…").arg(what)); });
    connect(m_alertActions, &AlertActions::finished, this, [this](const QString &message) {
        log::get("ui")->info("{}", message.toStdString());
        statusBar()->showMessage(message, 15000);
    });
    connect(m_alertActions, &AlertActions::failed, this, [this](const QString &what, const QString &message) {
        statusBar()->clearMessage();
        reportError(what, message);
    });
    connect(m_alertActions, &AlertActions::busyChanged, this, &MainWindow::updateAlertActions);
    connect(m_alertActions, &AlertActions::caseChanged, this, [this] {
        refreshAlerts();
        // Notes on subjects show in their profiles.
        for (int index = 0; index < m_tabs->count(); ++index) {
            if (auto *view = qobject_cast<SubjectProfileView *>(m_tabs->widget(index)))
                view->reload();
        }
    });

    m_detection = new DetectionRunner(this);
    connect(m_detection, &DetectionRunner::progress, this, [this](const QString &step, int done, int total) {
        if (!m_detectionProgress)
            return;
        m_detectionProgress->setLabelText(step);
        m_detectionProgress->setMaximum(std::max(total, 0));
        m_detectionProgress->setValue(std::clamp(done, 0, std::max(total, 0)));
    });
    auto endProgress = [this] {
        if (m_detectionProgress) {
            m_detectionProgress->hide();
            m_detectionProgress->deleteLater();
            m_detectionProgress = nullptr;
        }
        updateAlertActions();
    };
    connect(m_detection, &DetectionRunner::finished, this, [this, endProgress](const detect::DetectionReport &report) {
        endProgress();
        const QString message = report.cancelled
                ? tr("Detection cancelled; the alerts are as they were.")
                : tr("%1 new, %2 updated, %3 closed alerts in %4 s.")
                          .arg(report.created)
                          .arg(report.updated)
                          .arg(report.closed)
                          .arg(report.totalSeconds, 0, 'f', 1);
        log::get("detect")->info("{}", message.toStdString());
        statusBar()->showMessage(message, 20000);
        if (!report.cancelled) {
            refreshAlerts();
            m_alertsDock->show();
            m_alertsDock->raise();
        }
        emit detectionFinished(message);
    });
    connect(m_detection, &DetectionRunner::failed, this, [this, endProgress](const QString &message) {
        endProgress();
        reportError(tr("Run Detection"), message);
        emit detectionFinished(message);
    });

    auto make = [this](const QString &name, const char *iconName, const QString &text, const QKeySequence &shortcut,
                       const QString &tip, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (iconName)
            action->setIcon(icon(iconName));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(tip);
        action->setToolTip(shortcut.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    make(QStringLiteral("runDetection"), "detect", tr("Run &Detection"), QKeySequence(tr("Ctrl+Shift+D")),
         tr("Run the typology rules over the case and update the alerts"), [this] { runDetection(); });
    make(QStringLiteral("runDetectionWithRules"), nullptr, tr("Run Detection with &Rules File…"), {},
         tr("Run detection with the rules and thresholds of a JSON rules file"), &MainWindow::runDetectionWithRulesFile);
    make(QStringLiteral("undoTriage"), "undo", tr("&Undo Last Triage"), QKeySequence(tr("Ctrl+Alt+U")),
         tr("Undo the newest alert triage still in force"), [this] { m_alertActions->undoLastTriage(); });
}

void MainWindow::updateAlertActions()
{
    const bool open = hasCase();
    const bool running = m_detection->isRunning();
    action(QStringLiteral("runDetection"))->setEnabled(open && !running);
    action(QStringLiteral("runDetectionWithRules"))->setEnabled(open && !running);
    action(QStringLiteral("undoTriage"))->setEnabled(open && !m_alertActions->isBusy());
}

void MainWindow::runDetection(const QString &rulesFile)
{
    if (!hasCase() || m_detection->isRunning())
        return;
    if (!m_detection->start(casePath(), rulesFile))
        return;
    m_detectionProgress = new QProgressDialog(tr("Loading the case…"), tr("Cancel"), 0, 0, this);
    m_detectionProgress->setObjectName(QStringLiteral("detectionProgress"));
    m_detectionProgress->setWindowTitle(tr("Run Detection"));
    m_detectionProgress->setWindowModality(Qt::WindowModal);
    m_detectionProgress->setMinimumDuration(300);
    m_detectionProgress->setAutoClose(false);
    m_detectionProgress->setAutoReset(false);
    connect(m_detectionProgress, &QProgressDialog::canceled, m_detection, [this] {
        m_detection->cancel();
        statusBar()->showMessage(tr("Cancelling detection…"));
    });
    statusBar()->showMessage(rulesFile.isEmpty() ? tr("Running detection…")
                                                 : tr("Running detection with %1…").arg(QFileInfo(rulesFile).fileName()));
    updateAlertActions();
}

void MainWindow::runDetectionWithRulesFile()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("detect/lastRulesDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Rules File"), dir, tr("Rules files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("detect/lastRulesDir"), QFileInfo(path).absolutePath());
    runDetection(path);
}

void MainWindow::refreshAlerts()
{
    if (!hasCase())
        return;
    m_alerts->model()->refresh();
    for (int index = 0; index < m_tabs->count(); ++index) {
        if (auto *view = qobject_cast<AlertDetailView *>(m_tabs->widget(index)))
            view->reload();
    }
    m_analysis->findingsChanged();
}

AlertDetailView *MainWindow::openAlert(std::int64_t alertId)
{
    if (!hasCase() || alertId <= 0)
        return nullptr;
    for (int index = 0; index < m_tabs->count(); ++index) {
        auto *view = qobject_cast<AlertDetailView *>(m_tabs->widget(index));
        if (view && view->alertId() == alertId) {
            m_tabs->setCurrentIndex(index);
            return view;
        }
    }
    auto *view = new AlertDetailView(casePath(), alertId, m_tabs);
    connect(view, &AlertDetailView::loaded, this, [this, view](const QString &title) {
        const int index = m_tabs->indexOf(view);
        if (index < 0)
            return;
        m_tabs->setTabText(index, fontMetrics().elidedText(title, Qt::ElideRight, fontMetrics().averageCharWidth() * 32));
        m_tabs->setTabToolTip(index, title);
    });
    connect(view, &AlertDetailView::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Alert: %1").arg(message), 10000); });
    connect(view, &AlertDetailView::openSubjectRequested, this, &MainWindow::openSubjectProfile);
    connect(view, &AlertDetailView::linkChartRequested, m_analysis, &AnalysisPages::showAlertInLinkChart);
    connect(view, &AlertDetailView::triageRequested, m_alertActions, &AlertActions::setState);
    connect(view, &AlertDetailView::addNoteRequested, m_alertActions, &AlertActions::addNote);
    connect(view, &AlertDetailView::editNoteRequested, m_alertActions, &AlertActions::editNote);
    connect(view, &AlertDetailView::removeNoteRequested, m_alertActions, &AlertActions::removeNote);
    m_tabs->setCurrentIndex(m_tabs->addTab(view, icon("alert"), tr("Alert %1").arg(alertId)));
    return view;
}

AlertDetailView *MainWindow::currentAlert() const
{
    return qobject_cast<AlertDetailView *>(m_tabs->currentWidget());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("newCase")));
    file->addAction(action(QStringLiteral("openCase")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(action(QStringLiteral("openDemo")));
    file->addAction(action(QStringLiteral("closeCase")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("import")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("properties")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("copy")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("findText")));
    edit->addAction(action(QStringLiteral("clearFilters")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(QStringLiteral("refresh")));
    view->addSeparator();
    view->addAction(m_filtersDock->toggleViewAction());
    view->addAction(m_detailsDock->toggleViewAction());
    view->addAction(m_sourcesDock->toggleViewAction());
    view->addAction(m_dataQualityDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());
    view->addAction(m_subjectsDock->toggleViewAction());
    view->addAction(m_alertsDock->toggleViewAction());

    QMenu *subjects = menuBar()->addMenu(tr("&Subjects"));
    subjects->addAction(action(QStringLiteral("findSubject")));
    subjects->addAction(m_subjectsDock->toggleViewAction());
    subjects->addSeparator();
    subjects->addAction(action(QStringLiteral("screenSubjects")));
    subjects->addAction(action(QStringLiteral("rerunResolution")));
    subjects->addSeparator();
    subjects->addAction(action(QStringLiteral("mergeSubjects")));
    subjects->addAction(action(QStringLiteral("splitMember")));
    subjects->addAction(action(QStringLiteral("undoResolution")));

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(m_analysis->linkChartAction());
    analysis->addAction(m_analysis->traceAction());
    analysis->addAction(m_analysis->activityAction());
    analysis->addSeparator();
    analysis->addAction(action(QStringLiteral("runDetection")));
    analysis->addAction(action(QStringLiteral("runDetectionWithRules")));
    analysis->addSeparator();
    analysis->addAction(m_alertsDock->toggleViewAction());
    analysis->addAction(action(QStringLiteral("undoTriage")));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("about")));
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(action(QStringLiteral("newCase")));
    bar->addAction(action(QStringLiteral("openCase")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("import")));
    bar->addAction(action(QStringLiteral("refresh")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("findText")));
    bar->addAction(action(QStringLiteral("findSubject")));
    bar->addAction(action(QStringLiteral("screenSubjects")));
    bar->addAction(action(QStringLiteral("runDetection")));
    bar->addAction(m_analysis->linkChartAction());
    bar->addAction(m_analysis->traceAction());
    bar->addAction(m_analysis->activityAction());
    bar->addAction(action(QStringLiteral("properties")));
    bar->addSeparator();
    bar->addAction(m_logDock->toggleViewAction());
}

void MainWindow::createStatusBar()
{
    m_pathLabel = new QLabel(this);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::updateRecentMenu()
{
    const QStringList recent = RecentCases::load();
    m_startPage->setRecentCases(recent);
    m_recentMenu->clear();
    for (const QString &path : recent) {
        QAction *entry = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(entry, &QAction::triggered, this, [this, path] { openCase(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateCaseState()
{
    const bool open = hasCase();
    for (const char *name : { "closeCase", "import", "properties", "refresh", "copy", "findText", "clearFilters" })
        action(QString::fromLatin1(name))->setEnabled(open);
    // No empty panes: the case docks exist only while there is a case to show in them.
    for (QDockWidget *dock : { m_filtersDock, m_detailsDock, m_sourcesDock, m_dataQualityDock })
        dock->setVisible(open);
    for (QDockWidget *dock : { m_filtersDock, m_detailsDock, m_sourcesDock, m_dataQualityDock })
        dock->toggleViewAction()->setEnabled(open);
    m_subjectsDock->setVisible(open);
    m_subjectsDock->toggleViewAction()->setEnabled(open);
    m_alertsDock->setVisible(open);
    m_alertsDock->toggleViewAction()->setEnabled(open);
    updateSubjectActions();
    updateAlertActions();
    if (open) {
        m_sourcesDock->raise();
        m_filtersDock->raise();
    }
    m_stack->setCurrentWidget(open ? static_cast<QWidget *>(m_tabs) : m_startPage);
    setWindowTitle(open ? tr("%1 — Fundtrace").arg(m_caseTitle.isEmpty() ? QFileInfo(casePath()).completeBaseName() : m_caseTitle)
                        : tr("Fundtrace"));
    m_pathLabel->setText(open ? QDir::toNativeSeparators(casePath()) : tr("No case open"));
    updateCounts();
}

void MainWindow::updateCounts()
{
    if (!hasCase()) {
        m_countLabel->clear();
        return;
    }
    const QLocale locale;
    if (!m_model->isCountKnown()) {
        m_countLabel->setText(tr("Counting…"));
        return;
    }
    const qint64 shown = m_model->rowCount();
    const auto total = m_model->totalCount();
    if (m_model->filter().isEmpty() || !total)
        m_countLabel->setText(tr("%1 transactions").arg(locale.toString(shown)));
    else
        m_countLabel->setText(tr("%1 of %2 transactions match the filters")
                                      .arg(locale.toString(shown), locale.toString(*total)));
}

QString MainWindow::casePath() const
{
    return m_case ? m_case->path() : QString();
}

bool MainWindow::openCase(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    std::optional<db::CaseFile> opened;
    try {
        opened.emplace(openForReading(absolute));
    } catch (const std::exception &error) {
        if (!QFileInfo::exists(absolute))
            RecentCases::remove(absolute);
        updateRecentMenu();
        reportError(tr("Open Case"), QString::fromUtf8(error.what()));
        return false;
    }
    closeCase();
    m_case = std::move(opened);
    m_caseTitle = m_case->title();
    log::get("ui")->info("case opened");
    log::get("ui")->debug("case path: {}", absolute.toStdString());

    {
        // The panel starts clean for a new case; the model gets the empty filter with the path.
        const QSignalBlocker blocker(m_filters);
        m_filters->clear();
    }
    m_model->setFilter({});
    m_model->setCasePath(absolute);
    m_subjects->setCasePath(absolute);
    m_subjectActions->setCasePath(absolute);
    m_alerts->setCasePath(absolute);
    m_alertActions->setCasePath(absolute);
    m_analysis->setCasePath(absolute);
    m_tabs->setCurrentWidget(m_table);
    loadSources();
    loadSummary();
    RecentCases::add(absolute);
    updateRecentMenu();
    updateCaseState();
    m_table->setFocus();
    emit caseOpened(absolute);
    return true;
}

void MainWindow::closeCase()
{
    if (!hasCase())
        return;
    // A summary still running for this case is dropped when it arrives (its path no longer matches).
    m_summaryReloadWanted = false;
    if (m_showPropertiesWhenLoaded) {
        m_showPropertiesWhenLoaded = false;
        QApplication::restoreOverrideCursor();
    }
    m_model->setCasePath({});
    m_sources->setSources({});
    m_details->setTransaction(std::nullopt);
    closeProfiles();
    m_subjects->setCasePath({});
    m_subjectActions->setCasePath({});
    // A run in flight rolls back; its result is reported but no longer shown in this case.
    m_detection->cancel();
    m_alerts->setCasePath({});
    m_alertActions->setCasePath({});
    m_analysis->setCasePath({});
    m_summary.reset();
    m_case.reset();
    m_caseTitle.clear();
    updateCaseState();
    emit caseClosed();
}

void MainWindow::loadSources()
{
    if (!m_case)
        return;
    try {
        std::vector<query::SourceRow> sources = query::SourceQuery(m_case->db()).all();
        m_filters->setSources(sources);
        m_sources->setSources(std::move(sources));
        m_sourcesDock->setWindowTitle(tr("Sources (%1)").arg(m_sources->model()->rowCount()));
    } catch (const std::exception &error) {
        reportError(tr("Sources"), QString::fromUtf8(error.what()));
    }
}

void MainWindow::loadSummary()
{
    if (!m_case)
        return;
    if (m_summaryWatcher.isRunning()) {
        // The running summary may predate an import; ask again when it is done.
        m_summaryReloadWanted = true;
        return;
    }
    // Per-currency totals scan every transaction, so they are computed on a worker thread with
    // its own connection.
    const QString path = m_case->path();
    m_summaryWatcher.setFuture(QtConcurrent::run([path]() -> std::optional<query::CaseSummary> {
        try {
            const db::CaseFile caseFile = db::CaseFile::open(path, true);
            return query::CaseSummary::of(caseFile);
        } catch (const std::exception &error) {
            log::get("ui")->error("case summary failed: {}", error.what());
            return std::nullopt;
        }
    }));
}

void MainWindow::onSummaryLoaded()
{
    m_summary = m_summaryWatcher.result();
    if (m_summaryReloadWanted && hasCase()) {
        m_summaryReloadWanted = false;
        m_summary.reset();
        loadSummary();
        return;
    }
    if (!m_summary || !hasCase() || m_summary->path != casePath()) {
        m_summary.reset();
        if (m_showPropertiesWhenLoaded) {
            m_showPropertiesWhenLoaded = false;
            QApplication::restoreOverrideCursor();
            if (hasCase())
                reportError(tr("Case Properties"), tr("The case figures could not be read; see the log (Ctrl+L)."));
        }
        return;
    }
    m_dataQuality->setFindings(m_summary->findings);
    m_dataQualityDock->setWindowTitle(m_summary->findings.empty()
                                              ? tr("Data Quality")
                                              : tr("Data Quality (%1)").arg(m_summary->findings.size()));
    QStringList currencies;
    for (const query::CurrencyTotals &total : m_summary->totals)
        currencies << total.currency;
    m_filters->setCurrencies(currencies);
    if (m_showPropertiesWhenLoaded) {
        m_showPropertiesWhenLoaded = false;
        QApplication::restoreOverrideCursor();
        showCaseProperties();
    }
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    m_details->setTransaction(current.isValid() ? m_model->transactionAt(current.row()) : std::nullopt);
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    log::get("ui")->error("{}: {}", title.toStdString(), message.toStdString());
    if (m_interactive)
        QMessageBox::critical(this, title, message);
    else
        statusBar()->showMessage(message, 10000);
}

void MainWindow::newCase()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("cases/lastDir"), QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("New Case"), QDir(dir).filePath(tr("New case.ftcase")), kCaseFilter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".ftcase"), Qt::CaseInsensitive))
        path += QStringLiteral(".ftcase");
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("New Case"), tr("Case title:"), QLineEdit::Normal,
                                                QFileInfo(path).completeBaseName(), &ok);
    if (!ok)
        return;
    settings.setValue(QStringLiteral("cases/lastDir"), QFileInfo(path).absolutePath());
    try {
        // The file dialog already asked before replacing a file; the case layer refuses to.
        if (QFileInfo::exists(path) && !QFile::remove(path))
            throw std::runtime_error(tr("Cannot replace %1.").arg(path).toStdString());
        db::CaseFile::create(path, title.trimmed().isEmpty() ? QFileInfo(path).completeBaseName() : title.trimmed());
    } catch (const std::exception &error) {
        reportError(tr("New Case"), QString::fromUtf8(error.what()));
        return;
    }
    if (openCase(path))
        importFiles();
}

void MainWindow::openCaseDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("cases/lastDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Case"), dir, kCaseFilter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("cases/lastDir"), QFileInfo(path).absolutePath());
    openCase(path);
}

QString MainWindow::demoCasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("demo/demo.ftcase"));
}

void MainWindow::openDemoCase()
{
    const QString casePath = demoCasePath();
    const QString dir = QFileInfo(casePath).absolutePath();
    if (QFileInfo::exists(casePath)) {
        openCase(casePath);
        return;
    }
    // Built off the GUI thread by the same core code as `fundtrace-cli demo`.
    auto *progress = new QProgressDialog(tr("Generating the demo case…"), QString(), 0, 0, this);
    progress->setWindowTitle(tr("Demo Case"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress, casePath] {
        progress->deleteLater();
        watcher->deleteLater();
        const QString error = watcher->result();
        if (error.isEmpty() && QFileInfo::exists(casePath))
            openCase(casePath);
        else
            reportError(tr("Demo Case"), tr("Generating the demo case failed:\n%1").arg(error));
    });
    watcher->setFuture(QtConcurrent::run([dir]() -> QString {
        try {
            const demo::DemoCaseReport report = demo::buildDemoCase(dir);
            return report.allImported ? QString() : QStringLiteral("some demo files could not be imported");
        } catch (const std::exception &error) {
            return QString::fromUtf8(error.what());
        }
    }));
}

void MainWindow::importFiles()
{
    if (!hasCase())
        return;
    auto *wizard = new ImportWizard(casePath(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::caseChanged, this, &MainWindow::refresh);
    wizard->open();
}

void MainWindow::refresh()
{
    if (!hasCase())
        return;
    m_model->refresh();
    refreshSubjects();
    refreshAlerts();
    loadSources();
    m_summary.reset();
    loadSummary();
    updateCounts();
}

void MainWindow::showCaseProperties()
{
    if (!hasCase())
        return;
    if (!m_summary) {
        // Shown as soon as the worker has the figures; usually a fraction of a second.
        if (!m_showPropertiesWhenLoaded)
            QApplication::setOverrideCursor(Qt::BusyCursor);
        m_showPropertiesWhenLoaded = true;
        loadSummary();
        return;
    }
    CasePropertiesDialog dialog(*m_summary, this);
    dialog.exec();
}

void MainWindow::copySelectedRows()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QStringList lines;
    QStringList headers;
    for (int column = 0; column < m_model->columnCount(); ++column)
        headers << m_model->headerData(column, Qt::Horizontal).toString();
    lines << headers.join(QLatin1Char('\t'));
    int skipped = 0;
    for (const QModelIndex &row : rows) {
        if (!m_model->isRowLoaded(row.row())) {
            ++skipped;
            continue;
        }
        QStringList cells;
        for (int column = 0; column < m_model->columnCount(); ++column)
            cells << m_model->index(row.row(), column).data().toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    statusBar()->showMessage(skipped == 0 ? tr("Copied %1 rows.").arg(rows.size())
                                          : tr("Copied %1 rows; %2 were not loaded yet.").arg(rows.size() - skipped).arg(skipped),
                             4000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    closeCase();
    event->accept();
}

} // namespace fundtrace::ui
