#pragma once

#include "db/CaseFile.h"
#include "import/CsvImporter.h"
#include "import/ImportFormat.h"

namespace fundtrace::import {

// Imports one file of any supported format into a case: the format comes from options.format
// when given ("--format"), else from the file's content (detectFormat). This is what the CLI and
// the GUI call; each format's importer shares the ImportSession envelope.
class FileImporter {
public:
    FileImporter(db::CaseFile &caseFile, ImportOptions options);

    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);
    // The format importFile would use for `path` (throws ImportError for an unknown --format).
    ImportFormat formatOf(const QString &path) const;

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
};

} // namespace fundtrace::import
