#pragma once

#include "detect/DetectionRun.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>

namespace fundtrace::ui {

// Runs detection over a case on a worker thread with its own writable connection: the bundled
// rules or a rules file, with progress reported on the GUI thread and a cancel that leaves the
// case as it was (DetectionRun stores everything in one transaction). One run at a time.
class DetectionRunner : public QObject {
    Q_OBJECT

public:
    explicit DetectionRunner(QObject *parent = nullptr);
    ~DetectionRunner() override;

    bool isRunning() const { return m_watcher.isRunning(); }
    // An empty rulesFile runs the bundled rules. Returns false when a run is already going.
    bool start(const QString &casePath, const QString &rulesFile = {});
    void cancel();

signals:
    void progress(const QString &step, int done, int total);
    void finished(const fundtrace::detect::DetectionReport &report);
    void failed(const QString &message);

private:
    struct Outcome {
        detect::DetectionReport report;
        QString error;
    };
    void onFinished();

    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace fundtrace::ui
