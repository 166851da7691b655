#include "TransactionPageLoader.h"

#include "db/CaseFile.h"
#include "model/Currency.h"
#include "query/TransactionOrder.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <span>

namespace fundtrace::ui {
namespace {

// More queued pages than a screenful or two only delays the ones the user is looking at.
constexpr std::size_t kMaxQueuedPages = 6;
// Pages up to here come from an OFFSET query, cheap near the top; deeper pages come from the
// query's ordered id list, built once per query, so a jump to the middle of a million rows sorted
// by amount costs one sort, not one per page.
constexpr int kOffsetPages = 8;
// Totals are never interrupted: they are cheap and not tied to a generation.
constexpr int kNotInterruptible = -2;

} // namespace

TransactionPageLoader::TransactionPageLoader(const QString &casePath, int pageSize)
    : m_casePath(casePath)
    , m_pageSize(pageSize)
{
    qRegisterMetaType<TransactionPage>();
}

void TransactionPageLoader::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

TransactionPageLoader::~TransactionPageLoader()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        if (m_db && m_runningGeneration != -1)
            m_db->interrupt();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void TransactionPageLoader::setQuery(int generation, const query::TransactionFilter &filter,
                                     query::TransactionSort sort, bool descending, bool recount)
{
    {
        std::lock_guard lock(m_mutex);
        m_query = Query { generation, filter, sort, descending };
        m_countWanted = m_countWanted || recount;
        m_pages.clear();
        if (m_db && m_runningGeneration >= 0 && m_runningGeneration != generation)
            m_db->interrupt();
    }
    m_wake.notify_all();
}

std::vector<int> TransactionPageLoader::requestPage(int generation, int page)
{
    std::vector<int> dropped;
    {
        std::lock_guard lock(m_mutex);
        if (generation != m_query.generation)
            return dropped;
        std::erase(m_pages, page);
        m_pages.push_back(page);
        while (m_pages.size() > kMaxQueuedPages) {
            dropped.push_back(m_pages.front());
            m_pages.pop_front();
        }
    }
    m_wake.notify_all();
    return dropped;
}

void TransactionPageLoader::requestTotal()
{
    {
        std::lock_guard lock(m_mutex);
        m_totalWanted = true;
    }
    m_wake.notify_all();
}

std::optional<TransactionPageLoader::Job>
TransactionPageLoader::nextJob(std::unique_lock<std::mutex> &lock)
{
    m_wake.wait(lock, [this] { return m_stop || m_totalWanted || m_countWanted || !m_pages.empty(); });
    if (m_stop)
        return std::nullopt;
    Job job;
    job.query = m_query;
    if (m_totalWanted) {
        m_totalWanted = false;
        job.kind = Job::Kind::Total;
        m_runningGeneration = kNotInterruptible;
    } else if (m_countWanted) {
        m_countWanted = false;
        job.kind = Job::Kind::Count;
        m_runningGeneration = job.query.generation;
    } else {
        job.kind = Job::Kind::Page;
        job.page = m_pages.back();
        m_pages.pop_back();
        m_runningGeneration = job.query.generation;
    }
    return job;
}

void TransactionPageLoader::run()
{
    std::optional<db::CaseFile> caseFile;
    try {
        caseFile.emplace(db::CaseFile::open(m_casePath, true));
        const QString zoneId = caseFile->meta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
        m_zone = QTimeZone(zoneId.toUtf8());
        if (!m_zone.isValid())
            m_zone = QTimeZone::utc();
        emit opened(QString::fromUtf8(m_zone.id()));
    } catch (const std::exception &error) {
        emit failed(-1, QString::fromUtf8(error.what()));
        return;
    }
    const query::TransactionQuery transactions(caseFile->db());
    const query::TransactionOrder order(caseFile->db());
    {
        std::lock_guard lock(m_mutex);
        m_db = &caseFile->db();
    }
    for (;;) {
        std::optional<Job> job;
        {
            std::unique_lock lock(m_mutex);
            job = nextJob(lock);
        }
        if (!job)
            break;
        execute(*job, transactions, order);
        std::lock_guard lock(m_mutex);
        m_runningGeneration = -1;
    }
    std::lock_guard lock(m_mutex);
    m_db = nullptr;
}

void TransactionPageLoader::execute(const Job &job, const query::TransactionQuery &transactions,
                                    const query::TransactionOrder &order)
{
    QElapsedTimer clock;
    clock.start();
    try {
        switch (job.kind) {
        case Job::Kind::Total:
            emit totalReady(transactions.count({}));
            break;
        case Job::Kind::Count:
            emit countReady(job.query.generation, transactions.count(job.query.filter));
            log::get("ui")->debug("filtered count in {} ms", clock.elapsed());
            break;
        case Job::Kind::Page: {
            const std::int64_t offset = static_cast<std::int64_t>(job.page) * m_pageSize;
            std::vector<query::TransactionRow> rows;
            if (job.page < kOffsetPages) {
                rows = transactions.page(job.query.filter, job.query.sort, job.query.descending, offset, m_pageSize);
            } else {
                if (m_orderedGeneration != job.query.generation) {
                    m_orderedIds.clear();
                    m_orderedIds = order.orderedIds(job.query.filter, job.query.sort, job.query.descending);
                    m_orderedGeneration = job.query.generation;
                }
                const std::span<const std::int64_t> all(m_orderedIds);
                if (offset < static_cast<std::int64_t>(all.size())) {
                    const auto size = std::min<std::size_t>(m_pageSize, all.size() - static_cast<std::size_t>(offset));
                    rows = order.rows(all.subspan(static_cast<std::size_t>(offset), size));
                }
            }
            log::get("ui")->debug("page {} ({} rows) loaded in {} ms", job.page, rows.size(), clock.elapsed());
            emit pageReady(job.query.generation, job.page,
                           std::make_shared<const std::vector<DisplayTransaction>>(format(std::move(rows))));
            break;
        }
        }
    } catch (const std::exception &error) {
        bool stale = false;
        {
            std::lock_guard lock(m_mutex);
            stale = m_stop || job.query.generation != m_query.generation;
        }
        // An interrupted query of a filter the user already replaced is not an error.
        if (stale)
            return;
        log::get("ui")->error("loading transactions failed: {}", error.what());
        emit failed(job.query.generation, QString::fromUtf8(error.what()));
    }
}

std::vector<DisplayTransaction>
TransactionPageLoader::format(std::vector<query::TransactionRow> rows) const
{
    std::vector<DisplayTransaction> out;
    out.reserve(rows.size());
    for (query::TransactionRow &row : rows) {
        DisplayTransaction display;
        display.booked = QDateTime::fromSecsSinceEpoch(row.bookedAt, m_zone)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        display.amount = model::formatAmount(row.amountMinor, row.currency.toStdString(),
                                             model::AmountStyle::Cis, false);
        display.row = std::move(row);
        out.push_back(std::move(display));
    }
    return out;
}

} // namespace fundtrace::ui
