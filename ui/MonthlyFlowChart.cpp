#include "MonthlyFlowChart.h"

#include "ChartStyle.h"

#include "model/Currency.h"

#include <QDate>
#include <QLocale>
#include <QMap>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>
#include <tuple>
#include <qcustomplot.h>

namespace fundtrace::ui {

namespace {


QString monthLabel(const QString &month, bool withYear)
{
    const QDate date = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        return month;
    return QLocale::c().toString(date, withYear ? QStringLiteral("MMM\nyyyy") : QStringLiteral("MMM"));
}

} // namespace

MonthlyFlowChart::MonthlyFlowChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("monthlyFlowPlot"));
    m_plot->setMinimumHeight(280);
    m_plot->setMouseTracking(true);
    std::tie(m_in, m_out) = addMoneyBars(m_plot);
    m_in->setWidth(0.7);
    m_out->setWidth(0.7);

    QFont font = m_plot->font();
    font.setPointSizeF(font.pointSizeF() * 1.05);
    m_plot->xAxis->setTickLabelFont(font);
    m_plot->yAxis->setTickLabelFont(font);
    m_plot->yAxis->setLabelFont(font);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new AmountTicker));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setZeroLinePen(QPen(QColor(0x55, 0x55, 0x55), 1));
    // The legend sits in a row of its own above the bars, so it never hides a month.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 0));

    connect(m_plot, &QCustomPlot::mouseMove, this, &MonthlyFlowChart::showToolTip);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void MonthlyFlowChart::setMonths(const QVector<entities::SubjectProfile::MonthFlow> &months, const QString &currency)
{
    m_currency = currency;
    m_months.clear();
    QMap<QString, Month> byMonth;
    for (const entities::SubjectProfile::MonthFlow &flow : months) {
        if (flow.currency != currency)
            continue;
        Month &month = byMonth[flow.month];
        month.month = flow.month;
        month.inMinor += flow.inMinor;
        month.outMinor += flow.outMinor;
    }
    // A continuous axis: quiet months are part of the story.
    if (!byMonth.isEmpty()) {
        QDate date = QDate::fromString(byMonth.firstKey() + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
        const QDate last = QDate::fromString(byMonth.lastKey() + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
        if (date.isValid() && last.isValid()) {
            for (; date <= last; date = date.addMonths(1)) {
                const QString key = date.toString(QStringLiteral("yyyy-MM"));
                Month month = byMonth.value(key);
                month.month = key;
                m_months << month;
            }
        } else {
            m_months = byMonth.values().toVector();
        }
    }

    const std::string code = currency.toStdString();
    QVector<double> keys;
    QVector<double> in;
    QVector<double> out;
    const auto tickEvery = std::max<qsizetype>(1, (m_months.size() + 17) / 18);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double top = 0;
    double bottom = 0;
    for (qsizetype i = 0; i < m_months.size(); ++i) {
        const Month &month = m_months[i];
        keys << double(i);
        in << model::toMajor(month.inMinor, code);
        out << -model::toMajor(month.outMinor, code);
        top = std::max(top, in.last());
        bottom = std::min(bottom, out.last());
        if (i % tickEvery == 0) {
            const bool withYear = i == 0 || month.month.endsWith(QLatin1String("-01")) || tickEvery >= 12
                    || (i >= tickEvery && m_months[i - tickEvery].month.left(4) != month.month.left(4));
            ticker->addTick(double(i), monthLabel(month.month, withYear));
        }
    }
    m_in->setData(keys, in);
    m_out->setData(keys, out);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.7, std::max<double>(double(m_months.size()) - 0.3, 0.3));
    const double span = std::max(top - bottom, 1.0);
    m_plot->yAxis->setRange(bottom - span * 0.05, top + span * 0.18);
    m_plot->yAxis->setLabel(currency);
    m_plot->replot();
}

void MonthlyFlowChart::showToolTip(QMouseEvent *event)
{
    const double key = m_plot->xAxis->pixelToCoord(event->position().x());
    const auto index = static_cast<qsizetype>(std::lround(key));
    if (m_months.isEmpty() || index < 0 || index >= m_months.size() || std::abs(key - double(index)) > 0.45) {
        QToolTip::hideText();
        return;
    }
    const Month &month = m_months[index];
    const std::string code = m_currency.toStdString();
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("<b>%1</b><br>In: %2<br>Out: %3")
                               .arg(month.month, model::formatAmount(month.inMinor, code),
                                    model::formatAmount(month.outMinor, code)),
                       m_plot);
}

} // namespace fundtrace::ui
