#include "import/ImportSession.h"

#include "audit/AuditLog.h"
#include "import/FileFingerprint.h"
#include "import/ImportMapping.h"
#include "import/ImportPipeline.h"
#include "import/ImportPreview.h"
#include "util/Logging.h"
#include "util/SystemInfo.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <future>

namespace fundtrace::import {
namespace {

// Index definitions of the transactions table, dropped during a bulk load into a small case and
// rebuilt afterwards: building an index once from sorted data is cheaper than maintaining it
// row by row.
const char *const kTransactionIndexes[][2] = {
    { "tx_account_time", "CREATE INDEX tx_account_time ON transactions(account_id, booked_at)" },
    { "tx_counterparty_time", "CREATE INDEX tx_counterparty_time ON transactions(counterparty_account_id, booked_at) "
                              "WHERE counterparty_account_id IS NOT NULL" },
    { "tx_time", "CREATE INDEX tx_time ON transactions(booked_at)" },
};

// Sets a pragma for the lifetime of the object and restores it after. Pragmas such as
// foreign_keys cannot change inside a transaction, so this wraps the transaction.
class ScopedPragma {
public:
    ScopedPragma(db::Database &db, const char *set, const char *restore)
        : m_db(db)
        , m_restore(restore)
    {
        m_db.exec(set);
    }
    ~ScopedPragma()
    {
        try {
            m_db.exec(m_restore);
        } catch (const db::DbError &) {
            // Only fails if the connection is unusable, which the caller reports already.
        }
    }
    ScopedPragma(const ScopedPragma &) = delete;
    ScopedPragma &operator=(const ScopedPragma &) = delete;

private:
    db::Database &m_db;
    const char *m_restore;
};

// Switches a case to the rollback journal for one bulk import, and back to WAL afterwards.
class BulkJournal {
public:
    explicit BulkJournal(db::Database &db)
        : m_db(db)
    {
        // Asked without waiting: when readers hold the case, the answer is an immediate "busy".
        m_db.exec("PRAGMA busy_timeout=0");
        try {
            db::Statement mode = m_db.prepare("PRAGMA journal_mode=DELETE");
            m_switched = mode.step() && mode.text(0) == "delete";
        } catch (const db::DbError &) {
            m_switched = false; // other connections hold the WAL open: keep it
        }
        m_db.exec("PRAGMA busy_timeout=" + std::to_string(db::Database::kBusyTimeoutMs));
    }
    ~BulkJournal()
    {
        if (!m_switched)
            return;
        try {
            m_db.exec("PRAGMA journal_mode=WAL");
        } catch (const db::DbError &error) {
            log::get("import")->warn("the case stays in rollback-journal mode until it is opened again: {}",
                                     error.what());
        }
    }
    BulkJournal(const BulkJournal &) = delete;
    BulkJournal &operator=(const BulkJournal &) = delete;

private:
    db::Database &m_db;
    bool m_switched = false;
};

} // namespace

void ImportContext::importRows(RowSource &rows)
{
    ImportPipeline pipeline(db, { m_casePath, path, sourceId, m_strict });
    pipeline.run(rows, result, m_progress, m_cancel);
    if (cancelled())
        throw ImportPipeline::Cancelled {};
}

void ImportContext::setEncoding(const QString &encoding)
{
    result.encoding = encoding;
    db::Statement update = db.prepare("UPDATE sources SET encoding = ?1 WHERE id = ?2");
    update.bind(1, encoding).bind(2, sourceId).run();
}

void ImportContext::setMappingJson(const QString &json)
{
    db::Statement update = db.prepare("UPDATE sources SET mapping_json = ?1 WHERE id = ?2");
    update.bind(1, json).bind(2, sourceId).run();
}

void ImportContext::addNote(const QString &note)
{
    m_notes << note;
    db::Statement update = db.prepare("UPDATE sources SET notes = ?1 WHERE id = ?2");
    update.bind(1, m_notes.join(QLatin1Char('\n'))).bind(2, sourceId).run();
}

void ImportContext::reportProgress(const ImportProgress &progress) const
{
    if (m_progress)
        m_progress(progress);
}

ImportSession::ImportSession(db::CaseFile &caseFile, bool strict, bool force)
    : m_case(caseFile)
    , m_strict(strict)
    , m_force(force)
{
}

ImportResult ImportSession::run(const QString &path, const QString &format, const Body &body,
                                const ProgressCallback &progress, const CancelFlag *cancel)
{
    auto logger = log::get("import");
    ImportResult result;
    result.file = path;
    QElapsedTimer timer;
    timer.start();
    db::Database &db = m_case.db();

    auto fail = [&](const QString &message) {
        result.status = ImportResult::Status::Failed;
        result.sourceId = 0;
        result.rowsImported = 0;
        result.message = message;
    };

    try {
        if (m_case.isReadOnly())
            throw ImportError(QStringLiteral("%1: the case is open read-only").arg(path));
        if (!QFileInfo(path).isFile())
            throw ImportError(QStringLiteral("%1: no such file").arg(path));

        // The duplicate check needs the file's hash first only when the case already holds a file
        // of exactly this size; otherwise it is computed while the indexes build (below).
        const std::int64_t fileSize = QFileInfo(path).size();

        // Foreign keys are checked per row by SQLite: five b-tree lookups for every transaction.
        // The pipeline only stores ids it has just found or created inside this transaction, so
        // the checks are off while it runs. The page cache stays at its usual 64 MiB: pages that
        // overflow it are written out as the load goes instead of all at the commit, and a larger
        // cache only costs page faults (measured on a 1M-row load: 196 MiB was 0.2-0.5 s slower).
        const ScopedPragma foreignKeysOff(db, "PRAGMA foreign_keys=OFF", "PRAGMA foreign_keys=ON");
        // Index builds sort the whole table. With temporary storage in memory SQLite sorts it as
        // one list, which thrashes the CPU caches; on file it sorts short runs and merges them,
        // two to three times faster. The runs hold integer keys and row ids, in files SQLite
        // unlinks as it creates them. Switching drops the connection's TEMP tables; the import has
        // none, and the queries that use scratch tables create them on use. (A second sorter
        // thread, also tried, used more CPU and saved no time.)
        const ScopedPragma fileSorter(db, "PRAGMA temp_store=FILE", "PRAGMA temp_store=MEMORY");
        // A bulk load through the WAL writes every page twice (log, then checkpoint). When nobody
        // else has the case open, the rollback journal writes new pages once and keeps the import
        // just as atomic; WAL comes back right after. With readers (the GUI) it stays WAL.
        const BulkJournal bulkJournal(db);
        db::Transaction transaction(db);

        std::optional<FileFingerprint> fingerprint;
        db::Statement sameSize = db.prepare("SELECT 1 FROM sources WHERE size_bytes = ?1 LIMIT 1");
        sameSize.bind(1, fileSize);
        if (!m_force && sameSize.step()) {
            fingerprint = FileFingerprint::of(path);
            db::Statement existing = db.prepare(
                    "SELECT id, file_name, imported_at FROM sources WHERE sha256 = ?1 ORDER BY id LIMIT 1");
            existing.bind(1, fingerprint->sha256);
            if (existing.step()) {
                result.status = ImportResult::Status::Refused;
                result.message = QStringLiteral("%1: already imported as source #%2 (%3, %4); use --force "
                                                "to import it again")
                                         .arg(path)
                                         .arg(existing.int64(0))
                                         .arg(existing.qtext(1), existing.qtext(2));
                return result;
            }
        }

        const std::int64_t existingRows = db.scalarInt("SELECT count(*) FROM transactions");
        const bool rebuildIndexes = existingRows < 100000 || existingRows < fileSize / 100; // ~100 bytes a row
        if (rebuildIndexes)
            for (const auto &index : kTransactionIndexes)
                db.exec(std::string("DROP INDEX IF EXISTS ") + index[0]);

        db::Statement insertSource = db.prepare(
                "INSERT INTO sources(file_name, file_path, sha256, size_bytes, format, imported_at, imported_by) "
                "VALUES (?1, ?2, '', ?3, ?4, ?5, ?6)");
        insertSource.bind(1, QFileInfo(path).fileName())
                .bind(2, QFileInfo(path).absoluteFilePath())
                .bind(3, fileSize)
                .bind(4, format)
                .bind(5, util::utcNowIso())
                .bind(6, util::osUserName())
                .run();
        result.sourceId = db.lastInsertRowId();

        ImportContext context(db, path, result.sourceId, result, m_case.path(), m_strict, progress, cancel);
        body(context);
        if (context.cancelled())
            throw ImportPipeline::Cancelled {};

        // While the rows go in, the parser and the writer keep both cores busy; the index builds
        // below use one, so the hash runs beside them.
        std::future<FileFingerprint> hashing;
        if (!fingerprint)
            hashing = std::async(std::launch::async, [path] { return FileFingerprint::of(path); });
        const qint64 indexStartMs = timer.elapsed();
        if (rebuildIndexes) {
            // The sorter's run length follows cache_size, so the cache shrinks while indexes build.
            const ScopedPragma shortSortRuns(db, "PRAGMA cache_size=-2048", "PRAGMA cache_size=-65536");
            for (const auto &index : kTransactionIndexes)
                db.exec(index[1]);
        }
        logger->debug("import phases: rows {} ms, indexes {} ms", indexStartMs, timer.elapsed() - indexStartMs);
        if (context.cancelled())
            throw ImportPipeline::Cancelled {};

        if (!fingerprint)
            fingerprint = hashing.get();
        db::Statement finishSource = db.prepare(
                "UPDATE sources SET sha256 = ?1, rows_read = ?2, rows_imported = ?3, rows_rejected = ?4, "
                "duration_ms = ?5 WHERE id = ?6");
        finishSource.bind(1, fingerprint->sha256).bind(2, result.rowsRead).bind(3, result.rowsImported)
                .bind(4, result.rowsRejected).bind(5, static_cast<std::int64_t>(timer.elapsed()))
                .bind(6, result.sourceId).run();
        audit::AuditLog(db).record(QStringLiteral("source.import"), QStringLiteral("source"), result.sourceId,
                                   { { QStringLiteral("file"), QFileInfo(path).fileName() },
                                     { QStringLiteral("format"), format },
                                     { QStringLiteral("sha256"), fingerprint->sha256 },
                                     { QStringLiteral("rows_imported"), qint64(result.rowsImported) },
                                     { QStringLiteral("rows_rejected"), qint64(result.rowsRejected) } });
        context.reportProgress(ImportProgress { fileSize, fileSize, result.rowsRead, result.rowsImported,
                                                result.rowsRejected, 0, 0, "committing" });
        const qint64 commitStartMs = timer.elapsed();
        transaction.commit();
        logger->debug("commit: {} ms", timer.elapsed() - commitStartMs);
        result.status = ImportResult::Status::Imported;
        result.seconds = timer.elapsed() / 1000.0;
        logger->info("imported source #{} ({}): {} rows, {} rejected, {:.2f} s", result.sourceId,
                     format.toStdString(), result.rowsImported, result.rowsRejected, result.seconds);
    } catch (const ImportPipeline::Cancelled &) {
        result = ImportResult {};
        result.status = ImportResult::Status::Cancelled;
        result.file = path;
        result.message = QStringLiteral("%1: import cancelled; the case is unchanged").arg(path);
    } catch (const ImportPipeline::StrictAbort &) {
        const Reject &first = result.rejects.back();
        fail(QStringLiteral("%1, row %2 (line %3), column %4: %5 — strict mode, nothing imported")
                     .arg(path)
                     .arg(first.row)
                     .arg(first.line)
                     .arg(first.column.isEmpty() ? QStringLiteral("-") : first.column, first.reason));
    } catch (const ImportError &error) {
        fail(QString::fromUtf8(error.what()) + QStringLiteral(" — nothing imported"));
    } catch (const MappingError &error) {
        fail(QStringLiteral("%1: %2 — nothing imported").arg(path, QString::fromUtf8(error.what())));
    } catch (const db::DbError &error) {
        fail(QStringLiteral("%1: the case database refused the import (%2); nothing imported")
                     .arg(path, QString::fromUtf8(error.what())));
        logger->error("import failed: {}", error.what());
    }
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

} // namespace fundtrace::import
