#pragma once

#include "detect/AlertQuery.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemRect;

namespace fundtrace::ui {

// An alert's evidence over time: each transaction a stem at its booking time, money in green
// upwards and out red downwards, over the alert's window shaded. Amounts of one currency only
// (the evidence's most common); the others are counted in the caption.
class AlertTimelineChart : public QWidget {
    Q_OBJECT

public:
    explicit AlertTimelineChart(QWidget *parent = nullptr);

    void setAlert(const detect::AlertDetail &alert);
    QCustomPlot *plot() const { return m_plot; }
    QCPGraph *inGraph() const { return m_in; }
    QCPGraph *outGraph() const { return m_out; }
    QCPItemRect *windowRect() const { return m_window; }

private:
    QCustomPlot *m_plot;
    QCPGraph *m_in;
    QCPGraph *m_out;
    QCPItemRect *m_window;
};

} // namespace fundtrace::ui
