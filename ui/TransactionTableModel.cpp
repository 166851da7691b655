#include "TransactionTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <climits>
#include <cstdlib>

namespace fundtrace::ui {
namespace {

// Enough for several screens in both directions; older pages are loaded again on demand.
constexpr int kMaxCachedPages = 64;

const QString kNotLoaded = QStringLiteral("…");

// Muted, so a screen of colour-coded amounts stays calm to read.
const QColor kCreditColour(0x1e, 0x7b, 0x3a);
const QColor kDebitColour(0xa8, 0x32, 0x32);

} // namespace

TransactionTableModel::TransactionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TransactionTableModel::~TransactionTableModel() = default;

std::optional<query::TransactionSort> TransactionTableModel::sortFor(int column)
{
    switch (column) {
    case Booked:
        return query::TransactionSort::BookedAt;
    case Account:
        return query::TransactionSort::Account;
    case Direction:
        return query::TransactionSort::Direction;
    case Amount:
        return query::TransactionSort::Amount;
    case Currency:
        return query::TransactionSort::Currency;
    case Counterparty:
        return query::TransactionSort::Counterparty;
    case Source:
        return query::TransactionSort::Source;
    default:
        return std::nullopt;
    }
}

void TransactionTableModel::setCasePath(const QString &path)
{
    beginResetModel();
    // Destroying the loader joins its thread; queued results it already sent carry an old
    // generation and are ignored.
    m_loader.reset();
    m_casePath = path;
    m_pages.clear();
    m_earlyPages.clear();
    m_requested.clear();
    m_rowCount = 0;
    m_countKnown = false;
    m_total.reset();
    m_shownGeneration = -1;
    ++m_generation;
    endResetModel();
    if (path.isEmpty())
        return;

    m_loader = std::make_unique<TransactionPageLoader>(path, kPageSize);
    connect(m_loader.get(), &TransactionPageLoader::opened, this,
            [this](const QString &zoneId) {
                m_zone = QTimeZone(zoneId.toUtf8());
                emit timeZoneChanged(m_zone);
            },
            Qt::QueuedConnection);
    connect(m_loader.get(), &TransactionPageLoader::totalReady, this,
            [this](qint64 total) {
                m_total = total;
                emit totalCountChanged(total);
            },
            Qt::QueuedConnection);
    connect(m_loader.get(), &TransactionPageLoader::countReady, this,
            &TransactionTableModel::onCountReady, Qt::QueuedConnection);
    connect(m_loader.get(), &TransactionPageLoader::pageReady, this,
            &TransactionTableModel::onPageReady, Qt::QueuedConnection);
    connect(m_loader.get(), &TransactionPageLoader::failed, this,
            &TransactionTableModel::onFailed, Qt::QueuedConnection);
    m_loader->start();
    startQuery(true);
}

void TransactionTableModel::setFilter(const query::TransactionFilter &filter)
{
    m_filter = filter;
    if (m_loader)
        startQuery(true);
}

void TransactionTableModel::refresh()
{
    if (!m_loader)
        return;
    m_loader->requestTotal();
    startQuery(true);
}

void TransactionTableModel::startQuery(bool recount)
{
    ++m_generation;
    m_requested.clear();
    m_earlyPages.clear();
    const auto sort = sortFor(m_sortColumn).value_or(query::TransactionSort::BookedAt);
    m_loader->setQuery(m_generation, m_filter, sort, m_sortOrder == Qt::DescendingOrder, recount);
    if (!recount) {
        // Same rows, new order: the count stands, every cached page is wrong.
        beginResetModel();
        m_pages.clear();
        m_shownGeneration = m_generation;
        endResetModel();
    }
    // The first page is wanted in every case; asking now overlaps it with the count.
    requestPage(0);
}

void TransactionTableModel::requestPage(int page) const
{
    if (!m_loader || m_requested.contains(page))
        return;
    m_requested.insert(page);
    for (const int dropped : m_loader->requestPage(m_generation, page))
        m_requested.remove(dropped);
}

void TransactionTableModel::onCountReady(int generation, qint64 count)
{
    if (generation != m_generation)
        return;
    // Until now the view kept showing the previous filter's rows; swap in the new ones at once.
    beginResetModel();
    m_rowCount = count;
    m_countKnown = true;
    m_pages = std::move(m_earlyPages);
    m_earlyPages.clear();
    m_shownGeneration = generation;
    endResetModel();
    emit countChanged(count);
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        emit pageLoaded(it.key());
}

void TransactionTableModel::onPageReady(int generation, int page, const TransactionPage &rows)
{
    if (generation != m_generation)
        return;
    m_requested.remove(page);
    if (generation != m_shownGeneration) {
        m_earlyPages.insert(page, rows);
        return;
    }
    m_pages.insert(page, rows);
    evictPagesAround(page);
    const int first = page * kPageSize;
    const int last = std::min<qint64>(first + kPageSize, m_rowCount) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    emit pageLoaded(page);
}

void TransactionTableModel::onFailed(int generation, const QString &message)
{
    if (generation >= 0 && generation != m_generation)
        return;
    emit loadFailed(message);
}

void TransactionTableModel::evictPagesAround(int keepPage)
{
    while (m_pages.size() > kMaxCachedPages) {
        auto farthest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (std::abs(it.key() - keepPage) > std::abs(farthest.key() - keepPage))
                farthest = it;
        }
        m_pages.erase(farthest);
    }
}

const DisplayTransaction *TransactionTableModel::displayAt(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.cend())
        return nullptr;
    const auto offset = static_cast<std::size_t>(row % kPageSize);
    return offset < (*it)->size() ? &(**it)[offset] : nullptr;
}

bool TransactionTableModel::isRowLoaded(int row) const
{
    return displayAt(row) != nullptr;
}

std::optional<query::TransactionRow> TransactionTableModel::transactionAt(int row) const
{
    if (const DisplayTransaction *tx = displayAt(row))
        return tx->row;
    return std::nullopt;
}

int TransactionTableModel::rowCount(const QModelIndex &parent) const
{
    // Views take int row counts; a case beyond two billion rows is not a desktop case.
    return parent.isValid() ? 0 : static_cast<int>(std::min<qint64>(m_rowCount, INT_MAX));
}

int TransactionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TransactionTableModel::displayText(const DisplayTransaction &tx, int column) const
{
    const query::TransactionRow &row = tx.row;
    switch (column) {
    case Booked:
        return tx.booked;
    case Account:
        return row.account;
    case Direction:
        return row.direction == QLatin1String("C") ? tr("Credit") : tr("Debit");
    case Amount:
        return tx.amount;
    case Currency:
        return row.currency;
    case Counterparty:
        return row.counterpartyName;
    case CounterpartyAccount:
        return row.counterpartyAccount;
    case Purpose:
        return row.purpose;
    case Channel:
        return row.channel;
    case Source:
        return QStringLiteral("%1 : %2").arg(row.sourceFile).arg(row.sourceRow);
    default:
        return {};
    }
}

QVariant TransactionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const DisplayTransaction *tx = displayAt(index.row());
    if (!tx) {
        if (m_shownGeneration == m_generation)
            requestPage(index.row() / kPageSize);
        if (role == Qt::DisplayRole && index.column() == Booked)
            return kNotLoaded;
        if (role == Qt::ForegroundRole)
            return QBrush(Qt::gray);
        return {};
    }
    const bool credit = tx->row.direction == QLatin1String("C");
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*tx, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Amount)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Amount || index.column() == Direction)
            return QBrush(credit ? kCreditColour : kDebitColour);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Booked:
            return tr("As written in the source: %1\nUTC: %2")
                    .arg(tx->row.bookedText,
                         QDateTime::fromSecsSinceEpoch(tx->row.bookedAt, QTimeZone::utc())
                                 .toString(Qt::ISODate));
        case Purpose:
        case Counterparty:
            return displayText(*tx, index.column());
        case Source:
            return tr("Imported from %1, row %2").arg(tx->row.sourceFile).arg(tx->row.sourceRow);
        default:
            return {};
        }
    case kTransactionIdRole:
        return QVariant::fromValue<qint64>(tx->row.id);
    default:
        return {};
    }
}

QVariant TransactionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return QLocale().toString(section + 1);
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return int((section == Amount ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Booked:
            return tr("Booking time in the case time zone (%1)").arg(QString::fromUtf8(m_zone.id()));
        case Account:
            return tr("The statement owner's account");
        case Direction:
            return tr("Credit: money into the account; debit: money out");
        case Source:
            return tr("Imported file and row the transaction came from");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Booked:
        return tr("Booked");
    case Account:
        return tr("Account");
    case Direction:
        return tr("Dir.");
    case Amount:
        return tr("Amount");
    case Currency:
        return tr("Cur.");
    case Counterparty:
        return tr("Counterparty");
    case CounterpartyAccount:
        return tr("Counterparty account");
    case Purpose:
        return tr("Purpose");
    case Channel:
        return tr("Channel");
    case Source:
        return tr("Source");
    default:
        return {};
    }
}

void TransactionTableModel::sort(int column, Qt::SortOrder order)
{
    if (!sortFor(column) || (column == m_sortColumn && order == m_sortOrder)) {
        emit sortApplied(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_loader)
        startQuery(false);
    emit sortApplied(m_sortColumn, m_sortOrder);
}

} // namespace fundtrace::ui
