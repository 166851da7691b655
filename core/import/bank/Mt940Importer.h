#pragma once

#include "db/CaseFile.h"
#include "import/CsvImporter.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"

#include <QString>

namespace fundtrace::import {

// Imports one SWIFT MT940 customer statement file (one or more messages, with or without the {1:}{2:}{4: envelope)
// into a case in one transaction, records its statements and notes balance mismatches and gaps
// as data-quality findings. Runs on the calling thread. Options used: strict, force.
class Mt940Importer {
public:
    Mt940Importer(db::CaseFile &caseFile, ImportOptions options);
    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
};

} // namespace fundtrace::import
