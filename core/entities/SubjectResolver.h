#pragma once

#include "db/CaseFile.h"

namespace fundtrace::entities {

// Turns imported records into subjects, after each import: makes subject rows for new account
// holders and named counterparties, checks their identifiers, indexes every spelling for search,
// merges rows automatically on strong evidence (same valid IIN/BIN, same account), proposes the
// rest as ranked candidate pairs, and refreshes the money-in/out totals. Incremental: only what
// arrived since the last run is compared. One transaction; audited.
class SubjectResolver {
public:
    struct Report {
        int accountHolders = 0;
        int namedCounterparties = 0;
        int attributesChecked = 0;
        int automaticMerges = 0;
        int candidates = 0;
        double seconds = 0;
    };

    explicit SubjectResolver(db::CaseFile &caseFile);
    Report run();

private:
    std::int64_t marker(const char *key) const;
    db::CaseFile &m_case;
};

} // namespace fundtrace::entities
