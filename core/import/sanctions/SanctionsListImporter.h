#pragma once

#include "db/CaseFile.h"
#include "import/CsvImporter.h"
#include "import/ImportFormat.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"

#include <QString>

namespace fundtrace::import {

// Imports one sanctions or terrorist list (UN, OFAC XML/CSV, EU, OpenSanctions FtM, national CSV)
// into the case as the current version of the list named by options.listName or by the format,
// replacing the previous version of that name. Entries are the rows: an entry without a name is
// rejected with its line. Same envelope as every import: one transaction, nothing written on
// failure or cancel.
class SanctionsListImporter {
public:
    // Throws ImportError when `format` is not a sanctions-list format.
    SanctionsListImporter(db::CaseFile &caseFile, ImportOptions options, ImportFormat format);
    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
    ImportFormat m_format;
};

} // namespace fundtrace::import
