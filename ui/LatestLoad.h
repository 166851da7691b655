#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>
#include <optional>

namespace fundtrace::ui {

// Runs loads off the GUI thread one at a time and delivers only what the latest request asked
// for: a request made while a load runs waits for it, then runs in its place, and the stale
// result is dropped. So a model whose filter changes at every keystroke reads the case once for
// the last filter, not once per keystroke in turn.
template<typename Result>
class LatestLoad {
public:
    using Work = std::function<Result()>;

    // `deliver` runs on the GUI thread, in `owner`'s context (nothing arrives once it is gone).
    LatestLoad(QObject *owner, std::function<void(Result)> deliver)
        : m_deliver(std::move(deliver))
    {
        QObject::connect(&m_watcher, &QFutureWatcher<Result>::finished, owner, [this] { onFinished(); });
    }
    LatestLoad(const LatestLoad &) = delete;
    LatestLoad &operator=(const LatestLoad &) = delete;

    void request(Work work)
    {
        m_next = std::move(work);
        if (!m_watcher.isRunning())
            startNext();
    }
    // Running, or asked for and about to run.
    bool isBusy() const { return m_watcher.isRunning() || m_next.has_value(); }
    void waitForFinished() { m_watcher.waitForFinished(); }

private:
    void startNext()
    {
        Work work = std::move(*m_next);
        m_next.reset();
        m_watcher.setFuture(QtConcurrent::run(std::move(work)));
    }
    void onFinished()
    {
        if (m_next) {
            startNext();
            return;
        }
        m_deliver(m_watcher.result());
    }

    std::function<void(Result)> m_deliver;
    QFutureWatcher<Result> m_watcher;
    std::optional<Work> m_next;
};

} // namespace fundtrace::ui
