#include "import/CsvImporter.h"

#include "audit/AuditLog.h"
#include "import/CsvInput.h"
#include "import/FileFingerprint.h"
#include "import/ImportPreview.h"
#include "import/RowConverter.h"
#include "import/ImportPipeline.h"
#include "import/RowSource.h"
#include "util/Logging.h"
#include "util/SystemInfo.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <future>

namespace fundtrace::import {
namespace {

// Index definitions of the transactions table, dropped during a bulk load into a small case and
// rebuilt afterwards: building an index once from sorted data is several times cheaper than
// maintaining it row by row.
const char *const kTransactionIndexes[][2] = {
    { "tx_account_time", "CREATE INDEX tx_account_time ON transactions(account_id, booked_at)" },
    { "tx_counterparty_time", "CREATE INDEX tx_counterparty_time ON transactions(counterparty_account_id, booked_at)" },
    { "tx_time", "CREATE INDEX tx_time ON transactions(booked_at)" },
};



class BulkLoadSettings {
public:
    explicit BulkLoadSettings(db::Database &db)
        : m_db(db)
    {
        m_db.exec("PRAGMA cache_size=-196608"); // 192 MiB
    }
    ~BulkLoadSettings()
    {
        try {
            m_db.exec("PRAGMA cache_size=-65536");
        } catch (const db::DbError &) {
            // Only fails if the connection is unusable, which the caller reports already.
        }
    }
    BulkLoadSettings(const BulkLoadSettings &) = delete;
    BulkLoadSettings &operator=(const BulkLoadSettings &) = delete;

private:
    db::Database &m_db;
};

class ForeignKeysOff {
public:
    explicit ForeignKeysOff(db::Database &db)
        : m_db(db)
    {
        m_db.exec("PRAGMA foreign_keys=OFF");
    }
    ~ForeignKeysOff()
    {
        try {
            m_db.exec("PRAGMA foreign_keys=ON");
        } catch (const db::DbError &) {
            // Only fails if the connection is unusable, which the caller reports already.
        }
    }
    ForeignKeysOff(const ForeignKeysOff &) = delete;
    ForeignKeysOff &operator=(const ForeignKeysOff &) = delete;

private:
    db::Database &m_db;
};

QTimeZone zoneFor(const ImportMapping &mapping, const db::CaseFile &caseFile, const QString &path)
{
    const QString name = !mapping.timezone.isEmpty() ? mapping.timezone
                                                     : caseFile.meta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
    QTimeZone zone(name.toUtf8());
    if (!zone.isValid())
        throw ImportError(QStringLiteral("%1: unknown time zone \"%2\" (use an IANA name such as "
                                         "Asia/Almaty)").arg(path, name));
    return zone;
}

} // namespace

CsvImporter::CsvImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult CsvImporter::importFile(const QString &path, const ProgressCallback &progress,
                                     const CancelFlag *cancel)
{
    auto logger = log::get("import");
    ImportResult result;
    result.file = path;
    QElapsedTimer timer;
    timer.start();
    db::Database &db = m_case.db();

    try {
        if (m_case.isReadOnly())
            throw ImportError(QStringLiteral("the case is open read-only"));
        if (!QFileInfo(path).isFile())
            throw ImportError(QStringLiteral("%1: no such file").arg(path));

        // Hashing a large file costs as much as parsing it, so it runs on the other core while
        // the import proceeds; the duplicate check needs it first only when the case already
        // holds a file of exactly this size.
        const std::int64_t fileSize = QFileInfo(path).size();
        std::future<FileFingerprint> hashing = std::async(std::launch::async, [path] { return FileFingerprint::of(path); });

        ImportMapping mapping = m_options.mapping.value_or(ImportMapping {});
        CsvInput input(path, mapping, m_options.encoding);
        result.encoding = input.encoding();
        result.delimiter = delimiterName(input.delimiter());
        if (!m_options.mapping) {
            mapping = guessMapping(input.headers());
            mapping.encoding = input.encoding();
            mapping.delimiter = QString(QLatin1Char(input.delimiter()));
        }
        RowConverter converter = [&] {
            try {
                return RowConverter(mapping, input.headers(), zoneFor(mapping, m_case, path),
                                    m_case.meta(QStringLiteral("base_currency"), QStringLiteral("KZT")));
            } catch (const ImportError &error) {
                throw ImportError(QStringLiteral("%1: %2%3").arg(
                        path, QString::fromUtf8(error.what()),
                        m_options.mapping ? QString()
                                          : QStringLiteral(". The header was not recognised; write a mapping "
                                                           "file (see docs/mapping.md) or use the import wizard")));
            }
        }();

        // Foreign keys are checked per row by SQLite: five b-tree lookups for every transaction.
        // The writer only stores ids it has just found or created inside this transaction, so
        // the checks are off while it runs (the pragma cannot change inside a transaction).
        const ForeignKeysOff foreignKeysOff(db);
        // A larger page cache keeps the b-trees being appended to in memory; reset when the
        // import ends.
        const BulkLoadSettings bulkSettings(db);
        db::Transaction transaction(db);
        db::Statement sameSize = db.prepare("SELECT 1 FROM sources WHERE size_bytes = ?1 LIMIT 1");
        sameSize.bind(1, fileSize);
        std::optional<FileFingerprint> fingerprint;
        if (!m_options.force && sameSize.step()) {
            fingerprint = hashing.get();
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
                "INSERT INTO sources(file_name, file_path, sha256, size_bytes, format, encoding, mapping_json, "
                "imported_at, imported_by) VALUES (?1, ?2, '', ?3, 'csv', ?4, ?5, ?6, ?7)");
        insertSource.bind(1, QFileInfo(path).fileName())
                .bind(2, QFileInfo(path).absoluteFilePath())
                .bind(3, fileSize)
                .bind(4, input.encoding())
                .bind(5, QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact)))
                .bind(6, util::utcNowIso())
                .bind(7, util::osUserName())
                .run();
        result.sourceId = db.lastInsertRowId();

        ImportPipeline pipeline(db, { m_case.path(), path, result.sourceId, m_options.strict });
        CsvRowSource rows(input, converter);
        pipeline.run(rows, result, progress, cancel);
        if (cancel && cancel->load())
            throw ImportPipeline::Cancelled {};

        const qint64 ftsDoneMs = timer.elapsed();
        if (rebuildIndexes)
            for (const auto &index : kTransactionIndexes)
                db.exec(index[1]);
        logger->debug("import phases: rows and full-text {} ms, indexes {} ms", ftsDoneMs,
                      timer.elapsed() - ftsDoneMs);
        if (cancel && cancel->load())
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
                                     { QStringLiteral("sha256"), fingerprint->sha256 },
                                     { QStringLiteral("rows_imported"), qint64(result.rowsImported) },
                                     { QStringLiteral("rows_rejected"), qint64(result.rowsRejected) } });
        if (progress)
            progress(ImportProgress { input.bytesTotal(), input.bytesTotal(), result.rowsRead, result.rowsImported,
                                      result.rowsRejected, 0, 0, "committing" });
        transaction.commit();
        result.seconds = timer.elapsed() / 1000.0;
        result.status = ImportResult::Status::Imported;
        logger->info("imported source #{}: {} rows, {} rejected, {:.2f} s", result.sourceId,
                     result.rowsImported, result.rowsRejected, result.seconds);
    } catch (const ImportPipeline::Cancelled &) {
        result = ImportResult {};
        result.status = ImportResult::Status::Cancelled;
        result.file = path;
        result.message = QStringLiteral("%1: import cancelled; the case is unchanged").arg(path);
    } catch (const ImportPipeline::StrictAbort &) {
        const Reject &first = result.rejects.back();
        result.status = ImportResult::Status::Failed;
        result.sourceId = 0;
        result.rowsImported = 0;
        result.message = QStringLiteral("%1, row %2 (line %3), column %4: %5 — strict mode, nothing imported")
                                 .arg(path)
                                 .arg(first.row)
                                 .arg(first.line)
                                 .arg(first.column.isEmpty() ? QStringLiteral("-") : first.column, first.reason);
    } catch (const ImportError &error) {
        result.status = ImportResult::Status::Failed;
        result.sourceId = 0;
        result.rowsImported = 0;
        result.message = QString::fromUtf8(error.what()) + QStringLiteral(" — nothing imported");
    } catch (const MappingError &error) {
        result.status = ImportResult::Status::Failed;
        result.sourceId = 0;
        result.message = QStringLiteral("%1: %2 — nothing imported").arg(path, QString::fromUtf8(error.what()));
    } catch (const db::DbError &error) {
        result.status = ImportResult::Status::Failed;
        result.sourceId = 0;
        result.rowsImported = 0;
        result.message = QStringLiteral("%1: the case database refused the import (%2); nothing imported")
                                 .arg(path, QString::fromUtf8(error.what()));
        logger->error("import failed: {}", error.what());
    }
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

} // namespace fundtrace::import
