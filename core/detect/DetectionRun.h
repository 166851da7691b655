#pragma once

#include "db/CaseFile.h"
#include "detect/RuleSet.h"

#include <QJsonObject>
#include <atomic>
#include <functional>
#include <vector>

namespace fundtrace::detect {

struct DetectionReport {
    struct RuleFigures {
        QString id;
        QString typology;
        int found = 0;
        double seconds = 0;
    };
    std::int64_t runId = 0;
    std::int64_t transactions = 0;
    std::vector<RuleFigures> rules;
    int created = 0;
    int updated = 0;
    int closed = 0;
    double loadSeconds = 0;
    double rulesSeconds = 0;
    double storeSeconds = 0;
    double totalSeconds = 0;
    bool cancelled = false;

    QJsonObject toJson() const;
};

// One detection run over a case: the case is loaded into a DetectionContext once, the rules run
// on it in parallel, and the findings are stored as alerts in one transaction (AlertStore), so a
// cancelled or failed run leaves the case as it was. Audited.
class DetectionRun {
public:
    using Progress = std::function<void(const QString &step, int done, int total)>;

    DetectionRun(db::CaseFile &caseFile, const RuleSet &rules);
    DetectionReport run(const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

private:
    db::CaseFile &m_case;
    const RuleSet &m_rules;
};

} // namespace fundtrace::detect
