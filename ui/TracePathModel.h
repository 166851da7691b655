#pragma once

#include "graph/TraceDiagram.h"

#include <QAbstractTableModel>
#include <memory>

namespace fundtrace::ui {

// The paths of a trace as a table: "A → B → C", hops, amount, first and last movement; largest
// first until the user sorts by another column. Rows map to the result's path indexes, which
// the diagram uses for highlighting.
class TracePathModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Path, Hops, Amount, First, Last, ColumnCount };
    static constexpr int kPathIndexRole = Qt::UserRole + 1;

    explicit TracePathModel(QObject *parent = nullptr);

    // Null clears.
    void setDiagram(std::shared_ptr<const graph::TraceDiagram> diagram);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    int pathAt(int row) const;
    int rowOfPath(int path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QString day(std::int64_t utcSeconds) const;

    std::shared_ptr<const graph::TraceDiagram> m_diagram;
    std::vector<int> m_rows; // path index per row
    std::vector<QString> m_texts; // "A → B → C" per path
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace fundtrace::ui
