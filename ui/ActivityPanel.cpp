#include "ActivityPanel.h"

#include "CaseContextCache.h"
#include "DistributionsView.h"
#include "Icons.h"
#include "TimelineView.h"

#include "charts/AlertMarkers.h"
#include "charts/ReportingThreshold.h"
#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "graph/TraceTarget.h"
#include "import/CaseTimeZone.h"
#include "util/Logging.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace fundtrace::ui {

ActivityPanel::ActivityPanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_brush(new QToolButton(this))
    , m_timeline(new TimelineView(this))
    , m_distributions(new DistributionsView(this))
{
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_brush->setIcon(icon("filter"));
    m_brush->setText(tr("Select Period"));
    m_brush->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_brush->setCheckable(true);
    m_brush->setShortcut(QKeySequence(Qt::Key_B));
    m_brush->setToolTip(tr("Drag on the timeline to select a period (B); Shift+drag works at any time, Esc clears"));
    connect(m_brush, &QToolButton::toggled, m_timeline, &TimelineView::setBrushMode);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 2);
    top->addWidget(m_header, 1);
    top->addWidget(m_brush);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_timeline);
    splitter->addWidget(m_distributions);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_timeline, &TimelineView::rangeSelected, this, &ActivityPanel::onRangeSelected);
    connect(m_timeline, &TimelineView::selectionCleared, this, &ActivityPanel::onRangeCleared);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &ActivityPanel::onLoaded);
    updateHeader();
}

ActivityPanel::~ActivityPanel()
{
    m_watcher.waitForFinished();
}

void ActivityPanel::setCasePath(const QString &path)
{
    m_casePath = path;
    m_subjects.clear();
    m_title.clear();
    m_from = m_to = 0;
    if (!path.isEmpty())
        load(true);
}

void ActivityPanel::refresh()
{
    if (!m_casePath.isEmpty())
        load(true);
}

void ActivityPanel::showSubjects(const QList<qint64> &subjectIds, const QString &title)
{
    m_subjects = subjectIds;
    m_title = title;
    m_from = m_to = 0;
    m_timeline->clearSelection();
    load(true);
}

void ActivityPanel::showWholeCase()
{
    showSubjects({}, {});
}

void ActivityPanel::load(bool withTimeline)
{
    updateHeader();
    if (m_watcher.isRunning()) {
        m_reloadWanted = true;
        m_timelineWanted = m_timelineWanted || withTimeline;
        return;
    }
    m_reloadWanted = false;
    m_timelineWanted = false;
    // A brushed period keeps the timeline's currency, which may not be the most used one inside it.
    const QString currency = withTimeline ? QString() : m_timeline->series().currency;
    const bool nameWanted = m_title.isEmpty() && m_subjects.size() == 1;
    m_watcher.setFuture(QtConcurrent::run([path = m_casePath, subjects = m_subjects, from = m_from, to = m_to,
                                           withTimeline, currency, nameWanted]() {
        Result result;
        try {
            const auto context = CaseContextCache::get(path);
            db::CaseFile caseFile = db::CaseFile::open(path, true);
            charts::ChartScope scope;
            scope.zone = import::caseTimeZone(caseFile);
            for (const qint64 subject : subjects) {
                for (const std::int32_t account : graph::traceAccountsOfSubject(*context, caseFile.db(), subject))
                    scope.accounts.push_back(account);
            }
            if (nameWanted)
                result.subjectName = graph::subjectNameOf(*context, caseFile.db(), subjects.front());
            if (!subjects.isEmpty() && scope.accounts.empty())
                throw std::invalid_argument("none of the selected subjects has an account in the case");
            if (withTimeline) {
                result.timeline = charts::TimelineSeries::build(*context, scope);
                result.timeline->alerts = charts::alertMarkers(caseFile.db(), *context, scope);
                scope.currency = result.timeline->currency;
            } else {
                scope.currency = currency;
            }
            scope.from = from;
            scope.to = to;
            result.histogram = charts::AmountHistogram::build(*context, scope,
                                                              charts::ReportingThreshold::ofCase(caseFile.db()));
            result.heatmap = charts::HourHeatmap::build(*context, scope);
            for (const auto dimension : { charts::BreakdownDimension::Counterparty, charts::BreakdownDimension::Channel,
                                          charts::BreakdownDimension::Country })
                result.breakdowns.push_back(charts::Breakdown::build(*context, scope, dimension, 12));
        } catch (const std::exception &error) {
            result.error = QString::fromUtf8(error.what());
        }
        return result;
    }));
}

void ActivityPanel::onLoaded()
{
    const Result result = m_watcher.result();
    if (m_reloadWanted) {
        load(m_timelineWanted);
        return;
    }
    if (!result.error.isEmpty()) {
        log::get("ui")->warn("activity charts failed: {}", result.error.toStdString());
        m_header->setText(tr("<b>Activity</b> — could not be computed: %1").arg(result.error.toHtmlEscaped()));
        emit loadFailed(result.error);
        return;
    }
    if (m_title.isEmpty() && !result.subjectName.isEmpty())
        m_title = result.subjectName;
    if (result.timeline)
        m_timeline->setData(*result.timeline);
    m_distributions->setData(result.histogram, result.heatmap, result.breakdowns);
    updateHeader();
    emit loaded();
}

void ActivityPanel::onRangeSelected(const QDateTime &from, const QDateTime &to)
{
    m_from = from.toSecsSinceEpoch();
    m_to = to.toSecsSinceEpoch();
    load(false);
    emit rangeSelected(from, to);
}

void ActivityPanel::onRangeCleared()
{
    if (m_from == 0 && m_to == 0)
        return;
    m_from = m_to = 0;
    load(false);
    emit rangeCleared();
}

void ActivityPanel::updateHeader()
{
    QString whose = m_title.isEmpty() ? (m_subjects.isEmpty() ? tr("the whole case")
                                                              : tr("%n subject(s)", nullptr, int(m_subjects.size())))
                                      : m_title.toHtmlEscaped();
    QString text = tr("<b>Activity of %1</b>").arg(whose);
    if (m_from || m_to) {
        const QDateTime from = QDateTime::fromSecsSinceEpoch(m_from, QTimeZone::utc());
        const QDateTime to = QDateTime::fromSecsSinceEpoch(m_to, QTimeZone::utc());
        text += tr("<br>Distributions for the selected period %1 – %2 (Esc on the timeline clears it)")
                        .arg(from.toString(QStringLiteral("yyyy-MM-dd")), to.toString(QStringLiteral("yyyy-MM-dd")));
    }
    if (m_watcher.isRunning() || m_reloadWanted)
        text += tr(" <i>(computing…)</i>");
    m_header->setText(text);
}

} // namespace fundtrace::ui
