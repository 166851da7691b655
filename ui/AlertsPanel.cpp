#include "AlertsPanel.h"

#include "AlertScoreDelegate.h"
#include "AlertTableModel.h"
#include "Icons.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fundtrace::ui {

namespace {

const std::pair<const char *, const char *> kStates[] = {
    { "new", QT_TRANSLATE_NOOP("fundtrace::ui::AlertsPanel", "New") },
    { "in_review", QT_TRANSLATE_NOOP("fundtrace::ui::AlertsPanel", "In review") },
    { "confirmed", QT_TRANSLATE_NOOP("fundtrace::ui::AlertsPanel", "Confirmed suspicious") },
    { "dismissed", QT_TRANSLATE_NOOP("fundtrace::ui::AlertsPanel", "Dismissed") },
};

} // namespace

AlertsPanel::AlertsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new AlertTableModel(this))
    , m_typology(new QComboBox(this))
    , m_minScore(new QSpinBox(this))
    , m_states(new QToolButton(this))
    , m_showClosed(new QCheckBox(tr("Show &closed"), this))
    , m_subjectBox(new QWidget(this))
    , m_subjectLabel(new QLabel(m_subjectBox))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("alertsPanel"));

    m_typology->setObjectName(QStringLiteral("alertTypology"));
    // The dock shares the bottom with the sources; its filters must not force the window wider.
    m_typology->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_typology->setMinimumContentsLength(22);
    m_typology->addItem(tr("All typologies"), QString());
    m_typology->setToolTip(tr("Only alerts of one typology; the number is how many there are"));

    m_minScore->setObjectName(QStringLiteral("alertMinScore"));
    m_minScore->setRange(0, 100);
    m_minScore->setSingleStep(10);
    m_minScore->setPrefix(tr("score ≥ "));
    m_minScore->setToolTip(tr("Only alerts scoring at least this much"));

    m_states->setObjectName(QStringLiteral("alertStates"));
    m_states->setPopupMode(QToolButton::InstantPopup);
    m_states->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *stateMenu = new QMenu(m_states);
    for (const auto &[value, text] : kStates) {
        QAction *state = stateMenu->addAction(tr(text));
        state->setObjectName(QStringLiteral("alertState_%1").arg(QLatin1String(value)));
        state->setData(QString::fromLatin1(value));
        state->setCheckable(true);
        // Dismissed alerts are out of the way until asked for.
        state->setChecked(qstrcmp(value, "dismissed") != 0);
        connect(state, &QAction::toggled, this, &AlertsPanel::applyFilter);
    }
    m_states->setMenu(stateMenu);

    m_showClosed->setObjectName(QStringLiteral("alertShowClosed"));
    m_showClosed->setToolTip(tr("Also show alerts the latest detection run no longer found"));

    auto *subjectLayout = new QHBoxLayout(m_subjectBox);
    subjectLayout->setContentsMargins(0, 0, 0, 0);
    auto *clearSubject = new QToolButton(m_subjectBox);
    clearSubject->setIcon(icon("clear"));
    clearSubject->setAutoRaise(true);
    clearSubject->setToolTip(tr("Show the alerts of every subject"));
    connect(clearSubject, &QToolButton::clicked, this, [this] { setSubject(0, {}); });
    m_subjectLabel->setObjectName(QStringLiteral("alertSubject"));
    subjectLayout->addWidget(m_subjectLabel);
    subjectLayout->addWidget(clearSubject);
    m_subjectBox->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_typology);
    filters->addWidget(m_minScore);
    filters->addWidget(m_states);
    filters->addWidget(m_showClosed);
    filters->addWidget(m_subjectBox);
    filters->addStretch(1);

    m_view->setObjectName(QStringLiteral("alertTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(AlertTableModel::Score, new AlertScoreDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setCornerButtonEnabled(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSortIndicator(AlertTableModel::Score, Qt::DescendingOrder);
    m_view->setSortingEnabled(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<int, int> widths[] = {
        { AlertTableModel::Score, 8 },     { AlertTableModel::Typology, 24 }, { AlertTableModel::Title, 56 },
        { AlertTableModel::Subjects, 30 }, { AlertTableModel::State, 16 },    { AlertTableModel::Window, 22 },
        { AlertTableModel::Evidence, 6 },
    };
    for (const auto &[column, chars] : widths)
        m_view->setColumnWidth(column, digit * chars + 12);
    header->setSectionResizeMode(AlertTableModel::Title, QHeaderView::Stretch);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const std::int64_t id = m_model->alertIdAt(index.row()))
            emit openAlertRequested(id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &AlertsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPanel::updateButtons);

    auto *buttons = new QHBoxLayout;
    const std::pair<const char *, QString> triage[] = {
        { "in_review", tr("Mark in Review") },
        { "confirmed", tr("Confirm Suspicious") },
        { "dismissed", tr("Dismiss…") },
        { "new", tr("Reopen") },
    };
    for (const auto &[state, text] : triage) {
        auto *button = new QPushButton(text, this);
        const QString value = QString::fromLatin1(state);
        button->setObjectName(QStringLiteral("alertTriage_%1").arg(value));
        connect(button, &QPushButton::clicked, this, [this, value] {
            const QVector<std::int64_t> ids = selectedAlerts();
            if (!ids.isEmpty())
                emit triageRequested(ids, value);
        });
        buttons->addWidget(button);
        m_triageButtons << button;
    }
    auto *undo = new QPushButton(icon("undo"), tr("Undo Last Triage"), this);
    undo->setObjectName(QStringLiteral("alertUndo"));
    undo->setToolTip(tr("Undo the newest triage still in force (Ctrl+Alt+U)"));
    connect(undo, &QPushButton::clicked, this, &AlertsPanel::undoRequested);
    buttons->addSpacing(12);
    buttons->addWidget(undo);
    buttons->addSpacing(12);
    m_status->setObjectName(QStringLiteral("alertStatus"));
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    buttons->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_typology, &QComboBox::currentIndexChanged, this, &AlertsPanel::applyFilter);
    connect(m_minScore, &QSpinBox::valueChanged, this, &AlertsPanel::applyFilter);
    connect(m_showClosed, &QCheckBox::toggled, this, &AlertsPanel::applyFilter);
    connect(m_model, &AlertTableModel::loaded, this, [this] {
        updateTypologies();
        updateStatus();
        updateButtons();
    });
    connect(m_model, &AlertTableModel::loadingStarted, this, [this] { m_status->setText(tr("Loading…")); });
    connect(m_model, &AlertTableModel::loadFailed, this,
            [this](const QString &message) { m_status->setText(tr("Loading failed: %1").arg(message)); });
    applyFilter();
    updateButtons();
}

void AlertsPanel::setCasePath(const QString &path)
{
    m_subjectId = 0;
    m_subjectBox->hide();
    {
        const QSignalBlocker blocker(m_typology);
        m_typology->clear();
        m_typology->addItem(tr("All typologies"), QString());
    }
    detect::AlertFilter filter = m_model->filter();
    filter.rules.clear();
    filter.subjectId = 0;
    m_model->setCasePath({});
    // The filter is set before the path, so the first load already uses it.
    const QSignalBlocker blocker(this);
    applyFilter();
    m_model->setCasePath(path);
}

void AlertsPanel::setSubject(std::int64_t subjectId, const QString &name)
{
    m_subjectId = subjectId;
    m_subjectLabel->setText(tr("Subject: <b>%1</b>").arg(name.toHtmlEscaped()));
    m_subjectBox->setVisible(subjectId != 0);
    applyFilter();
}

QVector<std::int64_t> AlertsPanel::selectedAlerts() const
{
    QVector<std::int64_t> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const std::int64_t id = m_model->alertIdAt(index.row()))
            ids << id;
    }
    return ids;
}

void AlertsPanel::applyFilter()
{
    detect::AlertFilter filter;
    const QString rule = m_typology->currentData().toString();
    if (!rule.isEmpty())
        filter.rules << rule;
    filter.minScore = m_minScore->value();
    QStringList states;
    QStringList shown;
    for (QAction *state : m_states->menu()->actions()) {
        if (state->isChecked()) {
            states << state->data().toString();
            shown << state->text();
        }
    }
    // None ticked means none shown, not all: the list says so instead of surprising.
    filter.states = states.isEmpty() ? QStringList { QStringLiteral("-") } : states;
    if (states.size() == static_cast<int>(std::size(kStates)))
        filter.states.clear();
    filter.includeInactive = m_showClosed->isChecked();
    filter.subjectId = m_subjectId;
    const int all = static_cast<int>(std::size(kStates));
    QString label;
    if (states.size() == all)
        label = tr("All states");
    else if (states.isEmpty())
        label = tr("No state");
    else if (states.size() == 1)
        label = shown.first();
    else if (states.size() == all - 1 && !states.contains(QStringLiteral("dismissed")))
        label = tr("Not dismissed");
    else
        label = tr("%1 states").arg(states.size());
    m_states->setText(label);
    m_states->setToolTip(tr("Which triage states to show: %1").arg(shown.isEmpty() ? tr("none") : shown.join(QStringLiteral(", "))));
    m_model->setFilter(filter);
}

void AlertsPanel::updateTypologies()
{
    const QString current = m_typology->currentData().toString();
    const QSignalBlocker blocker(m_typology);
    m_typology->clear();
    int total = 0;
    for (const auto &count : m_model->typologyCounts())
        total += count.count;
    m_typology->addItem(tr("All typologies (%1)").arg(total), QString());
    bool found = current.isEmpty();
    for (const auto &count : m_model->typologyCounts()) {
        m_typology->addItem(icon("alert"), tr("%1 (%2)").arg(count.typology).arg(count.count), count.rule);
        found = found || count.rule == current;
    }
    // A typology with no alerts under the other filters stays choosable while chosen.
    if (!found)
        m_typology->addItem(tr("%1 (0)").arg(current), current);
    m_typology->setCurrentIndex(std::max(0, m_typology->findData(current)));
}

void AlertsPanel::updateStatus()
{
    const int count = m_model->rowCount();
    m_status->setText(count == 0 ? tr("No alerts match; run detection (Ctrl+Shift+D) or widen the filters.")
                                 : count == 1 ? tr("1 alert") : tr("%1 alerts").arg(QLocale().toString(count)));
}

void AlertsPanel::updateButtons()
{
    const bool any = m_view->selectionModel()->hasSelection();
    for (QPushButton *button : m_triageButtons)
        button->setEnabled(any);
}

void AlertsPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const std::int64_t id = m_model->alertIdAt(index.row());
    menu.addAction(icon("details"), tr("Open Alert"), this, [this, id] { emit openAlertRequested(id); });
    menu.addSeparator();
    for (QPushButton *button : m_triageButtons)
        menu.addAction(button->text(), button, &QPushButton::click)->setEnabled(button->isEnabled());
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace fundtrace::ui
