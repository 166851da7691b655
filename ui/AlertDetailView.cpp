#include "AlertDetailView.h"

#include "AlertTableModel.h"
#include "AlertTimelineChart.h"
#include "DetailPages.h"
#include "Icons.h"
#include "db/CaseFile.h"
#include "model/Currency.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonValue>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <cmath>

namespace fundtrace::ui {

namespace {

const QColor kInColour(0x1e, 0x7b, 0x34);
const QColor kOutColour(0xa8, 0x32, 0x32);
const QColor kMuted(0x6b, 0x72, 0x80);

QString when(std::int64_t seconds)
{
    return seconds == 0 ? QString()
                        : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString day(std::int64_t seconds)
{
    return seconds == 0 ? QObject::tr("—")
                        : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

QTableWidgetItem *textItem(const QString &text, const QString &toolTip = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return item;
}

QTableWidgetItem *numberItem(const QString &text, const QColor &colour = {})
{
    auto *item = textItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (colour.isValid())
        item->setForeground(colour);
    return item;
}

QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

// Sizes a table to its rows (up to maxRows) so the page reads top to bottom; `stretch` takes
// the remaining width and cut text keeps its tooltip.
void fitTable(QTableWidget *table, int stretch, int maxRows = 14, int cap = 280)
{
    const int rowHeight = table->fontMetrics().height() + 10;
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->resizeColumnsToContents();
    for (int column = 0; column < table->columnCount(); ++column)
        table->setColumnWidth(column, std::min(table->columnWidth(column) + 16, cap));
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    const int rows = std::min(table->rowCount(), maxRows);
    const int height = table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * table->frameWidth() + 2;
    table->setFixedHeight(height);
    table->setVerticalScrollBarPolicy(table->rowCount() > maxRows ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

QGroupBox *section(QWidget *parent, const QString &title, QWidget *content, const QString &whenEmpty = {}, bool empty = false)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    if (empty) {
        content->hide();
        content->setParent(box);
        auto *note = new QLabel(whenEmpty, box);
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("color: %1;").arg(kMuted.name()));
        layout->addWidget(note);
    } else {
        layout->addWidget(content);
    }
    // A fixed-height table sits at the top of a box stretched to its neighbour's height.
    if (qobject_cast<QTableWidget *>(content) || empty)
        layout->addStretch(1);
    return box;
}

QString metricText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::abs(number - std::round(number)) < 1e-9 && std::abs(number) < 1e15)
            return QLocale().toString(qint64(std::llround(number)));
        return QLocale().toString(number, 'f', 3);
    }
    if (value.isBool())
        return value.toBool() ? QObject::tr("yes") : QObject::tr("no");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &part : value.toArray())
            parts << metricText(part);
        return parts.join(QStringLiteral(", "));
    }
    if (value.isObject())
        return QObject::tr("(%1 values)").arg(value.toObject().size());
    return value.toString();
}

QString readableKey(QString key)
{
    key.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!key.isEmpty())
        key[0] = key[0].toUpper();
    return key;
}

} // namespace

AlertDetailView::AlertDetailView(const QString &casePath, std::int64_t alertId, QWidget *parent)
    : QWidget(parent)
    , m_casePath(casePath)
    , m_alertId(alertId)
    , m_pages(new DetailPages(tr("Loading alert %1…").arg(alertId), this))
{
    setObjectName(QStringLiteral("alertDetail"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    reload();
}

void AlertDetailView::reload()
{
    m_loading = true;
    m_pages->setRefreshing(m_alert.has_value());
    const QString path = m_casePath;
    const std::int64_t id = m_alertId;
    m_load.request([path, id]() -> Result {
        Result result;
        try {
            const db::CaseFile caseFile = db::CaseFile::open(path, true);
            result.alert = detect::AlertQuery(caseFile.db()).detail(id);
            if (!result.alert)
                result.error = QObject::tr("There is no alert %1 in this case any more.").arg(id);
        } catch (const std::exception &error) {
            result.error = QString::fromUtf8(error.what());
            log::get("ui")->error("loading an alert failed: {}", error.what());
        }
        return result;
    });
}

QTableWidget *AlertDetailView::table(const QString &objectName) const
{
    return m_pages->table(objectName);
}

void AlertDetailView::onLoaded(Result result)
{
    m_loading = false;
    m_pages->setRefreshing(false);
    if (!result.alert) {
        if (!m_alert)
            m_pages->showFailure(tr("The alert could not be loaded:\n%1").arg(result.error));
        emit loadFailed(result.error);
        return;
    }
    m_alert = std::move(result.alert);
    rebuild();
    emit loaded(m_alert->row.title);
}

void AlertDetailView::rebuild()
{
    const detect::AlertDetail &alert = *m_alert;
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(buildHeader(content));

    auto *explanation = new QLabel(alert.explanation, content);
    explanation->setObjectName(QStringLiteral("alertExplanation"));
    explanation->setWordWrap(true);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    explanation->setStyleSheet(QStringLiteral("QLabel { background: #f3f4f6; border-left: 4px solid %1; padding: 8px 12px; }")
                                       .arg(AlertTableModel::scoreColour(alert.row.score).name()));
    layout->addWidget(section(content, tr("Why this is an alert"), explanation));

    // The timeline and the numbers side by side: the picture and the figures behind it.
    m_chart = new AlertTimelineChart(content);
    m_chart->setAlert(alert);
    QTableWidget *metrics = makeTable(content, QStringLiteral("alertMetrics"), { tr("Measure"), tr("Value") });
    metrics->setRowCount(static_cast<int>(alert.metrics.size()));
    int row = 0;
    // Money comes as minor units with the alert's currency beside it; it is shown as money.
    const QString currency = alert.metrics.value(QStringLiteral("currency")).toString();
    for (auto it = alert.metrics.constBegin(); it != alert.metrics.constEnd(); ++it, ++row) {
        const bool money = it.key().endsWith(QLatin1String("_minor")) && it.value().isDouble() && !currency.isEmpty();
        const QString key = money ? it.key().chopped(6) : it.key();
        metrics->setItem(row, 0, textItem(readableKey(key), it.key()));
        metrics->setItem(row, 1, numberItem(money ? model::formatAmount(std::llround(it.value().toDouble()), currency.toStdString())
                                                  : metricText(it.value())));
    }
    fitTable(metrics, 0, 10);
    auto *pair = new QHBoxLayout;
    pair->setSpacing(12);
    pair->addWidget(section(content, tr("Evidence over time (window shaded)"), m_chart), 3);
    pair->addWidget(section(content, tr("Figures"), metrics, tr("No figures recorded."), alert.metrics.isEmpty()), 2);
    layout->addLayout(pair);

    QTableWidget *evidence = makeTable(content, QStringLiteral("alertEvidence"),
                                       { tr("Time (UTC)"), tr("Dir."), tr("Amount"), tr("Account"), tr("Counterparty"),
                                         tr("Purpose"), tr("Role"), tr("Source"), tr("External id") });
    evidence->setRowCount(static_cast<int>(alert.evidence.size()));
    for (int i = 0; i < evidence->rowCount(); ++i) {
        const auto &e = alert.evidence[i];
        const bool in = e.direction == u"C";
        auto *time = textItem(when(e.bookedAt));
        time->setData(Qt::UserRole, qint64(e.transactionId));
        evidence->setItem(i, 0, time);
        evidence->setItem(i, 1, textItem(in ? tr("in") : tr("out"), in ? tr("Credit: into the account") : tr("Debit: out of the account")));
        evidence->setItem(i, 2, numberItem(model::formatAmount(e.amountMinor, e.currency.toStdString(), model::AmountStyle::Cis, true),
                                           in ? kInColour : kOutColour));
        evidence->setItem(i, 3, textItem(e.account));
        evidence->setItem(i, 4, textItem(e.counterparty));
        evidence->setItem(i, 5, textItem(e.purpose));
        evidence->setItem(i, 6, textItem(e.role));
        evidence->setItem(i, 7, textItem(tr("%1, row %2").arg(e.sourceFile).arg(e.sourceRow),
                                         tr("Source file %1, data row %2").arg(e.sourceFile).arg(e.sourceRow)));
        evidence->setItem(i, 8, textItem(e.externalId));
    }
    fitTable(evidence, 5, 16, 260);
    layout->addWidget(section(content, tr("Evidence (%1 transactions)").arg(alert.evidence.size()), evidence,
                              tr("No transaction cited."), alert.evidence.isEmpty()));

    QTableWidget *history = makeTable(content, QStringLiteral("alertHistory"),
                                      { tr("When"), tr("By"), tr("From"), tr("To"), tr("Reason") });
    history->setRowCount(static_cast<int>(alert.history.size()));
    for (int i = 0; i < history->rowCount(); ++i) {
        const auto &change = alert.history[i];
        history->setItem(i, 0, textItem(change.at));
        history->setItem(i, 1, textItem(change.by));
        history->setItem(i, 2, textItem(AlertTableModel::stateText(change.from)));
        history->setItem(i, 3, textItem(change.undone ? tr("%1 (undone)").arg(AlertTableModel::stateText(change.to))
                                                      : AlertTableModel::stateText(change.to)));
        history->setItem(i, 4, textItem(change.reason));
        if (change.undone) {
            for (int column = 0; column < history->columnCount(); ++column)
                history->item(i, column)->setForeground(kMuted);
        }
    }
    fitTable(history, 4, 8);
    layout->addWidget(section(content, tr("State history"), history, tr("Not triaged yet."), alert.history.isEmpty()));
    layout->addWidget(buildNotes(content));
    layout->addStretch(1);

    m_pages->setContent(content);
}

QWidget *AlertDetailView::buildHeader(QWidget *parent)
{
    const detect::AlertDetail &alert = *m_alert;
    auto *header = new QWidget(parent);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto *titleRow = new QHBoxLayout;
    auto *score = new QLabel(QString::number(alert.row.score), header);
    score->setObjectName(QStringLiteral("alertScore"));
    score->setToolTip(tr("Score %1 of 100").arg(alert.row.score));
    score->setAlignment(Qt::AlignCenter);
    score->setMinimumWidth(score->fontMetrics().horizontalAdvance(QStringLiteral("000")) * 2);
    score->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; font-size: 15pt;"
                                        " border-radius: 6px; padding: 4px 10px; }")
                                 .arg(AlertTableModel::scoreColour(alert.row.score).name()));
    auto *title = new QLabel(alert.row.title, header);
    title->setObjectName(QStringLiteral("alertTitle"));
    title->setWordWrap(true);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    titleRow->addWidget(score, 0, Qt::AlignTop);
    titleRow->addSpacing(8);
    titleRow->addWidget(title, 1);
    layout->addLayout(titleRow);

    QStringList facts { alert.row.typology, tr("alert #%1").arg(alert.row.id),
                        tr("window %1 to %2").arg(day(alert.row.windowStart), day(alert.row.windowEnd)),
                        alert.row.evidenceCount == 1 ? tr("1 transaction of evidence")
                                                      : tr("%1 transactions of evidence").arg(alert.row.evidenceCount) };
    if (!alert.row.active)
        facts << tr("no longer found by the latest run");
    auto *sub = new QLabel(facts.join(QStringLiteral("  ·  ")), header);
    sub->setObjectName(QStringLiteral("alertFacts"));
    sub->setWordWrap(true);
    sub->setStyleSheet(QStringLiteral("color: #374151;"));
    layout->addWidget(sub);

    QString stateLine = tr("<b>%1</b>").arg(AlertTableModel::stateText(alert.row.state).toHtmlEscaped());
    if (!alert.stateBy.isEmpty() || !alert.stateAt.isEmpty())
        stateLine += tr(" — by %1 on %2").arg(alert.stateBy.toHtmlEscaped(), alert.stateAt.toHtmlEscaped());
    if (!alert.stateReason.isEmpty())
        stateLine += tr(": “%1”").arg(alert.stateReason.toHtmlEscaped());
    auto *state = new QLabel(tr("State: %1").arg(stateLine), header);
    state->setObjectName(QStringLiteral("alertState"));
    state->setWordWrap(true);
    state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(state);

    auto *actions = new QHBoxLayout;
    actions->setSpacing(6);
    const std::pair<const char *, QString> triage[] = {
        { "in_review", tr("Mark in Review") },
        { "confirmed", tr("Confirm Suspicious") },
        { "dismissed", tr("Dismiss…") },
        { "new", tr("Reopen") },
    };
    for (const auto &[value, text] : triage) {
        const QString target = QString::fromLatin1(value);
        auto *button = new QPushButton(text, header);
        button->setObjectName(QStringLiteral("alertDetailTriage_%1").arg(target));
        button->setEnabled(alert.row.state != target);
        connect(button, &QPushButton::clicked, this, [this, target] { emit triageRequested({ m_alertId }, target); });
        actions->addWidget(button);
    }
    actions->addSpacing(16);
    for (const auto &subject : alert.subjects) {
        auto *button = new QPushButton(icon("subject"), subject.name, header);
        button->setObjectName(QStringLiteral("alertSubject_%1").arg(subject.id));
        button->setToolTip(tr("Open the profile of %1").arg(subject.name));
        const std::int64_t id = subject.id;
        connect(button, &QPushButton::clicked, this, [this, id] { emit openSubjectRequested(id); });
        actions->addWidget(button);
    }
    auto *linkChart = new QPushButton(tr("Show in Link Chart"), header);
    linkChart->setObjectName(QStringLiteral("alertShowInLinkChart"));
    linkChart->setIcon(icon("link-chart"));
    linkChart->setToolTip(tr("Draw the alert's subjects and accounts with whom they dealt on the link chart"));
    connect(linkChart, &QPushButton::clicked, this, [this] { emit linkChartRequested(m_alertId); });
    actions->addWidget(linkChart);
    actions->addStretch(1);
    layout->addLayout(actions);

    if (!alert.accounts.isEmpty()) {
        QStringList accounts;
        for (const auto &account : alert.accounts)
            accounts << account.name;
        auto *accountLine = new QLabel(tr("Accounts: %1").arg(accounts.join(QStringLiteral(", "))), header);
        accountLine->setWordWrap(true);
        accountLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
        accountLine->setStyleSheet(QStringLiteral("color: #374151;"));
        layout->addWidget(accountLine);
    }
    return header;
}

annotations::Annotation AlertDetailView::noteAt(int row) const
{
    annotations::Annotation note;
    if (!m_alert || row < 0 || row >= m_alert->notes.size())
        return note;
    const auto &source = m_alert->notes[row];
    note.id = source.id;
    note.objectType = QStringLiteral("alert");
    note.objectId = m_alertId;
    note.body = source.body;
    note.tags = source.tags;
    note.severity = source.severity;
    note.hypothesis = source.hypothesis;
    note.createdAt = source.createdAt;
    note.createdBy = source.createdBy;
    return note;
}

QWidget *AlertDetailView::buildNotes(QWidget *parent)
{
    const detect::AlertDetail &alert = *m_alert;
    auto *box = new QGroupBox(tr("Notes (%1)").arg(alert.notes.size()), parent);
    box->setObjectName(QStringLiteral("alertNotesBox"));
    auto *layout = new QVBoxLayout(box);
    QTableWidget *notes = makeTable(box, QStringLiteral("alertNotes"),
                                    { tr("When"), tr("By"), tr("Severity"), tr("Tags"), tr("Hypothesis"), tr("Note") });
    notes->setRowCount(static_cast<int>(alert.notes.size()));
    for (int i = 0; i < notes->rowCount(); ++i) {
        const auto &note = alert.notes[i];
        notes->setItem(i, 0, textItem(note.createdAt));
        notes->setItem(i, 1, textItem(note.createdBy));
        auto *severity = textItem(note.severity);
        if (note.severity == u"high")
            severity->setForeground(kOutColour);
        notes->setItem(i, 2, severity);
        notes->setItem(i, 3, textItem(note.tags));
        notes->setItem(i, 4, textItem(note.hypothesis));
        notes->setItem(i, 5, textItem(note.body));
    }
    fitTable(notes, 5, 8);
    notes->setVisible(!alert.notes.isEmpty());
    layout->addWidget(notes);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(icon("note"), tr("Add Note…"), box);
    add->setObjectName(QStringLiteral("alertAddNote"));
    auto *edit = new QPushButton(tr("Edit…"), box);
    edit->setObjectName(QStringLiteral("alertEditNote"));
    auto *remove = new QPushButton(icon("remove"), tr("Delete…"), box);
    remove->setObjectName(QStringLiteral("alertRemoveNote"));
    edit->setEnabled(false);
    remove->setEnabled(false);
    connect(notes, &QTableWidget::itemSelectionChanged, box, [notes, edit, remove] {
        edit->setEnabled(notes->currentRow() >= 0);
        remove->setEnabled(notes->currentRow() >= 0);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        emit addNoteRequested(QStringLiteral("alert"), m_alertId, m_alert ? m_alert->row.title : QString());
    });
    connect(edit, &QPushButton::clicked, this, [this, notes] {
        if (notes->currentRow() >= 0)
            emit editNoteRequested(noteAt(notes->currentRow()));
    });
    connect(notes, &QTableWidget::itemDoubleClicked, this,
            [this](QTableWidgetItem *item) { emit editNoteRequested(noteAt(item->row())); });
    connect(remove, &QPushButton::clicked, this, [this, notes] {
        if (notes->currentRow() >= 0)
            emit removeNoteRequested(noteAt(notes->currentRow()));
    });
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return box;
}

} // namespace fundtrace::ui
