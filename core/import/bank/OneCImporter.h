#pragma once

#include "db/CaseFile.h"
#include "import/CsvImporter.h"
#include "import/ImportProgress.h"
#include "import/ImportResult.h"

#include <QString>

namespace fundtrace::import {

// Imports one 1C:Enterprise ClientBankExchange file (1CClientBankExchange), the text export of Russian and Kazakh accounting and bank-client software
// into a case in one transaction, records its statements and notes balance mismatches and gaps
// as data-quality findings. Runs on the calling thread. Options used: strict, force.
class OneCImporter {
public:
    OneCImporter(db::CaseFile &caseFile, ImportOptions options);
    ImportResult importFile(const QString &path, const ProgressCallback &progress = {},
                            const CancelFlag *cancel = nullptr);

private:
    db::CaseFile &m_case;
    ImportOptions m_options;
};

} // namespace fundtrace::import
