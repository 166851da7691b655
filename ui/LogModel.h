#pragma once

#include "LogBuffer.h"

#include <QAbstractTableModel>
#include <deque>
#include <memory>

namespace fundtrace::ui {

// The log messages shown in the log panel, fed by the process-wide LogBuffer.
class LogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Level, Area, Message, ColumnCount };

    explicit LogModel(QObject *parent = nullptr);

    // Messages below this level are not shown (they stay in the buffer).
    void setMinimumLevel(spdlog::level::level_enum level);
    spdlog::level::level_enum minimumLevel() const { return m_minimumLevel; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void fetchNew();
    void reload();

    std::shared_ptr<LogBuffer> m_buffer;
    std::deque<LogEntry> m_entries;
    std::uint64_t m_lastSequence = 0;
    std::uint64_t m_clearedUpTo = 0;
    spdlog::level::level_enum m_minimumLevel = spdlog::level::info;
};

} // namespace fundtrace::ui
