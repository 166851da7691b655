#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <stdexcept>

namespace fundtrace::detect {

// A rules file or rule setting that cannot be used; the message names the rule, the setting and
// what is allowed.
class RuleConfigError : public std::runtime_error {
public:
    explicit RuleConfigError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// One rule's settings from the rules file, read with defaults and checked ranges. Amounts are
// written in major units of the rule's currency (2 000 000 = 2 000 000,00 KZT) and returned in
// minor units. Keys a rule never reads are reported by unknownKeys() so typos do not pass silently.
class RuleSettings {
public:
    RuleSettings(QString ruleId, QJsonObject values, QString defaultCurrency = QStringLiteral("KZT"));

    const QString &ruleId() const { return m_ruleId; }
    bool enabled() const;
    QString currency() const;
    std::int64_t amountMinor(const QString &key, double defaultMajor) const;
    std::int64_t seconds(const QString &key, double defaultHours) const; // written in hours
    int integer(const QString &key, int defaultValue, int min, int max) const;
    bool boolean(const QString &key, bool defaultValue) const;
    double number(const QString &key, double defaultValue, double min, double max) const;
    QStringList strings(const QString &key, const QStringList &defaultValue) const;
    QJsonObject object(const QString &key) const;

    QStringList unknownKeys() const;

private:
    [[noreturn]] void fail(const QString &key, const QString &what) const;
    QString m_ruleId;
    QJsonObject m_values;
    QString m_defaultCurrency;
    mutable QSet<QString> m_read;
};

} // namespace fundtrace::detect
