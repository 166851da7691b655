#include "entities/SubjectResolver.h"

#include "audit/AuditLog.h"
#include "entities/AttributeChecker.h"
#include "entities/CandidateFinder.h"
#include "entities/CaseIdentifierContext.h"
#include "entities/StrongEvidenceMerger.h"
#include "entities/SubjectEvidence.h"
#include "entities/SubjectFlowTable.h"
#include "entities/SubjectGroups.h"
#include "entities/SubjectMaterializer.h"
#include "entities/SubjectSearchIndex.h"
#include "names/NameNormalizer.h"
#include "util/Logging.h"

#include <QElapsedTimer>

namespace fundtrace::entities {

SubjectResolver::SubjectResolver(db::CaseFile &caseFile)
    : m_case(caseFile)
{
}

std::int64_t SubjectResolver::marker(const char *key) const
{
    return m_case.meta(QString::fromLatin1(key), QStringLiteral("0")).toLongLong();
}

SubjectResolver::Report SubjectResolver::run()
{
    QElapsedTimer timer;
    timer.start();
    db::Database &db = m_case.db();
    db::Transaction transaction(db);
    const identifiers::IdentifierParser parser(caseIdentifierContext(m_case));
    const names::NameNormalizer normalizer;

    const std::int64_t lastTransaction = marker("resolution.transaction_id");
    const std::int64_t lastSubject = marker("resolution.subject_id");
    const std::int64_t lastAttribute = marker("resolution.attribute_id");
    const std::int64_t lastAccount = marker("resolution.account_id");

    Report report;
    const auto logStep = [&timer](const char *step) {
        log::get("entities")->debug("resolution: {} done at {:.2f} s", step, timer.elapsed() / 1000.0);
    };
    db.exec("UPDATE subjects SET origin = 'goaml' WHERE origin IS NULL");
    const SubjectMaterializer::Counts made = SubjectMaterializer(db, parser).run(lastTransaction);
    report.accountHolders = made.accountHolders;
    report.namedCounterparties = made.namedCounterparties;
    logStep("subject rows");
    report.attributesChecked = AttributeChecker(db, parser).run();
    SubjectSearchIndex(db, normalizer).indexNew(lastAttribute, lastAccount);
    logStep("identifiers and search index");

    QVector<SubjectEvidence> subjects = SubjectEvidenceLoader(db, normalizer).load();
    logStep("evidence loaded");
    SubjectGroups groups(db);
    report.automaticMerges = StrongEvidenceMerger(db, groups).run(subjects);
    logStep("automatic merges");
    // A group is as specific as its most specific row: a goAML "organisation" merged with an
    // account holder read as a public fund is a non-profit.
    db.exec("UPDATE subjects SET kind = (SELECT m.kind FROM subjects m WHERE m.merged_into = subjects.id "
            "AND m.kind IN ('npo', 'agent', 'institution') ORDER BY m.id LIMIT 1), "
            "kind_source = (SELECT m.kind_source FROM subjects m WHERE m.merged_into = subjects.id "
            "AND m.kind IN ('npo', 'agent', 'institution') ORDER BY m.id LIMIT 1) "
            "WHERE merged_into IS NULL AND kind IN ('organisation', 'unknown') AND EXISTS (SELECT 1 FROM subjects m "
            "WHERE m.merged_into = subjects.id AND m.kind IN ('npo', 'agent', 'institution'))");
    report.candidates = CandidateFinder(db).run(subjects, lastSubject, lastAttribute);
    logStep("candidates");
    SubjectFlowTable(db).rebuild();
    logStep("flows");

    m_case.setMeta(QStringLiteral("resolution.transaction_id"),
                   QString::number(db.scalarInt("SELECT coalesce(max(id), 0) FROM transactions")));
    m_case.setMeta(QStringLiteral("resolution.subject_id"),
                   QString::number(db.scalarInt("SELECT coalesce(max(id), 0) FROM subjects")));
    m_case.setMeta(QStringLiteral("resolution.attribute_id"),
                   QString::number(db.scalarInt("SELECT coalesce(max(id), 0) FROM subject_attributes")));
    m_case.setMeta(QStringLiteral("resolution.account_id"),
                   QString::number(db.scalarInt("SELECT coalesce(max(id), 0) FROM accounts")));
    report.seconds = timer.elapsed() / 1000.0;
    audit::AuditLog(db).record(QStringLiteral("subjects.resolve"), {}, 0,
                               { { QStringLiteral("account_holders"), report.accountHolders },
                                 { QStringLiteral("named_counterparties"), report.namedCounterparties },
                                 { QStringLiteral("automatic_merges"), report.automaticMerges },
                                 { QStringLiteral("candidates"), report.candidates } });
    transaction.commit();
    log::get("entities")->info(
            "resolution: {} account holders, {} named counterparties, {} identifiers checked, {} automatic merges, "
            "{} candidate pairs in {:.2f} s",
            report.accountHolders, report.namedCounterparties, report.attributesChecked, report.automaticMerges,
            report.candidates, report.seconds);
    return report;
}

} // namespace fundtrace::entities
