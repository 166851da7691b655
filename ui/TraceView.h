#pragma once

#include "graph/TraceDiagram.h"

#include <QFutureWatcher>
#include <QTimeZone>
#include <QWidget>
#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::ui {

class TraceDiagramWidget;
class TracePathModel;

// Follow the money, as a page of the central tabs: options (direction, attribution rule, hops,
// dates, currency), the flow diagram and the table of paths, and a one-line summary of what was
// traced and what could not be followed. The case is loaded into memory once, on a worker
// thread with its own read-only connection, and reused by every later trace (invalidateCase()
// after the case changes); each trace runs on a worker too. A run started while another is busy
// waits for it; Cancel drops the running one's result.
class TraceView : public QWidget {
    Q_OBJECT

public:
    explicit TraceView(const QString &casePath, QWidget *parent = nullptr);

    // Sets the start and runs at once with the current options.
    void traceFromSubject(std::int64_t subjectId, bool forward);
    void traceFromAccount(std::int64_t accountId, bool forward);
    void run();
    void cancel();
    // The next trace reads the case again (after imports, merges, splits).
    void invalidateCase();

    bool isRunning() const { return m_running; }
    bool hasResult() const { return m_diagram != nullptr; }
    const graph::TraceDiagram *diagram() const { return m_diagram.get(); }
    TraceDiagramWidget *diagramWidget() const { return m_diagramWidget; }
    QTableView *pathsView() const { return m_paths; }
    TracePathModel *pathModel() const { return m_pathModel; }
    QString summaryText() const;
    // PNG, SVG or PDF by suffix; false with a reason when there is no diagram or it cannot be written.
    bool exportDiagram(const QString &path, QString *error) const;

signals:
    void accountActivated(std::int64_t accountId);
    void traceFinished(const QString &title);
    void traceFailed(const QString &message);

private:
    struct Target {
        enum class Kind { None, Subject, Account, Named };
        Kind kind = Kind::None;
        std::int64_t id = 0;
        QString name;
    };
    struct Outcome {
        std::shared_ptr<const detect::DetectionContext> context;
        QStringList currencies; // most used first
        QTimeZone zone;
        QString baseCurrency;
        std::shared_ptr<graph::TraceDiagram> diagram;
        QString startLabel;
        QString error;
        int generation = 0;
        int caseEpoch = 0;
    };

    QWidget *buildOptions();
    void start();
    void onFinished();
    void showOutcome(const Outcome &outcome);
    void setBusy(bool busy);
    void selectPath(int path);
    void onRowSelected();
    void onRowActivated(const QModelIndex &index);
    void exportFromButton();
    void updateDateOptions();

    QString m_casePath;
    Target m_target;
    std::shared_ptr<const detect::DetectionContext> m_context;
    QTimeZone m_zone;
    bool m_currenciesKnown = false;
    int m_generation = 0; // of the run whose result is wanted
    int m_caseEpoch = 0;  // bumped by invalidateCase(), so a context loaded before is not kept
    bool m_running = false;
    bool m_runWanted = false;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<graph::TraceDiagram> m_diagram;

    QLineEdit *m_start;
    QComboBox *m_direction;
    QComboBox *m_method;
    QSpinBox *m_hops;
    QDateEdit *m_since;
    QDateEdit *m_until;
    QComboBox *m_currency;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;
    QPushButton *m_exportButton;
    QStackedWidget *m_pages;
    QLabel *m_emptyText;
    QLabel *m_busyText;
    QLabel *m_summary;
    TraceDiagramWidget *m_diagramWidget;
    QTableView *m_paths;
    TracePathModel *m_pathModel;
};

} // namespace fundtrace::ui
