#pragma once

#include "db/Database.h"

#include <QString>
#include <QVector>
#include <cstdint>

namespace fundtrace::entities {

// What an investigator does to resolution, each as one audited transaction: confirm or reject a
// candidate pair, merge subjects by hand, split a member off, undo a merge or split. Decisions
// survive reruns: a rejected pair, a split or an undone automatic merge is never redone
// automatically. Throws ResolutionError with a plain-language reason when a request cannot be met.
class ResolutionActions {
public:
    explicit ResolutionActions(db::Database &db);

    std::int64_t confirmCandidate(std::int64_t candidateId, const QString &reason = {});
    void rejectCandidate(std::int64_t candidateId, const QString &reason);
    std::int64_t merge(const QVector<std::int64_t> &subjectIds, const QString &reason);
    std::int64_t split(std::int64_t subjectId, const QString &reason);
    void undo(std::int64_t operationId);
    // Undoes the newest operation still in force; returns its id, or 0 when there is none.
    std::int64_t undoLast();

private:
    std::pair<std::int64_t, std::int64_t> candidatePair(std::int64_t candidateId) const;
    db::Database &m_db;
};

} // namespace fundtrace::entities
