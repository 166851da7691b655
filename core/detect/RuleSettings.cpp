#include "detect/RuleSettings.h"

#include "model/Currency.h"

#include <QJsonArray>
#include <cmath>

namespace fundtrace::detect {

RuleSettings::RuleSettings(QString ruleId, QJsonObject values, QString defaultCurrency)
    : m_ruleId(std::move(ruleId))
    , m_values(std::move(values))
    , m_defaultCurrency(std::move(defaultCurrency))
{
}

void RuleSettings::fail(const QString &key, const QString &what) const
{
    throw RuleConfigError(QStringLiteral("rule \"%1\", setting \"%2\": %3").arg(m_ruleId, key, what));
}

bool RuleSettings::enabled() const
{
    m_read.insert(QStringLiteral("enabled"));
    const QJsonValue value = m_values.value(u"enabled");
    if (value.isUndefined())
        return true;
    if (!value.isBool())
        fail(QStringLiteral("enabled"), QStringLiteral("must be true or false"));
    return value.toBool();
}

QString RuleSettings::currency() const
{
    m_read.insert(QStringLiteral("currency"));
    const QJsonValue value = m_values.value(u"currency");
    if (value.isUndefined())
        return m_defaultCurrency;
    if (!value.isString() || value.toString().size() != 3)
        fail(QStringLiteral("currency"), QStringLiteral("must be an ISO 4217 code such as \"KZT\""));
    return value.toString().toUpper();
}

double RuleSettings::number(const QString &key, double defaultValue, double min, double max) const
{
    m_read.insert(key);
    const QJsonValue value = m_values.value(key);
    if (value.isUndefined())
        return defaultValue;
    if (!value.isDouble() || value.toDouble() < min || value.toDouble() > max)
        fail(key, QStringLiteral("must be a number from %1 to %2").arg(min).arg(max));
    return value.toDouble();
}

int RuleSettings::integer(const QString &key, int defaultValue, int min, int max) const
{
    const double value = number(key, defaultValue, min, max);
    if (value != std::floor(value))
        fail(key, QStringLiteral("must be a whole number"));
    return int(value);
}

bool RuleSettings::boolean(const QString &key, bool defaultValue) const
{
    m_read.insert(key);
    const QJsonValue value = m_values.value(key);
    if (value.isUndefined())
        return defaultValue;
    if (!value.isBool())
        fail(key, QStringLiteral("must be true or false"));
    return value.toBool();
}

std::int64_t RuleSettings::amountMinor(const QString &key, double defaultMajor) const
{
    const double major = number(key, defaultMajor, 0, 1e15);
    const std::string code = currency().toStdString();
    return std::llround(major * std::pow(10.0, model::minorDigits(code)));
}

std::int64_t RuleSettings::seconds(const QString &key, double defaultHours) const
{
    return std::llround(number(key, defaultHours, 0, 24.0 * 3660) * 3600.0);
}

QStringList RuleSettings::strings(const QString &key, const QStringList &defaultValue) const
{
    m_read.insert(key);
    const QJsonValue value = m_values.value(key);
    if (value.isUndefined())
        return defaultValue;
    if (!value.isArray())
        fail(key, QStringLiteral("must be a list of strings"));
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            fail(key, QStringLiteral("must be a list of strings"));
        list << item.toString();
    }
    return list;
}

QJsonObject RuleSettings::object(const QString &key) const
{
    m_read.insert(key);
    const QJsonValue value = m_values.value(key);
    if (!value.isUndefined() && !value.isObject())
        fail(key, QStringLiteral("must be an object"));
    return value.toObject();
}

QStringList RuleSettings::unknownKeys() const
{
    QStringList unknown;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it) {
        if (!m_read.contains(it.key()) && !it.key().startsWith(u'_')) // "_comment" keys are notes
            unknown << it.key();
    }
    return unknown;
}

} // namespace fundtrace::detect
