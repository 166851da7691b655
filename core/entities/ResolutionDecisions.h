#pragma once

#include "db/Database.h"

#include <QSet>
#include <cstdint>
#include <utility>

namespace fundtrace::entities {

// The investigator's verdicts on candidate pairs and the separations made by splits, as loaded at
// construction: a rejected or separated pair is never merged automatically nor proposed again; a
// decided pair (either way) is left alone.
class ResolutionDecisions {
public:
    explicit ResolutionDecisions(const db::Database &db);
    bool isRejected(std::int64_t a, std::int64_t b) const;
    bool isDecided(std::int64_t a, std::int64_t b) const;

    // Records the investigator's "these two are different" on a candidate pair. Runs inside the
    // caller's transaction.
    static void recordRejection(db::Database &db, std::int64_t a, std::int64_t b, const QString &reason);
    // Keeps two rows apart because of a split or an undone automatic merge; forgotten when that
    // split is undone.
    static void recordSeparation(db::Database &db, std::int64_t a, std::int64_t b, std::int64_t operationId);
    static void forgetSeparations(db::Database &db, std::int64_t operationId);

private:
    static std::pair<std::int64_t, std::int64_t> ordered(std::int64_t a, std::int64_t b);
    QSet<std::pair<std::int64_t, std::int64_t>> m_rejected;
    QSet<std::pair<std::int64_t, std::int64_t>> m_decided;
};

} // namespace fundtrace::entities
