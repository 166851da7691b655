#pragma once

#include "entities/SubjectEvidence.h"

#include <QStringList>

namespace fundtrace::entities {

// Scores how likely two subject rows are the same person or organisation, and says why: the best
// pairing of their names, then identifiers that agree (same phone, passport, card, birth date)
// or disagree (a different valid IIN/BIN is strong evidence against).
class SubjectMatcher {
public:
    struct Score {
        int score = 0; // 0-100
        QString explanation;
        QStringList agreed;
        QStringList disagreed;
        bool strong = false; // same valid tax id or same account: enough to merge automatically
    };
    static Score compare(const SubjectEvidence &a, const SubjectEvidence &b);
    // Kinds that can be the same subject (unknown is compatible with anything).
    static bool kindsCompatible(const QString &a, const QString &b);
};

} // namespace fundtrace::entities
