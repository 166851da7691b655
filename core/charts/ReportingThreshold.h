#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace fundtrace::db {
class Database;
}

namespace fundtrace::charts {

// The amount from which transactions are reported, as the rules file's structuring rule sets it
// ("threshold", "just_under_fraction", in the file's or the rule's currency), so the histogram
// marks the same line the detection uses.
struct ReportingThreshold {
    std::int64_t amountMinor = 0; // 0 = no threshold (the structuring rule is disabled)
    QString currency;
    double justUnderFraction = 0.8; // "just under" = at least this share of the threshold
    QStringList channels { QStringLiteral("cash") }; // the deposits the rule watches

    bool isSet() const { return amountMinor > 0; }
    std::int64_t justUnderFloorMinor() const { return std::int64_t(double(amountMinor) * justUnderFraction); }
    // Throws detect::RuleConfigError for a bad setting, like a detection run would.
    static ReportingThreshold fromRules(const QJsonObject &rulesFile);
    static ReportingThreshold fromDefaultRules();
    // The rules the case's last detection run used (they may come from the investigator's own
    // rules file), else the bundled ones.
    static ReportingThreshold ofCase(const db::Database &db);
};

} // namespace fundtrace::charts
