#pragma once

#include "db/Database.h"

#include <QString>
#include <QVector>
#include <cstdint>

namespace fundtrace::names {
class NameNormalizer;
}

namespace fundtrace::entities {

// Finds subjects by any spelling of a name or by an identifier: every name is indexed as written,
// transliterated to Latin and as its matching keys, so "Мұхаммед", "Mukhammed" and "Muhammad"
// all lead to the same subject. Results are group roots.
class SubjectSearchIndex {
public:
    SubjectSearchIndex(db::Database &db, const names::NameNormalizer &normalizer);

    // Indexes attributes and accounts added after the given ids (inside the caller's transaction).
    void indexNew(std::int64_t afterAttributeId, std::int64_t afterAccountId);
    // Root subject ids, best match first; empty for an empty query.
    QVector<std::int64_t> search(const QString &query, int limit = 200) const;
    // The FTS5 expression search() uses, for tests and the log.
    QString matchExpression(const QString &query) const;

private:
    db::Database &m_db;
    const names::NameNormalizer &m_normalizer;
};

} // namespace fundtrace::entities
