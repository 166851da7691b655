#pragma once

#include "charts/AmountHistogram.h"
#include "charts/Breakdown.h"
#include "charts/HourHeatmap.h"

#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPBars;
class QCPColorMap;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QMouseEvent;
class QTabWidget;

namespace fundtrace::ui {

class ChartPane;

// How a selection's money is distributed, on three tabs: amounts on logarithmic bins with the
// reporting threshold drawn (structuring shows as a pile in the band just under it), a weekday x
// hour heatmap in the case's zone, and breakdowns by channel, country or counterparty.
class DistributionsView : public QWidget {
    Q_OBJECT

public:
    explicit DistributionsView(QWidget *parent = nullptr);

    // `breakdowns` holds one breakdown per dimension wanted (the selector lists those given).
    void setData(const charts::AmountHistogram &histogram, const charts::HourHeatmap &heatmap,
                 const std::vector<charts::Breakdown> &breakdowns);
    void showBreakdown(charts::BreakdownDimension dimension);

    QTabWidget *tabs() const { return m_tabs; }
    QCustomPlot *histogramPlot() const { return m_histogramPlot; }
    QCustomPlot *heatmapPlot() const { return m_heatmapPlot; }
    QCustomPlot *breakdownPlot() const { return m_breakdownPlot; }
    QCPGraph *histogramGraph() const { return m_histogram; }
    QCPItemStraightLine *thresholdLine() const { return m_threshold; }
    QCPItemText *thresholdLabel() const { return m_thresholdLabel; }
    QCPColorMap *heatmap() const { return m_heatmap; }
    QComboBox *breakdownSelector() const { return m_selector; }
    QCheckBox *logCountsBox() const { return m_logCounts; }
    QCPBars *breakdownInBars() const { return m_breakdownIn; }

private:
    void buildHistogramTab();
    void buildHeatmapTab();
    void buildBreakdownTab();
    void plotHistogram();
    void plotHeatmap();
    void plotBreakdown();
    void histogramToolTip(QMouseEvent *event);
    void heatmapToolTip(QMouseEvent *event);
    void breakdownToolTip(QMouseEvent *event);

    QTabWidget *m_tabs;
    QCustomPlot *m_histogramPlot;
    QCustomPlot *m_heatmapPlot;
    QCustomPlot *m_breakdownPlot;
    ChartPane *m_histogramPane = nullptr;
    ChartPane *m_heatmapPane = nullptr;
    ChartPane *m_breakdownPane = nullptr;
    QCPTextElement *m_histogramTitle = nullptr;
    QCPTextElement *m_heatmapTitle = nullptr;
    QCPGraph *m_histogram = nullptr;
    QCPGraph *m_histogramIn = nullptr;
    QCPItemStraightLine *m_threshold = nullptr;
    QCPItemText *m_thresholdLabel = nullptr;
    QCPItemRect *m_justBelow = nullptr;
    QCPColorMap *m_heatmap = nullptr;
    QComboBox *m_selector = nullptr;
    QCheckBox *m_logCounts = nullptr;
    QCPBars *m_breakdownIn = nullptr;
    QCPBars *m_breakdownOut = nullptr;
    QList<QCPItemText *> m_shareLabels;

    charts::AmountHistogram m_histogramData;
    charts::HourHeatmap m_heatmapData;
    std::vector<charts::Breakdown> m_breakdowns;
    std::size_t m_shownBreakdown = 0;
};

} // namespace fundtrace::ui
