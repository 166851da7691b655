#pragma once

#include "detect/Rule.h"

#include <QJsonObject>
#include <memory>
#include <vector>

namespace fundtrace::detect {

// The rules of one detection run, configured from a rules file (JSON, docs/detection.md) or the
// bundled default. A registered rule the file does not mention runs with its own defaults; an
// unknown rule id, an unknown setting or a bad value is an error naming the rule and setting.
class RuleSet {
public:
    static RuleSet fromDefault();
    static RuleSet fromFile(const QString &path);   // throws RuleConfigError (naming the file)
    static RuleSet fromJson(const QJsonObject &rules);

    const std::vector<std::unique_ptr<Rule>> &rules() const { return m_rules; }
    // The file as used, for the run's record.
    const QJsonObject &json() const { return m_json; }
    static QJsonObject defaultJson();

private:
    std::vector<std::unique_ptr<Rule>> m_rules;
    QJsonObject m_json;
};

} // namespace fundtrace::detect
