#include "import/sanctions/SanctionsListImporter.h"

#include "audit/AuditLog.h"
#include "import/ImportPreview.h"
#include "import/ImportSession.h"
#include "import/sanctions/OpenListReader.h"
#include "import/sanctions/SanctionsListWriter.h"

namespace fundtrace::import {
namespace {

constexpr std::int64_t kProgressEvery = 1000;

} // namespace

SanctionsListImporter::SanctionsListImporter(db::CaseFile &caseFile, ImportOptions options, ImportFormat format)
    : m_case(caseFile)
    , m_options(std::move(options))
    , m_format(format)
{
    if (!isSanctionsList(format))
        throw ImportError(QStringLiteral("%1 is not a sanctions-list format").arg(formatName(format)));
}

ImportResult SanctionsListImporter::importFile(const QString &path, const ProgressCallback &progress,
                                               const CancelFlag *cancel)
{
    if (m_format == ImportFormat::NationalList && m_options.listName.trimmed().isEmpty()) {
        ImportResult refused;
        refused.status = ImportResult::Status::Failed;
        refused.file = path;
        refused.message = QStringLiteral("%1: a national list has no standard name; give the name to file it "
                                         "under (--list-name), e.g. \"KZ AFM terrorist list\" — nothing imported")
                                  .arg(path);
        return refused;
    }
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, formatName(m_format), [&](ImportContext &context) {
        std::unique_ptr<SanctionsListReader> reader = openListReader(m_format, path);
        SanctionsListWriter writer(context.db, context.sourceId);
        db::Statement insertReject = context.db.prepare(
                "INSERT INTO import_rejects(source_id, row, line, column_name, value, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        const QString fileName = path;
        auto listName = [&] {
            const QString given = m_options.listName.trimmed();
            return given.isEmpty() ? reader->defaultListName() : given;
        };

        SanctionEntry entry;
        std::int64_t number = 0;
        while (reader->next(entry)) {
            ++number;
            ++context.result.rowsRead;
            if (entry.primaryName.isEmpty()) {
                const Reject reject { fileName, number, entry.line, QStringLiteral("name"),
                                      entry.externalId.left(200),
                                      QStringLiteral("entry %1 has no name; a list entry cannot be screened "
                                                     "without one")
                                              .arg(entry.externalId.isEmpty() ? QStringLiteral("(no id)")
                                                                              : entry.externalId) };
                insertReject.bind(1, context.sourceId).bind(2, reject.row).bind(3, reject.line)
                        .bind(4, reject.column).bind(5, reject.value).bind(6, reject.reason).run();
                context.result.rejects.push_back(reject);
                ++context.result.rowsRejected;
                if (m_options.strict)
                    throw ImportError(QStringLiteral("%1, entry %2 (line %3): %4 — strict mode")
                                              .arg(path)
                                              .arg(number)
                                              .arg(entry.line)
                                              .arg(reject.reason));
                continue;
            }
            if (!writer.begun())
                writer.begin(listName(), reader->versionDate());
            writer.write(entry);
            ++context.result.rowsImported;
            if (number % kProgressEvery == 0) {
                if (context.cancelled())
                    return;
                context.reportProgress(ImportProgress { reader->bytesConsumed(), reader->bytesTotal(),
                                                        context.result.rowsRead, context.result.rowsImported,
                                                        context.result.rowsRejected, 0, -1, "reading" });
            }
        }
        if (!writer.begun())
            writer.begin(listName(), reader->versionDate());
        writer.finish(reader->versionDate());
        for (const QString &note : reader->notes())
            context.addNote(note);
        context.addNote(QStringLiteral("list \"%1\", version %2: %3 entries%4")
                                .arg(listName(),
                                     reader->versionDate().isEmpty() ? QStringLiteral("undated") : reader->versionDate())
                                .arg(writer.entriesWritten())
                                .arg(writer.replacedCount() > 0 ? QStringLiteral(", replacing the previous version")
                                                                : QString()));
        audit::AuditLog(context.db).record(QStringLiteral("sanction_list.import"), QStringLiteral("sanction_list"),
                                           writer.listId(),
                                           { { QStringLiteral("name"), listName() },
                                             { QStringLiteral("version_date"), reader->versionDate() },
                                             { QStringLiteral("entries"), qint64(writer.entriesWritten()) },
                                             { QStringLiteral("replaced_versions"), qint64(writer.replacedCount()) } });
    }, progress, cancel);
}

} // namespace fundtrace::import
