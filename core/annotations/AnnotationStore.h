#pragma once

#include "db/Database.h"

#include <QString>
#include <QVector>
#include <cstdint>
#include <stdexcept>

namespace fundtrace::annotations {

class AnnotationError : public std::runtime_error {
public:
    explicit AnnotationError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

struct Annotation {
    std::int64_t id = 0;
    QString objectType; // transaction, account, subject, alert, selection
    std::int64_t objectId = 0;
    QString body;
    QString tags;       // comma separated
    QString severity;   // info, low, medium, high
    QString hypothesis;
    QString createdAt;
    QString createdBy;
    QString updatedAt;
};

// Notes on any object of a case, searchable by full text (body, tags, hypothesis). Every change
// is one audited transaction; a removed note is kept in the audit log with its text.
class AnnotationStore {
public:
    explicit AnnotationStore(db::Database &db);

    std::int64_t add(const Annotation &annotation);
    void update(const Annotation &annotation);
    void remove(std::int64_t id);
    QVector<Annotation> forObject(const QString &objectType, std::int64_t objectId) const;
    // Full-text search; every word must match, prefixes match.
    QVector<Annotation> search(const QString &query, int limit = 200) const;

    static bool isObjectType(const QString &type);
    static bool isSeverity(const QString &severity);

private:
    void validate(const Annotation &annotation) const;
    db::Database &m_db;
};

} // namespace fundtrace::annotations
