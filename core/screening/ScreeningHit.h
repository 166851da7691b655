#pragma once

#include <QString>

namespace fundtrace::screening {

// A list entry that matched a query above the threshold.
struct ScreeningHit {
    qint64 entryId = 0;
    QString listName;
    QString matchedName;     // the entry's name (primary or alias) that matched best, as written
    QString matchedNameKind; // its kind: primary, aka, weak, ...
    double score = 0;        // 0..100
    double nameScore = 0;    // the name similarity alone, 0..100
    QString explanation;     // plain language: which tokens paired, DOB and nationality findings
};

} // namespace fundtrace::screening
