#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <spdlog/sinks/base_sink.h>
#include <vector>

namespace fundtrace::ui {

struct LogEntry {
    std::uint64_t sequence = 0;
    QDateTime time;
    spdlog::level::level_enum level = spdlog::level::info;
    QString area;
    QString message;
};

// The spdlog sink behind the log panel: keeps the last few thousand messages of every logger in
// memory and tells listeners (queued) that new ones arrived. One per process, added to the
// loggers on first use, so messages logged before a window exists are not lost.
// Thread-safe: loggers write from any thread.
class LogBuffer : public QObject, public spdlog::sinks::base_sink<std::mutex> {
    Q_OBJECT

public:
    static std::shared_ptr<LogBuffer> instance();

    // Entries with a sequence number greater than `after`, oldest first.
    std::vector<LogEntry> entriesAfter(std::uint64_t after);

signals:
    // Coalesced: at most one is in flight until a listener calls entriesAfter().
    void entriesAvailable();

protected:
    void sink_it_(const spdlog::details::log_msg &message) override;
    void flush_() override { }

private:
    LogBuffer() = default;

    static constexpr std::size_t kCapacity = 5000;
    std::deque<LogEntry> m_entries;  // guarded by base_sink's mutex_
    std::uint64_t m_sequence = 0;
    std::atomic_bool m_notified { false };
};

} // namespace fundtrace::ui
