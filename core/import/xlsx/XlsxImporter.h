#pragma once

#include "import/CsvImporter.h"

namespace fundtrace::import {

// Imports an Excel workbook (.xlsx) into a case through ImportSession, so it is one transaction
// like every other format. Imports options.sheet (name or 1-based number) or every worksheet
// whose header row is recognised; sheets without one are skipped with a note on the source, and
// a workbook where no sheet qualifies fails naming its sheets. Runs on the calling thread.
class XlsxImporter {
public:
    XlsxImporter(db::CaseFile &caseFile, ImportOptions options);
    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
};

} // namespace fundtrace::import
