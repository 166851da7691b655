#include "LinkChartWorker.h"

#include "CaseContextCache.h"

#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "graph/GraphError.h"
#include "util/Logging.h"

#include <QtConcurrent/QtConcurrentRun>
#include <stdexcept>

namespace fundtrace::ui {

LinkChartWorker::LinkChartWorker(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &LinkChartWorker::onFinished);
}

LinkChartWorker::~LinkChartWorker()
{
    cancel();
    m_watcher.waitForFinished();
}

void LinkChartWorker::setCasePath(const QString &path)
{
    cancel();
    m_pending.reset();
    m_casePath = path;
    m_busy = false; // a chart of the old case still running finishes unseen
}

void LinkChartWorker::request(const graph::GraphView &view)
{
    m_pending = view;
    if (m_watcher.isRunning()) {
        cancel(); // onFinished starts the pending request
        return;
    }
    start();
}

void LinkChartWorker::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void LinkChartWorker::start()
{
    if (!m_pending || m_casePath.isEmpty())
        return;
    const graph::GraphView view = *m_pending;
    m_pending.reset();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_busy = true;
    emit started();
    m_watcher.setFuture(QtConcurrent::run([path = m_casePath, view, cancel = m_cancel]() {
        Outcome outcome;
        outcome.view = view;
        outcome.path = path;
        try {
            const std::shared_ptr<const detect::DetectionContext> context = CaseContextCache::get(path);
            if (cancel->load()) {
                outcome.cancelled = true;
                return outcome;
            }
            db::CaseFile caseFile = db::CaseFile::open(path, true);
            const graph::GraphMarksQuery marks(caseFile.db());
            const graph::LinkChartMaker maker(*context, marks.subjects(), marks.accounts());
            outcome.chart = std::make_shared<const graph::LinkChart>(maker.make(caseFile.db(), view, cancel.get()));
        } catch (const graph::LayoutCancelled &) {
            outcome.cancelled = true;
        } catch (const std::exception &error) {
            outcome.error = QString::fromUtf8(error.what());
        }
        return outcome;
    }));
}

void LinkChartWorker::onFinished()
{
    const Outcome outcome = m_watcher.result();
    if (m_pending) {
        start();
        return;
    }
    m_busy = false;
    if (outcome.cancelled || outcome.path != m_casePath)
        return;
    if (!outcome.error.isEmpty()) {
        log::get("ui")->warn("link chart failed: {}", outcome.error.toStdString());
        emit failed(outcome.error);
        return;
    }
    if (outcome.chart)
        emit ready(outcome.chart, outcome.view);
}

} // namespace fundtrace::ui
