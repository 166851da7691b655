#pragma once

#include "graph/LinkChart.h"

#include <QAbstractTableModel>
#include <memory>

namespace fundtrace::ui {

// The link chart's nodes with their analytics (money in and out, counterparties, PageRank,
// betweenness, community) and what the case knows about them (risk, alerts, hits), so the
// investigator can sort for the hubs and brokers the picture suggests.
class GraphMetricsModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Kind, MoneyIn, MoneyOut, Counterparties, PageRank, Betweenness, Community, Risk, Alerts,
                  Hits, ColumnCount };
    static constexpr int kNodeIdRole = Qt::UserRole + 1;
    static constexpr int kSortRole = Qt::UserRole + 2;

    explicit GraphMetricsModel(QObject *parent = nullptr);

    // Shares the chart the panel holds; nullptr empties the table.
    void setChart(std::shared_ptr<const graph::LinkChart> chart);
    std::int64_t nodeIdAt(int row) const;
    int rowOf(std::int64_t nodeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant sortValue(const graph::GraphNode &node, const graph::NodeMetrics &metrics, int column) const;

    const graph::NodeMetrics &metricsAt(std::size_t row) const;
    int betweennessSources() const { return m_chart ? m_chart->metrics.betweennessSources : 0; }

    std::shared_ptr<const graph::LinkChart> m_chart;
};

} // namespace fundtrace::ui
