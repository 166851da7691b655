#include "AnalysisPages.h"

#include "ActivityPanel.h"
#include "CaseContextCache.h"
#include "Icons.h"
#include "LinkChartPanel.h"
#include "TraceView.h"

#include "db/CaseFile.h"
#include "db/Statement.h"
#include "util/Logging.h"

#include <QAction>
#include <QTabWidget>

namespace fundtrace::ui {

AnalysisPages::AnalysisPages(QTabWidget *tabs, QWidget *window)
    : QObject(window)
    , m_tabs(tabs)
    , m_window(window)
{
    const auto make = [this](const char *iconName, const QString &text, const QKeySequence &key, const QString &tip) {
        auto *action = new QAction(icon(iconName), text, m_window);
        action->setShortcut(key);
        action->setStatusTip(tip);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        action->setEnabled(false);
        m_window->addAction(action);
        return action;
    };
    m_linkChartAction = make("link-chart", tr("&Link Chart"), QKeySequence(tr("Ctrl+G")),
                             tr("Who paid whom: the link chart of the selected subjects, or of the whole case"));
    m_traceAction = make("trace", tr("&Follow the Money"), QKeySequence(tr("Ctrl+T")),
                         tr("Trace money forward or backward through accounts (FIFO, LIFO, pro rata, LIBR)"));
    m_activityAction = make("timeline", tr("&Activity Over Time"), QKeySequence(tr("Ctrl+Shift+A")),
                            tr("Timeline, amount histogram, day-by-hour heatmap and breakdowns"));
    connect(m_linkChartAction, &QAction::triggered, this, [this] { openLinkChart(); });
    connect(m_traceAction, &QAction::triggered, this, [this] { openTrace(); });
    connect(m_activityAction, &QAction::triggered, this, [this] { openActivity(); });
}

LinkChartPanel *AnalysisPages::linkChart() const
{
    return m_linkChart;
}

TraceView *AnalysisPages::trace() const
{
    return m_trace;
}

ActivityPanel *AnalysisPages::activity() const
{
    return m_activity;
}

void AnalysisPages::setCasePath(const QString &path)
{
    for (QWidget *page : { static_cast<QWidget *>(m_linkChart), static_cast<QWidget *>(m_trace),
                           static_cast<QWidget *>(m_activity) }) {
        if (!page)
            continue;
        const int index = m_tabs->indexOf(page);
        if (index >= 0)
            m_tabs->removeTab(index);
        page->deleteLater();
    }
    // Forgotten now, not when deleted: a page asked for before then belongs to the new case.
    m_linkChart = nullptr;
    m_trace = nullptr;
    m_activity = nullptr;
    CaseContextCache::invalidate();
    m_casePath = path;
    for (QAction *action : { m_linkChartAction, m_traceAction, m_activityAction })
        action->setEnabled(!path.isEmpty());
}

void AnalysisPages::caseDataChanged()
{
    CaseContextCache::invalidate(m_casePath);
    if (m_linkChart)
        m_linkChart->refresh();
    if (m_trace)
        m_trace->invalidateCase();
    if (m_activity)
        m_activity->refresh();
}

void AnalysisPages::findingsChanged()
{
    if (m_linkChart)
        m_linkChart->refresh();
    if (m_activity)
        m_activity->refresh();
}

void AnalysisPages::bringForward(QWidget *page, const char *iconName, const QString &title)
{
    int index = m_tabs->indexOf(page);
    if (index < 0)
        index = m_tabs->addTab(page, icon(iconName), title);
    m_tabs->setCurrentIndex(index);
}

LinkChartPanel *AnalysisPages::openLinkChart()
{
    if (m_casePath.isEmpty())
        return nullptr;
    if (!m_linkChart) {
        m_linkChart = new LinkChartPanel(m_tabs);
        m_linkChart->setCasePath(m_casePath);
        connect(m_linkChart, &LinkChartPanel::subjectActivated, this, &AnalysisPages::openSubjectRequested);
        connect(m_linkChart, &LinkChartPanel::accountActivated, this, &AnalysisPages::openHolderOf);
        connect(m_linkChart, &LinkChartPanel::subjectsSelected, this, &AnalysisPages::subjectsSelected);
        connect(m_linkChart, &LinkChartPanel::traceRequested, this, &AnalysisPages::traceFromSubject);
        connect(m_linkChart, &LinkChartPanel::chartReady, this, &AnalysisPages::message);
        connect(m_linkChart, &LinkChartPanel::chartFailed, this,
                [this](const QString &text) { emit message(tr("Link chart: %1").arg(text)); });
    }
    bringForward(m_linkChart, "link-chart", tr("Link Chart"));
    return m_linkChart;
}

TraceView *AnalysisPages::openTrace()
{
    if (m_casePath.isEmpty())
        return nullptr;
    if (!m_trace) {
        m_trace = new TraceView(m_casePath, m_tabs);
        connect(m_trace, &TraceView::accountActivated, this, &AnalysisPages::openHolderOf);
        connect(m_trace, &TraceView::traceFinished, this, &AnalysisPages::message);
        connect(m_trace, &TraceView::traceFailed, this,
                [this](const QString &text) { emit message(tr("Trace: %1").arg(text)); });
    }
    bringForward(m_trace, "trace", tr("Follow the Money"));
    return m_trace;
}

ActivityPanel *AnalysisPages::openActivity()
{
    if (m_casePath.isEmpty())
        return nullptr;
    if (!m_activity) {
        m_activity = new ActivityPanel(m_tabs);
        m_activity->setCasePath(m_casePath);
        connect(m_activity, &ActivityPanel::rangeSelected, this, [this](const QDateTime &from, const QDateTime &to) {
            if (m_linkChart)
                m_linkChart->setPeriod(from, to);
            emit rangeSelected(from, to);
        });
        connect(m_activity, &ActivityPanel::rangeCleared, this, [this] {
            if (m_linkChart)
                m_linkChart->setPeriod({}, {});
            emit rangeCleared();
        });
        connect(m_activity, &ActivityPanel::loadFailed, this,
                [this](const QString &text) { emit message(tr("Activity: %1").arg(text)); });
    }
    bringForward(m_activity, "timeline", tr("Activity"));
    return m_activity;
}

void AnalysisPages::showSubjectsInLinkChart(const QList<qint64> &subjectIds)
{
    if (LinkChartPanel *panel = openLinkChart())
        panel->showSubjects(subjectIds);
}

void AnalysisPages::showAlertInLinkChart(qint64 alertId)
{
    if (LinkChartPanel *panel = openLinkChart())
        panel->showAlert(alertId);
}

void AnalysisPages::traceFromSubject(qint64 subjectId)
{
    if (TraceView *view = openTrace())
        view->traceFromSubject(subjectId, true);
}

void AnalysisPages::showActivity(const QList<qint64> &subjectIds, const QString &title)
{
    if (ActivityPanel *panel = openActivity())
        panel->showSubjects(subjectIds, title);
}

void AnalysisPages::selectSubjects(const QList<qint64> &subjectIds)
{
    if (m_linkChart)
        m_linkChart->selectSubjects(subjectIds);
}

void AnalysisPages::openHolderOf(qint64 accountId)
{
    try {
        db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
        db::Statement holder = caseFile.db().prepare("SELECT subject_id FROM accounts WHERE id = ?1 AND subject_id IS NOT NULL");
        holder.bind(1, std::int64_t(accountId));
        if (holder.step()) {
            emit openSubjectRequested(holder.int64(0));
            return;
        }
        emit message(tr("Account %1 has no known holder to show.").arg(accountId));
    } catch (const std::exception &error) {
        emit message(tr("The account's holder could not be looked up: %1").arg(QString::fromUtf8(error.what())));
    }
}

} // namespace fundtrace::ui
