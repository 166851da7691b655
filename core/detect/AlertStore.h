#pragma once

#include "db/Database.h"
#include "detect/AlertDraft.h"
#include "detect/DetectionContext.h"

#include <QStringList>
#include <vector>

namespace fundtrace::detect {

// Writes a run's findings as alerts, idempotently: a finding whose fingerprint (rule + key)
// exists updates that alert's numbers, evidence and links but never its state or notes; alerts of
// the rules that ran and were not found again are marked inactive, not deleted. Runs inside the
// caller's transaction.
class AlertStore {
public:
    struct Counts {
        int created = 0;
        int updated = 0;
        int closed = 0;
    };

    AlertStore(db::Database &db, const DetectionContext &context);
    Counts save(std::int64_t runId, const std::vector<AlertDraft> &drafts, const QStringList &rulesRun,
                const QHash<QString, QString> &typologies);

private:
    db::Database &m_db;
    const DetectionContext &m_context;
};

} // namespace fundtrace::detect
