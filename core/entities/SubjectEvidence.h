#pragma once

#include "db/Database.h"
#include "names/NameNormalizer.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>
#include <cstdint>

namespace fundtrace::entities {

// What resolution compares about one subject row: its kind, every spelling of its names (raw and
// normalised) and its valid identifiers by kind.
struct SubjectEvidence {
    std::int64_t id = 0;
    std::int64_t root = 0;
    QString kind;
    QString displayName;
    QStringList rawNames;
    QVector<names::NormalizedName> names;
    QHash<QString, QSet<QString>> identifiers; // kind -> valid normalised values
    QSet<QString> birthDates;                  // yyyy-MM-dd
    std::int64_t maxAttributeId = 0;
};

// Reads the evidence of every subject row in the case.
class SubjectEvidenceLoader {
public:
    SubjectEvidenceLoader(const db::Database &db, const names::NameNormalizer &normalizer);
    QVector<SubjectEvidence> load() const;

private:
    const db::Database &m_db;
    const names::NameNormalizer &m_normalizer;
};

} // namespace fundtrace::entities
