#include "import/bank/CamtImporter.h"

#include "import/ImportSession.h"
#include "import/CaseTimeZone.h"
#include "import/bank/CamtRowSource.h"
#include "import/bank/StatementReconciler.h"

namespace fundtrace::import {

CamtImporter::CamtImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult CamtImporter::importFile(const QString &path, const ProgressCallback &progress, const CancelFlag *cancel)
{
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, QStringLiteral("camt"), [&](ImportContext &context) {
        CamtRowSource rows(path, caseTimeZone(m_case));
        context.importRows(rows);
        context.setEncoding(rows.encoding());
        StatementReconciler(context).record(rows.statements());
    }, progress, cancel);
}

} // namespace fundtrace::import
