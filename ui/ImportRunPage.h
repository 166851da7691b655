#pragma once

#include "import/ImportProgress.h"
#include "import/ImportResult.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWizardPage>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace fundtrace::ui {

class ImportWizard;

// Import wizard, step 4: runs the import of every chosen file on a worker thread with its own
// read-write connection, shows progress (rows/s, time left), cancels on request, and reports
// what was imported and what was rejected, with the rejects exportable as CSV.
class ImportRunPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ImportRunPage(ImportWizard *wizard);
    ~ImportRunPage() override;

    void initializePage() override;
    bool isComplete() const override;

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    // Sets the cancel flag the importer polls and waits for the worker to stop.
    void cancelAndWait();
    const std::vector<import::ImportResult> &results() const { return m_results; }
    QTableWidget *rejectsTable() const { return m_rejects; }

signals:
    void caseChanged();

private:
    struct Outcome {
        std::vector<import::ImportResult> results;
        QString fatal;    // the case could not be opened
        QString subjects; // what resolution and screening did afterwards, or why they failed
    };

    void start();
    void onProgress(int fileIndex, int fileCount, const import::ImportProgress &progress);
    void onFinished();
    void saveRejects();

    ImportWizard *m_wizard;
    QLabel *m_file;
    QProgressBar *m_progress;
    QLabel *m_rate;
    QPushButton *m_cancel;
    QLabel *m_summary;
    QTableWidget *m_rejects;
    QPushButton *m_saveRejects;
    QFutureWatcher<Outcome> m_watcher;
    import::CancelFlag m_cancelFlag { false };
    QElapsedTimer m_clock;
    bool m_running = false;
    bool m_finished = false;
    std::vector<import::ImportResult> m_results;
};

} // namespace fundtrace::ui
