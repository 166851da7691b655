#include "ChartStyle.h"

#include "model/Currency.h"

#include <QCoreApplication>
#include <QLabel>
#include <cmath>

namespace fundtrace::ui {

QString AmountTicker::getTickLabel(double tick, const QLocale &, QChar, int)
{
    return (m_signed && tick < 0 ? QStringLiteral("\u2212") : QString()) + model::shortAmount(tick);
}

std::pair<QCPBars *, QCPBars *> addMoneyBars(QCustomPlot *plot)
{
    auto *in = new QCPBars(plot->xAxis, plot->yAxis);
    auto *out = new QCPBars(plot->xAxis, plot->yAxis);
    in->setName(QCoreApplication::translate("Charts", "Money in"));
    out->setName(QCoreApplication::translate("Charts", "Money out"));
    in->setBrush(kMoneyInColour);
    in->setPen(QPen(kMoneyInColour.darker(120)));
    out->setBrush(kMoneyOutColour);
    out->setPen(QPen(kMoneyOutColour.darker(120)));
    return { in, out };
}

void applyChartStyle(QCustomPlot *plot)
{
    QFont font = plot->font();
    font.setPointSizeF(std::max(9.0, font.pointSizeF() * 1.05));
    plot->setFont(font);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
    }
    plot->legend->setFont(font);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->setNoAntialiasingOnDrag(true);
    plot->axisRect()->setMinimumMargins(QMargins(12, 8, 12, 8));
}

ChartPane::ChartPane(QCustomPlot *plot, QWidget *parent)
    : QStackedWidget(parent)
    , m_message(new QLabel(this))
{
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);
    QFont font = m_message->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_message->setFont(font);
    m_message->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_message->setAutoFillBackground(true);
    addWidget(plot);
    addWidget(m_message);
}

void ChartPane::showPlot()
{
    setCurrentIndex(0);
}

void ChartPane::showMessage(const QString &text)
{
    m_message->setText(text);
    setCurrentIndex(1);
}

QString ChartPane::message() const
{
    return m_message->text();
}

} // namespace fundtrace::ui
