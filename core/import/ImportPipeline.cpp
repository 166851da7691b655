#include "import/ImportPipeline.h"

#include "import/BatchBuilder.h"
#include "import/BatchWriter.h"
#include "util/BoundedQueue.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <memory>
#include <thread>

namespace fundtrace::import {
namespace {

constexpr std::size_t kRowsPerBatch = 8192;
constexpr std::size_t kBatchesInFlight = 4;

} // namespace

ImportPipeline::ImportPipeline(db::Database &db, Settings settings)
    : m_db(db)
    , m_settings(std::move(settings))
{
}

void ImportPipeline::run(RowSource &source, ImportResult &result,
                         const std::function<void(const ImportProgress &)> &progress, const CancelFlag *cancel)
{
    const BatchBuilder::StartIds start { m_db.scalarInt("SELECT coalesce(max(id), 0) FROM accounts"),
                                         m_db.scalarInt("SELECT coalesce(max(id), 0) FROM texts") };
    BatchWriter writer(m_db, m_settings.sourceId, start.lastTextId);
    util::BoundedQueue<std::unique_ptr<ImportBatch>> queue(kBatchesInFlight);
    std::atomic<std::int64_t> newAccounts { 0 };

    std::thread parser([&] {
        try {
            BatchBuilder builder(m_settings.casePath, start);
            auto batch = std::make_unique<ImportBatch>();
            RowSource::Row row;
            ParsedTransaction parsed;
            RowProblem problem;
            bool stop = false;
            while (!stop && source.next(row, parsed, problem)) {
                ++batch->rowsRead;
                if (row.ok) {
                    builder.add(parsed, *batch);
                } else {
                    batch->rejects.push_back({ m_settings.fileName, row.number, row.line, problem.column,
                                               problem.value, problem.reason });
                    stop = m_settings.strict;
                }
                if (batch->rows.size() + batch->rejects.size() >= kRowsPerBatch || stop) {
                    batch->bytesConsumed = source.bytesConsumed();
                    if (!queue.push(std::move(batch)))
                        return; // the writer gave up
                    batch = std::make_unique<ImportBatch>();
                }
                if (cancel && cancel->load())
                    break;
            }
            batch->bytesConsumed = source.bytesConsumed();
            newAccounts = builder.newAccounts();
            queue.push(std::move(batch));
            queue.close();
        } catch (...) {
            queue.close(std::current_exception());
        }
    });
    // Whatever happens on this side, the parsing thread is told to stop and joined.
    struct Joiner {
        std::thread &thread;
        util::BoundedQueue<std::unique_ptr<ImportBatch>> &queue;
        ~Joiner()
        {
            queue.close();
            thread.join();
        }
    } joiner { parser, queue };

    QElapsedTimer timer;
    timer.start();
    ImportProgress status;
    status.bytesTotal = source.bytesTotal();
    qint64 writingNs = 0;
    QElapsedTimer writing;
    while (auto batch = queue.pop()) {
        if (cancel && cancel->load())
            throw Cancelled {};
        writing.start();
        writer.write(**batch);
        writingNs += writing.nsecsElapsed();
        result.rowsRead += (*batch)->rowsRead;
        result.rowsImported += static_cast<std::int64_t>((*batch)->rows.size());
        result.rowsRejected += static_cast<std::int64_t>((*batch)->rejects.size());
        for (Reject &reject : (*batch)->rejects)
            result.rejects.push_back(std::move(reject));
        if (m_settings.strict && !(*batch)->rejects.empty())
            throw StrictAbort {};
        if (progress) {
            status.phase = "reading";
            status.bytesDone = (*batch)->bytesConsumed;
            status.rowsRead = result.rowsRead;
            status.rowsImported = result.rowsImported;
            status.rowsRejected = result.rowsRejected;
            const double seconds = timer.elapsed() / 1000.0;
            status.rowsPerSecond = seconds > 0 ? result.rowsRead / seconds : 0;
            const double fraction = status.bytesTotal > 0 ? double(status.bytesDone) / status.bytesTotal : 0;
            status.secondsRemaining = fraction > 0.01 ? seconds * (1 - fraction) / fraction : -1;
            progress(status);
        }
    }
    if (cancel && cancel->load())
        throw Cancelled {};
    if (progress) {
        status.phase = "indexing";
        progress(status);
    }
    log::get("import")->debug("pipeline: {} ms total, {} ms writing rows, the rest waiting for the parser",
                              timer.elapsed(), writingNs / 1000000);
    writing.start();
    writer.finish();
    log::get("import")->debug("full-text index: {} ms", writing.elapsed());
    result.newAccounts = newAccounts;
}

} // namespace fundtrace::import
