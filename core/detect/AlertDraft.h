#pragma once

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::detect {

// One transaction cited as evidence, with its part in the pattern ("donation", "cash out", ...).
struct Evidence {
    std::uint32_t row = 0; // index into DetectionContext::transactions()
    QString role;
};

// What a rule found, before it is stored as an alert. `key` identifies the finding within its
// rule across runs (built from database ids and the window's anchor day, never from indexes or
// counts), so a rerun after new imports updates the same alert and keeps its triage and notes.
struct AlertDraft {
    QString ruleId;
    QString key;
    int score = 0;                        // 0-100
    QString title;                        // one line: "Crowdfunding fan-in into KZ86... (ОФ Мейірім)"
    QString explanation;                  // plain language with the numbers that triggered it
    QJsonObject metrics;                  // the same numbers, machine-readable
    std::int64_t windowStart = 0;         // UTC seconds
    std::int64_t windowEnd = 0;
    std::vector<std::int32_t> subjects;   // indexes into DetectionContext::subjects()
    std::vector<std::int32_t> accounts;   // indexes into DetectionContext::accounts()
    std::vector<Evidence> evidence;
};

} // namespace fundtrace::detect
