#pragma once

#include "db/CaseFile.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"
#include "import/RowSource.h"

#include <QString>
#include <functional>

namespace fundtrace::import {

struct ImportOptions;

// What a format's importer sees inside an import: the open transaction, the new source row, and
// the means to stream transaction rows through the two-thread pipeline.
class ImportContext {
public:
    db::Database &db;
    const QString path;
    const std::int64_t sourceId;
    ImportResult &result;

    // Streams rows into the case (BatchBuilder/BatchWriter); may be called more than once.
    void importRows(RowSource &rows);
    // Recorded on the source row.
    void setEncoding(const QString &encoding);
    void setMappingJson(const QString &json);
    void addNote(const QString &note);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void reportProgress(const ImportProgress &progress) const;

private:
    friend class ImportSession;
    ImportContext(db::Database &db, QString path, std::int64_t sourceId, ImportResult &result, QString casePath,
                  bool strict, const ProgressCallback &progress, const CancelFlag *cancel)
        : db(db)
        , path(std::move(path))
        , sourceId(sourceId)
        , result(result)
        , m_casePath(std::move(casePath))
        , m_strict(strict)
        , m_progress(progress)
        , m_cancel(cancel)
    {
    }
    QString m_casePath;
    bool m_strict;
    const ProgressCallback &m_progress;
    const CancelFlag *m_cancel;
    QStringList m_notes;
};

// The envelope every importer shares, so each format only parses: refuses a file already in the
// case (same SHA-256, hashed on another thread), opens one transaction, inserts the source row,
// drops and rebuilds the transaction indexes around a bulk load, runs the format's body, records
// counts and the audit entry, and commits. Any exception, cancel or strict-mode reject rolls
// everything back and becomes a Failed/Cancelled result naming the file.
class ImportSession {
public:
    ImportSession(db::CaseFile &caseFile, bool strict, bool force);

    using Body = std::function<void(ImportContext &)>;
    ImportResult run(const QString &path, const QString &format, const Body &body,
                     const ProgressCallback &progress = {}, const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    bool m_strict;
    bool m_force;
};

} // namespace fundtrace::import
