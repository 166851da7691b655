#pragma once

#include "db/Database.h"

namespace fundtrace::entities {

// Rebuilds subject_flows: money in and out of every subject row per currency. Each transfer is
// counted once per side: from the account's own statement where the case has one, otherwise
// from the other side's statement with the direction turned round; goAML and named-counterparty
// links add what no account of the subject already counts. Inside the caller's transaction.
class SubjectFlowTable {
public:
    explicit SubjectFlowTable(db::Database &db);
    void rebuild();

private:
    db::Database &m_db;
};

} // namespace fundtrace::entities
