#pragma once

#include "graph/LinkChart.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace fundtrace::ui {

// Makes link charts off the GUI thread from the case in memory (CaseContextCache), with the
// current marks (risk, alerts, hits, notes) read fresh for each chart. A newer request cancels
// the one running, whose result is dropped.
class LinkChartWorker : public QObject {
    Q_OBJECT

public:
    explicit LinkChartWorker(QObject *parent = nullptr);
    ~LinkChartWorker() override;

    // Empty closes: nothing is made until a case is set again.
    void setCasePath(const QString &path);
    void request(const graph::GraphView &view);
    void cancel();
    // From a request until its chart (or failure) has been delivered.
    bool isBusy() const { return m_busy || m_pending.has_value(); }

signals:
    void started();
    void ready(std::shared_ptr<const fundtrace::graph::LinkChart> chart, const fundtrace::graph::GraphView &view);
    void failed(const QString &message);

private:
    struct Outcome {
        std::shared_ptr<const graph::LinkChart> chart;
        graph::GraphView view;
        QString error;
        bool cancelled = false;
        QString path; // the case it was made from
    };
    void start();
    void onFinished();

    QString m_casePath;
    std::optional<graph::GraphView> m_pending;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_busy = false;
    QFutureWatcher<Outcome> m_watcher;
};

} // namespace fundtrace::ui
