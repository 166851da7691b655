#pragma once

#include "entities/SubjectEvidence.h"
#include "entities/SubjectGroups.h"

namespace fundtrace::entities {

// Merges subject rows automatically only on strong evidence: the same valid IIN/BIN or the same
// account (IBAN). Pairs the investigator rejected or split apart are never joined again.
// Runs inside the caller's transaction.
class StrongEvidenceMerger {
public:
    StrongEvidenceMerger(db::Database &db, SubjectGroups &groups);
    // Returns the number of merge operations made; `subjects` roots are updated in place.
    int run(QVector<SubjectEvidence> &subjects);

private:
    db::Database &m_db;
    SubjectGroups &m_groups;
};

} // namespace fundtrace::entities
