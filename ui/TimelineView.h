#pragma once

#include "charts/TimelineSeries.h"

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

class QCustomPlot;
class QCPAxis;
class QCPBars;
class QCPGraph;
class QCPItemRect;
class QLabel;
class QMouseEvent;

namespace fundtrace::ui {

class ChartPane;

// Money in (green, up) and out (red, down) per day, week or month, the running balance as a line
// on the right axis, and alerts as shaded windows with markers along the top. The wheel zooms and
// dragging pans the time axis only; shift+drag (or any drag in brush mode) selects a period, drawn
// as a translucent band, and emits rangeSelected; Esc clears it. Everything plotted is bucketed
// (TimelineSeries), so a replot costs the same for a thousand transactions as for a million.
class TimelineView : public QWidget {
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    // Replaces the data and drops any brushed period (without emitting selectionCleared).
    void setData(const charts::TimelineSeries &series);
    const charts::TimelineSeries &series() const { return m_series; }
    // Shows this period on the time axis (zoom); the data stays.
    void setRange(const QDateTime &from, const QDateTime &to);
    // Draws a brushed period without emitting rangeSelected (to mirror another view's filter).
    void setSelection(const QDateTime &from, const QDateTime &to);
    void clearSelection();
    bool hasSelection() const;
    std::pair<QDateTime, QDateTime> selection() const;
    // When on, a plain drag brushes instead of panning.
    void setBrushMode(bool on);
    bool brushMode() const { return m_brushMode; }
    void replot();

    QCustomPlot *plot() const { return m_plot; }
    QCPBars *inflowBars() const { return m_in; }
    QCPBars *outflowBars() const { return m_out; }
    QCPGraph *balanceGraph() const { return m_balance; }
    QCPGraph *alertGraph() const { return m_alertMarks; }
    QCPItemRect *selectionRect() const { return m_brush; }
    ChartPane *pane() const { return m_pane; }

signals:
    void rangeSelected(const QDateTime &from, const QDateTime &to);
    void selectionCleared();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void startBrush(QMouseEvent *event);
    void moveBrush(QMouseEvent *event);
    void finishBrush(QMouseEvent *event);
    void showToolTip(QMouseEvent *event);
    void drawAlertWindows();
    void updateBarOutlines();
    void updateCaption();

    QCustomPlot *m_plot;
    ChartPane *m_pane;
    QLabel *m_caption;
    QCPBars *m_in;
    QCPBars *m_out;
    QCPGraph *m_balance;
    QCPGraph *m_alertMarks;
    QCPAxis *m_alertAxis;
    QCPItemRect *m_brush;
    QList<QCPItemRect *> m_alertWindows;
    charts::TimelineSeries m_series;
    QTimeZone m_zone;
    bool m_brushMode = false;
    bool m_brushing = false;
    bool m_hadSelection = false;
    double m_brushFrom = 0;
    double m_brushTo = 0;
};

} // namespace fundtrace::ui
