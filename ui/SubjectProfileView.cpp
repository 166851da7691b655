#include "SubjectProfileView.h"

#include "DetailPages.h"
#include "Icons.h"
#include "MonthlyFlowChart.h"
#include "db/CaseFile.h"
#include "entities/SubjectProfileQuery.h"
#include "model/Currency.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

namespace fundtrace::ui {

namespace {

const QColor kInColour(0x1e, 0x7b, 0x34);
const QColor kOutColour(0xa8, 0x32, 0x32);
const QColor kMuted(0x6b, 0x72, 0x80);

QString day(std::int64_t seconds)
{
    return seconds == 0 ? QObject::tr("—")
                        : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

QString amount(std::int64_t minor, const QString &currency)
{
    return model::formatAmount(minor, currency.toStdString());
}

QString kindText(const QString &kind)
{
    static const QHash<QString, QString> names {
        { QStringLiteral("person"), QObject::tr("Person") },
        { QStringLiteral("organisation"), QObject::tr("Organisation") },
        { QStringLiteral("npo"), QObject::tr("Non-profit organisation") },
        { QStringLiteral("institution"), QObject::tr("Financial institution") },
        { QStringLiteral("agent"), QObject::tr("Money-transfer agent") },
    };
    return names.value(kind, QObject::tr("Unknown kind"));
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

QTableWidgetItem *validityItem(const QString &validity, const QString &problem)
{
    auto *item = textItem(validity == u"valid" ? QObject::tr("valid")
                                  : validity == u"invalid" ? QObject::tr("invalid")
                                                           : QObject::tr("not checked"),
                          problem);
    item->setIcon(icon(validity == u"valid" ? "valid" : validity == u"invalid" ? "invalid" : "unchecked"));
    if (validity == u"invalid")
        item->setForeground(kOutColour);
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
    table->setFocusPolicy(Qt::StrongFocus);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

// Sizes a table to its rows (up to maxRows), so a profile reads as one page rather than a stack of
// tiny scrolling boxes; `stretch` is the column that takes the remaining width.
void fitTable(QTableWidget *table, int stretch, int maxRows = 12, int cap = 260)
{
    const int rowHeight = table->fontMetrics().height() + 10;
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->resizeColumnsToContents();
    // Other columns are capped so the stretching one (the long text) keeps room; cut text keeps
    // its tooltip.
    for (int column = 0; column < table->columnCount(); ++column) {
        if (!table->cellWidget(0, column))
            table->setColumnWidth(column, std::min(table->columnWidth(column) + 16, cap));
    }
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    const int rows = std::min(table->rowCount(), maxRows);
    const int height = table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * table->frameWidth() + 2;
    table->setFixedHeight(height);
    table->setVerticalScrollBarPolicy(table->rowCount() > maxRows ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

// A titled box holding a table, or a one-line note when there is nothing to list.
QGroupBox *section(QWidget *parent, const QString &title, QTableWidget *table, const QString &whenEmpty)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    if (table->rowCount() == 0) {
        table->hide();
        auto *note = new QLabel(whenEmpty, box);
        note->setWordWrap(true);
        note->setStyleSheet(QStringLiteral("color: %1;").arg(kMuted.name()));
        layout->addWidget(note);
        table->setParent(box);
    } else {
        layout->addWidget(table);
    }
    layout->addStretch(1);
    return box;
}

QHBoxLayout *pair(QWidget *left, QWidget *right)
{
    auto *row = new QHBoxLayout;
    row->setSpacing(12);
    row->addWidget(left, 1);
    if (right)
        row->addWidget(right, 1);
    return row;
}

QWidget *buttonCell(QWidget *parent, const std::vector<std::pair<QString, std::function<void()>>> &buttons)
{
    auto *cell = new QWidget(parent);
    auto *layout = new QHBoxLayout(cell);
    layout->setContentsMargins(2, 1, 2, 1);
    layout->setSpacing(4);
    for (const auto &[text, onClick] : buttons) {
        auto *button = new QToolButton(cell);
        button->setText(text);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(false);
        QObject::connect(button, &QToolButton::clicked, cell, onClick);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return cell;
}

QTableWidget *counterpartyTable(QWidget *parent, const QString &name, const QVector<entities::SubjectProfile::Counterparty> &rows)
{
    QTableWidget *table = makeTable(parent, name, { QObject::tr("Counterparty"), QObject::tr("In"), QObject::tr("Out"), QObject::tr("Count") });
    table->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto &party = rows[row];
        auto *item = textItem(party.name, party.subjectId ? QObject::tr("%1 — double-click to open the profile").arg(party.name)
                                                          : QObject::tr("%1 — known only by this name").arg(party.name));
        item->setData(Qt::UserRole, qint64(party.subjectId));
        if (party.subjectId) {
            item->setIcon(icon("subject"));
            QFont font = item->font();
            font.setUnderline(true);
            item->setFont(font);
        }
        table->setItem(row, 0, item);
        table->setItem(row, 1, numberItem(party.inMinor ? amount(party.inMinor, party.currency) : QString(), kInColour));
        table->setItem(row, 2, numberItem(party.outMinor ? amount(party.outMinor, party.currency) : QString(), kOutColour));
        table->setItem(row, 3, numberItem(QLocale().toString(qint64(party.count))));
    }
    fitTable(table, 0);
    return table;
}

QTableWidget *breakdownTable(QWidget *parent, const QString &name, const QString &keyTitle,
                             const QVector<entities::SubjectProfile::Breakdown> &rows)
{
    QTableWidget *table = makeTable(parent, name, { keyTitle, QObject::tr("Amount"), QObject::tr("Count") });
    table->setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto &entry = rows[row];
        table->setItem(row, 0, textItem(entry.key.isEmpty() ? QObject::tr("(not stated)") : entry.key));
        table->setItem(row, 1, numberItem(amount(entry.minor, entry.currency)));
        table->setItem(row, 2, numberItem(QLocale().toString(qint64(entry.count))));
    }
    fitTable(table, 0);
    return table;
}

} // namespace

SubjectProfileView::SubjectProfileView(const QString &casePath, std::int64_t subjectId, QWidget *parent)
    : QWidget(parent)
    , m_casePath(casePath)
    , m_subjectId(subjectId)
    , m_pages(new DetailPages(tr("Assembling the profile of subject %1…").arg(subjectId), this))
{
    setObjectName(QStringLiteral("subjectProfile"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    reload();
}

void SubjectProfileView::reload()
{
    m_pages->setRefreshing(m_profile.has_value());
    const QString path = m_casePath;
    const std::int64_t id = m_subjectId;
    m_load.request([path, id]() -> Result {
        Result result;
        try {
            // The query builds TEMP tables, so it gets a connection of its own.
            db::CaseFile caseFile = db::CaseFile::open(path, true);
            result.profile = entities::SubjectProfileQuery(caseFile.db()).load(id);
            if (!result.profile)
                result.error = QObject::tr("There is no subject %1 in this case any more.").arg(id);
        } catch (const std::exception &error) {
            result.error = QString::fromUtf8(error.what());
            log::get("ui")->error("loading a subject profile failed: {}", error.what());
        }
        return result;
    });
}

QTableWidget *SubjectProfileView::table(const QString &objectName) const
{
    return m_pages->table(objectName);
}

std::int64_t SubjectProfileView::selectedMember() const
{
    const QTableWidget *members = table(QStringLiteral("profileMembers"));
    if (!members || members->currentRow() < 0)
        return 0;
    return members->item(members->currentRow(), 0)->data(Qt::UserRole).toLongLong();
}

void SubjectProfileView::onLoaded(Result result)
{
    m_pages->setRefreshing(false);
    if (!result.profile) {
        if (!m_profile)
            m_pages->showFailure(tr("The profile could not be loaded:\n%1").arg(result.error));
        emit loadFailed(result.error);
        return;
    }
    m_profile = std::move(result.profile);
    // A merge may have made another record the group's root; follow it.
    m_subjectId = m_profile->id;
    rebuild();
    emit loaded(m_profile->displayName);
}

void SubjectProfileView::rebuild()
{
    const entities::SubjectProfile &profile = *m_profile;

    // The chart shows the currency with the most movements; other currencies are in the totals.
    m_mainCurrency.clear();
    std::int64_t mostMoves = -1;
    for (const entities::CurrencyFlow &flow : profile.totals) {
        if (flow.inCount + flow.outCount > mostMoves) {
            mostMoves = flow.inCount + flow.outCount;
            m_mainCurrency = flow.currency;
        }
    }

    auto *content = new QWidget;
    QFont font = content->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    content->setFont(font);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(buildHeader(content));

    auto *chartBox = new QGroupBox(m_mainCurrency.isEmpty() ? tr("Money in and out per month")
                                                            : tr("Money in and out per month, %1").arg(m_mainCurrency),
                                   content);
    auto *chartLayout = new QVBoxLayout(chartBox);
    m_chart = new MonthlyFlowChart(chartBox);
    m_chart->setMonths(profile.monthly, m_mainCurrency);
    if (m_chart->monthCount() == 0) {
        auto *note = new QLabel(tr("No dated movements in this subject's records."), chartBox);
        chartLayout->addWidget(note);
        m_chart->hide();
    }
    chartLayout->addWidget(m_chart);

    QTableWidget *totals = makeTable(content, QStringLiteral("profileTotals"),
                                     { tr("Currency"), tr("Money in"), tr("Money out"), tr("In #"), tr("Out #") });
    totals->setRowCount(static_cast<int>(profile.totals.size()));
    for (int row = 0; row < totals->rowCount(); ++row) {
        const entities::CurrencyFlow &flow = profile.totals[row];
        totals->setItem(row, 0, textItem(flow.currency));
        const std::string code = flow.currency.toStdString();
        totals->setItem(row, 1, numberItem(model::formatAmount(flow.inMinor, code, model::AmountStyle::Cis, false), kInColour));
        totals->setItem(row, 2, numberItem(model::formatAmount(flow.outMinor, code, model::AmountStyle::Cis, false), kOutColour));
        totals->setItem(row, 3, numberItem(QLocale().toString(qint64(flow.inCount))));
        totals->setItem(row, 4, numberItem(QLocale().toString(qint64(flow.outCount))));
    }
    fitTable(totals, 0);

    auto *chartRow = new QHBoxLayout;
    chartRow->setSpacing(12);
    chartRow->addWidget(chartBox, 3);
    auto *totalsColumn = new QVBoxLayout;
    totalsColumn->addWidget(section(content, tr("Totals per currency"), totals, tr("No money moved.")));
    if (QWidget *members = buildMembers(content))
        totalsColumn->addWidget(members);
    totalsColumn->addWidget(section(content, tr("Channels"),
                                    breakdownTable(content, QStringLiteral("profileChannels"), tr("Channel"), profile.channels),
                                    tr("No channel recorded.")));
    totalsColumn->addWidget(section(content, tr("Countries"),
                                    breakdownTable(content, QStringLiteral("profileCountries"), tr("Country"), profile.countries),
                                    tr("No country recorded.")));
    totalsColumn->addStretch(1);
    chartRow->addLayout(totalsColumn, 2);
    layout->addLayout(chartRow);

    if (!profile.hits.isEmpty())
        layout->addWidget(buildHits(content));
    if (!profile.candidates.isEmpty())
        layout->addWidget(buildCandidates(content));

    QTableWidget *names = makeTable(content, QStringLiteral("profileNames"), { tr("Name"), tr("As"), tr("Sources") });
    names->setRowCount(static_cast<int>(profile.names.size()));
    for (int row = 0; row < names->rowCount(); ++row) {
        const auto &name = profile.names[row];
        names->setItem(row, 0, textItem(name.name));
        names->setItem(row, 1, textItem(name.kind));
        names->setItem(row, 2, textItem(name.sources.join(QStringLiteral(", "))));
    }
    fitTable(names, 2);

    QTableWidget *identifiers = makeTable(content, QStringLiteral("profileIdentifiers"),
                                          { tr("Check"), tr("Identifier"), tr("Value"), tr("Details or problem") });
    identifiers->setRowCount(static_cast<int>(profile.identifiers.size() + profile.attributes.size()));
    int row = 0;
    for (const auto &identifier : profile.identifiers) {
        identifiers->setItem(row, 0, validityItem(identifier.validity, identifier.problem));
        identifiers->setItem(row, 1, textItem(identifier.kind));
        identifiers->setItem(row, 2, textItem(identifier.value, identifier.sources.join(QStringLiteral(", "))));
        auto *details = textItem(identifier.problem.isEmpty() ? identifier.details : identifier.problem);
        if (!identifier.problem.isEmpty())
            details->setForeground(kOutColour);
        identifiers->setItem(row++, 3, details);
    }
    for (const auto &attribute : profile.attributes) {
        identifiers->setItem(row, 0, textItem(QString()));
        identifiers->setItem(row, 1, textItem(attribute.kind));
        identifiers->setItem(row, 2, textItem(attribute.value, tr("%1\nfrom %2").arg(attribute.value, attribute.sources.join(QStringLiteral(", ")))));
        identifiers->setItem(row++, 3, textItem(QString()));
    }
    fitTable(identifiers, 3, 12, 200);
    layout->addLayout(pair(section(content, tr("Names and aliases (%1)").arg(profile.names.size()), names, tr("No names.")),
                           section(content, tr("Identifiers and attributes"), identifiers,
                                   tr("No IIN, BIN, passport or other identifier on this subject's records."))));

    QTableWidget *accounts = makeTable(content, QStringLiteral("profileAccounts"),
                                       { tr("Check"), tr("Account"), tr("Institution"), tr("Currency"), tr("Holder"),
                                         tr("Transactions"), tr("First seen in") });
    accounts->setRowCount(static_cast<int>(profile.accounts.size()));
    for (int i = 0; i < accounts->rowCount(); ++i) {
        const auto &account = profile.accounts[i];
        accounts->setItem(i, 0, validityItem(account.validity, account.problem));
        accounts->setItem(i, 1, textItem(account.identifier, account.identifierKind));
        accounts->setItem(i, 2, textItem(account.institution));
        accounts->setItem(i, 3, textItem(account.currency));
        accounts->setItem(i, 4, textItem(account.holderName));
        accounts->setItem(i, 5, numberItem(QLocale().toString(qint64(account.transactions))));
        accounts->setItem(i, 6, textItem(account.firstSource));
    }
    fitTable(accounts, 4);
    layout->addWidget(section(content, tr("Accounts (%1)").arg(profile.accounts.size()), accounts,
                              tr("No account of this subject's own; it appears only as a counterparty.")));

    QTableWidget *byAmount = counterpartyTable(content, QStringLiteral("profileTopByAmount"), profile.topByAmount);
    QTableWidget *byCount = counterpartyTable(content, QStringLiteral("profileTopByCount"), profile.topByCount);
    for (QTableWidget *table : { byAmount, byCount }) {
        connect(table, &QTableWidget::itemDoubleClicked, this, [this, table](QTableWidgetItem *item) {
            const std::int64_t id = table->item(item->row(), 0)->data(Qt::UserRole).toLongLong();
            if (id != 0)
                emit openSubjectRequested(id);
        });
    }
    layout->addLayout(pair(section(content, tr("Top counterparties by amount"), byAmount, tr("No counterparties.")),
                           section(content, tr("Top counterparties by number of transfers"), byCount, tr("No counterparties."))));


    if (!profile.annotations.isEmpty()) {
        QTableWidget *notes = makeTable(content, QStringLiteral("profileAnnotations"),
                                        { tr("When"), tr("By"), tr("Severity"), tr("Tags"), tr("Note") });
        notes->setRowCount(static_cast<int>(profile.annotations.size()));
        for (int i = 0; i < notes->rowCount(); ++i) {
            const auto &note = profile.annotations[i];
            notes->setItem(i, 0, textItem(note.createdAt));
            notes->setItem(i, 1, textItem(note.createdBy));
            notes->setItem(i, 2, textItem(note.severity));
            notes->setItem(i, 3, textItem(note.tags));
            notes->setItem(i, 4, textItem(note.body));
        }
        fitTable(notes, 4);
        layout->addWidget(section(content, tr("Annotations"), notes, {}));
    }
    layout->addStretch(1);

    m_pages->setContent(content);
}

QWidget *SubjectProfileView::buildHeader(QWidget *parent)
{
    const entities::SubjectProfile &profile = *m_profile;
    auto *header = new QWidget(parent);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(profile.displayName, header);
    title->setObjectName(QStringLiteral("profileTitle"));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setBold(true);
    title->setFont(titleFont);
    titleRow->addWidget(title);

    int open = 0;
    for (const auto &hit : profile.hits)
        open += hit.state != u"dismissed" ? 1 : 0;
    if (open > 0) {
        auto *badge = new QLabel(open == 1 ? tr("1 open screening hit") : tr("%1 open screening hits").arg(open), header);
        badge->setObjectName(QStringLiteral("profileHitBadge"));
        badge->setStyleSheet(QStringLiteral("QLabel { background: #c0392b; color: white; font-weight: bold;"
                                            " border-radius: 10px; padding: 3px 12px; }"));
        titleRow->addSpacing(12);
        titleRow->addWidget(badge, 0, Qt::AlignVCenter);
    }
    if (profile.risk > 0) {
        // The risk sums up the alerts and hits; the tooltip says what it rests on.
        auto *risk = new QLabel(tr("risk %1").arg(profile.risk), header);
        risk->setObjectName(QStringLiteral("profileRiskBadge"));
        risk->setToolTip(profile.riskExplanation);
        const char *colour = profile.risk >= 80 ? "#c0392b" : profile.risk >= 60 ? "#d35400" : profile.risk >= 40 ? "#b7950b" : "#6b7280";
        risk->setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; font-weight: bold;"
                                           " border-radius: 10px; padding: 3px 12px; }").arg(QLatin1String(colour)));
        titleRow->addSpacing(8);
        titleRow->addWidget(risk, 0, Qt::AlignVCenter);
    }
    if (!profile.alerts.isEmpty()) {
        auto *count = new QLabel(profile.alerts.size() == 1 ? tr("1 alert") : tr("%1 alerts").arg(profile.alerts.size()), header);
        count->setStyleSheet(QStringLiteral("QLabel { color: #374151; font-weight: bold; padding: 3px 6px; }"));
        titleRow->addWidget(count, 0, Qt::AlignVCenter);
    }
    titleRow->addStretch(1);
    auto *alerts = new QPushButton(icon("alert"), tr("Alerts on This Subject"), header);
    alerts->setObjectName(QStringLiteral("profileShowAlerts"));
    alerts->setToolTip(tr("Show only this subject's alerts in the Alerts dock"));
    connect(alerts, &QPushButton::clicked, this, [this] { emit showAlertsRequested(m_subjectId, m_profile->displayName); });
    auto *note = new QPushButton(icon("note"), tr("Add Note…"), header);
    note->setObjectName(QStringLiteral("profileAddNote"));
    note->setToolTip(tr("Write a note on this subject (kept in the case and the audit log)"));
    connect(note, &QPushButton::clicked, this,
            [this] { emit addNoteRequested(QStringLiteral("subject"), m_subjectId, m_profile->displayName); });
    auto *linkChart = new QPushButton(icon("link-chart"), tr("Link Chart"), header);
    linkChart->setObjectName(QStringLiteral("profileLinkChart"));
    linkChart->setToolTip(tr("Draw this subject and whom it dealt with on the link chart"));
    connect(linkChart, &QPushButton::clicked, this, [this] { emit linkChartRequested(m_subjectId); });
    auto *trace = new QPushButton(icon("trace"), tr("Follow the Money"), header);
    trace->setObjectName(QStringLiteral("profileTrace"));
    trace->setToolTip(tr("Trace where this subject's incoming money went"));
    connect(trace, &QPushButton::clicked, this, [this] { emit traceRequested(m_subjectId); });
    auto *activity = new QPushButton(icon("timeline"), tr("Activity"), header);
    activity->setObjectName(QStringLiteral("profileActivity"));
    activity->setToolTip(tr("Timeline, amounts, hours and breakdowns of this subject's money"));
    connect(activity, &QPushButton::clicked, this, [this] { emit activityRequested(m_subjectId, m_profile->displayName); });
    layout->addLayout(titleRow);

    QStringList facts;
    facts << (profile.kindReason.isEmpty() ? kindText(profile.kind)
                                           : tr("%1 (%2)").arg(kindText(profile.kind), profile.kindReason));
    facts << tr("subject #%1").arg(profile.id);
    if (profile.members.size() > 1)
        facts << tr("%1 records merged").arg(profile.members.size());
    facts << tr("active %1 to %2").arg(day(profile.firstAt), day(profile.lastAt));
    auto *sub = new QLabel(facts.join(QStringLiteral("  ·  ")), header);
    sub->setObjectName(QStringLiteral("profileFacts"));
    sub->setWordWrap(true);
    sub->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sub->setStyleSheet(QStringLiteral("color: #374151;"));
    layout->addWidget(sub);
    // The actions on a row of their own, so a long name never pushes them out of view.
    auto *actions = new QHBoxLayout;
    for (QPushButton *button : { linkChart, trace, activity, alerts, note })
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);
    return header;
}

QWidget *SubjectProfileView::buildHits(QWidget *parent)
{
    const entities::SubjectProfile &profile = *m_profile;
    QTableWidget *hits = makeTable(parent, QStringLiteral("profileHits"),
                                   { tr("Decision"), tr("Score"), tr("State"), tr("Matched name"), tr("List entry"), tr("List"), tr("Why") });
    hits->setRowCount(static_cast<int>(profile.hits.size()));
    for (int row = 0; row < hits->rowCount(); ++row) {
        const auto &hit = profile.hits[row];
        hits->setItem(row, 1, numberItem(QString::number(hit.score), hit.score >= 90 ? kOutColour : QColor()));
        auto *state = textItem(hit.state, hit.reason.isEmpty() ? hit.state : tr("%1: %2").arg(hit.state, hit.reason));
        if (hit.state != u"dismissed") {
            state->setForeground(kOutColour);
            QFont bold = state->font();
            bold.setBold(true);
            state->setFont(bold);
        }
        hits->setItem(row, 2, state);
        hits->setItem(row, 3, textItem(hit.matchedName, hit.matchedKind));
        hits->setItem(row, 4, textItem(hit.reference.isEmpty() ? hit.entryName : QStringLiteral("%1 %2").arg(hit.reference, hit.entryName),
                                       hit.programs.isEmpty() ? hit.entryName : QStringLiteral("%1\n%2").arg(hit.entryName, hit.programs)));
        hits->setItem(row, 5, textItem(hit.listName));
        hits->setItem(row, 6, textItem(hit.explanation));
        const QString description = tr("%1 ~ %2 (%3)").arg(profile.displayName, hit.entryName, hit.listName);
        const std::int64_t id = hit.id;
        std::vector<std::pair<QString, std::function<void()>>> buttons;
        if (hit.state != u"confirmed")
            buttons.emplace_back(tr("Confirm…"), [this, id, description] { emit decideHitRequested(id, QStringLiteral("confirmed"), description); });
        if (hit.state != u"dismissed")
            buttons.emplace_back(tr("Dismiss…"), [this, id, description] { emit decideHitRequested(id, QStringLiteral("dismissed"), description); });
        hits->setCellWidget(row, 0, buttonCell(hits, buttons));
    }
    fitTable(hits, 6, 12, 240);
    hits->setColumnWidth(0, hits->fontMetrics().horizontalAdvance(tr("Confirm…") + tr("Dismiss…")) + 56);
    auto *box = section(parent, tr("Screening hits (%1)").arg(profile.hits.size()), hits, {});
    box->setObjectName(QStringLiteral("profileHitsBox"));
    return box;
}

QWidget *SubjectProfileView::buildCandidates(QWidget *parent)
{
    const entities::SubjectProfile &profile = *m_profile;
    QTableWidget *candidates = makeTable(parent, QStringLiteral("profileCandidates"),
                                         { tr("Decision"), tr("Possibly the same as"), tr("Score"), tr("Evidence") });
    candidates->setRowCount(static_cast<int>(profile.candidates.size()));
    for (int row = 0; row < candidates->rowCount(); ++row) {
        const auto &candidate = profile.candidates[row];
        auto *other = textItem(candidate.otherName, tr("Subject #%1 — double-click to open").arg(candidate.otherSubjectId));
        other->setIcon(icon("subject"));
        other->setData(Qt::UserRole, qint64(candidate.otherSubjectId));
        candidates->setItem(row, 1, other);
        candidates->setItem(row, 2, numberItem(QString::number(candidate.score)));
        candidates->setItem(row, 3, textItem(candidate.explanation));
        const QString description = tr("%1 and %2").arg(profile.displayName, candidate.otherName);
        const std::int64_t id = candidate.id;
        candidates->setCellWidget(row, 0, buttonCell(candidates, {
            { tr("Merge…"), [this, id, description] { emit confirmCandidateRequested(id, description); } },
            { tr("Not the same…"), [this, id, description] { emit rejectCandidateRequested(id, description); } },
        }));
    }
    fitTable(candidates, 3);
    candidates->setColumnWidth(0, candidates->fontMetrics().horizontalAdvance(tr("Merge…") + tr("Not the same…")) + 56);
    connect(candidates, &QTableWidget::itemDoubleClicked, this, [this, candidates](QTableWidgetItem *item) {
        if (const std::int64_t id = candidates->item(item->row(), 1)->data(Qt::UserRole).toLongLong())
            emit openSubjectRequested(id);
    });
    return section(parent, tr("Possibly the same subject (%1)").arg(profile.candidates.size()), candidates, {});
}

QWidget *SubjectProfileView::buildMembers(QWidget *parent)
{
    const entities::SubjectProfile &profile = *m_profile;
    if (profile.members.size() < 2)
        return nullptr;
    QTableWidget *members = makeTable(parent, QStringLiteral("profileMembers"), { tr("Merged record"), tr("") });
    members->setRowCount(static_cast<int>(profile.members.size()));
    for (int row = 0; row < members->rowCount(); ++row) {
        const std::int64_t member = profile.members[row];
        auto *item = textItem(member == profile.id ? tr("#%1 (root)").arg(member) : tr("#%1").arg(member));
        item->setData(Qt::UserRole, qint64(member));
        members->setItem(row, 0, item);
        const QString description = tr("record #%1 of %2").arg(member).arg(profile.displayName);
        members->setCellWidget(row, 1, buttonCell(members, {
            { tr("Split off…"), [this, member, description] { emit splitRequested(member, description); } },
        }));
    }
    fitTable(members, 0, 6);
    members->setColumnWidth(1, members->fontMetrics().horizontalAdvance(tr("Split off…")) + 40);
    return section(parent, tr("Merged records (%1)").arg(profile.members.size()), members, {});
}

} // namespace fundtrace::ui
