#pragma once

#include "db/Database.h"
#include "entities/SubjectProfile.h"

#include <optional>

namespace fundtrace::entities {

// Assembles a subject's profile from the case: the whole group of merged rows, their names with
// sources, identifiers with their checks, accounts, money in and out (per currency and month),
// top counterparties, channels, countries, screening hits, annotations and open candidate pairs.
// Money is counted as in subject_flows: each account from its own statement when the case has
// one, otherwise from the other side. Works on a read-only connection.
class SubjectProfileQuery {
public:
    explicit SubjectProfileQuery(db::Database &db);
    // Any member id is accepted and resolved to its group; nullopt when there is no such subject.
    std::optional<SubjectProfile> load(std::int64_t subjectId, int topCounterparties = 10) const;

private:
    void loadNames(SubjectProfile &profile) const;
    void loadAccounts(SubjectProfile &profile) const;
    void collectRows() const;
    void loadFlows(SubjectProfile &profile, int top) const;
    void loadChannels(SubjectProfile &profile) const;
    void loadHits(SubjectProfile &profile) const;
    void loadNotes(SubjectProfile &profile) const;
    void loadCandidates(SubjectProfile &profile) const;
    void loadAlerts(SubjectProfile &profile) const;

    db::Database &m_db;
};

} // namespace fundtrace::entities
