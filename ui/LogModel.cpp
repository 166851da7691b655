#include "LogModel.h"

#include <QBrush>
#include <QColor>

namespace fundtrace::ui {
namespace {

constexpr std::size_t kMaxRows = 5000;

QString levelName(spdlog::level::level_enum level)
{
    switch (level) {
    case spdlog::level::trace:
        return QObject::tr("Trace");
    case spdlog::level::debug:
        return QObject::tr("Debug");
    case spdlog::level::info:
        return QObject::tr("Info");
    case spdlog::level::warn:
        return QObject::tr("Warning");
    case spdlog::level::err:
        return QObject::tr("Error");
    case spdlog::level::critical:
        return QObject::tr("Critical");
    default:
        return {};
    }
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_buffer(LogBuffer::instance())
{
    // Queued even for messages logged on the GUI thread: the buffer emits under its lock.
    connect(m_buffer.get(), &LogBuffer::entriesAvailable, this, &LogModel::fetchNew, Qt::QueuedConnection);
    fetchNew();
}

void LogModel::setMinimumLevel(spdlog::level::level_enum level)
{
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    reload();
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_clearedUpTo = m_lastSequence;
    endResetModel();
}

void LogModel::reload()
{
    beginResetModel();
    m_entries.clear();
    m_lastSequence = m_clearedUpTo;
    for (LogEntry &entry : m_buffer->entriesAfter(m_lastSequence)) {
        m_lastSequence = entry.sequence;
        if (entry.level >= m_minimumLevel)
            m_entries.push_back(std::move(entry));
    }
    while (m_entries.size() > kMaxRows)
        m_entries.pop_front();
    endResetModel();
}

void LogModel::fetchNew()
{
    std::vector<LogEntry> fresh = m_buffer->entriesAfter(m_lastSequence);
    if (fresh.empty())
        return;
    m_lastSequence = fresh.back().sequence;
    std::erase_if(fresh, [this](const LogEntry &entry) { return entry.level < m_minimumLevel; });
    if (fresh.empty())
        return;
    if (m_entries.size() + fresh.size() > kMaxRows) {
        const std::size_t excess = std::min(m_entries.size(), m_entries.size() + fresh.size() - kMaxRows);
        if (excess > 0) {
            beginRemoveRows({}, 0, static_cast<int>(excess) - 1);
            m_entries.erase(m_entries.begin(), m_entries.begin() + static_cast<std::ptrdiff_t>(excess));
            endRemoveRows();
        }
    }
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (LogEntry &entry : fresh)
        m_entries.push_back(std::move(entry));
    endInsertRows();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LogEntry &entry = m_entries[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return entry.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Level:
            return levelName(entry.level);
        case Area:
            return entry.area;
        case Message:
            return entry.message;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Message)
        return entry.message;
    if (role == Qt::ForegroundRole && (index.column() == Level || index.column() == Message)) {
        if (entry.level >= spdlog::level::err)
            return QBrush(QColor(0xa8, 0x32, 0x32));
        if (entry.level == spdlog::level::warn)
            return QBrush(QColor(0x9a, 0x60, 0x00));
        if (entry.level <= spdlog::level::debug)
            return QBrush(Qt::gray);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Area:
        return tr("Area");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace fundtrace::ui
