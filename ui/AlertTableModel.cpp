#include "AlertTableModel.h"

#include "db/CaseFile.h"
#include "util/Logging.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QMap>
#include <QTimeZone>
#include <algorithm>

namespace fundtrace::ui {

namespace {

QString day(std::int64_t seconds)
{
    return seconds == 0 ? QString()
                        : QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

QString window(const detect::AlertRow &row)
{
    const QString start = day(row.windowStart);
    const QString end = day(row.windowEnd);
    return start == end ? start : QStringLiteral("%1 – %2").arg(start, end);
}

} // namespace

AlertTableModel::AlertTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

AlertTableModel::~AlertTableModel()
{
    m_load.waitForFinished();
}

QString AlertTableModel::stateText(const QString &state)
{
    if (state == u"new")
        return tr("New");
    if (state == u"in_review")
        return tr("In review");
    if (state == u"confirmed")
        return tr("Confirmed suspicious");
    if (state == u"dismissed")
        return tr("Dismissed");
    return state;
}

QColor AlertTableModel::scoreColour(int score)
{
    if (score >= 80)
        return QColor(0xc0, 0x39, 0x2b);
    if (score >= 60)
        return QColor(0xe6, 0x7e, 0x22);
    if (score >= 40)
        return QColor(0xd4, 0xac, 0x0d);
    return QColor(0x7f, 0x8c, 0x8d);
}

void AlertTableModel::setCasePath(const QString &path)
{
    m_casePath = path;
    if (path.isEmpty())
        m_loading = false;
    beginResetModel();
    m_rows.clear();
    m_counts.clear();
    endResetModel();
    if (!path.isEmpty())
        load();
}

void AlertTableModel::setFilter(const detect::AlertFilter &filter)
{
    m_filter = filter;
    load();
}

void AlertTableModel::refresh()
{
    load();
}

void AlertTableModel::load()
{
    if (m_casePath.isEmpty())
        return;
    m_loading = true;
    emit loadingStarted();
    const QString path = m_casePath;
    const detect::AlertFilter filter = m_filter;
    m_load.request([path, filter]() -> Result {
        Result result;
        result.path = path;
        try {
            const db::CaseFile caseFile = db::CaseFile::open(path, true);
            const detect::AlertQuery query(caseFile.db());
            result.rows = query.list(filter);
            // Counts per typology follow the other filters, so the combo says what choosing it shows.
            detect::AlertFilter all = filter;
            all.rules.clear();
            all.minScore = 0;
            QMap<QString, TypologyCount> byRule;
            for (const detect::AlertRow &row : query.list(all)) {
                TypologyCount &count = byRule[row.rule];
                count.rule = row.rule;
                count.typology = row.typology;
                ++count.count;
            }
            result.counts = byRule.values().toVector();
            std::sort(result.counts.begin(), result.counts.end(),
                      [](const TypologyCount &a, const TypologyCount &b) { return a.typology < b.typology; });
        } catch (const std::exception &error) {
            result.error = QString::fromUtf8(error.what());
            log::get("ui")->error("loading alerts failed: {}", error.what());
        }
        return result;
    });
}

void AlertTableModel::onLoaded(Result result)
{
    m_loading = false;
    if (result.path != m_casePath)
        return;
    if (!result.error.isEmpty()) {
        emit loadFailed(result.error);
        return;
    }
    beginResetModel();
    m_rows = std::move(result.rows);
    m_counts = std::move(result.counts);
    applySort();
    endResetModel();
    emit loaded(static_cast<int>(m_rows.size()));
}

const detect::AlertRow *AlertTableModel::alertAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

std::int64_t AlertTableModel::alertIdAt(int row) const
{
    const detect::AlertRow *alert = alertAt(row);
    return alert ? alert->id : 0;
}

int AlertTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    const detect::AlertRow *row = index.isValid() ? alertAt(index.row()) : nullptr;
    if (!row)
        return {};
    const int column = index.column();
    switch (role) {
    case kAlertIdRole:
        return qint64(row->id);
    case kScoreRole:
        return row->score;
    case kActiveRole:
        return row->active;
    case Qt::DisplayRole:
        switch (column) {
        case Score:
            return row->score;
        case Typology:
            return row->typology;
        case Title:
            return row->title;
        case Subjects:
            return row->subjects.join(QStringLiteral("; "));
        case State:
            return row->active ? stateText(row->state) : tr("%1 (closed)").arg(stateText(row->state));
        case Window:
            return window(*row);
        case Evidence:
            return row->evidenceCount;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return column == Evidence ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!row->active)
            return QBrush(QColor(0x9c, 0xa3, 0xaf));
        if (column == State && row->state == u"confirmed")
            return QBrush(QColor(0xb0, 0x1e, 0x1e));
        if (column == State && row->state == u"dismissed")
            return QBrush(QColor(0x6b, 0x72, 0x80));
        return {};
    case Qt::FontRole:
        if (column == State && row->state == u"new" && row->active) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines { row->title, tr("%1 · score %2 · %3").arg(row->typology).arg(row->score).arg(stateText(row->state)) };
        if (!row->subjects.isEmpty())
            lines << row->subjects.join(QStringLiteral("\n"));
        if (!row->active)
            lines << tr("The latest detection run no longer finds this pattern.");
        lines << tr("Double-click or Enter opens the alert.");
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Score:
            return tr("Score");
        case Typology:
            return tr("Typology");
        case Title:
            return tr("Alert");
        case Subjects:
            return tr("Subjects");
        case State:
            return tr("State");
        case Window:
            return tr("Window");
        case Evidence:
            return tr("Evid.");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section == Evidence)
        return tr("Transactions cited as evidence");
    if (role == Qt::ToolTipRole && section == Score)
        return tr("How strongly the pattern matches the typology, 0 to 100");
    return {};
}

void AlertTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged();
    applySort();
    emit layoutChanged();
}

void AlertTableModel::applySort()
{
    const int column = m_sortColumn;
    auto key = [column](const detect::AlertRow &a, const detect::AlertRow &b) -> int {
        auto cmp = [](const auto &x, const auto &y) { return x < y ? -1 : y < x ? 1 : 0; };
        switch (column) {
        case Typology:
            return a.typology.localeAwareCompare(b.typology);
        case Title:
            return a.title.localeAwareCompare(b.title);
        case Subjects:
            return a.subjects.join(QLatin1Char(';')).localeAwareCompare(b.subjects.join(QLatin1Char(';')));
        case State:
            return cmp(a.state, b.state);
        case Window:
            return cmp(a.windowStart, b.windowStart);
        case Evidence:
            return cmp(a.evidenceCount, b.evidenceCount);
        default:
            return cmp(a.score, b.score);
        }
    };
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const detect::AlertRow &a, const detect::AlertRow &b) {
        const int c = key(a, b);
        if (c != 0)
            return descending ? c > 0 : c < 0;
        return a.id < b.id;
    });
}

} // namespace fundtrace::ui
