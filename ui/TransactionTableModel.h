#pragma once

#include "TransactionPageLoader.h"
#include "query/TransactionFilter.h"
#include "query/TransactionQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <memory>
#include <optional>

namespace fundtrace::ui {

// The transactions of a case as a lazy table: the row count comes from a filtered count, rows
// arrive in pages from a TransactionPageLoader on its own thread, and rows not loaded yet show
// "…" until their page arrives. Only a bounded number of pages is kept, so a million-row case
// costs a few megabytes whatever the user scrolls through.
class TransactionTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Booked,
        Account,
        Direction,
        Amount,
        Currency,
        Counterparty,
        CounterpartyAccount,
        Purpose,
        Channel,
        Source,
        ColumnCount
    };
    static constexpr int kPageSize = 256;
    static constexpr int kTransactionIdRole = Qt::UserRole + 1;

    explicit TransactionTableModel(QObject *parent = nullptr);
    ~TransactionTableModel() override;

    // Starts loading a case (the loader opens its own read-only connection); empty closes.
    void setCasePath(const QString &path);
    const QString &casePath() const { return m_casePath; }

    void setFilter(const query::TransactionFilter &filter);
    const query::TransactionFilter &filter() const { return m_filter; }
    // Counts and loads again, e.g. after an import added rows.
    void refresh();

    bool isCountKnown() const { return m_countKnown; }
    std::optional<qint64> totalCount() const { return m_total; }
    bool isRowLoaded(int row) const;
    // The transaction at a row, if its page is loaded.
    std::optional<query::TransactionRow> transactionAt(int row) const;
    const QTimeZone &timeZone() const { return m_zone; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    static std::optional<query::TransactionSort> sortFor(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // The filtered count is known (after opening, a filter change or a refresh).
    void countChanged(qint64 count);
    void totalCountChanged(qint64 total);
    void pageLoaded(int page);
    void loadFailed(const QString &message);
    // Emitted after sort() with what is actually in effect (some columns cannot be sorted on).
    void sortApplied(int column, Qt::SortOrder order);
    void timeZoneChanged(const QTimeZone &zone);

private:
    void startQuery(bool recount);
    void requestPage(int page) const;
    void onCountReady(int generation, qint64 count);
    void onPageReady(int generation, int page, const TransactionPage &rows);
    void onFailed(int generation, const QString &message);
    void evictPagesAround(int keepPage);
    const DisplayTransaction *displayAt(int row) const;
    QVariant displayText(const DisplayTransaction &tx, int column) const;

    QString m_casePath;
    std::unique_ptr<TransactionPageLoader> m_loader;
    query::TransactionFilter m_filter;
    int m_sortColumn = Booked;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QTimeZone m_zone = QTimeZone::utc();

    int m_generation = 0;          // of the query last sent to the loader
    int m_shownGeneration = -1;    // of the rows the view shows now
    qint64 m_rowCount = 0;
    bool m_countKnown = false;
    std::optional<qint64> m_total;
    QHash<int, TransactionPage> m_pages;
    QHash<int, TransactionPage> m_earlyPages;   // of m_generation, arrived before its count
    mutable QSet<int> m_requested;
};

} // namespace fundtrace::ui
