#pragma once

#include "db/CaseFile.h"

#include <QString>
#include <QVector>
#include <cstdint>
#include <stdexcept>

namespace fundtrace::screening {

// A screening request that cannot be met (no list of that name, no lists at all, unknown hit).
class ScreeningError : public std::runtime_error {
public:
    explicit ScreeningError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

struct ScreeningOptions {
    QString listName;    // empty = every current list
    int threshold = -1;  // 0-100; -1 = the case's setting (screening.threshold, default 80)
};

struct ScreeningReport {
    int subjects = 0;
    int names = 0;
    int entries = 0;
    int threshold = 0;
    int hits = 0;
    int newHits = 0;
    double seconds = 0;
};

// A hit as lists and profiles show it; subjectId is 0 for a typed name.
struct HitRow {
    std::int64_t id = 0;
    std::int64_t subjectId = 0;
    QString subjectName;
    std::int64_t entryId = 0;
    QString listName;
    QString reference;
    QString entryName;
    QString matchedName;
    QString matchedKind;
    int score = 0;
    QString explanation;
    QString state;
    QString reason;
};

// Screens the case's subjects against its current sanctions and terrorist lists: every spelling
// of every subject's names, with the date of birth (given, or read from the IIN) and nationality
// where known. Hits are stored per subject row and list entry; a rerun refreshes scores and keeps
// the investigator's decisions, and drops undecided hits that no longer reach the threshold.
class SubjectScreening {
public:
    static constexpr int kDefaultThreshold = 80;

    explicit SubjectScreening(db::CaseFile &caseFile);

    ScreeningReport run(const ScreeningOptions &options = {});
    // One typed name against the lists; nothing is stored.
    QVector<HitRow> screenName(const QString &name, const QString &birthDate, const QString &nationality,
                               const ScreeningOptions &options = {}) const;
    // Stored hits, highest score first; listName empty = all lists.
    QVector<HitRow> hits(const QString &listName = {}) const;
    // Confirms ("confirmed") or dismisses ("dismissed") a hit with a reason; audited.
    void decide(std::int64_t hitId, const QString &state, const QString &reason);

    int threshold(const ScreeningOptions &options) const;

private:
    db::CaseFile &m_case;
};

} // namespace fundtrace::screening
