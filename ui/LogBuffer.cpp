#include "LogBuffer.h"

#include "util/Logging.h"

namespace fundtrace::ui {

std::shared_ptr<LogBuffer> LogBuffer::instance()
{
    static const std::shared_ptr<LogBuffer> buffer = [] {
        std::shared_ptr<LogBuffer> created(new LogBuffer);
        log::addSink(created);
        return created;
    }();
    return buffer;
}

std::vector<LogEntry> LogBuffer::entriesAfter(std::uint64_t after)
{
    m_notified = false;
    std::lock_guard lock(mutex_);
    std::vector<LogEntry> out;
    for (const LogEntry &entry : m_entries) {
        if (entry.sequence > after)
            out.push_back(entry);
    }
    return out;
}

void LogBuffer::sink_it_(const spdlog::details::log_msg &message)
{
    LogEntry entry;
    entry.sequence = ++m_sequence;
    entry.time = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(message.time.time_since_epoch()).count());
    entry.level = message.level;
    entry.area = QString::fromUtf8(message.logger_name.data(), static_cast<qsizetype>(message.logger_name.size()));
    entry.message = QString::fromUtf8(message.payload.data(), static_cast<qsizetype>(message.payload.size()));
    m_entries.push_back(std::move(entry));
    if (m_entries.size() > kCapacity)
        m_entries.pop_front();
    if (!m_notified.exchange(true))
        emit entriesAvailable();
}

} // namespace fundtrace::ui
