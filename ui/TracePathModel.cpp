#include "TracePathModel.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <numeric>

namespace fundtrace::ui {

TracePathModel::TracePathModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TracePathModel::setDiagram(std::shared_ptr<const graph::TraceDiagram> diagram)
{
    beginResetModel();
    m_diagram = std::move(diagram);
    m_rows.clear();
    m_texts.clear();
    if (m_diagram) {
        const std::size_t count = m_diagram->result().paths.size();
        m_rows.resize(count);
        std::iota(m_rows.begin(), m_rows.end(), 0);
        m_texts.reserve(count);
        for (std::size_t i = 0; i < count; ++i)
            m_texts.push_back(m_diagram->pathText(int(i)));
    }
    endResetModel();
}

int TracePathModel::pathAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)] : -1;
}

int TracePathModel::rowOfPath(int path) const
{
    const auto found = std::find(m_rows.begin(), m_rows.end(), path);
    return found == m_rows.end() ? -1 : int(found - m_rows.begin());
}

int TracePathModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TracePathModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TracePathModel::day(std::int64_t utcSeconds) const
{
    return utcSeconds == 0 ? QStringLiteral("—")
                           : QDateTime::fromSecsSinceEpoch(utcSeconds, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QVariant TracePathModel::data(const QModelIndex &index, int role) const
{
    const int pathIndex = pathAt(index.row());
    if (!index.isValid() || pathIndex < 0)
        return {};
    const graph::TraceResult::Path &path = m_diagram->result().paths[std::size_t(pathIndex)];
    const int hops = int(path.accounts.size()) - 1;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Path:
            return m_texts[std::size_t(pathIndex)];
        case Hops:
            return hops;
        case Amount:
            return m_diagram->formatMoney(path.amountMinor);
        case First:
            return day(path.firstAt);
        case Last:
            return day(path.lastAt);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Path ? m_texts[std::size_t(pathIndex)] : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Path ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case kPathIndexRole:
        return pathIndex;
    default:
        return {};
    }
}

QVariant TracePathModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Path:
        return tr("Path");
    case Hops:
        return tr("Hops");
    case Amount:
        return tr("Amount");
    case First:
        return tr("First");
    case Last:
        return tr("Last");
    default:
        return {};
    }
}

void TracePathModel::sort(int column, Qt::SortOrder order)
{
    if (!m_diagram)
        return;
    const auto &paths = m_diagram->result().paths;
    const auto key = [&](int p) -> std::pair<std::int64_t, QString> {
        const graph::TraceResult::Path &path = paths[std::size_t(p)];
        switch (column) {
        case Hops:
            return { std::int64_t(path.accounts.size()), {} };
        case Amount:
            return { path.amountMinor, {} };
        case First:
            return { path.firstAt, {} };
        case Last:
            return { path.lastAt, {} };
        default:
            return { 0, m_texts[std::size_t(p)] };
        }
    };
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> pathsBefore;
    for (const QModelIndex &index : before)
        pathsBefore.push_back(pathAt(index.row()));
    // Ties keep the result's order (largest first), so the table is the same on every sort.
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
        const auto ka = key(a);
        const auto kb = key(b);
        if (ka == kb)
            return a < b;
        return order == Qt::AscendingOrder ? ka < kb : kb < ka;
    });
    QModelIndexList after;
    for (std::size_t i = 0; i < pathsBefore.size(); ++i)
        after << index(rowOfPath(pathsBefore[i]), before[int(i)].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace fundtrace::ui
