#pragma once

#include "entities/SubjectEvidence.h"

namespace fundtrace::entities {

// Proposes pairs of subject rows that may be one subject but lack the strong evidence to merge
// automatically: similar names in any script, shared phones, documents or cards. Compares only
// rows changed since the last run against all others, through an index of name keys and
// identifiers rather than all pairs. Runs inside the caller's transaction.
class CandidateFinder {
public:
    static constexpr int kDefaultThreshold = 60;

    CandidateFinder(db::Database &db, int threshold = kDefaultThreshold);
    // Returns the number of candidate pairs written or refreshed.
    int run(const QVector<SubjectEvidence> &subjects, std::int64_t changedAfterSubjectId,
            std::int64_t changedAfterAttributeId);

private:
    db::Database &m_db;
    int m_threshold;
};

} // namespace fundtrace::entities
