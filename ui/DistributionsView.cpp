#include "DistributionsView.h"

#include "ChartStyle.h"
#include "model/Currency.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

namespace fundtrace::ui {
namespace {

const QColor kBinColour(0x4a, 0x78, 0xa8);
const QColor kThresholdColour(0xc0, 0x39, 0x2b);
const QColor kJustBelowColour(0xe6, 0x7e, 0x22);

// Log axis ticks read as amounts ("10 k", "1 M"), not as 1e+04.
class LogAmountTicker : public QCPAxisTickerLog {
public:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override { return model::shortAmount(tick); }
};

QCPTextElement *addTitle(QCustomPlot *plot)
{
    plot->plotLayout()->insertRow(0);
    auto *title = new QCPTextElement(plot, QString(), QFont(plot->font().family(), int(plot->font().pointSizeF() * 1.1), QFont::Bold));
    plot->plotLayout()->addElement(0, 0, title);
    return title;
}

QString percent(double share)
{
    return QLocale::c().toString(100.0 * share, 'f', share < 0.1 ? 1 : 0) + QLatin1Char('%');
}

QString elided(const QString &text, int length)
{
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

} // namespace

DistributionsView::DistributionsView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_histogramPlot(new QCustomPlot)
    , m_heatmapPlot(new QCustomPlot)
    , m_breakdownPlot(new QCustomPlot)
{
    setObjectName(QStringLiteral("distributionsView"));
    m_tabs->setObjectName(QStringLiteral("distributionTabs"));
    buildHistogramTab();
    buildHeatmapTab();
    buildBreakdownTab();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    setData({}, {}, {});
}

void DistributionsView::buildHistogramTab()
{
    QCustomPlot *plot = m_histogramPlot;
    plot->setObjectName(QStringLiteral("histogramPlot"));
    plot->setMouseTracking(true);
    applyChartStyle(plot);
    m_histogramTitle = addTitle(plot);
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<LogAmountTicker>::create();
    ticker->setSubTickCount(8);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(tr("transactions"));
    plot->xAxis->grid()->setSubGridVisible(false);

    // Bins have different widths on a log axis, so the histogram is a filled step line: one
    // step per bin, exactly over its edges.
    m_histogram = plot->addGraph();
    m_histogram->setName(tr("All transactions"));
    m_histogram->setLineStyle(QCPGraph::lsStepLeft);
    m_histogram->setPen(QPen(kBinColour.darker(130), 1.2));
    m_histogram->setBrush(QColor(kBinColour.red(), kBinColour.green(), kBinColour.blue(), 150));
    m_histogramIn = plot->addGraph();
    m_histogramIn->setName(tr("of which money in"));
    m_histogramIn->setLineStyle(QCPGraph::lsStepLeft);
    m_histogramIn->setPen(QPen(kMoneyInColour, 1.6));

    m_justBelow = new QCPItemRect(plot);
    m_threshold = new QCPItemStraightLine(plot);
    m_thresholdLabel = new QCPItemText(plot);
    for (QCPItemPosition *position : { m_justBelow->topLeft, m_justBelow->bottomRight, m_thresholdLabel->position }) {
        position->setTypeX(QCPItemPosition::ptPlotCoords);
        position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_justBelow->setPen(Qt::NoPen);
    m_justBelow->setBrush(QColor(kJustBelowColour.red(), kJustBelowColour.green(), kJustBelowColour.blue(), 40));
    m_justBelow->setLayer(QStringLiteral("background"));
    m_threshold->setPen(QPen(kThresholdColour, 2, Qt::DashLine));
    m_thresholdLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_thresholdLabel->setColor(kThresholdColour.darker(120));
    m_thresholdLabel->setBrush(QColor(255, 255, 255, 210));
    m_thresholdLabel->setPadding(QMargins(4, 2, 4, 2));
    m_thresholdLabel->setClipToAxisRect(true);

    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    connect(plot, &QCustomPlot::mouseMove, this, &DistributionsView::histogramToolTip);

    // A pile of a few dozen deposits vanishes next to thousands of small payments on a linear
    // count axis; a logarithmic one shows it.
    m_logCounts = new QCheckBox(tr("Logarithmic counts"));
    m_logCounts->setObjectName(QStringLiteral("histogramLogCounts"));
    connect(m_logCounts, &QCheckBox::toggled, this, &DistributionsView::plotHistogram);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_logCounts);
    row->addStretch(1);
    layout->addLayout(row);
    m_histogramPane = new ChartPane(plot);
    layout->addWidget(m_histogramPane, 1);
    m_tabs->addTab(page, tr("Amounts"));
}

void DistributionsView::buildHeatmapTab()
{
    QCustomPlot *plot = m_heatmapPlot;
    plot->setObjectName(QStringLiteral("heatmapPlot"));
    plot->setMouseTracking(true);
    applyChartStyle(plot);
    m_heatmapTitle = addTitle(plot);
    m_heatmap = new QCPColorMap(plot->xAxis, plot->yAxis);
    m_heatmap->data()->setSize(24, 7);
    m_heatmap->data()->setRange(QCPRange(0, 23), QCPRange(0, 6));
    m_heatmap->setInterpolate(false);
    m_heatmap->setTightBoundary(false);
    auto *scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->axis()->setLabel(tr("transactions"));
    m_heatmap->setColorScale(scale);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(0xf7, 0xfb, 0xff));
    gradient.setColorStopAt(0.35, QColor(0x9e, 0xca, 0xe1));
    gradient.setColorStopAt(0.7, QColor(0x31, 0x82, 0xbd));
    gradient.setColorStopAt(1, QColor(0x08, 0x30, 0x6b));
    m_heatmap->setGradient(gradient);
    auto *margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    auto hours = QSharedPointer<QCPAxisTickerText>::create();
    for (int h = 0; h < 24; ++h)
        hours->addTick(h, QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
    plot->xAxis->setTicker(hours);
    plot->xAxis->setLabel(tr("hour of the day"));
    plot->xAxis->setRange(-0.5, 23.5);
    auto days = QSharedPointer<QCPAxisTickerText>::create();
    for (int d = 0; d < 7; ++d)
        days->addTick(d, charts::HourHeatmap::weekdayName(d));
    plot->yAxis->setTicker(days);
    plot->yAxis->setRangeReversed(true); // Monday on top, as in a calendar
    plot->yAxis->setRange(-0.5, 6.5);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    connect(plot, &QCustomPlot::mouseMove, this, &DistributionsView::heatmapToolTip);
    m_heatmapPane = new ChartPane(plot);
    m_tabs->addTab(m_heatmapPane, tr("Weekday × hour"));
}

void DistributionsView::buildBreakdownTab()
{
    QCustomPlot *plot = m_breakdownPlot;
    plot->setObjectName(QStringLiteral("breakdownPlot"));
    plot->setMouseTracking(true);
    applyChartStyle(plot);
    m_breakdownIn = new QCPBars(plot->yAxis, plot->xAxis);
    m_breakdownOut = new QCPBars(plot->yAxis, plot->xAxis);
    m_breakdownIn->setName(tr("Money in"));
    m_breakdownOut->setName(tr("Money out"));
    m_breakdownIn->setBrush(kMoneyInColour);
    m_breakdownIn->setPen(QPen(kMoneyInColour.darker(120)));
    m_breakdownOut->setBrush(kMoneyOutColour);
    m_breakdownOut->setPen(QPen(kMoneyOutColour.darker(120)));
    m_breakdownOut->moveAbove(m_breakdownIn);
    m_breakdownIn->setWidth(0.7);
    m_breakdownOut->setWidth(0.7);
    plot->yAxis->setRangeReversed(true); // the largest on top
    plot->yAxis->grid()->setVisible(false);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new AmountTicker));
    // The legend sits in a row of its own, so it never covers a bar's label.
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    connect(plot, &QCustomPlot::mouseMove, this, &DistributionsView::breakdownToolTip);

    m_selector = new QComboBox;
    m_selector->setObjectName(QStringLiteral("breakdownSelector"));
    connect(m_selector, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0)
            return;
        m_shownBreakdown = std::size_t(m_selector->itemData(index).toInt());
        plotBreakdown();
    });
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Break down by:")));
    row->addWidget(m_selector);
    row->addStretch(1);
    layout->addLayout(row);
    m_breakdownPane = new ChartPane(plot);
    layout->addWidget(m_breakdownPane, 1);
    m_tabs->addTab(page, tr("Breakdown"));
}

void DistributionsView::setData(const charts::AmountHistogram &histogram, const charts::HourHeatmap &heatmap,
                                const std::vector<charts::Breakdown> &breakdowns)
{
    m_histogramData = histogram;
    m_heatmapData = heatmap;
    m_breakdowns = breakdowns;
    plotHistogram();
    plotHeatmap();

    const QSignalBlocker blocker(m_selector);
    const QVariant previous = m_selector->currentData();
    m_selector->clear();
    for (std::size_t i = 0; i < m_breakdowns.size(); ++i) {
        QString name = charts::breakdownDimensionName(m_breakdowns[i].dimension);
        name[0] = name[0].toUpper();
        m_selector->addItem(name, int(i));
    }
    const int keep = previous.isValid() ? m_selector->findData(previous) : -1;
    m_selector->setCurrentIndex(keep >= 0 ? keep : 0);
    m_shownBreakdown = m_selector->currentIndex() >= 0 ? std::size_t(m_selector->currentData().toInt()) : 0;
    plotBreakdown();
}

void DistributionsView::showBreakdown(charts::BreakdownDimension dimension)
{
    for (std::size_t i = 0; i < m_breakdowns.size(); ++i) {
        if (m_breakdowns[i].dimension == dimension)
            m_selector->setCurrentIndex(m_selector->findData(int(i)));
    }
}

void DistributionsView::plotHistogram()
{
    const charts::AmountHistogram &h = m_histogramData;
    const std::string code = h.currency.toStdString();
    QVector<double> keys, counts, inCounts;
    double most = 1;
    for (const charts::HistogramBin &bin : h.bins) {
        keys << model::toMajor(bin.lowMinor, code);
        counts << double(bin.count);
        inCounts << double(bin.inCount);
        most = std::max(most, double(bin.count));
    }
    if (!h.bins.empty()) {
        // The last step needs its right edge.
        keys << model::toMajor(h.bins.back().highMinor, code);
        counts << counts.last();
        inCounts << inCounts.last();
    }
    m_histogram->setData(keys, counts, true);
    m_histogramIn->setData(keys, inCounts, true);

    const bool drawThreshold = h.thresholdApplies;
    m_threshold->setVisible(drawThreshold);
    m_thresholdLabel->setVisible(drawThreshold);
    m_justBelow->setVisible(drawThreshold);
    double low = keys.isEmpty() ? 1 : keys.first();
    double high = keys.isEmpty() ? 10 : keys.last();
    QString title = tr("Transaction amounts (%1)").arg(h.currency);
    if (drawThreshold) {
        const double threshold = model::toMajor(h.threshold.amountMinor, code);
        const double floor = model::toMajor(h.threshold.justUnderFloorMinor(), code);
        m_threshold->point1->setCoords(threshold, 0);
        m_threshold->point2->setCoords(threshold, 1);
        m_justBelow->topLeft->setCoords(floor, 0);
        m_justBelow->bottomRight->setCoords(threshold, 1);
        m_thresholdLabel->position->setCoords(threshold, 0.02);
        m_thresholdLabel->setText(tr("reporting threshold %1").arg(model::formatAmount(h.threshold.amountMinor, code)));
        low = std::min(low, floor);
        high = std::max(high, threshold * 1.5);
        title += tr(" — %1 just under the reporting threshold (%2 of %3; %4 just over it)")
                         .arg(percent(h.justBelowShare()))
                         .arg(h.justBelowCount)
                         .arg(h.totalCount)
                         .arg(h.justAboveCount);
    } else if (h.threshold.isSet() && !h.currency.isEmpty()) {
        title += tr(" — the reporting threshold is set in %1").arg(h.threshold.currency);
    }
    m_histogramTitle->setText(title);
    m_histogramPlot->xAxis->setRange(low / 1.3, high * 1.3);
    QCPAxis *countAxis = m_histogramPlot->yAxis;
    if (m_logCounts->isChecked()) {
        countAxis->setScaleType(QCPAxis::stLogarithmic);
        countAxis->setTicker(QSharedPointer<LogAmountTicker>::create());
        countAxis->setRange(0.7, most * 2);
    } else {
        countAxis->setScaleType(QCPAxis::stLinear);
        countAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        countAxis->setRange(0, most * 1.12);
    }
    if (h.isEmpty())
        m_histogramPane->showMessage(tr("No transactions to show for this selection."));
    else
        m_histogramPane->showPlot();
    m_histogramPlot->replot();
}

void DistributionsView::plotHeatmap()
{
    const charts::HourHeatmap &h = m_heatmapData;
    for (int d = 0; d < 7; ++d)
        for (int hour = 0; hour < 24; ++hour)
            m_heatmap->data()->setCell(hour, d, double(h.counts[std::size_t(d)][std::size_t(hour)]));
    m_heatmap->setDataRange(QCPRange(0, std::max<double>(1, double(h.maxCount()))));
    m_heatmapTitle->setText(h.zone.isEmpty() ? tr("Transactions by weekday and hour")
                                             : tr("Transactions by weekday and hour (%1 time)").arg(h.zone));
    if (h.isEmpty())
        m_heatmapPane->showMessage(tr("No transactions to show for this selection."));
    else
        m_heatmapPane->showPlot();
    m_heatmapPlot->replot();
}

void DistributionsView::plotBreakdown()
{
    for (QCPItemText *label : std::as_const(m_shareLabels))
        m_breakdownPlot->removeItem(label);
    m_shareLabels.clear();
    const charts::Breakdown *b = m_shownBreakdown < m_breakdowns.size() ? &m_breakdowns[m_shownBreakdown] : nullptr;
    QVector<double> keys, in, out;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double most = 1;
    if (b) {
        const std::string code = b->currency.toStdString();
        for (std::size_t i = 0; i < b->rows.size(); ++i) {
            const charts::BreakdownRow &row = b->rows[i];
            keys << double(i);
            in << model::toMajor(row.inMinor, code);
            out << model::toMajor(row.outMinor, code);
            most = std::max(most, in.last() + out.last());
            ticker->addTick(double(i), elided(row.label, 42));
            auto *label = new QCPItemText(m_breakdownPlot);
            label->position->setCoords(in.last() + out.last(), double(i));
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setPadding(QMargins(6, 0, 0, 0));
            label->setText(row.count == 1 ? tr("%1 · 1 transaction").arg(percent(row.share))
                                          : tr("%1 · %2 transactions").arg(percent(row.share)).arg(row.count));
            m_shareLabels << label;
        }
        m_breakdownPlot->xAxis->setLabel(b->currency);
    }
    m_breakdownIn->setData(keys, in, true);
    m_breakdownOut->setData(keys, out, true);
    m_breakdownOut->moveAbove(m_breakdownIn);
    m_breakdownPlot->yAxis->setTicker(ticker);
    m_breakdownPlot->yAxis->setRange(-0.6, std::max<double>(double(keys.size()) - 0.4, 0.4));
    m_breakdownPlot->xAxis->setRange(0, most * 1.35);
    if (!b || b->isEmpty())
        m_breakdownPane->showMessage(tr("No transactions to show for this selection."));
    else
        m_breakdownPane->showPlot();
    m_breakdownPlot->replot();
}

void DistributionsView::histogramToolTip(QMouseEvent *event)
{
    const charts::AmountHistogram &h = m_histogramData;
    const std::string code = h.currency.toStdString();
    const double at = m_histogramPlot->xAxis->pixelToCoord(event->position().x());
    for (const charts::HistogramBin &bin : h.bins) {
        if (at >= model::toMajor(bin.lowMinor, code) && at < model::toMajor(bin.highMinor, code)) {
            QToolTip::showText(event->globalPosition().toPoint(),
                               tr("<b>%1 – %2</b><br>%3 transactions (%4 in)<br>Total %5")
                                       .arg(model::formatAmount(bin.lowMinor, code), model::formatAmount(bin.highMinor - 1, code))
                                       .arg(bin.count)
                                       .arg(bin.inCount)
                                       .arg(model::formatAmount(bin.sumMinor, code)),
                               m_histogramPlot);
            return;
        }
    }
    QToolTip::hideText();
}

void DistributionsView::heatmapToolTip(QMouseEvent *event)
{
    const int hour = int(std::lround(m_heatmapPlot->xAxis->pixelToCoord(event->position().x())));
    const int day = int(std::lround(m_heatmapPlot->yAxis->pixelToCoord(event->position().y())));
    if (hour < 0 || hour > 23 || day < 0 || day > 6 || m_heatmapData.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const std::string code = m_heatmapData.currency.toStdString();
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("<b>%1 %2:00–%2:59</b><br>%3 transactions<br>Total %4")
                               .arg(charts::HourHeatmap::weekdayName(day))
                               .arg(hour, 2, 10, QLatin1Char('0'))
                               .arg(m_heatmapData.counts[std::size_t(day)][std::size_t(hour)])
                               .arg(model::formatAmount(m_heatmapData.sumsMinor[std::size_t(day)][std::size_t(hour)], code)),
                       m_heatmapPlot);
}

void DistributionsView::breakdownToolTip(QMouseEvent *event)
{
    const charts::Breakdown *b = m_shownBreakdown < m_breakdowns.size() ? &m_breakdowns[m_shownBreakdown] : nullptr;
    const auto index = std::lround(m_breakdownPlot->yAxis->pixelToCoord(event->position().y()));
    if (!b || index < 0 || std::size_t(index) >= b->rows.size()) {
        QToolTip::hideText();
        return;
    }
    const charts::BreakdownRow &row = b->rows[std::size_t(index)];
    const std::string code = b->currency.toStdString();
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("<b>%1</b><br>%2 transactions, %3 of the money<br>In: %4<br>Out: %5")
                               .arg(row.label.toHtmlEscaped())
                               .arg(row.count)
                               .arg(percent(row.share))
                               .arg(model::formatAmount(row.inMinor, code), model::formatAmount(row.outMinor, code)),
                       m_breakdownPlot);
}

} // namespace fundtrace::ui
