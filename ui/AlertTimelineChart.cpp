#include "AlertTimelineChart.h"

#include "ChartStyle.h"

#include "model/Currency.h"

#include <QMap>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace fundtrace::ui {

namespace {


QCPGraph *stems(QCustomPlot *plot, const QColor &colour, const QString &name)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    graph->setLineStyle(QCPGraph::lsImpulse);
    graph->setPen(QPen(colour, 2.5));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 7));
    return graph;
}

} // namespace

AlertTimelineChart::AlertTimelineChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("alertTimelinePlot"));
    m_plot->setMinimumHeight(220);
    m_window = new QCPItemRect(m_plot);
    m_window->setPen(QPen(QColor(0x34, 0x98, 0xdb, 120), 1, Qt::DashLine));
    m_window->setBrush(QColor(0x34, 0x98, 0xdb, 36));
    m_window->setLayer(QStringLiteral("background"));
    m_in = stems(m_plot, kMoneyInColour, tr("Money in"));
    m_out = stems(m_plot, kMoneyOutColour, tr("Money out"));

    auto dates = QSharedPointer<QCPAxisTickerDateTime>::create();
    dates->setDateTimeSpec(Qt::UTC);
    dates->setDateTimeFormat(QStringLiteral("dd MMM\nyyyy"));
    dates->setTickCount(6);
    m_plot->xAxis->setTicker(dates);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new AmountTicker));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setZeroLinePen(QPen(QColor(0x55, 0x55, 0x55), 1));
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void AlertTimelineChart::setAlert(const detect::AlertDetail &alert)
{
    QMap<QString, int> byCurrency;
    for (const auto &row : alert.evidence)
        ++byCurrency[row.currency];
    QString currency;
    int most = 0;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            currency = it.key();
        }
    }
    const std::string code = currency.toStdString();
    QVector<double> inKeys, inValues, outKeys, outValues;
    double top = 0, bottom = 0;
    double first = double(alert.row.windowStart), last = double(alert.row.windowEnd);
    for (const auto &row : alert.evidence) {
        if (row.currency != currency)
            continue;
        const double at = double(row.bookedAt);
        const double major = model::toMajor(row.amountMinor, code);
        if (row.direction == u"C") {
            inKeys << at;
            inValues << major;
            top = std::max(top, major);
        } else {
            outKeys << at;
            outValues << -major;
            bottom = std::min(bottom, -major);
        }
        first = first == 0 ? at : std::min(first, at);
        last = std::max(last, at);
    }
    m_in->setData(inKeys, inValues);
    m_out->setData(outKeys, outValues);
    const double span = std::max(last - first, 3600.0 * 24);
    m_plot->xAxis->setRange(first - span * 0.08, last + span * 0.08);
    const double height = std::max(top - bottom, 1.0);
    m_plot->yAxis->setRange(bottom - height * 0.08, top + height * 0.15);
    m_plot->yAxis->setLabel(currency);
    m_window->topLeft->setCoords(double(alert.row.windowStart), top + height * 0.15);
    m_window->bottomRight->setCoords(double(std::max(alert.row.windowEnd, alert.row.windowStart + 1)), bottom - height * 0.08);
    m_window->setVisible(alert.row.windowStart != 0);
    m_plot->replot();
}

} // namespace fundtrace::ui
