#include "TraceView.h"

#include "CaseContextCache.h"
#include "DetailPages.h"
#include "TraceDiagramWidget.h"
#include "TracePathModel.h"
#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "graph/TraceTarget.h"
#include "import/CaseTimeZone.h"
#include "util/Logging.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <map>

namespace fundtrace::ui {
namespace {

using detect::DetectionContext;
using graph::TraceDiagram;

enum Page { EmptyPage, BusyPage, ResultPage };

const QDate kAnyDay(1990, 1, 1); // the date edits' "any" value

QDateEdit *dayEdit(QWidget *parent, const QString &name, const QString &toolTip)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kAnyDay);
    edit->setSpecialValueText(QObject::tr("any"));
    edit->setDate(kAnyDay);
    edit->setToolTip(toolTip);
    return edit;
}

// Seconds of the start (or the last second) of a day in the case's zone; 0 for "any".
std::int64_t dayBound(const QDate &day, bool endOfDay, const QTimeZone &zone)
{
    if (!day.isValid() || day <= kAnyDay)
        return 0;
    const QDateTime start(day, QTime(0, 0), zone);
    return endOfDay ? start.addDays(1).toSecsSinceEpoch() - 1 : start.toSecsSinceEpoch();
}

QTimeZone zoneOf(const db::CaseFile &caseFile)
{
    try {
        return import::caseTimeZone(caseFile);
    } catch (const std::exception &error) {
        log::get("ui")->warn("the case's time zone is not valid, using Asia/Almaty: {}", error.what());
        return QTimeZone(QByteArrayLiteral("Asia/Almaty"));
    }
}

QStringList currenciesByUse(const DetectionContext &context)
{
    std::map<std::uint16_t, std::size_t> counts;
    for (const detect::Transaction &t : context.transactions())
        ++counts[t.currency];
    std::vector<std::pair<std::size_t, QString>> ranked;
    for (const auto &[index, count] : counts)
        ranked.push_back({ count, context.currencyCode(index) });
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    QStringList codes;
    for (const auto &entry : ranked)
        codes << entry.second;
    return codes;
}

} // namespace

TraceView::TraceView(const QString &casePath, QWidget *parent)
    : QWidget(parent)
    , m_casePath(casePath)
    , m_zone(QByteArrayLiteral("Asia/Almaty"))
    , m_pages(new QStackedWidget(this))
    , m_emptyText(new QLabel(this))
    , m_busyText(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_diagramWidget(new TraceDiagramWidget(this))
    , m_paths(new QTableView(this))
    , m_pathModel(new TracePathModel(this))
{
    setObjectName(QStringLiteral("traceView"));
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &TraceView::onFinished);

    m_emptyText->setObjectName(QStringLiteral("traceEmpty"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setText(tr("Choose a subject or account and press Run.\n\nForward follows the money it received to where it "
                            "went; backward finds where the money that reached it came from."));

    QWidget *busy = makeBusyPage(m_busyText, m_pages);

    m_summary->setObjectName(QStringLiteral("traceSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diagramWidget->setEmptyText(tr("No diagram yet."));
    connect(m_diagramWidget, &TraceDiagramWidget::pathClicked, this, &TraceView::selectPath);
    connect(m_diagramWidget, &TraceDiagramWidget::accountActivated, this, &TraceView::accountActivated);

    m_paths->setObjectName(QStringLiteral("tracePaths"));
    m_paths->setModel(m_pathModel);
    m_paths->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_paths->setSelectionMode(QAbstractItemView::SingleSelection);
    m_paths->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_paths->setAlternatingRowColors(true);
    m_paths->setShowGrid(false);
    m_paths->setWordWrap(false);
    m_paths->setTextElideMode(Qt::ElideMiddle);
    m_paths->verticalHeader()->hide();
    m_paths->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_paths->horizontalHeader()->setSectionResizeMode(TracePathModel::Path, QHeaderView::Stretch);
    m_paths->horizontalHeader()->setSortIndicator(TracePathModel::Amount, Qt::DescendingOrder);
    m_paths->setSortingEnabled(true);
    connect(m_paths->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TraceView::onRowSelected);
    connect(m_paths, &QTableView::activated, this, &TraceView::onRowActivated);

    auto *result = new QWidget(m_pages);
    auto *splitter = new QSplitter(Qt::Vertical, result);
    splitter->addWidget(m_diagramWidget);
    splitter->addWidget(m_paths);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_summary);
    resultLayout->addWidget(splitter, 1);

    m_pages->insertWidget(EmptyPage, m_emptyText);
    m_pages->insertWidget(BusyPage, busy);
    m_pages->insertWidget(ResultPage, result);
    m_pages->setCurrentIndex(EmptyPage);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildOptions());
    layout->addWidget(m_pages, 1);
}

QWidget *TraceView::buildOptions()
{
    auto *row = new QWidget(this);
    m_start = new QLineEdit(row);
    m_start->setObjectName(QStringLiteral("traceStart"));
    m_start->setPlaceholderText(tr("Subject id or account number"));
    m_start->setToolTip(tr("Where the trace starts: a subject (all its accounts) or one account number."));
    m_start->setMinimumWidth(160);
    connect(m_start, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_target = { text.trimmed().isEmpty() ? Target::Kind::None : Target::Kind::Named, 0, text.trimmed() };
    });
    connect(m_start, &QLineEdit::returnPressed, this, &TraceView::run);

    m_direction = new QComboBox(row);
    m_direction->setObjectName(QStringLiteral("traceDirection"));
    m_direction->addItem(tr("Forward: where it went"), true);
    m_direction->addItem(tr("Backward: where it came from"), false);
    connect(m_direction, &QComboBox::currentIndexChanged, this, &TraceView::updateDateOptions);

    m_method = new QComboBox(row);
    m_method->setObjectName(QStringLiteral("traceMethod"));
    const struct {
        QString name;
        graph::TraceMethod method;
        QString toolTip;
    } methods[] = {
        { QStringLiteral("FIFO"), graph::TraceMethod::Fifo, tr("First in, first out: the oldest money in an account leaves first.") },
        { QStringLiteral("LIFO"), graph::TraceMethod::Lifo, tr("Last in, first out: the newest money in an account leaves first.") },
        { tr("Pro rata"), graph::TraceMethod::ProRata, tr("Every payment carries each origin's share of the balance at that moment.") },
        { QStringLiteral("LIBR"), graph::TraceMethod::Libr,
          tr("Lowest intermediate balance rule: other money leaves first; traced money never exceeds the lowest balance since it arrived.") },
    };
    for (const auto &method : methods) {
        m_method->addItem(method.name, QVariant::fromValue(int(method.method)));
        m_method->setItemData(m_method->count() - 1, method.toolTip, Qt::ToolTipRole);
    }

    m_hops = new QSpinBox(row);
    m_hops->setObjectName(QStringLiteral("traceHops"));
    m_hops->setRange(1, 10);
    m_hops->setValue(5);
    m_hops->setSuffix(tr(" hops"));
    m_hops->setToolTip(tr("How many transfers away from the start the money is followed."));

    m_since = dayEdit(row, QStringLiteral("traceSince"), tr("Forward: trace the inflows from this day on."));
    m_until = dayEdit(row, QStringLiteral("traceUntil"), tr("Forward: trace the inflows up to this day."));

    m_currency = new QComboBox(row);
    m_currency->setObjectName(QStringLiteral("traceCurrency"));
    m_currency->addItem(QStringLiteral("KZT"));
    m_currency->setToolTip(tr("Money in other currencies is not followed."));

    m_runButton = new QPushButton(tr("Run"), row);
    m_runButton->setObjectName(QStringLiteral("traceRun"));
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &TraceView::run);
    m_cancelButton = new QPushButton(tr("Cancel"), row);
    m_cancelButton->setObjectName(QStringLiteral("traceCancel"));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &TraceView::cancel);
    m_exportButton = new QPushButton(tr("Export…"), row);
    m_exportButton->setObjectName(QStringLiteral("traceExport"));
    m_exportButton->setToolTip(tr("Save the diagram as PNG, SVG or PDF."));
    m_exportButton->setEnabled(false);
    connect(m_exportButton, &QPushButton::clicked, this, &TraceView::exportFromButton);

    // Two rows, so the page still fits a narrow window.
    auto *layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *first = new QHBoxLayout;
    first->addWidget(new QLabel(tr("Start:"), row));
    first->addWidget(m_start, 1);
    first->addWidget(m_direction);
    first->addWidget(m_runButton);
    first->addWidget(m_cancelButton);
    first->addStretch(0);
    first->addWidget(m_exportButton);
    auto *second = new QHBoxLayout;
    second->addWidget(m_method);
    second->addWidget(m_hops);
    second->addWidget(new QLabel(tr("Inflows from"), row));
    second->addWidget(m_since);
    second->addWidget(new QLabel(tr("to"), row));
    second->addWidget(m_until);
    second->addWidget(m_currency);
    second->addStretch(1);
    layout->addLayout(first, 0, 0);
    layout->addLayout(second, 1, 0);
    return row;
}

void TraceView::updateDateOptions()
{
    const bool forward = m_direction->currentData().toBool();
    m_since->setEnabled(forward);
    m_until->setEnabled(forward);
}

void TraceView::traceFromSubject(std::int64_t subjectId, bool forward)
{
    m_target = { Target::Kind::Subject, subjectId, {} };
    m_start->setText(QString::number(subjectId));
    m_direction->setCurrentIndex(forward ? 0 : 1);
    run();
}

void TraceView::traceFromAccount(std::int64_t accountId, bool forward)
{
    m_target = { Target::Kind::Account, accountId, {} };
    m_start->setText(tr("account %1").arg(accountId)); // its number once the case is loaded
    m_direction->setCurrentIndex(forward ? 0 : 1);
    run();
}

void TraceView::invalidateCase()
{
    m_context.reset();
    ++m_caseEpoch;
}

void TraceView::run()
{
    if (m_target.kind == Target::Kind::None) {
        m_pages->setCurrentIndex(m_diagram ? ResultPage : EmptyPage);
        if (!m_diagram)
            m_emptyText->setText(tr("Choose a subject or account and press Run."));
        m_start->setFocus();
        return;
    }
    ++m_generation;
    setBusy(true);
    if (m_watcher.isRunning()) {
        m_runWanted = true; // starts when the running one is done, with the context it loads
        return;
    }
    start();
}

void TraceView::start()
{
    m_runWanted = false;
    graph::TraceRequest request;
    request.direction = m_direction->currentData().toBool() ? graph::TraceRequest::Direction::Forward
                                                            : graph::TraceRequest::Direction::Backward;
    request.method = graph::TraceMethod(m_method->currentData().toInt());
    request.hops = m_hops->value();
    request.currency = m_currency->currentText();
    const QDate since = m_since->date();
    const QDate until = m_until->date();
    const Target target = m_target;
    const QString path = m_casePath;
    const std::shared_ptr<const DetectionContext> cached = m_context;
    const int generation = m_generation;
    const int caseEpoch = m_caseEpoch;
    const bool currencyChosen = m_currenciesKnown;
    m_busyText->setText(cached ? tr("Tracing…") : tr("Reading the case into memory, then tracing…"));
    m_watcher.setFuture(QtConcurrent::run([=]() mutable -> Outcome {
        Outcome outcome;
        outcome.generation = generation;
        outcome.caseEpoch = caseEpoch;
        try {
            db::CaseFile caseFile = db::CaseFile::open(path, true);
            outcome.context = cached;
            if (!outcome.context) {
                outcome.context = CaseContextCache::get(path); // shared with the other analysis pages
                outcome.currencies = currenciesByUse(*outcome.context);
                outcome.baseCurrency = QString::fromStdString(import::caseBaseCurrency(caseFile));
            }
            outcome.zone = zoneOf(caseFile);
            const DetectionContext &context = *outcome.context;
            // A first trace in a case without the default currency follows its own main one.
            if (!currencyChosen && !outcome.currencies.isEmpty() && context.currencyIndex(request.currency) < 0)
                request.currency = outcome.currencies.contains(outcome.baseCurrency) ? outcome.baseCurrency : outcome.currencies.front();
            switch (target.kind) {
            case Target::Kind::Subject:
                request.accounts = graph::traceAccountsOfSubject(context, caseFile.db(), target.id);
                break;
            case Target::Kind::Account:
                request.accounts = graph::traceAccountWithId(context, target.id);
                break;
            case Target::Kind::Named:
                request.accounts = graph::traceAccountsNamed(context, caseFile.db(), target.name);
                break;
            case Target::Kind::None:
                break;
            }
            if (request.accounts.empty()) {
                outcome.error = target.kind == Target::Kind::Subject
                                        ? QObject::tr("Subject %1 has no accounts in this case to trace from.").arg(target.id)
                                : target.kind == Target::Kind::Account
                                        ? QObject::tr("There is no account %1 in this case.").arg(target.id)
                                        : QObject::tr("\"%1\" is neither a subject id nor an account number in this case.").arg(target.name);
                return outcome;
            }
            if (target.kind == Target::Kind::Account)
                outcome.startLabel = context.accounts()[std::size_t(request.accounts.front())].identifier;
            if (target.kind == Target::Kind::Subject) {
                // The field shows whom the trace starts from, not just a number.
                const QString name = graph::subjectNameOf(context, caseFile.db(), target.id);
                if (!name.isEmpty())
                    outcome.startLabel = QStringLiteral("%1 (#%2)").arg(name).arg(target.id);
            }
            request.from = dayBound(since, false, outcome.zone);
            request.to = dayBound(until, true, outcome.zone);
            const graph::TraceResult result = graph::FundTrace(context).run(request);
            outcome.diagram = std::make_shared<TraceDiagram>(result, context);
            outcome.diagram->setTimeZone(outcome.zone);
        } catch (const std::exception &error) {
            outcome.error = QString::fromUtf8(error.what());
            log::get("ui")->error("a fund trace failed: {}", error.what());
        }
        return outcome;
    }));
}

void TraceView::onFinished()
{
    const Outcome outcome = m_watcher.result();
    if (outcome.context && !m_context && outcome.caseEpoch == m_caseEpoch) {
        m_context = outcome.context;
        m_zone = outcome.zone;
        if (!m_currenciesKnown && !outcome.currencies.isEmpty()) {
            const QString used = outcome.diagram ? outcome.diagram->result().request.currency : m_currency->currentText();
            m_currency->clear();
            m_currency->addItems(outcome.currencies);
            if (m_currency->findText(used) < 0)
                m_currency->addItem(used);
            m_currency->setCurrentText(used);
            m_currenciesKnown = true;
        }
    }
    if (m_runWanted) {
        start();
        return;
    }
    if (outcome.generation != m_generation)
        return; // cancelled
    setBusy(false);
    showOutcome(outcome);
}

void TraceView::showOutcome(const Outcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        // The last diagram answered another question; it should not be exported as this one.
        m_diagram.reset();
        m_diagramWidget->setDiagram(nullptr);
        m_pathModel->setDiagram(nullptr);
        m_summary->clear();
        m_exportButton->setEnabled(false);
        m_emptyText->setText(tr("The trace could not be run:\n%1").arg(outcome.error));
        m_pages->setCurrentIndex(EmptyPage);
        emit traceFailed(outcome.error);
        return;
    }
    if (!outcome.startLabel.isEmpty())
        m_start->setText(outcome.startLabel);
    m_diagram = outcome.diagram;
    m_diagramWidget->setDiagram(m_diagram);
    m_pathModel->setTimeZone(outcome.zone);
    m_pathModel->setDiagram(m_diagram);
    const QHeaderView *header = m_paths->horizontalHeader();
    m_pathModel->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_summary->setText(summaryText());
    m_exportButton->setEnabled(true);
    m_pages->setCurrentIndex(ResultPage);
    emit traceFinished(m_diagram->title());
}

QString TraceView::summaryText() const
{
    if (!m_diagram)
        return {};
    const graph::TraceResult &result = m_diagram->result();
    const bool forward = result.request.direction == graph::TraceRequest::Direction::Forward;
    QStringList parts;
    parts << (forward ? tr("Traced %1 from %2").arg(m_diagram->formatMoney(result.tracedMinor), m_diagram->nodes().front().label)
                      : tr("Traced %1 into %2").arg(m_diagram->formatMoney(result.tracedMinor), m_diagram->nodes().front().label));
    const auto count = qsizetype(result.destinations.size());
    parts << (forward ? (count == 1 ? tr("reached 1 account") : tr("reached %1 accounts").arg(count))
                      : (count == 1 ? tr("from 1 origin") : tr("from %1 origins").arg(count)));
    for (const TraceDiagram::Remainder &remainder : m_diagram->remainders())
        parts << QStringLiteral("%1 %2").arg(TraceDiagram::kindName(remainder.kind, forward).toLower(), m_diagram->formatMoney(remainder.amountMinor));
    return parts.join(QStringLiteral(" · "));
}

void TraceView::setBusy(bool busy)
{
    m_running = busy;
    m_cancelButton->setVisible(busy);
    if (busy)
        m_pages->setCurrentIndex(BusyPage);
}

void TraceView::cancel()
{
    ++m_generation;
    m_runWanted = false;
    setBusy(false);
    m_pages->setCurrentIndex(m_diagram ? ResultPage : EmptyPage);
}

void TraceView::selectPath(int path)
{
    const int row = m_pathModel->rowOfPath(path);
    if (row < 0)
        return;
    m_paths->selectRow(row);
    m_paths->scrollTo(m_pathModel->index(row, TracePathModel::Path));
}

void TraceView::onRowSelected()
{
    const QModelIndexList rows = m_paths->selectionModel()->selectedRows();
    m_diagramWidget->setHighlightedPath(rows.isEmpty() ? -1 : m_pathModel->pathAt(rows.front().row()));
}

void TraceView::onRowActivated(const QModelIndex &index)
{
    const int path = m_pathModel->pathAt(index.row());
    if (path < 0 || !m_diagram)
        return;
    // The far end of the path: where the money went (forward) or came from (backward).
    const std::vector<std::int32_t> &accounts = m_diagram->result().paths[std::size_t(path)].accounts;
    const bool forward = m_diagram->result().request.direction == graph::TraceRequest::Direction::Forward;
    std::int32_t account = -1;
    if (forward) {
        for (auto it = accounts.rbegin(); it != accounts.rend() && account < 0; ++it)
            account = *it;
    } else {
        for (auto it = accounts.begin(); it != accounts.end() && account < 0; ++it)
            account = *it;
    }
    if (account >= 0)
        emit accountActivated(m_diagram->accountId(account));
}

bool TraceView::exportDiagram(const QString &path, QString *error) const
{
    if (!m_diagram) {
        if (error)
            *error = tr("There is no diagram to export yet: run a trace first.");
        return false;
    }
    return m_diagram->exportTo(path, error);
}

void TraceView::exportFromButton()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the diagram"), QStringLiteral("trace.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportDiagram(path, &error))
        QMessageBox::warning(this, tr("Export the diagram"), error);
}

} // namespace fundtrace::ui
