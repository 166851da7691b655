#pragma once

#include "detect/Rule.h"

#include <QHash>
#include <array>

namespace fundtrace::detect {

// Transfers to or from high-risk jurisdictions: by the row's country (the counterparty's, else the
// row's own) and optionally by the nationality of the counterparty account's holder. One alert per
// account and calendar month, scored by the riskiest tier seen, the number of transfers and the
// total. The default lists are a dated snapshot (see configure()) and must be kept current.
class HighRiskGeographyRule : public Rule {
public:
    enum class Tier : std::uint8_t { None, Transit, IncreasedMonitoring, CallForAction, Conflict };

    QString id() const override { return QStringLiteral("high_risk_geography"); }
    QString typology() const override { return QStringLiteral("High-risk geography"); }
    void configure(const RuleSettings &settings) override;
    void run(const DetectionContext &context, AlertSink &sink) const override;

    static QString tierName(Tier tier);

private:
    Tier tierOf(const QString &country) const;

    QString m_currency = QStringLiteral("KZT");
    QHash<QString, Tier> m_tiers;
    std::array<int, 5> m_tierScore {};  // base score per tier
    std::int64_t m_fullAmount = 0;      // the total that earns the whole amount bonus
    int m_minScore = 40;
    bool m_byCountry = true;
    bool m_byNationality = true;
};

} // namespace fundtrace::detect
