#include "detect/rules/HighRiskGeographyRule.h"

#include "detect/RuleText.h"

#include <QJsonArray>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace fundtrace::detect {

namespace {

// Calendar month of a UTC time as year * 12 + month - 1, and back to its first second.
int monthOf(std::int64_t utcSeconds)
{
    using namespace std::chrono;
    const year_month_day ymd { sys_days { days { utcSeconds >= 0 ? utcSeconds / 86400 : (utcSeconds - 86399) / 86400 } } };
    return int(ymd.year()) * 12 + int(unsigned(ymd.month())) - 1;
}

std::int64_t monthStart(int month)
{
    using namespace std::chrono;
    const sys_days d { year { month / 12 } / std::chrono::month { unsigned(month % 12 + 1) } / 1 };
    return std::int64_t(d.time_since_epoch().count()) * 86400;
}

QJsonArray toJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

// Defaults, a snapshot to review whenever FATF publishes (February, June, October):
// - conflict: where Central Asian foreign fighters went or where the groups that recruit them
//   operate (ISIL in Syria/Iraq, ISKP in Afghanistan, AQAP in Yemen, al-Shabaab in Somalia, ISIL
//   cells in Libya). Not FATF lists: chosen for terrorist-financing relevance.
// - call for action: the FATF "black list" as of October 2024 (DPRK, Iran, Myanmar).
// - increased monitoring: the FATF "grey list" as of October 2024. Weaker alone: these are
//   AML/CFT deficiencies, not terrorism, so one small transfer should not raise an alert.
// - transit: countries whose border provinces are known crossing hubs (Turkey's Hatay, Kilis,
//   Gaziantep and Şanlıurfa towards Syria). Rows carry only a country, so the whole country is
//   flagged and scored low: only repeated or large transfers reach the alert threshold.
void HighRiskGeographyRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    const auto list = [&](const char *key, const QStringList &defaults) {
        QStringList codes = settings.strings(QLatin1String(key), defaults);
        for (QString &code : codes)
            code = code.trimmed().toUpper();
        return codes;
    };
    const QStringList conflict = list("conflict_countries", { "SY", "IQ", "AF", "YE", "SO", "LY" });
    const QStringList callForAction = list("call_for_action_countries", { "KP", "IR", "MM" });
    const QStringList monitoring = list("increased_monitoring_countries",
                                        { "DZ", "AO", "BG", "BF", "CM", "CI", "HR", "CD", "HT", "KE", "LB", "ML",
                                          "MC", "MZ", "NA", "NG", "PH", "ZA", "SS", "SY", "TZ", "VE", "VN", "YE" });
    const QStringList transit = list("transit_countries", { "TR" });

    // A country on several lists takes the riskiest tier.
    m_tiers.clear();
    const auto put = [&](const QStringList &codes, Tier tier) {
        for (const QString &code : codes)
            m_tiers[code] = std::max(m_tiers.value(code, Tier::None), tier);
    };
    put(transit, Tier::Transit);
    put(monitoring, Tier::IncreasedMonitoring);
    put(callForAction, Tier::CallForAction);
    put(conflict, Tier::Conflict);

    m_tierScore[std::size_t(Tier::None)] = 0;
    m_tierScore[std::size_t(Tier::Transit)] = settings.integer(QStringLiteral("transit_score"), 20, 0, 100);
    m_tierScore[std::size_t(Tier::IncreasedMonitoring)] = settings.integer(QStringLiteral("increased_monitoring_score"), 30, 0, 100);
    m_tierScore[std::size_t(Tier::CallForAction)] = settings.integer(QStringLiteral("call_for_action_score"), 55, 0, 100);
    m_tierScore[std::size_t(Tier::Conflict)] = settings.integer(QStringLiteral("conflict_score"), 60, 0, 100);
    m_fullAmount = settings.amountMinor(QStringLiteral("full_score_amount"), 5'000'000);
    m_minScore = settings.integer(QStringLiteral("min_score"), 40, 0, 100);
    const QStringList matchOn = settings.strings(QStringLiteral("match_on"), { QStringLiteral("country"), QStringLiteral("nationality") });
    for (const QString &what : matchOn) {
        if (what != u"country" && what != u"nationality")
            throw RuleConfigError(QStringLiteral("rule \"%1\", setting \"match_on\": \"%2\" is not one of country, nationality").arg(id(), what));
    }
    m_byCountry = matchOn.contains(QStringLiteral("country"));
    m_byNationality = matchOn.contains(QStringLiteral("nationality"));
}

HighRiskGeographyRule::Tier HighRiskGeographyRule::tierOf(const QString &country) const
{
    return country.isEmpty() ? Tier::None : m_tiers.value(country, Tier::None);
}

QString HighRiskGeographyRule::tierName(Tier tier)
{
    switch (tier) {
    case Tier::Conflict: return QStringLiteral("conflict zone");
    case Tier::CallForAction: return QStringLiteral("FATF call for action");
    case Tier::IncreasedMonitoring: return QStringLiteral("FATF increased monitoring");
    case Tier::Transit: return QStringLiteral("transit to conflict zones");
    case Tier::None: break;
    }
    return QString();
}

void HighRiskGeographyRule::run(const DetectionContext &context, AlertSink &sink) const
{
    if (m_tiers.isEmpty())
        return;
    const std::vector<Transaction> &rows = context.transactions();
    const std::vector<Account> &accounts = context.accounts();
    const std::vector<Subject> &subjects = context.subjects();

    // Tiers looked up once per country index and per account, not per row.
    std::vector<std::int8_t> countryTier(65536, -1);
    std::vector<Tier> holderTier(accounts.size(), Tier::None);
    if (m_byNationality) {
        for (std::size_t a = 0; a < accounts.size(); ++a) {
            if (accounts[a].subject >= 0)
                holderTier[a] = tierOf(subjects[std::size_t(accounts[a].subject)].nationality);
        }
    }

    struct Hit {
        std::uint32_t row;
        Tier tier;
        bool byNationality;
    };
    std::map<std::pair<std::int32_t, int>, std::vector<Hit>> byAccountMonth;
    for (std::uint32_t row = 0; row < rows.size(); ++row) {
        const Transaction &t = rows[row];
        if (t.account < 0)
            continue;
        Tier tier = Tier::None;
        if (m_byCountry && t.country != 0) {
            std::int8_t &cached = countryTier[t.country];
            if (cached < 0)
                cached = std::int8_t(tierOf(context.countryCode(t.country)));
            tier = Tier(cached);
        }
        bool byNationality = false;
        if (t.counterparty >= 0 && holderTier[std::size_t(t.counterparty)] > tier) {
            tier = holderTier[std::size_t(t.counterparty)];
            byNationality = true;
        }
        if (tier != Tier::None)
            byAccountMonth[{ t.account, monthOf(t.bookedAt) }].push_back({ row, tier, byNationality });
    }

    const int currency = context.currencyIndex(m_currency);
    QHash<QString, QString> roles;
    for (const auto &[where, hits] : byAccountMonth) {
        const auto [account, month] = where;
        Tier worst = Tier::None;
        std::int64_t in = 0, out = 0;
        int otherCurrency = 0;
        std::map<QString, int> byCountry, byNationality; // code -> transfers
        std::set<std::int32_t> involvedSubjects, involvedAccounts { account };
        AlertDraft draft;
        for (const Hit &hit : hits) {
            const Transaction &t = rows[hit.row];
            worst = std::max(worst, hit.tier);
            if (t.currency == currency)
                (t.credit ? in : out) += t.amountMinor;
            else
                ++otherCurrency;
            const QString &code = hit.byNationality ? subjects[std::size_t(accounts[std::size_t(t.counterparty)].subject)].nationality
                                                    : context.countryCode(t.country);
            ++(hit.byNationality ? byNationality : byCountry)[code];
            // Roles repeat endlessly: built once per wording, shared (implicitly) by every row.
            QString &role = roles[code + QLatin1Char(t.credit ? '<' : '>') + QLatin1Char(hit.byNationality ? 'n' : 'c')];
            if (role.isEmpty()) {
                role = hit.byNationality ? QStringLiteral("%1 counterparty of %2 nationality").arg(t.credit ? u"from" : u"to", code)
                                         : QStringLiteral("%1 %2").arg(t.credit ? u"from" : u"to", code);
            }
            if (t.counterparty >= 0) {
                involvedAccounts.insert(t.counterparty);
                if (accounts[std::size_t(t.counterparty)].subject >= 0)
                    involvedSubjects.insert(accounts[std::size_t(t.counterparty)].subject);
            }
            draft.evidence.push_back({ hit.row, role });
        }
        const std::int64_t total = in + out;
        const int count = int(hits.size());
        const int countBonus = std::min(20, int(std::lround(5.0 * std::log2(double(count)))));
        const int amountBonus = m_fullAmount > 0 ? int(std::lround(20.0 * std::min(1.0, double(total) / double(m_fullAmount)))) : 0;
        const int score = std::min(100, m_tierScore[std::size_t(worst)] + countBonus + amountBonus);
        if (score < m_minScore || score <= 0)
            continue;

        const std::int32_t holder = accounts[std::size_t(account)].subject;
        if (holder >= 0)
            involvedSubjects.insert(holder);
        QStringList parts, codes;
        for (const auto &[code, n] : byCountry) {
            parts << QStringLiteral("%1 with %2 (%3)").arg(n).arg(code, tierName(tierOf(code)));
            codes << code;
        }
        for (const auto &[code, n] : byNationality) {
            parts << QStringLiteral("%1 with holders of %2 nationality (%3)").arg(n).arg(code, tierName(tierOf(code)));
            if (!codes.contains(code))
                codes << code;
        }
        const QString monthText = day(monthStart(month)).left(7);
        const QString who = context.describeAccount(account);

        draft.ruleId = id();
        draft.key = QStringLiteral("a:%1|%2").arg(accounts[std::size_t(account)].id).arg(day(monthStart(month)));
        draft.score = score;
        draft.windowStart = rows[hits.front().row].bookedAt;
        draft.windowEnd = rows[hits.back().row].bookedAt;
        draft.subjects.assign(involvedSubjects.begin(), involvedSubjects.end());
        draft.accounts.assign(involvedAccounts.begin(), involvedAccounts.end());
        draft.title = QStringLiteral("%1 transfers involving %2 on %3 in %4").arg(count).arg(codes.join(QStringLiteral(", ")), who, monthText);
        QString explanation = QStringLiteral("In %1, %2 transfers of %3 involved high-risk jurisdictions: %4. "
                                             "%5 received and %6 sent in %7.")
                                      .arg(monthText)
                                      .arg(count)
                                      .arg(who, parts.join(QStringLiteral("; ")), money(in, m_currency), money(out, m_currency), m_currency);
        if (otherCurrency > 0)
            explanation += QStringLiteral(" %1 more in other currencies.").arg(otherCurrency);
        draft.explanation = explanation + QStringLiteral(" The riskiest tier is %1.").arg(tierName(worst));
        draft.metrics = QJsonObject { { QStringLiteral("transfers"), count },
                                      { QStringLiteral("in_minor"), qint64(in) },
                                      { QStringLiteral("out_minor"), qint64(out) },
                                      { QStringLiteral("other_currency_transfers"), otherCurrency },
                                      { QStringLiteral("countries"), toJson(codes) },
                                      { QStringLiteral("tier"), tierName(worst) },
                                      { QStringLiteral("currency"), m_currency } };
        sink.add(std::move(draft));
    }
}

} // namespace fundtrace::detect
