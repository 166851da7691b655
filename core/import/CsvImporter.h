#pragma once

#include "db/CaseFile.h"
#include "import/ImportMapping.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"

#include <QString>

namespace fundtrace::import {

struct ImportOptions {
    std::optional<ImportMapping> mapping;   // none: guessed from the header row (CSV, XLSX)
    QString encoding;                       // overrides the mapping's and detection
    QString format;                         // "" = detect from content; else an ImportFormat name
    QString sheet;                          // XLSX: sheet name or 1-based number; "" = every sheet
    QString listName;                       // sanctions lists: name to file the list under
    bool strict = false;                    // any bad row aborts the file with nothing written
    bool force = false;                     // import even if the same SHA-256 is already in the case
};

// Imports one delimited-text bank export into a case: stream, parse, normalise, insert, index,
// all in one transaction, so a failure, a kill or a cancel leaves the case exactly as before.
// Runs on the calling thread (the GUI calls it from a worker with its own CaseFile).
class CsvImporter {
public:
    CsvImporter(db::CaseFile &caseFile, ImportOptions options);
    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
};

} // namespace fundtrace::import
