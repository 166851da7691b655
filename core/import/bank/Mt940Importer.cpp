#include "import/bank/Mt940Importer.h"

#include "import/ImportSession.h"
#include "import/CaseTimeZone.h"
#include "import/bank/Mt940RowSource.h"
#include "import/bank/StatementReconciler.h"

namespace fundtrace::import {

Mt940Importer::Mt940Importer(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult Mt940Importer::importFile(const QString &path, const ProgressCallback &progress, const CancelFlag *cancel)
{
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, QStringLiteral("mt940"), [&](ImportContext &context) {
        Mt940RowSource rows(path, caseTimeZone(m_case));
        context.importRows(rows);
        context.setEncoding(encodingName(rows.encoding()));
        StatementReconciler(context).record(rows.statements());
    }, progress, cancel);
}

} // namespace fundtrace::import
