#pragma once

#include "db/Database.h"

#include <QHash>
#include <QString>
#include <QVector>
#include <cstdint>

namespace fundtrace::detect {

// A subject's risk score (0-100) summed up from its alerts and screening hits, with what it rests
// on. Each finding counts as an independent piece of evidence: risk = 1 - Π(1 - pᵢ), where pᵢ is
// the finding's score (a confirmed alert or hit in full, an untriaged one at 80%, a dismissed one
// not at all), so two strong alerts make a higher risk than either alone and nothing exceeds 100.
struct SubjectRisk {
    struct Contribution {
        QString what;  // "Crowdfunding fan-in #12", "screening hit: UN QDi.901"
        int points = 0;
        QString state;
    };
    int score = 0;
    QString explanation;
    QVector<Contribution> contributions; // strongest first
};

class SubjectRiskQuery {
public:
    explicit SubjectRiskQuery(const db::Database &db);
    // Any member id; the whole group's findings count.
    SubjectRisk forSubject(std::int64_t subjectId) const;
    // Every root subject with a risk above zero.
    QHash<std::int64_t, int> all() const;

    static int combine(const QVector<int> &points);

private:
    const db::Database &m_db;
};

} // namespace fundtrace::detect
