#include "TimelineView.h"

#include "ChartStyle.h"
#include "model/Currency.h"

#include <QKeyEvent>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>
#include <tuple>

namespace fundtrace::ui {
namespace {

const QColor kBalanceColour(0x1f, 0x4e, 0x8c);
const QColor kAlertColour(0xe6, 0x7e, 0x22);
const QColor kBrushColour(0x34, 0x98, 0xdb);
// Shaded alert windows are items, and many overlapping windows would tint the whole chart: only
// the highest scores get one (every alert keeps its marker, one graph however many there are).
constexpr int kMaxAlertWindows = 8;

QDateTime toDateTime(double key)
{
    return QDateTime::fromSecsSinceEpoch(std::llround(key), QTimeZone::utc());
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot)
    , m_pane(new ChartPane(m_plot, this))
    , m_caption(new QLabel(this))
    , m_zone(QTimeZone::utc())
{
    setObjectName(QStringLiteral("timelineView"));
    setFocusPolicy(Qt::StrongFocus);
    m_plot->setObjectName(QStringLiteral("timelinePlot"));
    m_plot->setMinimumHeight(260);
    m_plot->setMouseTracking(true);
    applyChartStyle(m_plot);

    m_alertAxis = m_plot->axisRect()->addAxis(QCPAxis::atLeft);
    m_alertAxis->setVisible(false);
    m_alertAxis->setRange(0, 1);

    std::tie(m_in, m_out) = addMoneyBars(m_plot);
    m_in->setWidthType(QCPBars::wtPlotCoords);
    m_out->setWidthType(QCPBars::wtPlotCoords);
    m_in->setAntialiased(false);
    m_out->setAntialiased(false);

    m_balance = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_balance->setName(tr("Running balance"));
    m_balance->setPen(QPen(kBalanceColour, 2));
    m_balance->setAdaptiveSampling(true);

    m_alertMarks = m_plot->addGraph(m_plot->xAxis, m_alertAxis);
    m_alertMarks->setName(tr("Alerts"));
    m_alertMarks->setLineStyle(QCPGraph::lsNone);
    m_alertMarks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangleInverted, kAlertColour.darker(130), kAlertColour, 10));
    m_alertMarks->setAdaptiveSampling(true);
    m_alertMarks->setAntialiasedScatters(false);

    m_brush = new QCPItemRect(m_plot);
    for (QCPItemPosition *corner : { m_brush->topLeft, m_brush->bottomRight }) {
        corner->setAxes(m_plot->xAxis, m_plot->yAxis);
        corner->setAxisRect(m_plot->axisRect());
        corner->setTypeX(QCPItemPosition::ptPlotCoords);
        corner->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_brush->setPen(QPen(kBrushColour.darker(120), 1));
    m_brush->setBrush(QColor(kBrushColour.red(), kBrushColour.green(), kBrushColour.blue(), 50));
    m_brush->setSelectable(false);
    m_brush->setVisible(false);

    auto dates = QSharedPointer<QCPAxisTickerDateTime>::create();
    dates->setDateTimeFormat(QStringLiteral("d MMM\nyyyy"));
    dates->setTickCount(8);
    m_plot->xAxis->setTicker(dates);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new AmountTicker));
    m_plot->yAxis->grid()->setZeroLinePen(QPen(QColor(0x55, 0x55, 0x55), 1));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setTicker(QSharedPointer<QCPAxisTicker>(new AmountTicker(true)));
    m_plot->yAxis2->setTickLabelColor(kBalanceColour);
    m_plot->yAxis2->setLabelColor(kBalanceColour);
    m_plot->yAxis2->setLabel(tr("balance"));

    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 0));

    // Zoom and pan move through time only; the amount axes stay put.
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDragAxes(m_plot->xAxis, nullptr);
    m_plot->axisRect()->setRangeZoomAxes(m_plot->xAxis, nullptr);
    m_plot->axisRect()->setRangeZoomFactor(0.85);

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &TimelineView::updateBarOutlines);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (event->button() == Qt::LeftButton && (m_brushMode || event->modifiers().testFlag(Qt::ShiftModifier)))
            startBrush(event);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (m_brushing)
            moveBrush(event);
        else if (event->buttons() == Qt::NoButton)
            showToolTip(event);
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        if (m_brushing)
            finishBrush(event);
    });

    m_caption->setObjectName(QStringLiteral("timelineCaption"));
    m_caption->setWordWrap(true);
    m_caption->setContentsMargins(6, 4, 6, 0);
    m_caption->setToolTip(tr("Wheel: zoom in time. Drag: pan. Shift+drag: select a period to filter the other views. "
                             "Esc: clear the selection."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_pane, 1);
    setData({});
}

void TimelineView::setData(const charts::TimelineSeries &series)
{
    m_series = series;
    m_zone = QTimeZone(series.zone.isEmpty() ? QByteArrayLiteral("UTC") : series.zone.toUtf8());
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
    qSharedPointerCast<QCPAxisTickerDateTime>(m_plot->xAxis->ticker())->setTimeZone(m_zone);
    qSharedPointerCast<QCPAxisTickerDateTime>(m_plot->xAxis->ticker())
            ->setDateTimeFormat(series.bucket == charts::TimeBucket::Month ? QStringLiteral("MMM\nyyyy") : QStringLiteral("d MMM\nyyyy"));

    const std::string code = series.currency.toStdString();
    QVector<double> centres, in, out, balanceKeys, balance;
    const qsizetype n = qsizetype(series.buckets.size());
    centres.reserve(n);
    in.reserve(n);
    out.reserve(n);
    balanceKeys.reserve(n + 1);
    balance.reserve(n + 1);
    std::vector<double> lengths;
    lengths.reserve(series.buckets.size());
    double top = 0, bottom = 0;
    double low = 0, high = 0;
    if (!series.buckets.empty()) {
        balanceKeys << double(series.buckets.front().start);
        balance << model::toMajor(series.openingBalanceMinor, code);
        low = high = balance.last();
    }
    for (const charts::TimelineBucket &b : series.buckets) {
        centres << (double(b.start) + double(b.end)) / 2;
        in << model::toMajor(b.inMinor, code);
        out << -model::toMajor(b.outMinor, code);
        balanceKeys << double(b.end);
        balance << model::toMajor(b.balanceMinor, code);
        lengths.push_back(double(b.end - b.start));
        top = std::max(top, in.last());
        bottom = std::min(bottom, out.last());
        low = std::min(low, balance.last());
        high = std::max(high, balance.last());
    }
    m_in->setData(centres, in, true);
    m_out->setData(centres, out, true);
    if (!lengths.empty()) {
        std::nth_element(lengths.begin(), lengths.begin() + std::ptrdiff_t(lengths.size() / 2), lengths.end());
        m_in->setWidth(lengths[lengths.size() / 2] * 0.8);
        m_out->setWidth(lengths[lengths.size() / 2] * 0.8);
    }
    if (series.hasBalance)
        m_balance->setData(balanceKeys, balance, true);
    else
        m_balance->data()->clear();
    m_balance->setVisible(series.hasBalance);
    m_plot->yAxis2->setVisible(series.hasBalance);

    // One marker per day with alerts starting: thousands of alerts on a big case would otherwise
    // stack thousands of triangles on the same pixels (the tooltip lists them all).
    std::vector<std::int64_t> starts;
    starts.reserve(series.alerts.size());
    for (const charts::AlertMarker &alert : series.alerts)
        starts.push_back(alert.windowStart);
    std::sort(starts.begin(), starts.end());
    QVector<double> alertKeys, alertValues;
    for (const std::int64_t start : starts) {
        if (!alertKeys.isEmpty() && start - std::int64_t(alertKeys.last()) < 86400)
            continue;
        alertKeys << double(start);
        alertValues << 0.95;
    }
    m_alertMarks->setData(alertKeys, alertValues, true);
    m_alertMarks->setVisible(!series.alerts.empty());
    m_alertMarks->addToLegend();
    if (series.alerts.empty())
        m_alertMarks->removeFromLegend();
    if (!series.hasBalance)
        m_balance->removeFromLegend();
    else
        m_balance->addToLegend();
    drawAlertWindows();

    const double height = std::max(top - bottom, 1.0);
    m_plot->yAxis->setRange(bottom - height * 0.05, top + height * 0.12);
    m_plot->yAxis->setLabel(series.currency);
    const double balanceSpan = std::max(high - low, 1.0);
    m_plot->yAxis2->setRange(low - balanceSpan * 0.08, high + balanceSpan * 0.12);
    if (!series.buckets.empty()) {
        const double first = double(series.buckets.front().start);
        const double last = double(series.buckets.back().end);
        const double margin = (last - first) * 0.02;
        m_plot->xAxis->setRange(first - margin, last + margin);
    }
    updateBarOutlines();
    // New data starts without a brushed period; silently, as nobody asked to clear a filter.
    m_brush->setVisible(false);
    m_brushing = false;
    updateCaption();
    if (series.isEmpty())
        m_pane->showMessage(series.currency.isEmpty() ? tr("No transactions for this selection.")
                                                      : tr("No transactions in %1 for this selection and period.").arg(series.currency));
    else
        m_pane->showPlot();
    replot();
}

void TimelineView::updateBarOutlines()
{
    // Bars a few pixels wide are all outline: drop it, which reads better and draws faster.
    const double pixels = std::abs(m_plot->xAxis->coordToPixel(m_plot->xAxis->range().lower + m_in->width())
                                   - m_plot->xAxis->coordToPixel(m_plot->xAxis->range().lower));
    const bool outlined = pixels >= 5;
    m_in->setPen(outlined ? QPen(kMoneyInColour.darker(120)) : QPen(Qt::NoPen));
    m_out->setPen(outlined ? QPen(kMoneyOutColour.darker(120)) : QPen(Qt::NoPen));
}

void TimelineView::drawAlertWindows()
{
    for (QCPItemRect *window : std::as_const(m_alertWindows))
        m_plot->removeItem(window);
    m_alertWindows.clear();
    std::vector<const charts::AlertMarker *> alerts;
    for (const charts::AlertMarker &alert : m_series.alerts)
        alerts.push_back(&alert);
    std::stable_sort(alerts.begin(), alerts.end(), [](const auto *a, const auto *b) { return a->score > b->score; });
    alerts.resize(std::min<std::size_t>(alerts.size(), kMaxAlertWindows));
    for (const charts::AlertMarker *alert : alerts) {
        auto *window = new QCPItemRect(m_plot);
        for (QCPItemPosition *corner : { window->topLeft, window->bottomRight }) {
            corner->setAxes(m_plot->xAxis, m_plot->yAxis);
            corner->setAxisRect(m_plot->axisRect());
            corner->setTypeX(QCPItemPosition::ptPlotCoords);
            corner->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        window->topLeft->setCoords(double(alert->windowStart), 0);
        // A window of one instant still shows, as a thin band of an hour.
        window->bottomRight->setCoords(double(std::max(alert->windowEnd, alert->windowStart + 3600)), 1);
        window->setPen(Qt::NoPen);
        window->setBrush(QColor(kAlertColour.red(), kAlertColour.green(), kAlertColour.blue(), 14 + alert->score / 8));
        window->setSelectable(false);
        window->setLayer(QStringLiteral("background"));
        m_alertWindows << window;
    }
}

void TimelineView::updateCaption()
{
    if (m_series.buckets.empty() && m_series.otherCurrencyRows == 0) {
        m_caption->setText(tr("Timeline"));
        return;
    }
    const std::string code = m_series.currency.toStdString();
    QString text = tr("<b>Money in</b> %1 · <b>out</b> %2 · %3 transactions · per %4")
                           .arg(model::formatAmount(m_series.totalInMinor(), code), model::formatAmount(m_series.totalOutMinor(), code))
                           .arg(m_series.rowCount())
                           .arg(charts::timeBucketName(m_series.bucket));
    if (!m_series.alerts.empty())
        text += m_series.alerts.size() == 1 ? tr(" · 1 alert") : tr(" · %1 alerts").arg(m_series.alerts.size());
    if (m_series.otherCurrencyRows > 0)
        text += tr(" · <i>%1 transactions in other currencies not shown</i>").arg(m_series.otherCurrencyRows);
    m_caption->setText(text);
}

void TimelineView::setRange(const QDateTime &from, const QDateTime &to)
{
    m_plot->xAxis->setRange(double(from.toSecsSinceEpoch()), double(to.toSecsSinceEpoch()));
    replot();
}

void TimelineView::setSelection(const QDateTime &from, const QDateTime &to)
{
    m_brushFrom = double(from.toSecsSinceEpoch());
    m_brushTo = double(to.toSecsSinceEpoch());
    m_brush->topLeft->setCoords(m_brushFrom, 0);
    m_brush->bottomRight->setCoords(m_brushTo, 1);
    m_brush->setVisible(true);
    replot();
}

void TimelineView::clearSelection()
{
    const bool had = m_brush->visible();
    m_brush->setVisible(false);
    m_brushing = false;
    if (had) {
        replot();
        emit selectionCleared();
    }
}

bool TimelineView::hasSelection() const
{
    return m_brush->visible();
}

std::pair<QDateTime, QDateTime> TimelineView::selection() const
{
    if (!hasSelection())
        return {};
    return { toDateTime(std::min(m_brushFrom, m_brushTo)), toDateTime(std::max(m_brushFrom, m_brushTo)) };
}

void TimelineView::setBrushMode(bool on)
{
    m_brushMode = on;
}

void TimelineView::replot()
{
    m_plot->replot();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && hasSelection()) {
        clearSelection();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TimelineView::startBrush(QMouseEvent *event)
{
    if (!m_plot->axisRect()->rect().contains(event->position().toPoint()))
        return;
    // Panning would fight the brush; it comes back on release.
    m_plot->setInteraction(QCP::iRangeDrag, false);
    m_brushing = true;
    m_hadSelection = hasSelection();
    m_brushFrom = m_brushTo = m_plot->xAxis->pixelToCoord(event->position().x());
    m_brush->topLeft->setCoords(m_brushFrom, 0);
    m_brush->bottomRight->setCoords(m_brushTo, 1);
    m_brush->setVisible(true);
    setFocus(Qt::MouseFocusReason);
}

void TimelineView::moveBrush(QMouseEvent *event)
{
    m_brushTo = m_plot->xAxis->pixelToCoord(event->position().x());
    m_brush->bottomRight->setCoords(m_brushTo, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::finishBrush(QMouseEvent *event)
{
    m_brushing = false;
    m_plot->setInteraction(QCP::iRangeDrag, true);
    m_brushTo = m_plot->xAxis->pixelToCoord(event->position().x());
    // A click is not a period: a few pixels of wobble clear the selection instead.
    if (std::abs(m_plot->xAxis->coordToPixel(m_brushTo) - m_plot->xAxis->coordToPixel(m_brushFrom)) < 4) {
        m_brush->setVisible(false);
        replot();
        if (m_hadSelection)
            emit selectionCleared();
        return;
    }
    m_brush->bottomRight->setCoords(m_brushTo, 1);
    replot();
    const auto [from, to] = selection();
    emit rangeSelected(from, to);
}

void TimelineView::showToolTip(QMouseEvent *event)
{
    if (m_series.buckets.empty() || !m_plot->axisRect()->rect().contains(event->position().toPoint())) {
        QToolTip::hideText();
        return;
    }
    const auto at = std::int64_t(m_plot->xAxis->pixelToCoord(event->position().x()));
    const auto found = std::upper_bound(m_series.buckets.begin(), m_series.buckets.end(), at,
                                        [](std::int64_t time, const charts::TimelineBucket &b) { return time < b.start; });
    if (found == m_series.buckets.begin() || at >= std::prev(found)->end) {
        QToolTip::hideText();
        return;
    }
    const charts::TimelineBucket &b = *std::prev(found);
    const std::string code = m_series.currency.toStdString();
    const QString format = m_series.bucket == charts::TimeBucket::Month ? QStringLiteral("MMMM yyyy") : QStringLiteral("d MMM yyyy");
    QString period = QDateTime::fromSecsSinceEpoch(b.start, m_zone).toString(format);
    if (m_series.bucket == charts::TimeBucket::Week)
        period = tr("Week of %1").arg(period);
    QString text = tr("<b>%1</b><br>In: %2 (%3)<br>Out: %4 (%5)")
                           .arg(period, model::formatAmount(b.inMinor, code))
                           .arg(b.inCount)
                           .arg(model::formatAmount(b.outMinor, code))
                           .arg(b.outCount);
    if (m_series.hasBalance)
        text += tr("<br>Balance at the end: %1").arg(model::formatAmount(b.balanceMinor, code));
    int shown = 0;
    for (const charts::AlertMarker &alert : m_series.alerts) {
        if (alert.windowStart >= b.end || std::max(alert.windowEnd, alert.windowStart) < b.start)
            continue;
        if (shown++ == 5) {
            text += tr("<br>…");
            break;
        }
        text += tr("<br><span style='color:#b35900'>▼ [%1] %2</span>").arg(alert.score).arg(alert.title.toHtmlEscaped());
    }
    QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
}

} // namespace fundtrace::ui
