#pragma once

#include "db/CaseFile.h"
#include "query/CaseSummary.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressDialog;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace fundtrace::ui {

class AlertActions;
class AnalysisPages;
class AlertDetailView;
class AlertsPanel;
class DetectionRunner;
class FilterPanel;
class LogPanel;
class SourcesPanel;
class DataQualityPanel;
class StartPage;
class SubjectActions;
class SubjectProfileView;
class SubjectsPanel;
class TransactionDetailsPanel;
class TransactionTableModel;

// The workbench: the open case's transactions in the centre, with subject profiles as further
// tabs beside them, filters, subjects, sources, details and the log in docks, or the start page
// while no case is open. It wires panels to models and core calls; the table's rows, the
// subjects and the profiles are loaded off the GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a case; on failure tells the user (or the log, when not interactive) and returns false.
    bool openCase(const QString &path);
    void closeCase();
    bool hasCase() const { return m_case.has_value(); }
    QString casePath() const;

    // Without interaction, errors are logged instead of shown in message boxes (screenshots, tests).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    // fundtrace-cli, which builds the demo case; by default the one next to this program.
    // Where the demo case is built and kept.
    static QString demoCasePath();

    TransactionTableModel *transactionModel() const { return m_model; }
    QTableView *transactionView() const { return m_table; }
    FilterPanel *filterPanel() const { return m_filters; }
    SourcesPanel *sourcesPanel() const { return m_sources; }
    DataQualityPanel *dataQualityPanel() const { return m_dataQuality; }
    TransactionDetailsPanel *detailsPanel() const { return m_details; }
    LogPanel *logPanel() const { return m_log; }
    SubjectsPanel *subjectsPanel() const { return m_subjects; }
    SubjectActions *subjectActions() const { return m_subjectActions; }
    QTabWidget *centralTabs() const { return m_tabs; }
    // Opens (or brings forward) the profile tab of a subject; any member id of a merged subject works.
    SubjectProfileView *openSubjectProfile(std::int64_t subjectId);
    SubjectProfileView *currentProfile() const;
    AlertsPanel *alertsPanel() const { return m_alerts; }
    AlertActions *alertActions() const { return m_alertActions; }
    DetectionRunner *detectionRunner() const { return m_detection; }
    // Opens (or brings forward) the tab of an alert.
    AlertDetailView *openAlert(std::int64_t alertId);
    AlertDetailView *currentAlert() const;
    // Link chart, follow the money and activity pages.
    AnalysisPages *analysisPages() const { return m_analysis; }
    StartPage *startPage() const { return m_startPage; }
    QAction *action(const QString &name) const;

public slots:
    void newCase();
    void openCaseDialog();
    void openDemoCase();
    void importFiles();
    void refresh();
    void showCaseProperties();
    void copySelectedRows();
    // Reloads the subjects list and every open profile, e.g. after an import or a decision.
    void refreshSubjects();
    // Runs the detection rules (bundled, or from a rules file when one is given) off the GUI thread.
    void runDetection(const QString &rulesFile = {});
    void runDetectionWithRulesFile();
    // Reloads the alerts dock and every open alert, e.g. after a run, a triage or a note.
    void refreshAlerts();

signals:
    void detectionFinished(const QString &message);
    void caseOpened(const QString &path);
    void caseClosed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createCentralWidgets();
    void createStatusBar();
    void createSubjects();
    void createAlerts();
    void createAnalysis();
    void updateAlertActions();
    void updateSubjectActions();
    void closeProfiles();
    void updateRecentMenu();
    void updateCaseState();
    void updateCounts();
    void loadSources();
    void loadSummary();
    void onSummaryLoaded();
    void onCurrentRowChanged();
    void reportError(const QString &title, const QString &message);
    QDockWidget *addPanelDock(QWidget *panel, const QString &title, const QString &name, Qt::DockWidgetArea area);

    bool m_interactive = true;
    std::optional<db::CaseFile> m_case;   // read-only; small GUI-thread queries (sources)
    QString m_caseTitle;

    TransactionTableModel *m_model;
    QStackedWidget *m_stack = nullptr;
    StartPage *m_startPage = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_table = nullptr;
    FilterPanel *m_filters = nullptr;
    SourcesPanel *m_sources = nullptr;
    DataQualityPanel *m_dataQuality = nullptr;
    TransactionDetailsPanel *m_details = nullptr;
    LogPanel *m_log = nullptr;
    SubjectsPanel *m_subjects = nullptr;
    SubjectActions *m_subjectActions = nullptr;
    QDockWidget *m_subjectsDock = nullptr;
    AlertsPanel *m_alerts = nullptr;
    AlertActions *m_alertActions = nullptr;
    DetectionRunner *m_detection = nullptr;
    AnalysisPages *m_analysis = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    QProgressDialog *m_detectionProgress = nullptr;
    QDockWidget *m_filtersDock = nullptr;
    QDockWidget *m_sourcesDock = nullptr;
    QDockWidget *m_dataQualityDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;

    QFutureWatcher<std::optional<query::CaseSummary>> m_summaryWatcher;
    std::optional<query::CaseSummary> m_summary;
    bool m_showPropertiesWhenLoaded = false;
    bool m_summaryReloadWanted = false;
};

} // namespace fundtrace::ui
