#pragma once

#include "query/TransactionFilter.h"
#include "query/TransactionQuery.h"

#include <QObject>
#include <QString>
#include <QTimeZone>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fundtrace::db {
class Database;
}
namespace fundtrace::query {
class TransactionOrder;
}

namespace fundtrace::ui {

// A transaction with the texts the table shows, formatted off the GUI thread.
struct DisplayTransaction {
    query::TransactionRow row;
    QString booked;   // local time in the case's zone
    QString amount;   // without the currency code, which has its own column
};

using TransactionPage = std::shared_ptr<const std::vector<DisplayTransaction>>;

// Runs counts and page queries for TransactionTableModel on its own thread with its own
// read-only connection, like DB Browser for SQLite's RowLoader. Every request carries the
// model's generation; results of an older generation are still delivered and the model drops
// them. Page requests are served newest first, and only the last few are kept, so fast
// scrolling loads what is on screen instead of everything scrolled past. A new query interrupts
// the running statement of an older one.
//
// Threading: the public functions are called from the GUI thread; the signals are emitted from
// the loader thread (connect them queued).
class TransactionPageLoader : public QObject {
    Q_OBJECT

public:
    TransactionPageLoader(const QString &casePath, int pageSize);
    ~TransactionPageLoader() override;

    // Starts the loader thread; connect the signals first, or early results are lost.
    void start();

    // Replaces the query; pending page requests are discarded. With `recount` the filtered count
    // is computed again (a new sort keeps the count).
    void setQuery(int generation, const query::TransactionFilter &filter, query::TransactionSort sort,
                  bool descending, bool recount);
    // Queues a page of the current query. Returns the pages pushed out of the queue, which the
    // caller must ask for again if they are still wanted.
    std::vector<int> requestPage(int generation, int page);
    // Asks for the unfiltered count of the case again (after an import).
    void requestTotal();

signals:
    void opened(const QString &timeZoneId);
    void totalReady(qint64 total);
    void countReady(int generation, qint64 count);
    void pageReady(int generation, int page, fundtrace::ui::TransactionPage rows);
    void failed(int generation, const QString &message);

private:
    struct Query {
        int generation = 0;
        query::TransactionFilter filter;
        query::TransactionSort sort = query::TransactionSort::BookedAt;
        bool descending = false;
    };
    struct Job {
        enum class Kind { Total, Count, Page } kind = Kind::Page;
        Query query;
        int page = 0;
    };

    void run();
    std::optional<Job> nextJob(std::unique_lock<std::mutex> &lock);
    void execute(const Job &job, const query::TransactionQuery &transactions,
                 const query::TransactionOrder &order);
    std::vector<DisplayTransaction> format(std::vector<query::TransactionRow> rows) const;

    const QString m_casePath;
    const int m_pageSize;
    QTimeZone m_zone;
    // Loader thread only: the ordered ids of the query with this generation.
    std::vector<std::int64_t> m_orderedIds;
    int m_orderedGeneration = -1;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_totalWanted = true;
    Query m_query;
    bool m_countWanted = false;
    std::deque<int> m_pages;          // newest at the back
    int m_runningGeneration = -1;     // generation of the statement now running, -1 when idle
    db::Database *m_db = nullptr;     // the loader thread's connection, for interrupt()
    std::thread m_thread;
};

} // namespace fundtrace::ui

Q_DECLARE_METATYPE(fundtrace::ui::TransactionPage)
