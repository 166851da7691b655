#pragma once

#include "charts/AmountHistogram.h"
#include "charts/Breakdown.h"
#include "charts/HourHeatmap.h"
#include "charts/TimelineSeries.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QWidget>
#include <optional>

class QLabel;
class QToolButton;

namespace fundtrace::ui {

class DistributionsView;
class TimelineView;

// Time and distributions of a selection's money as a page of the central tabs: the timeline
// (money in and out, running balance, alert windows) above the amount histogram, the weekday x
// hour heatmap and the breakdowns. Brushing a period on the timeline narrows the distributions
// to it and is offered to the other views (rangeSelected). Everything is computed on a worker
// thread from the case in memory (CaseContextCache).
class ActivityPanel : public QWidget {
    Q_OBJECT

public:
    explicit ActivityPanel(QWidget *parent = nullptr);
    ~ActivityPanel() override;

    // Empty closes.
    void setCasePath(const QString &path);
    // The case's data changed: compute the current selection again.
    void refresh();
    // Whose money: subjects (any member id) with a title for the header; empty = the whole case.
    void showSubjects(const QList<qint64> &subjectIds, const QString &title);
    void showWholeCase();

    bool isLoading() const { return m_watcher.isRunning() || m_reloadWanted; }
    QString title() const { return m_title; }
    TimelineView *timeline() const { return m_timeline; }
    DistributionsView *distributions() const { return m_distributions; }

signals:
    void loaded();
    void loadFailed(const QString &message);
    // A period brushed on the timeline (UTC), or cleared.
    void rangeSelected(const QDateTime &from, const QDateTime &to);
    void rangeCleared();

private:
    struct Result {
        std::optional<charts::TimelineSeries> timeline; // only when the selection changed
        charts::AmountHistogram histogram;
        charts::HourHeatmap heatmap;
        std::vector<charts::Breakdown> breakdowns;
        QString subjectName; // of a single subject shown without a title
        QString error;
    };
    void load(bool withTimeline);
    void onLoaded();
    void onRangeSelected(const QDateTime &from, const QDateTime &to);
    void onRangeCleared();
    void updateHeader();

    QString m_casePath;
    QList<qint64> m_subjects;
    QString m_title;
    std::int64_t m_from = 0; // brushed period, UTC seconds; 0 = all
    std::int64_t m_to = 0;
    bool m_reloadWanted = false;
    bool m_timelineWanted = false;

    QLabel *m_header;
    QToolButton *m_brush;
    TimelineView *m_timeline;
    DistributionsView *m_distributions;
    QFutureWatcher<Result> m_watcher;
};

} // namespace fundtrace::ui
