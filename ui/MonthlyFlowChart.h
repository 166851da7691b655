#pragma once

#include "entities/SubjectProfile.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class QMouseEvent;

namespace fundtrace::ui {

// Money in (green, upwards) and out (red, downwards) per calendar month for one currency, as bars
// on a continuous month axis (months without movement show as gaps). Hovering a month shows its
// exact amounts; amounts stay integer minor units until they are plotted.
class MonthlyFlowChart : public QWidget {
    Q_OBJECT

public:
    explicit MonthlyFlowChart(QWidget *parent = nullptr);

    // Keeps the months of `currency` only.
    void setMonths(const QVector<entities::SubjectProfile::MonthFlow> &months, const QString &currency);
    int monthCount() const { return static_cast<int>(m_months.size()); }
    QCustomPlot *plot() const { return m_plot; }
    QCPBars *inBars() const { return m_in; }
    QCPBars *outBars() const { return m_out; }

private:
    struct Month {
        QString month; // yyyy-MM
        std::int64_t inMinor = 0;
        std::int64_t outMinor = 0;
    };
    void showToolTip(QMouseEvent *event);

    QCustomPlot *m_plot;
    QCPBars *m_in;
    QCPBars *m_out;
    QVector<Month> m_months;
    QString m_currency;
};

} // namespace fundtrace::ui
