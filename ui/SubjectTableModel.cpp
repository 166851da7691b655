#include "SubjectTableModel.h"

#include "db/CaseFile.h"
#include "model/Currency.h"
#include "util/Logging.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QTimeZone>
#include <algorithm>

namespace fundtrace::ui {

namespace {

QString kindLabel(const QString &kind)
{
    if (kind == u"person")
        return QObject::tr("Person");
    if (kind == u"organisation")
        return QObject::tr("Organisation");
    if (kind == u"npo")
        return QObject::tr("NPO");
    if (kind == u"institution")
        return QObject::tr("Institution");
    if (kind == u"agent")
        return QObject::tr("Agent");
    if (kind == u"unknown" || kind.isEmpty())
        return QObject::tr("Unknown");
    return kind;
}

} // namespace

SubjectTableModel::SubjectTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

SubjectTableModel::~SubjectTableModel()
{
    m_load.waitForFinished();
}

void SubjectTableModel::setCasePath(const QString &path)
{
    m_casePath = path;
    beginResetModel();
    m_rows.clear();
    m_shown = 0;
    m_currency.clear();
    endResetModel();
    if (!path.isEmpty())
        load();
}

void SubjectTableModel::setSearch(const QString &text)
{
    if (m_filter.search == text.trimmed())
        return;
    m_filter.search = text.trimmed();
    load();
}

void SubjectTableModel::setKinds(const QStringList &kinds)
{
    if (m_filter.kinds == kinds)
        return;
    m_filter.kinds = kinds;
    load();
}

void SubjectTableModel::refresh()
{
    load();
}

void SubjectTableModel::load()
{
    if (m_casePath.isEmpty())
        return;
    emit loadingStarted();
    const QString path = m_casePath;
    const entities::SubjectFilter filter = m_filter;
    m_load.request([path, filter]() -> Result {
        Result result;
        result.path = path;
        try {
            db::CaseFile caseFile = db::CaseFile::open(path, true);
            const entities::SubjectList list(caseFile.db());
            result.currency = list.mainCurrency();
            result.rows = list.load(filter);
        } catch (const std::exception &error) {
            result.error = QString::fromUtf8(error.what());
            log::get("ui")->error("loading subjects failed: {}", error.what());
        }
        return result;
    });
}

void SubjectTableModel::onLoaded(Result result)
{
    if (result.path != m_casePath)
        return;
    if (!result.error.isEmpty()) {
        emit loadFailed(result.error);
        return;
    }
    beginResetModel();
    m_rows = std::move(result.rows);
    if (m_reversed)
        std::reverse(m_rows.begin(), m_rows.end());
    m_currency = result.currency;
    m_shown = std::min(static_cast<int>(m_rows.size()), kBatch);
    endResetModel();
    emit loaded(static_cast<int>(m_rows.size()));
}

const entities::SubjectRow *SubjectTableModel::subjectAt(int row) const
{
    return row >= 0 && row < m_shown ? &m_rows[row] : nullptr;
}

std::int64_t SubjectTableModel::subjectIdAt(int row) const
{
    const entities::SubjectRow *subject = subjectAt(row);
    return subject ? subject->id : 0;
}

int SubjectTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int SubjectTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool SubjectTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_shown < m_rows.size();
}

void SubjectTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = std::min(static_cast<int>(m_rows.size()) - m_shown, kBatch);
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
}

entities::CurrencyFlow SubjectTableModel::mainFlow(const entities::SubjectRow &row) const
{
    for (const entities::CurrencyFlow &flow : row.flows) {
        if (flow.currency == m_currency)
            return flow;
    }
    // A subject that never moved the case's main currency shows its own largest one.
    return row.flows.value(0);
}

QVariant SubjectTableModel::data(const QModelIndex &index, int role) const
{
    const entities::SubjectRow *row = index.isValid() ? subjectAt(index.row()) : nullptr;
    if (!row)
        return {};
    const int column = index.column();
    if (role == kSubjectIdRole)
        return qint64(row->id);
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Name:
            return row->members > 1 ? QStringLiteral("%1  (%2)").arg(row->displayName).arg(row->members) : row->displayName;
        case Kind:
            return kindLabel(row->kind);
        case MoneyIn:
        case MoneyOut: {
            const entities::CurrencyFlow flow = mainFlow(*row);
            if (flow.currency.isEmpty())
                return QString();
            const std::int64_t minor = column == MoneyIn ? flow.inMinor : flow.outMinor;
            return model::formatAmount(minor, flow.currency.toStdString(), model::AmountStyle::Cis,
                                       flow.currency != m_currency);
        }
        case Accounts:
            return row->accounts;
        case Hits:
            return row->openHits > 0 ? QVariant(row->openHits) : QVariant(QString());
        case LastActivity:
            return row->lastAt == 0 ? QString()
                                    : QDateTime::fromSecsSinceEpoch(row->lastAt, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (column == MoneyIn || column == MoneyOut || column == Accounts || column == Hits)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::BackgroundRole && row->openHits > 0)
        return QBrush(QColor(0xfd, 0xe2, 0xe0));
    if (role == Qt::ForegroundRole) {
        if (column == Hits && row->openHits > 0)
            return QBrush(QColor(0xb0, 0x1e, 0x1e));
        if (column == MoneyIn)
            return QBrush(QColor(0x1e, 0x7b, 0x34));
        if (column == MoneyOut)
            return QBrush(QColor(0xa8, 0x32, 0x32));
    }
    if (role == Qt::FontRole && column == Hits && row->openHits > 0) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines { row->displayName };
        if (row->members > 1)
            lines << tr("%1 records merged into this subject").arg(row->members);
        for (const entities::CurrencyFlow &flow : row->flows) {
            lines << tr("%1: in %2, out %3").arg(flow.currency, model::formatAmount(flow.inMinor, flow.currency.toStdString()),
                                                  model::formatAmount(flow.outMinor, flow.currency.toStdString()));
        }
        if (row->openHits > 0)
            lines << (row->openHits == 1 ? tr("1 open screening hit") : tr("%1 open screening hits").arg(row->openHits));
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

QVariant SubjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Name");
        case Kind:
            return tr("Kind");
        case MoneyIn:
            return m_currency.isEmpty() ? tr("Money in") : tr("In, %1").arg(m_currency);
        case MoneyOut:
            return m_currency.isEmpty() ? tr("Money out") : tr("Out, %1").arg(m_currency);
        case Accounts:
            return tr("Acc.");
        case Hits:
            return tr("Hits");
        case LastActivity:
            return tr("Last activity");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section == Hits)
        return tr("Open screening hits (not dismissed)");
    if (role == Qt::ToolTipRole && section == Accounts)
        return tr("Accounts of the subject's own");
    if (role == Qt::TextAlignmentRole && section >= MoneyIn && section <= Hits)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void SubjectTableModel::sort(int column, Qt::SortOrder order)
{
    // SubjectList orders by flow (largest first), name (A-Z) or last activity (newest first); the
    // other direction is the same list reversed.
    entities::SubjectFilter::Order wanted = entities::SubjectFilter::Order::Flow;
    bool naturalDescending = true;
    if (column == Name || column == Kind) {
        wanted = entities::SubjectFilter::Order::Name;
        naturalDescending = false;
    } else if (column == LastActivity) {
        wanted = entities::SubjectFilter::Order::LastActivity;
    }
    const bool reversed = naturalDescending != (order == Qt::DescendingOrder);
    if (wanted == m_filter.order && reversed == m_reversed)
        return;
    if (wanted == m_filter.order) {
        beginResetModel();
        std::reverse(m_rows.begin(), m_rows.end());
        m_reversed = reversed;
        m_shown = std::min(static_cast<int>(m_rows.size()), std::max(m_shown, kBatch));
        endResetModel();
        return;
    }
    m_filter.order = wanted;
    m_reversed = reversed;
    load();
}

} // namespace fundtrace::ui
