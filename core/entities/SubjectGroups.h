#pragma once

#include "db/Database.h"

#include <QString>
#include <QVector>
#include <cstdint>

namespace fundtrace::entities {

// Groups of subject rows that are one person or organisation. A member points at its root via
// subjects.merged_into; roots have none. Merge and split only rewrite merged_into and log each
// member's before and after in subject_operations, so any operation can be undone exactly while
// later operations have not moved the same members.
//
// Runs inside the caller's transaction; the caller also writes the audit record.
class SubjectGroups {
public:
    explicit SubjectGroups(db::Database &db);

    std::int64_t rootOf(std::int64_t subjectId) const;
    // The root first, then the other members by id.
    QVector<std::int64_t> members(std::int64_t rootId) const;

    // Joins the groups of all given subjects into the one with the smallest root id. Returns the
    // operation id, or 0 when they already were one group.
    std::int64_t merge(const QVector<std::int64_t> &subjectIds, const QString &reason, bool automatic);
    // Takes one member out of its group; if it was the root, the smallest remaining member becomes
    // the others' root. Returns the operation id, or 0 when the subject was alone.
    std::int64_t split(std::int64_t subjectId, const QString &reason);
    // Restores every member the operation moved. Throws ResolutionError if the operation is
    // unknown, already undone, or a later operation has since moved one of its members.
    void undo(std::int64_t operationId);
    // The newest operation not undone, or 0.
    std::int64_t lastOperation() const;

private:
    struct Move {
        std::int64_t id;
        std::int64_t before; // 0 = root
        std::int64_t after;
    };
    std::int64_t record(const QString &kind, std::int64_t rootId, const QVector<Move> &moves,
                        const QString &reason, bool automatic);
    void apply(const QVector<Move> &moves, bool forward);
    void requireSubject(std::int64_t subjectId) const;

    db::Database &m_db;
};

} // namespace fundtrace::entities
