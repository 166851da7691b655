#pragma once

#include <QStackedWidget>
#include <qcustomplot.h>
#include <utility>

class QLabel;

namespace fundtrace::ui {

// Amount axis labels in major units, without sign (outflows are drawn downwards), shortened to
// k and M when the scale is large: "250 k", "1.5 M".
class AmountTicker : public QCPAxisTicker {
public:
    // `signed_` keeps the minus sign, for balances that can go below zero.
    explicit AmountTicker(bool signed_ = false)
        : m_signed(signed_)
    {
    }
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;

private:
    bool m_signed;
};

// Money in and out look the same on every chart: green up, red down.
inline const QColor kMoneyInColour(0x2e, 0x8b, 0x57);
inline const QColor kMoneyOutColour(0xc0, 0x39, 0x2b);

// A pair of bar series for money in and out on the plot's main axes, named and coloured.
std::pair<QCPBars *, QCPBars *> addMoneyBars(QCustomPlot *plot);

// The look shared by the timeline and distribution charts: a slightly larger font, no clutter,
// the legend in a row of its own above the plot.
void applyChartStyle(QCustomPlot *plot);

// A chart and the sentence shown instead of it when there is nothing to draw, so an empty
// selection reads as "no transactions" and never as a blank white pane.
class ChartPane : public QStackedWidget {
    Q_OBJECT

public:
    explicit ChartPane(QCustomPlot *plot, QWidget *parent = nullptr);

    void showPlot();
    void showMessage(const QString &text);
    bool isShowingPlot() const { return currentIndex() == 0; }
    QString message() const;

private:
    QLabel *m_message;
};

} // namespace fundtrace::ui
