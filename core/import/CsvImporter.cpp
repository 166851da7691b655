#include "import/CsvImporter.h"

#include "audit/AuditLog.h"
#include "import/CsvInput.h"
#include "import/FileFingerprint.h"
#include "import/ImportPreview.h"
#include "import/RowConverter.h"
#include "import/TransactionWriter.h"
#include "util/Logging.h"
#include "util/SystemInfo.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

namespace fundtrace::import {
namespace {

// Index definitions of the transactions table, dropped during a bulk load into a small case and
// rebuilt afterwards: building an index once from sorted data is several times cheaper than
// maintaining it row by row.
const char *const kTransactionIndexes[][2] = {
    { "tx_account_time", "CREATE INDEX tx_account_time ON transactions(account_id, booked_at)" },
    { "tx_counterparty_time", "CREATE INDEX tx_counterparty_time ON transactions(counterparty_account_id, booked_at)" },
    { "tx_time", "CREATE INDEX tx_time ON transactions(booked_at)" },
    { "tx_source", "CREATE INDEX tx_source ON transactions(source_id, source_row)" },
};

constexpr std::int64_t kProgressEveryRows = 8192;

struct Cancelled { };
struct StrictAbort { };

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

        const FileFingerprint fingerprint = FileFingerprint::of(path);
        if (!m_options.force) {
            db::Statement existing = db.prepare(
                    "SELECT id, file_name, imported_at FROM sources WHERE sha256 = ?1 ORDER BY id LIMIT 1");
            existing.bind(1, fingerprint.sha256);
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

        db::Transaction transaction(db);
        const std::int64_t existingRows = db.scalarInt("SELECT count(*) FROM transactions");
        const bool rebuildIndexes = existingRows < 100000
                || existingRows < fingerprint.size / 100; // ~100 bytes a row
        if (rebuildIndexes)
            for (const auto &index : kTransactionIndexes)
                db.exec(std::string("DROP INDEX IF EXISTS ") + index[0]);

        db::Statement insertSource = db.prepare(
                "INSERT INTO sources(file_name, file_path, sha256, size_bytes, format, encoding, mapping_json, "
                "imported_at, imported_by) VALUES (?1, ?2, ?3, ?4, 'csv', ?5, ?6, ?7, ?8)");
        insertSource.bind(1, QFileInfo(path).fileName())
                .bind(2, QFileInfo(path).absoluteFilePath())
                .bind(3, fingerprint.sha256)
                .bind(4, fingerprint.size)
                .bind(5, input.encoding())
                .bind(6, QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact)))
                .bind(7, util::utcNowIso())
                .bind(8, util::osUserName())
                .run();
        result.sourceId = db.lastInsertRowId();

        TransactionWriter writer(db, result.sourceId);
        db::Statement insertReject = db.prepare(
                "INSERT INTO import_rejects(source_id, row, line, column_name, value, reason) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

        ImportProgress status;
        status.bytesTotal = input.bytesTotal();
        auto report = [&](const char *phase) {
            status.phase = phase;
            status.bytesDone = input.bytesConsumed();
            status.rowsRead = result.rowsRead;
            status.rowsImported = result.rowsImported;
            status.rowsRejected = result.rowsRejected;
            const double seconds = timer.elapsed() / 1000.0;
            status.rowsPerSecond = seconds > 0 ? result.rowsRead / seconds : 0;
            const double fraction = status.bytesTotal > 0 ? double(status.bytesDone) / status.bytesTotal : 0;
            status.secondsRemaining = fraction > 0.01 ? seconds * (1 - fraction) / fraction : -1;
            if (progress)
                progress(status);
        };

        CsvRecord record;
        ParsedTransaction parsed;
        RowProblem problem;
        while (input.next(record)) {
            ++result.rowsRead;
            if (converter.convert(record, parsed, problem)) {
                writer.write(parsed);
                ++result.rowsImported;
            } else {
                ++result.rowsRejected;
                Reject reject { path, record.number, record.line, problem.column, problem.value, problem.reason };
                insertReject.bind(1, result.sourceId).bind(2, reject.row).bind(3, reject.line)
                        .bind(4, reject.column).bind(5, reject.value).bind(6, reject.reason).run();
                result.rejects.push_back(std::move(reject));
                if (m_options.strict)
                    throw StrictAbort {};
            }
            if (result.rowsRead % kProgressEveryRows == 0) {
                if (cancel && cancel->load())
                    throw Cancelled {};
                report("reading");
            }
        }
        if (cancel && cancel->load())
            throw Cancelled {};

        report("indexing");
        writer.finish();
        if (rebuildIndexes)
            for (const auto &index : kTransactionIndexes)
                db.exec(index[1]);
        if (cancel && cancel->load())
            throw Cancelled {};

        result.newAccounts = writer.newAccounts();
        result.seconds = timer.elapsed() / 1000.0;
        db::Statement finishSource = db.prepare(
                "UPDATE sources SET rows_read = ?1, rows_imported = ?2, rows_rejected = ?3, duration_ms = ?4 "
                "WHERE id = ?5");
        finishSource.bind(1, result.rowsRead).bind(2, result.rowsImported).bind(3, result.rowsRejected)
                .bind(4, static_cast<std::int64_t>(timer.elapsed())).bind(5, result.sourceId).run();
        audit::AuditLog(db).record(QStringLiteral("source.import"), QStringLiteral("source"), result.sourceId,
                                   { { QStringLiteral("file"), QFileInfo(path).fileName() },
                                     { QStringLiteral("sha256"), fingerprint.sha256 },
                                     { QStringLiteral("rows_imported"), qint64(result.rowsImported) },
                                     { QStringLiteral("rows_rejected"), qint64(result.rowsRejected) } });
        report("committing");
        transaction.commit();
        result.seconds = timer.elapsed() / 1000.0;
        result.status = ImportResult::Status::Imported;
        logger->info("imported source #{}: {} rows, {} rejected, {:.2f} s", result.sourceId,
                     result.rowsImported, result.rowsRejected, result.seconds);
    } catch (const Cancelled &) {
        result = ImportResult {};
        result.status = ImportResult::Status::Cancelled;
        result.file = path;
        result.message = QStringLiteral("%1: import cancelled; the case is unchanged").arg(path);
    } catch (const StrictAbort &) {
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
