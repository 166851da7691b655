#include "LinkChartPanel.h"

#include "GraphMetricsModel.h"
#include "Icons.h"
#include "LinkChartView.h"
#include "LinkChartWorker.h"

#include "db/CaseFile.h"
#include "graph/GraphExport.h"
#include "graph/GraphRenderer.h"
#include "util/Logging.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QTimeZone>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace fundtrace::ui {
namespace {

// Distinct colours for the largest communities (Okabe-Ito, colour-blind safe), grey for the rest.
QColor communityColour(int community)
{
    static const QColor palette[] = { QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
                                      QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
                                      QColor(0xCC, 0x79, 0xA7), QColor(0x88, 0x88, 0x88) };
    constexpr int kColours = int(std::size(palette));
    if (community < 0)
        return palette[kColours - 1];
    return palette[std::min(community, kColours - 1)];
}

std::int64_t toUtcSeconds(const QDate &date, bool endOfDay)
{
    const QDateTime time(date, endOfDay ? QTime(23, 59, 59) : QTime(0, 0), QTimeZone::utc());
    return time.toSecsSinceEpoch();
}

template<typename Container>
void appendUnique(std::vector<std::int64_t> &to, const Container &ids)
{
    for (const qint64 id : ids) {
        if (std::find(to.begin(), to.end(), id) == to.end())
            to.push_back(id);
    }
}

} // namespace

LinkChartPanel::LinkChartPanel(QWidget *parent)
    : QWidget(parent)
    , m_worker(new LinkChartWorker(this))
    , m_chartView(new LinkChartView(this))
    , m_metrics(new GraphMetricsModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_empty(new QLabel(this))
{
    createActions();

    m_sorted->setSourceModel(m_metrics);
    m_sorted->setSortRole(GraphMetricsModel::kSortRole);
    m_table->setObjectName(QStringLiteral("graphMetricsTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(GraphMetricsModel::PageRank, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(GraphMetricsModel::Name, fontMetrics().averageCharWidth() * 42);
    m_table->setColumnWidth(GraphMetricsModel::Kind, fontMetrics().averageCharWidth() * 14);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("<h3>Link chart</h3><p>Who paid whom. Start from a subject (<b>Show in Link Chart</b> in its "
                        "profile or the Subjects dock), from an alert, or draw the whole case.</p>"));
    auto *wholeCase = new QToolButton(this);
    wholeCase->setText(tr("Draw the Whole Case"));
    wholeCase->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(wholeCase, &QToolButton::clicked, this, &LinkChartPanel::showWholeCase);
    auto *emptyPage = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_empty);
    emptyLayout->addWidget(wholeCase, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();

    auto *chartStack = new QWidget(this);
    auto *stack = new QStackedLayout(chartStack);
    stack->addWidget(emptyPage);
    stack->addWidget(m_chartView);
    connect(this, &LinkChartPanel::chartReady, stack, [stack, this] { stack->setCurrentWidget(m_chartView); });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(chartStack);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildToolBar());
    layout->addWidget(splitter, 1);
    m_status->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_status);

    connect(m_worker, &LinkChartWorker::started, this, [this] {
        m_status->setText(tr("Drawing the chart…"));
        m_cancel->setVisible(true);
    });
    connect(m_worker, &LinkChartWorker::ready, this, &LinkChartPanel::onReady);
    connect(m_worker, &LinkChartWorker::failed, this, [this](const QString &message) {
        m_cancel->setVisible(false);
        m_status->setText(tr("The chart could not be drawn: %1").arg(message));
        emit chartFailed(message);
    });
    connect(m_chartView, &LinkChartView::selectionChanged, this, &LinkChartPanel::onSelectionChanged);
    connect(m_chartView, &LinkChartView::nodeActivated, this, &LinkChartPanel::onNodeActivated);
    connect(m_chartView, &LinkChartView::contextMenuRequested, this, &LinkChartPanel::showContextMenu);
    connect(m_chartView, &LinkChartView::nodeMoved, this, [this](qint64 id, QPointF position) {
        m_view.positions.insert(id, position);
        appendUnique(m_view.pinned, QList<qint64> { id });
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LinkChartPanel::onTableSelection);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        onNodeActivated(m_sorted->data(index, GraphMetricsModel::kNodeIdRole).toLongLong());
    });
    updateActions();
}

LinkChartPanel::~LinkChartPanel() = default;

void LinkChartPanel::createActions()
{
    const auto make = [this](const char *iconName, const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(icon(iconName), text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_expand = make("add", tr("Expand Neighbours"), QKeySequence(Qt::Key_E), &LinkChartPanel::expandSelected);
    m_hide = make("remove", tr("Hide"), QKeySequence(Qt::Key_Delete), &LinkChartPanel::hideSelected);
    m_group = make("merge", tr("Group"), QKeySequence(Qt::Key_G), &LinkChartPanel::groupSelected);
    m_ungroup = make("undo", tr("Ungroup"), QKeySequence(Qt::SHIFT | Qt::Key_G), &LinkChartPanel::ungroupSelected);
    m_pin = make("pin", tr("Pin / Unpin"), QKeySequence(Qt::Key_P), &LinkChartPanel::togglePinSelected);
    m_relayout = make("refresh", tr("Lay Out Again"), QKeySequence(Qt::Key_L), &LinkChartPanel::relayout);
    m_fit = make("fit", tr("Fit to Window"), QKeySequence(Qt::Key_F), [this] { m_chartView->fitToView(); });
    m_save = make("save", tr("Save View…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), &LinkChartPanel::saveViewAs);
    m_export = make("export", tr("Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), &LinkChartPanel::exportAs);
    m_path = make("link-chart", tr("Strongest Path Between the Two Selected"), QKeySequence(Qt::Key_S), [this] {
        if (!selectStrongestPath())
            m_status->setText(tr("No money trail leads from the first selected node to the second on this chart."));
    });
    m_trace = make("trace", tr("Follow the Money From Here"), QKeySequence(Qt::Key_T), [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.size() == 1 && m_view.mode == graph::NodeMode::Subjects && ids.front() > 0
            && !graph::isUnheldAccountNode(ids.front()))
            emit traceRequested(ids.front());
    });
}

QWidget *LinkChartPanel::buildToolBar()
{
    // Two rows: what the chart shows (filters), then how it is drawn and what to do with it.
    auto *bars = new QWidget(this);
    auto *rows = new QVBoxLayout(bars);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    auto *filters = new QToolBar(bars);
    auto *tools = new QToolBar(bars);
    for (QToolBar *bar : { filters, tools }) {
        bar->setIconSize(QSize(18, 18));
        bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
        rows->addWidget(bar);
    }
    const auto label = [](QToolBar *bar, const QString &text) {
        auto *l = new QLabel(text, bar);
        l->setContentsMargins(8, 0, 4, 0);
        bar->addWidget(l);
    };
    const auto dateEdit = [](QToolBar *bar, const QString &openText) {
        auto *edit = new QDateEdit(bar);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setSpecialValueText(openText);
        edit->setMinimumDate(QDate(1990, 1, 1));
        edit->setDate(edit->minimumDate());
        bar->addWidget(edit);
        return edit;
    };

    label(filters, tr("Nodes"));
    m_mode = new QComboBox(filters);
    m_mode->addItem(tr("Subjects"), graph::nodeModeName(graph::NodeMode::Subjects));
    m_mode->addItem(tr("Accounts"), graph::nodeModeName(graph::NodeMode::Accounts));
    m_mode->setToolTip(tr("Draw people and organisations (all their accounts together) or single accounts"));
    filters->addWidget(m_mode);
    label(filters, tr("Hops"));
    m_hops = new QSpinBox(filters);
    m_hops->setRange(1, 6);
    m_hops->setValue(1);
    m_hops->setToolTip(tr("How many transfers away from the starting subjects the chart reaches"));
    filters->addWidget(m_hops);
    m_direction = new QComboBox(filters);
    m_direction->addItem(tr("Both directions"));
    m_direction->addItem(tr("Money out"));
    m_direction->addItem(tr("Money in"));
    m_direction->setToolTip(tr("Which transfers are followed from the starting subjects"));
    filters->addWidget(m_direction);
    label(filters, tr("From"));
    m_since = dateEdit(filters, tr("start"));
    label(filters, tr("to"));
    m_until = dateEdit(filters, tr("end"));
    label(filters, tr("Min. amount"));
    m_minAmount = new QDoubleSpinBox(filters);
    m_minAmount->setRange(0, 1e12);
    m_minAmount->setDecimals(0);
    m_minAmount->setGroupSeparatorShown(true);
    m_minAmount->setToolTip(tr("Leave out transfers smaller than this, in the case's main currency"));
    filters->addWidget(m_minAmount);
    m_channels = new QToolButton(filters);
    m_channels->setObjectName(QStringLiteral("linkChartChannels"));
    m_channels->setText(tr("Channels: all"));
    m_channels->setPopupMode(QToolButton::InstantPopup);
    m_channels->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_channels->setToolTip(tr("Which kinds of transfer make up the chart"));
    auto *channelMenu = new QMenu(m_channels);
    for (const detect::Channel channel : { detect::Channel::Transfer, detect::Channel::Card, detect::Channel::Wallet,
                                           detect::Channel::Agent, detect::Channel::Cash, detect::Channel::Other,
                                           detect::Channel::Unknown }) {
        QAction *choice = channelMenu->addAction(QString::fromLatin1(detect::channelName(channel)));
        choice->setCheckable(true);
        choice->setChecked(true);
        choice->setData(int(channel));
        connect(choice, &QAction::toggled, this, [this, choice](bool checked) {
            // At least one channel stays chosen: an empty choice would mean every channel.
            const QList<QAction *> all = m_channels->menu()->actions();
            if (!checked && std::none_of(all.begin(), all.end(), [](const QAction *a) { return a->isChecked(); })) {
                const QSignalBlocker block(choice);
                choice->setChecked(true);
                return;
            }
            if (m_chart)
                request(true);
        });
    }
    m_channels->setMenu(channelMenu);
    filters->addWidget(m_channels);
    filters->addSeparator();
    m_cancel = filters->addAction(tr("Cancel"), this, [this] {
        m_worker->cancel();
        m_cancel->setVisible(false);
        m_status->setText(tr("Cancelled."));
    });
    m_cancel->setToolTip(tr("Stop drawing the chart"));
    if (auto *button = qobject_cast<QToolButton *>(filters->widgetForAction(m_cancel)))
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_cancel->setVisible(false);

    label(tools, tr("Layout"));
    m_layout = new QComboBox(tools);
    m_layout->addItem(tr("Force-directed"), QStringLiteral("force"));
    m_layout->addItem(tr("Money trail (by hop)"), QStringLiteral("layered"));
    m_layout->addItem(tr("Money trail (by time)"), QStringLiteral("layered-time"));
    m_layout->addItem(tr("Circles by community"), QStringLiteral("circular"));
    tools->addWidget(m_layout);
    label(tools, tr("Size"));
    m_sizeBy = new QComboBox(tools);
    m_sizeBy->addItems({ tr("Equal"), tr("Money moved"), tr("PageRank"), tr("Betweenness") });
    m_sizeBy->setCurrentIndex(1);
    tools->addWidget(m_sizeBy);
    label(tools, tr("Colour"));
    m_colourBy = new QComboBox(tools);
    m_colourBy->addItems({ tr("Kind and risk"), tr("Community") });
    tools->addWidget(m_colourBy);
    tools->addSeparator();
    for (QAction *action : { m_expand, m_hide, m_group, m_ungroup, m_pin, m_path, m_relayout, m_fit })
        tools->addAction(action);
    tools->addSeparator();
    m_views = new QComboBox(tools);
    m_views->setMinimumContentsLength(16);
    m_views->setToolTip(tr("Open a view saved in the case"));
    tools->addWidget(m_views);
    tools->addAction(m_save);
    tools->addAction(m_export);

    // Filters shape the graph: draw again, keeping where the remaining nodes stand.
    const auto redraw = [this] {
        if (m_chart)
            request(true);
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        if (m_chart)
            request(false);
    });
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] { relayout(); });
    connect(m_hops, &QSpinBox::valueChanged, this, redraw);
    connect(m_direction, &QComboBox::currentIndexChanged, this, redraw);
    connect(m_since, &QDateEdit::editingFinished, this, redraw);
    connect(m_until, &QDateEdit::editingFinished, this, redraw);
    connect(m_minAmount, &QDoubleSpinBox::editingFinished, this, redraw);
    connect(m_sizeBy, &QComboBox::currentIndexChanged, this, &LinkChartPanel::applyStyle);
    connect(m_colourBy, &QComboBox::currentIndexChanged, this, &LinkChartPanel::applyStyle);
    connect(m_views, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            openView(m_views->itemText(index));
    });
    return bars;
}

void LinkChartPanel::setCasePath(const QString &path)
{
    m_casePath = path;
    m_worker->setCasePath(path);
    m_chart.reset();
    m_view = {};
    m_metrics->setChart(nullptr);
    m_chartView->setScene(graph::GraphScene());
    m_status->clear();
    reloadViewList();
    updateActions();
}

void LinkChartPanel::refresh()
{
    reloadViewList();
    if (m_chart)
        request(true);
}

void LinkChartPanel::showSubjects(const QList<qint64> &subjectIds)
{
    graph::GraphSeeds seeds;
    seeds.subjects.assign(subjectIds.begin(), subjectIds.end());
    start(seeds);
}

void LinkChartPanel::showAccounts(const QList<qint64> &accountIds)
{
    graph::GraphSeeds seeds;
    seeds.accounts.assign(accountIds.begin(), accountIds.end());
    start(seeds);
}

void LinkChartPanel::showAlert(qint64 alertId)
{
    graph::GraphSeeds seeds;
    seeds.alerts.push_back(alertId);
    // An alert's parties are the story; one hop shows who they dealt with.
    m_hops->blockSignals(true);
    m_hops->setValue(1);
    m_hops->blockSignals(false);
    start(seeds);
}

void LinkChartPanel::showWholeCase()
{
    start({});
}

void LinkChartPanel::start(const graph::GraphSeeds &seeds)
{
    m_view = {};
    m_view.seeds = seeds;
    request(false);
}

void LinkChartPanel::readFilter()
{
    graph::nodeModeFromName(m_mode->currentData().toString(), m_view.mode);
    const QString layout = m_layout->currentData().toString();
    m_view.layersByTime = layout == QLatin1String("layered-time");
    graph::layoutKindFromName(m_view.layersByTime ? QStringLiteral("layered") : layout, m_view.layout);
    graph::GraphFilter &filter = m_view.filter;
    filter.hops = m_hops->value();
    filter.direction = static_cast<graph::GraphFilter::Direction>(m_direction->currentIndex());
    filter.from = m_since->date() == m_since->minimumDate() ? 0 : toUtcSeconds(m_since->date(), false);
    filter.to = m_until->date() == m_until->minimumDate() ? 0 : toUtcSeconds(m_until->date(), true);
    // Major units of the main currency; every currency the case uses has at most 3 decimals.
    filter.minAmountMinor = std::int64_t(std::llround(m_minAmount->value() * 100));
    filter.channels.clear();
    const QList<QAction *> channels = m_channels->menu()->actions();
    const bool all = std::all_of(channels.begin(), channels.end(), [](const QAction *a) { return a->isChecked(); });
    if (!all) {
        for (const QAction *choice : channels) {
            if (choice->isChecked())
                filter.channels.push_back(static_cast<detect::Channel>(choice->data().toInt()));
        }
    }
    showChannelCount();
}

void LinkChartPanel::showChannelCount()
{
    const qsizetype all = m_channels->menu()->actions().size();
    const std::size_t chosen = m_view.filter.channels.size();
    m_channels->setText(chosen == 0 ? tr("Channels: all") : tr("Channels: %1 of %2").arg(chosen).arg(all));
}

void LinkChartPanel::request(bool keepPositions)
{
    if (m_casePath.isEmpty())
        return;
    const graph::NodeMode before = m_view.mode;
    readFilter();
    if (keepPositions && m_view.mode == before)
        rememberPositions();
    else
        m_view.positions.clear();
    m_worker->request(m_view);
}

void LinkChartPanel::rememberPositions()
{
    if (!m_chart)
        return;
    const graph::GraphScene &scene = m_chartView->scene();
    for (std::int32_t n = 0; n < scene.nodeCount(); ++n)
        m_view.positions.insert(scene.graph().nodes()[std::size_t(n)].id, scene.position(n));
}

void LinkChartPanel::onReady(std::shared_ptr<const graph::LinkChart> made, const graph::GraphView &view)
{
    m_cancel->setVisible(false);
    const bool firstDraw = !m_chart || view.positions.isEmpty();
    m_chart = std::move(made);
    m_view = view;
    m_metrics->setChart(m_chart);
    const graph::LinkChart &chart = *m_chart;

    graph::GraphScene scene(std::shared_ptr<const graph::FlowGraph>(m_chart, &chart.graph), chart.positions);
    for (const std::int64_t id : m_view.pinned) {
        const std::int32_t node = chart.graph.indexOf(id);
        if (node >= 0)
            scene.setPinned(node, true);
    }
    // A chart grown or trimmed around the nodes already shown keeps the investigator's zoom.
    const QPointF centre = m_chartView->centre();
    const double zoom = m_chartView->zoom();
    m_chartView->setScene(std::move(scene));
    applyStyle();
    if (!firstDraw)
        m_chartView->setView(centre, zoom);

    const QString summary = tr("%n node(s)", nullptr, int(chart.graph.nodes().size())) + QStringLiteral(", ")
                            + tr("%n flow(s)", nullptr, int(chart.graph.edges().size())) + QStringLiteral(", ")
                            + tr("%n communities", nullptr, chart.metrics.communities)
                            + tr(" · built in %1 s, laid out %2 node(s) in %3 s")
                                      .arg(chart.buildSeconds, 0, 'f', 2)
                                      .arg(chart.laidOut)
                                      .arg(chart.layoutSeconds, 0, 'f', 2);
    m_status->setText(chart.graph.nodes().empty()
                              ? tr("No transfers between known accounts match these filters.")
                              : summary);
    updateActions();
    emit chartReady(summary);
}

void LinkChartPanel::applyStyle()
{
    if (!m_chart)
        return;
    const graph::LinkChart &chart = *m_chart;
    const std::size_t n = chart.graph.nodes().size();
    std::vector<double> sizes;
    if (m_sizeBy->currentIndex() > 0 && n > 0) {
        std::vector<double> values(n);
        for (std::size_t i = 0; i < n; ++i) {
            const graph::NodeMetrics &m = chart.metrics.nodes[i];
            switch (m_sizeBy->currentIndex()) {
            case 1: values[i] = std::log1p(m.weightedIn + m.weightedOut); break;
            case 2: values[i] = m.pageRank; break;
            default: values[i] = m.betweenness; break;
            }
        }
        const double top = *std::max_element(values.begin(), values.end());
        sizes.resize(n, 1.0);
        // 0.6 to 2.2 times the base size: the hubs stand out, nobody disappears.
        for (std::size_t i = 0; i < n; ++i)
            sizes[i] = top > 0 ? 0.6 + 1.6 * values[i] / top : 1.0;
    }
    std::vector<QColor> colours;
    if (m_colourBy->currentIndex() == 1) {
        colours.reserve(n);
        for (const graph::NodeMetrics &m : chart.metrics.nodes)
            colours.push_back(communityColour(m.community));
    }
    m_chartView->editScene([&sizes, &colours](graph::GraphScene &scene) {
        scene.setSizeFactors(std::move(sizes));
        scene.setColourOverrides(std::move(colours));
    });
}

QList<qint64> LinkChartPanel::selectedIds() const
{
    return m_chartView->selectedIds();
}

void LinkChartPanel::onSelectionChanged(const QList<qint64> &ids)
{
    updateActions();
    if (m_syncing)
        return;
    m_syncing = true;
    m_table->selectionModel()->clearSelection();
    for (const qint64 id : ids) {
        const int row = m_metrics->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_sorted->mapFromSource(m_metrics->index(row, 0));
        m_table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (ids.size() == 1)
            m_table->scrollTo(index);
    }
    m_syncing = false;
    if (m_view.mode == graph::NodeMode::Subjects) {
        QList<qint64> subjects;
        for (const qint64 id : ids) {
            if (id > 0 && !graph::isUnheldAccountNode(id))
                subjects.push_back(id);
        }
        emit subjectsSelected(subjects);
    }
}

void LinkChartPanel::onTableSelection()
{
    if (m_syncing)
        return;
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.push_back(m_sorted->data(index, GraphMetricsModel::kNodeIdRole).toLongLong());
    m_syncing = true;
    m_chartView->setSelectedIds(ids);
    if (ids.size() == 1 && m_chart) {
        const std::int32_t node = m_chart->graph.indexOf(ids.front());
        if (node >= 0)
            m_chartView->setView(m_chartView->scene().position(node), m_chartView->zoom());
    }
    m_syncing = false;
    updateActions();
}

void LinkChartPanel::selectSubjects(const QList<qint64> &subjectIds)
{
    if (m_view.mode != graph::NodeMode::Subjects || m_syncing)
        return;
    m_syncing = true;
    m_chartView->setSelectedIds(subjectIds);
    m_syncing = false;
    updateActions();
}

void LinkChartPanel::onNodeActivated(qint64 id)
{
    if (!m_chart)
        return;
    const std::int32_t index = m_chart->graph.indexOf(id);
    if (index < 0)
        return;
    const graph::GraphNode &node = m_chart->graph.nodes()[std::size_t(index)];
    switch (node.entity) {
    case graph::NodeEntity::Subject: emit subjectActivated(node.id); break;
    case graph::NodeEntity::Account:
        emit accountActivated(graph::isUnheldAccountNode(node.id) ? node.id - graph::kUnheldAccountNodeBase : node.id);
        break;
    case graph::NodeEntity::Group: break;
    }
}

void LinkChartPanel::showContextMenu(const QList<qint64> &ids, const QPoint &globalPos)
{
    QMenu menu(this);
    if (!ids.isEmpty()) {
        if (ids.size() == 1) {
            menu.addAction(icon("subject"), tr("Open Profile"), this, [this, id = ids.front()] { onNodeActivated(id); });
            menu.addAction(m_trace);
            menu.addSeparator();
        }
        if (ids.size() == 2)
            menu.addAction(m_path);
        menu.addAction(m_expand);
        menu.addAction(m_hide);
        menu.addAction(m_group);
        menu.addAction(m_ungroup);
        menu.addAction(m_pin);
        menu.addSeparator();
    }
    menu.addAction(m_relayout);
    menu.addAction(m_fit);
    menu.addAction(m_save);
    menu.addAction(m_export);
    menu.exec(globalPos);
}

void LinkChartPanel::expandSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_chart)
        return;
    appendUnique(m_view.expanded, ids);
    request(true);
}

void LinkChartPanel::hideSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || !m_chart)
        return;
    appendUnique(m_view.hidden, ids);
    request(true);
}

void LinkChartPanel::groupSelected()
{
    QList<qint64> ids = selectedIds();
    ids.removeIf([](qint64 id) { return id < 0; }); // groups are not nested
    if (ids.size() < 2 || !m_chart)
        return;
    bool ok = false;
    const QString label = QInputDialog::getText(this, tr("Group"), tr("Name of the group:"), QLineEdit::Normal,
                                                tr("Group %1").arg(m_view.groups.size() + 1), &ok);
    if (ok)
        groupNodes(ids, label);
}

bool LinkChartPanel::groupNodes(const QList<qint64> &nodeIds, const QString &label)
{
    QList<qint64> ids = nodeIds;
    ids.removeIf([this](qint64 id) { return id < 0 || !m_chart || m_chart->graph.indexOf(id) < 0; });
    if (ids.size() < 2)
        return false;
    // A group stands where its members were, on average.
    rememberPositions();
    QPointF centre;
    for (const qint64 id : ids)
        centre += m_view.positions.value(id);
    graph::FlowGraphGrouping::Group group;
    group.label = label.trimmed().isEmpty() ? tr("Group %1").arg(m_view.groups.size() + 1) : label.trimmed();
    group.members.assign(ids.begin(), ids.end());
    m_view.groups.push_back(group);
    m_view.positions.insert(-std::int64_t(m_view.groups.size()), centre / double(ids.size()));
    m_worker->request(m_view);
    return true;
}

void LinkChartPanel::ungroupSelected()
{
    ungroup(selectedIds());
}

bool LinkChartPanel::ungroup(const QList<qint64> &groupIds)
{
    std::vector<bool> drop(m_view.groups.size(), false);
    bool changed = false;
    for (const qint64 id : groupIds) {
        if (id < 0 && std::size_t(-id) <= m_view.groups.size()) {
            drop[std::size_t(-id - 1)] = true;
            changed = true;
        }
    }
    if (!changed)
        return false;
    rememberPositions();
    // A group's id is -(its index + 1): the groups kept are renumbered and their places move with
    // them; the members of a dissolved group come back on a small ring where it stood.
    std::vector<graph::FlowGraphGrouping::Group> kept;
    QHash<std::int64_t, QPointF> positions;
    for (auto it = m_view.positions.cbegin(); it != m_view.positions.cend(); ++it) {
        if (it.key() >= 0)
            positions.insert(it.key(), it.value());
    }
    for (std::size_t g = 0; g < m_view.groups.size(); ++g) {
        const QPointF at = m_view.positions.value(-std::int64_t(g + 1));
        if (drop[g]) {
            const std::vector<std::int64_t> &members = m_view.groups[g].members;
            for (std::size_t m = 0; m < members.size(); ++m) {
                const double angle = 2 * std::numbers::pi * double(m) / double(members.size());
                positions.insert(members[m], at + QPointF(60.0 * std::cos(angle), 60.0 * std::sin(angle)));
            }
            continue;
        }
        kept.push_back(m_view.groups[g]);
        positions.insert(-std::int64_t(kept.size()), at);
    }
    m_view.groups = std::move(kept);
    m_view.positions = std::move(positions);
    m_worker->request(m_view);
    return true;
}

void LinkChartPanel::togglePinSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const bool pin = std::any_of(ids.begin(), ids.end(), [this](qint64 id) {
        return std::find(m_view.pinned.begin(), m_view.pinned.end(), id) == m_view.pinned.end();
    });
    for (const qint64 id : ids) {
        const auto at = std::find(m_view.pinned.begin(), m_view.pinned.end(), id);
        if (pin && at == m_view.pinned.end())
            m_view.pinned.push_back(id);
        else if (!pin && at != m_view.pinned.end())
            m_view.pinned.erase(at);
    }
    m_chartView->setPinnedIds(QList<qint64>(m_view.pinned.begin(), m_view.pinned.end()));
}

void LinkChartPanel::relayout()
{
    if (!m_chart)
        return;
    readFilter();
    // Only pinned nodes keep their place.
    rememberPositions();
    QHash<std::int64_t, QPointF> kept;
    for (const std::int64_t id : m_view.pinned) {
        if (m_view.positions.contains(id))
            kept.insert(id, m_view.positions.value(id));
    }
    m_view.positions = std::move(kept);
    m_worker->request(m_view);
}

void LinkChartPanel::setPeriod(const QDateTime &from, const QDateTime &to)
{
    {
        const QSignalBlocker blockSince(m_since), blockUntil(m_until);
        m_since->setDate(from.isValid() ? from.toUTC().date() : m_since->minimumDate());
        m_until->setDate(to.isValid() ? to.toUTC().addSecs(-1).date() : m_until->minimumDate());
    }
    if (m_chart)
        request(true);
}

bool LinkChartPanel::selectStrongestPath()
{
    const QList<qint64> ids = selectedIds();
    if (!m_chart || ids.size() != 2)
        return false;
    const graph::FlowGraph &graph = m_chart->graph;
    const graph::StrongestPath path
            = graph::GraphAnalytics::strongestPath(graph, graph.indexOf(ids[0]), graph.indexOf(ids[1]));
    if (path.nodes.empty())
        return false;
    QList<qint64> trail;
    QStringList names;
    for (const std::int32_t node : path.nodes) {
        trail.push_back(graph.nodes()[std::size_t(node)].id);
        names << graph.nodes()[std::size_t(node)].label;
    }
    m_chartView->setSelectedIds(trail);
    onSelectionChanged(trail);
    m_status->setText(tr("Strongest trail (%n transfer(s), weakest link %1 %2): %3", nullptr, int(path.edges.size()))
                              .arg(QLocale().toString(path.bottleneck, 'f', 0), graph.mainCurrency(),
                                   names.join(QStringLiteral(" → "))));
    return true;
}

bool LinkChartPanel::openView(const QString &name)
{
    try {
        db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
        graph::GraphViewStore store(caseFile.db());
        graph::GraphView view;
        if (!store.load(name, view))
            return false;
        m_view = view;
    } catch (const std::exception &error) {
        m_status->setText(tr("The view could not be opened: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    // Show the view's settings without each control drawing again.
    const QSignalBlocker blockMode(m_mode), blockLayout(m_layout), blockHops(m_hops), blockDirection(m_direction);
    m_mode->setCurrentIndex(m_mode->findData(graph::nodeModeName(m_view.mode)));
    const QString layout = m_view.layersByTime ? QStringLiteral("layered-time") : graph::layoutKindName(m_view.layout);
    m_layout->setCurrentIndex(std::max(0, m_layout->findData(layout)));
    m_hops->setValue(m_view.filter.hops);
    m_direction->setCurrentIndex(int(m_view.filter.direction));
    m_since->setDate(m_view.filter.from ? QDateTime::fromSecsSinceEpoch(m_view.filter.from, QTimeZone::utc()).date()
                                        : m_since->minimumDate());
    m_until->setDate(m_view.filter.to ? QDateTime::fromSecsSinceEpoch(m_view.filter.to, QTimeZone::utc()).date()
                                      : m_until->minimumDate());
    m_minAmount->setValue(double(m_view.filter.minAmountMinor) / 100.0);
    for (QAction *choice : m_channels->menu()->actions()) {
        const QSignalBlocker blockChoice(choice);
        const auto channel = static_cast<detect::Channel>(choice->data().toInt());
        const auto &wanted = m_view.filter.channels;
        choice->setChecked(wanted.empty() || std::find(wanted.begin(), wanted.end(), channel) != wanted.end());
    }
    showChannelCount();
    m_chart.reset(); // fit the restored chart to the window
    m_worker->request(m_view);
    return true;
}

bool LinkChartPanel::saveView(const QString &name, QString *error)
{
    if (!m_chart || name.trimmed().isEmpty())
        return false;
    rememberPositions();
    graph::GraphView view = m_view;
    view.name = name.trimmed();
    try {
        db::CaseFile caseFile = db::CaseFile::open(m_casePath);
        graph::GraphViewStore(caseFile.db()).save(view);
    } catch (const std::exception &failure) {
        if (error)
            *error = QString::fromUtf8(failure.what());
        return false;
    }
    m_view.name = view.name;
    reloadViewList();
    m_status->setText(tr("View \"%1\" saved in the case.").arg(view.name));
    return true;
}

QStringList LinkChartPanel::savedViews() const
{
    QStringList names;
    if (m_casePath.isEmpty())
        return names;
    try {
        db::CaseFile caseFile = db::CaseFile::open(m_casePath, true);
        for (const graph::GraphView &view : graph::GraphViewStore(caseFile.db()).list())
            names << view.name;
    } catch (const std::exception &error) {
        log::get("ui")->warn("saved link chart views could not be listed: {}", error.what());
    }
    return names;
}

void LinkChartPanel::reloadViewList()
{
    const QSignalBlocker block(m_views);
    m_views->clear();
    m_views->addItem(tr("Saved views…"));
    m_views->addItems(savedViews());
    m_views->setEnabled(m_views->count() > 1);
}

void LinkChartPanel::saveViewAs()
{
    if (!m_chart)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save View"), tr("Name of the view (saved in the case):"),
                                               QLineEdit::Normal, m_view.name, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QString error;
    if (!saveView(name, &error))
        QMessageBox::warning(this, tr("Save View"), tr("The view could not be saved: %1").arg(error));
}

bool LinkChartPanel::exportChart(const QString &path, QString *error) const
{
    if (!m_chart) {
        if (error)
            *error = tr("There is no chart to export.");
        return false;
    }
    graph::ExportOptions options;
    options.title = m_view.name.isEmpty() ? tr("Link chart") : m_view.name;
    try {
        graph::GraphExport::write(m_chartView->scene(), path, options);
    } catch (const std::exception &failure) {
        if (error)
            *error = QString::fromUtf8(failure.what());
        return false;
    }
    return true;
}

void LinkChartPanel::exportAs()
{
    if (!m_chart)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Link Chart"), QStringLiteral("link-chart.svg"),
                                                      tr("SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportChart(path, &error))
        QMessageBox::warning(this, tr("Export Link Chart"), error);
    else
        m_status->setText(tr("Exported to %1").arg(path));
}

bool LinkChartPanel::isBusy() const
{
    return m_worker->isBusy();
}

void LinkChartPanel::updateActions()
{
    const bool chart = m_chart != nullptr;
    const QList<qint64> ids = chart ? selectedIds() : QList<qint64>();
    m_expand->setEnabled(!ids.isEmpty());
    m_hide->setEnabled(!ids.isEmpty());
    m_group->setEnabled(ids.size() >= 2);
    m_ungroup->setEnabled(std::any_of(ids.begin(), ids.end(), [](qint64 id) { return id < 0; }));
    m_pin->setEnabled(!ids.isEmpty());
    m_path->setEnabled(ids.size() == 2);
    m_trace->setEnabled(ids.size() == 1 && m_view.mode == graph::NodeMode::Subjects && ids.front() > 0
                        && !graph::isUnheldAccountNode(ids.front()));
    for (QAction *action : { m_relayout, m_fit, m_save, m_export })
        action->setEnabled(chart);
}

} // namespace fundtrace::ui
