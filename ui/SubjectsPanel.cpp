#include "SubjectsPanel.h"

#include "Icons.h"
#include "SubjectTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fundtrace::ui {

SubjectsPanel::SubjectsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SubjectTableModel(this))
    , m_search(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_merge(new QPushButton(tr("Merge selected…"), this))
    , m_debounce(new QTimer(this))
{
    m_search->setObjectName(QStringLiteral("subjectSearch"));
    m_search->setPlaceholderText(tr("Any spelling, IIN/BIN or account…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icon("search"), QLineEdit::LeadingPosition);
    m_kind->setObjectName(QStringLiteral("subjectKind"));
    m_kind->addItem(tr("All kinds"), QString());
    m_kind->addItem(tr("Persons"), QStringLiteral("person"));
    m_kind->addItem(tr("Organisations"), QStringLiteral("organisation"));
    m_kind->addItem(tr("NPOs"), QStringLiteral("npo"));
    m_kind->addItem(tr("Institutions"), QStringLiteral("institution"));
    m_kind->addItem(tr("Agents"), QStringLiteral("agent"));
    m_kind->addItem(tr("Unknown"), QStringLiteral("unknown"));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        m_model->setSearch(m_search->text());
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SubjectsPanel::applyKind);

    m_view->setObjectName(QStringLiteral("subjectTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSortIndicator(SubjectTableModel::MoneyIn, Qt::DescendingOrder);
    header->setStretchLastSection(false);
    m_view->setSortingEnabled(true);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const std::pair<int, int> widths[] = {
        { SubjectTableModel::Name, 24 },     { SubjectTableModel::Kind, 9 },
        { SubjectTableModel::MoneyIn, 14 },  { SubjectTableModel::MoneyOut, 14 },
        { SubjectTableModel::Accounts, 5 },  { SubjectTableModel::Hits, 4 },
        { SubjectTableModel::LastActivity, 10 },
    };
    for (const auto &[column, chars] : widths)
        m_view->setColumnWidth(column, digit * chars + 12);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const std::int64_t id = m_model->subjectIdAt(index.row()))
            emit openProfileRequested(id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &SubjectsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                const QVector<std::int64_t> ids = selectedSubjects();
                m_merge->setEnabled(ids.size() >= 2);
                if (!m_mirroring)
                    emit subjectsSelected(QList<qint64>(ids.begin(), ids.end()));
            });

    m_merge->setObjectName(QStringLiteral("subjectMerge"));
    m_merge->setEnabled(false);
    m_merge->setToolTip(tr("Merge the selected subjects into one (asks for a reason)"));
    connect(m_merge, &QPushButton::clicked, this, [this] {
        const QVector<std::int64_t> ids = selectedSubjects();
        if (ids.size() >= 2)
            emit mergeRequested(ids);
    });
    m_status->setObjectName(QStringLiteral("subjectStatus"));

    connect(m_model, &SubjectTableModel::loadingStarted, this, &SubjectsPanel::updateStatus);
    connect(m_model, &SubjectTableModel::loaded, this, &SubjectsPanel::updateStatus);
    connect(m_model, &SubjectTableModel::loadFailed, this,
            [this](const QString &message) { m_status->setText(tr("Loading failed: %1").arg(message)); });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_kind);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_merge);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
}

void SubjectsPanel::setCasePath(const QString &path)
{
    {
        const QSignalBlocker searchBlocker(m_search);
        const QSignalBlocker kindBlocker(m_kind);
        m_search->clear();
        m_kind->setCurrentIndex(0);
    }
    m_debounce->stop();
    m_model->setSearch({});
    m_model->setKinds({});
    m_model->setCasePath(path);
    updateStatus();
}

void SubjectsPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QVector<std::int64_t> SubjectsPanel::selectedSubjects() const
{
    QVector<std::int64_t> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const std::int64_t id = m_model->subjectIdAt(index.row()))
            ids << id;
    }
    return ids;
}

void SubjectsPanel::applyKind()
{
    const QString kind = m_kind->currentData().toString();
    m_model->setKinds(kind.isEmpty() ? QStringList() : QStringList { kind });
}

void SubjectsPanel::updateStatus()
{
    if (m_model->isLoading()) {
        m_status->setText(tr("Loading subjects…"));
        return;
    }
    const QLocale locale;
    m_status->setText(tr("%1 subjects").arg(locale.toString(m_model->totalCount())));
}

void SubjectsPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    QMenu menu(this);
    const std::int64_t id = m_model->subjectIdAt(index.row());
    menu.addAction(icon("details"), tr("Open Profile"), this, [this, id] { emit openProfileRequested(id); });
    const QVector<std::int64_t> ids = selectedSubjects();
    QAction *merge = menu.addAction(tr("Merge Selected…"), this, [this, ids] { emit mergeRequested(ids); });
    merge->setEnabled(ids.size() >= 2);
    menu.addSeparator();
    const QList<qint64> chosen = ids.isEmpty() ? QList<qint64> { id } : QList<qint64>(ids.begin(), ids.end());
    const QString title = chosen.size() == 1 ? index.siblingAtColumn(SubjectTableModel::Name).data().toString() : QString();
    menu.addAction(icon("link-chart"), tr("Show in Link Chart"), this, [this, chosen] { emit linkChartRequested(chosen); });
    menu.addAction(icon("trace"), tr("Follow the Money"), this, [this, id] { emit traceRequested(id); });
    menu.addAction(icon("timeline"), tr("Activity Over Time"), this,
                   [this, chosen, title] { emit activityRequested(chosen, title); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void SubjectsPanel::selectSubjects(const QList<qint64> &subjectIds)
{
    m_mirroring = true;
    QItemSelection selection;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (subjectIds.contains(m_model->subjectIdAt(row)))
            selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().front());
    m_mirroring = false;
}

} // namespace fundtrace::ui
