#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QAction;
class QTabWidget;
class QWidget;

namespace fundtrace::ui {

class ActivityPanel;
class LinkChartPanel;
class TraceView;

// The analysis pages of the central tabs — link chart, follow the money, activity (timeline and
// distributions) — opened on demand, one of each, closed with the case. The window asks for them
// (show a subject on the chart, trace from it, its activity) and hears back what the
// investigator picks on them (a subject to open, a selection, a period).
class AnalysisPages : public QObject {
    Q_OBJECT

public:
    AnalysisPages(QTabWidget *tabs, QWidget *window);

    void setCasePath(const QString &path);
    // The case's money or subjects changed (import, merge, split): pages read the case again.
    void caseDataChanged();
    // Only what is known about it changed (alerts, triage, hits, notes): pages redraw their marks
    // from the case already in memory.
    void findingsChanged();

    QAction *linkChartAction() const { return m_linkChartAction; }
    QAction *traceAction() const { return m_traceAction; }
    QAction *activityAction() const { return m_activityAction; }

    // Brings the page forward, creating it if needed (null without a case).
    LinkChartPanel *openLinkChart();
    TraceView *openTrace();
    ActivityPanel *openActivity();
    // The open pages, null when closed.
    LinkChartPanel *linkChart() const;
    TraceView *trace() const;
    ActivityPanel *activity() const;

    void showSubjectsInLinkChart(const QList<qint64> &subjectIds);
    void showAlertInLinkChart(qint64 alertId);
    void traceFromSubject(qint64 subjectId);
    void showActivity(const QList<qint64> &subjectIds, const QString &title);
    // Mirrors the subjects selected elsewhere on the link chart, if it is open.
    void selectSubjects(const QList<qint64> &subjectIds);

signals:
    void openSubjectRequested(qint64 subjectId);
    void subjectsSelected(const QList<qint64> &subjectIds);
    void rangeSelected(const QDateTime &from, const QDateTime &to);
    void rangeCleared();
    void message(const QString &text);

private:
    void bringForward(QWidget *page, const char *iconName, const QString &title);
    void openHolderOf(qint64 accountId);

    QTabWidget *m_tabs;
    QWidget *m_window;
    QString m_casePath;
    QPointer<LinkChartPanel> m_linkChart;
    QPointer<TraceView> m_trace;
    QPointer<ActivityPanel> m_activity;
    QAction *m_linkChartAction;
    QAction *m_traceAction;
    QAction *m_activityAction;
};

} // namespace fundtrace::ui
