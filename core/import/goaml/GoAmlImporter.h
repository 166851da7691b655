#pragma once

#include "db/CaseFile.h"
#include "import/CsvImporter.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"

#include <QString>

namespace fundtrace::import {

// Imports one goAML XML report (STR, SAR, CTR, ...): its transactions as rows, its persons and
// entities as subjects with their attributes, account holders, transaction parties, the report
// itself and schema deviations as data-quality findings, all in one transaction. Validation is
// structural (no XSD is bundled): a transaction lacking a mandatory element is rejected with the
// element and line; an element outside the schema is a finding, not an error.
class GoAmlImporter {
public:
    GoAmlImporter(db::CaseFile &caseFile, ImportOptions options);
    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
};

} // namespace fundtrace::import
