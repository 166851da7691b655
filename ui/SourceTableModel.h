#pragma once

#include "query/SourceQuery.h"

#include <QAbstractTableModel>
#include <vector>

namespace fundtrace::ui {

// The imported files of a case, one row each. Cases hold tens of sources, so the model keeps the
// whole list; the owner fills it from SourceQuery.
class SourceTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { File, Format, Encoding, Imported, Rejected, Read, ImportedAt, ImportedBy, Size, Sha256, ColumnCount };
    static constexpr int kSourceIdRole = Qt::UserRole + 1;

    explicit SourceTableModel(QObject *parent = nullptr);

    void setSources(std::vector<query::SourceRow> sources);
    const std::vector<query::SourceRow> &sources() const { return m_sources; }
    const query::SourceRow *sourceAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<query::SourceRow> m_sources;
};

} // namespace fundtrace::ui
