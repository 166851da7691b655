#include "entities/SubjectRefresh.h"

namespace fundtrace::entities {

SubjectRefresh SubjectRefresh::run(db::CaseFile &caseFile)
{
    SubjectRefresh refresh;
    refresh.resolution = SubjectResolver(caseFile).run();
    // An imported list with no entries (an empty national list) leaves nothing to screen against.
    if (caseFile.db().scalarInt("SELECT count(*) FROM sanction_entries e JOIN sanction_lists l ON l.id = e.list_id "
                                "WHERE l.is_current = 1") > 0)
        refresh.screening = screening::SubjectScreening(caseFile).run();
    return refresh;
}

QString SubjectRefresh::summary() const
{
    QString text = QStringLiteral("subjects: %1 account holders and %2 named counterparties added, %3 automatic merges, "
                                  "%4 candidate pairs")
                           .arg(resolution.accountHolders).arg(resolution.namedCounterparties)
                           .arg(resolution.automaticMerges).arg(resolution.candidates);
    if (screening)
        text += QStringLiteral("; screening: %1 hits (%2 new) at threshold %3").arg(screening->hits).arg(screening->newHits)
                        .arg(screening->threshold);
    return text;
}

} // namespace fundtrace::entities
