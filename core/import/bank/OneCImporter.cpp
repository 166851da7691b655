#include "import/bank/OneCImporter.h"

#include "import/ImportPreview.h"
#include "import/ImportSession.h"
#include "import/CaseTimeZone.h"
#include "import/bank/OneCRowSource.h"
#include "import/bank/StatementReconciler.h"

namespace fundtrace::import {

OneCImporter::OneCImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult OneCImporter::importFile(const QString &path, const ProgressCallback &progress, const CancelFlag *cancel)
{
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, QStringLiteral("1c"), [&](ImportContext &context) {
        std::optional<TextEncoding> encoding;
        if (!m_options.encoding.isEmpty()) {
            encoding = encodingFromName(m_options.encoding);
            if (!encoding)
                throw ImportError(QStringLiteral("%1: unknown encoding \"%2\" (use UTF-8 or windows-1251)")
                                          .arg(path, m_options.encoding));
        }
        OneCRowSource rows(path, caseTimeZone(m_case), caseBaseCurrency(m_case), encoding);
        context.setEncoding(encodingName(rows.encoding()));
        context.importRows(rows);
        StatementReconciler(context).record(rows.statements());
    }, progress, cancel);
}

} // namespace fundtrace::import
