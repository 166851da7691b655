#include "GraphMetricsModel.h"

#include <QLocale>

namespace fundtrace::ui {

GraphMetricsModel::GraphMetricsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void GraphMetricsModel::setChart(std::shared_ptr<const graph::LinkChart> chart)
{
    beginResetModel();
    m_chart = std::move(chart);
    endResetModel();
}

const graph::NodeMetrics &GraphMetricsModel::metricsAt(std::size_t row) const
{
    // A chart made without analytics has no metrics; its rows show zeros.
    static const graph::NodeMetrics kNone;
    const std::vector<graph::NodeMetrics> &nodes = m_chart->metrics.nodes;
    return row < nodes.size() ? nodes[row] : kNone;
}

std::int64_t GraphMetricsModel::nodeIdAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return m_chart->graph.nodes()[static_cast<std::size_t>(row)].id;
}

int GraphMetricsModel::rowOf(std::int64_t nodeId) const
{
    return m_chart ? m_chart->graph.indexOf(nodeId) : -1;
}

int GraphMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_chart ? 0 : static_cast<int>(m_chart->graph.nodes().size());
}

int GraphMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GraphMetricsModel::sortValue(const graph::GraphNode &node, const graph::NodeMetrics &metrics,
                                      int column) const
{
    switch (column) {
    case Name: return node.label;
    case Kind: return node.kind;
    case MoneyIn: return metrics.weightedIn;
    case MoneyOut: return metrics.weightedOut;
    case Counterparties: return metrics.degree;
    case PageRank: return metrics.pageRank;
    case Betweenness: return metrics.betweenness;
    case Community: return metrics.community;
    case Risk: return node.marks.risk;
    case Alerts: return node.marks.alerts;
    case Hits: return node.marks.hits;
    default: return {};
    }
}

QVariant GraphMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const graph::GraphNode &node = m_chart->graph.nodes()[row];
    const graph::NodeMetrics &metrics = metricsAt(row);
    if (role == kNodeIdRole)
        return QVariant::fromValue<qint64>(node.id);
    if (role == kSortRole)
        return sortValue(node, metrics, index.column());
    if (role == Qt::TextAlignmentRole && index.column() >= MoneyIn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Name)
        return node.label;
    if (role != Qt::DisplayRole)
        return {};

    const QLocale locale;
    switch (index.column()) {
    case MoneyIn: return locale.toString(metrics.weightedIn, 'f', 0);
    case MoneyOut: return locale.toString(metrics.weightedOut, 'f', 0);
    case PageRank: return locale.toString(metrics.pageRank, 'f', 4);
    case Betweenness: return locale.toString(metrics.betweenness, 'f', 3);
    case Community: return metrics.community < 0 ? QString() : QString::number(metrics.community + 1);
    case Risk: return node.marks.risk > 0 ? QString::number(node.marks.risk) : QString();
    case Alerts: return node.marks.alerts > 0 ? QString::number(node.marks.alerts) : QString();
    case Hits: return node.marks.hits > 0 ? QString::number(node.marks.hits) : QString();
    default: return sortValue(node, metrics, index.column());
    }
}

QVariant GraphMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MoneyIn: return tr("Money received over the chart's edges, in the main currency");
        case MoneyOut: return tr("Money sent over the chart's edges, in the main currency");
        case Counterparties: return tr("Distinct counterparties on the chart");
        case PageRank: return tr("Where money ends up: high for accounts many flows lead to, directly or not");
        case Betweenness:
            return betweennessSources() > 0
                    ? tr("Brokers: share of the strongest money routes that pass through the node "
                         "(estimated from %1 sampled starting nodes: the chart is large)").arg(betweennessSources())
                    : tr("Brokers: share of the strongest money routes that pass through the node");
        case Community: return tr("Group of nodes that trade mostly among themselves (Louvain)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case MoneyIn: return tr("In (%1)").arg(m_chart ? m_chart->graph.mainCurrency() : QString());
    case MoneyOut: return tr("Out (%1)").arg(m_chart ? m_chart->graph.mainCurrency() : QString());
    case Counterparties: return tr("Counterparties");
    case PageRank: return tr("PageRank");
    case Betweenness: return betweennessSources() > 0 ? tr("Betweenness (est.)") : tr("Betweenness");
    case Community: return tr("Community");
    case Risk: return tr("Risk");
    case Alerts: return tr("Alerts");
    case Hits: return tr("Hits");
    default: return {};
    }
}

} // namespace fundtrace::ui
