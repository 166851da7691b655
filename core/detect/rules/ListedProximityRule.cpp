#include "detect/rules/ListedProximityRule.h"

#include "detect/RuleText.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <set>

namespace fundtrace::detect {

void ListedProximityRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_minListedScore = settings.integer(QStringLiteral("min_listed_score"), 80, 1, 100);
    m_maxHops = settings.integer(QStringLiteral("max_hops"), 2, 1, 4);
    m_hopDecay = settings.number(QStringLiteral("hop_decay"), 0.6, 0.05, 1.0);
    m_maxBranching = settings.integer(QStringLiteral("max_flows_per_account"), 500, 1, 1'000'000);
    m_throughKinds = settings.strings(QStringLiteral("through_kinds"),
                                      { QStringLiteral("person"), QStringLiteral("npo"), QStringLiteral("agent"),
                                        QStringLiteral("unknown") });
    m_evidencePerHop = settings.integer(QStringLiteral("evidence_per_hop"), 20, 1, 1000);
    const QStringList directions = settings.strings(QStringLiteral("directions"),
        { QStringLiteral("from_listed"), QStringLiteral("to_listed") });
    for (const QString &direction : directions) {
        if (direction != u"from_listed" && direction != u"to_listed")
            throw RuleConfigError(
                QStringLiteral("rule \"%1\", setting \"directions\": \"%2\" is not one of "
                               "\"from_listed\", \"to_listed\"")
                    .arg(id(), direction));
    }
    m_fromListed = directions.contains(QStringLiteral("from_listed"));
    m_toListed = directions.contains(QStringLiteral("to_listed"));
    if (!m_fromListed && !m_toListed)
        throw RuleConfigError(
            QStringLiteral("rule \"%1\", setting \"directions\": must name at least one direction")
                .arg(id()));
}

void ListedProximityRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const std::vector<Account> &accounts = context.accounts();
    const std::vector<Subject> &subjects = context.subjects();
    const std::vector<Flow> &flows = context.flows();
    const std::vector<Transaction> &rows = context.transactions();
    const auto listed = [&](std::int32_t subject) {
        return subject >= 0 && subjects[std::size_t(subject)].listedScore >= m_minListedScore;
    };

    // Strongest matches first, so a party equally near two listed subjects is tied to the stronger.
    std::vector<std::int32_t> sources;
    for (std::int32_t s = 0; s < std::int32_t(subjects.size()); ++s) {
        if (listed(s) && !subjects[std::size_t(s)].accounts.empty())
            sources.push_back(s);
    }
    if (sources.empty())
        return;
    std::sort(sources.begin(), sources.end(), [&](std::int32_t a, std::int32_t b) {
        const Subject &x = subjects[std::size_t(a)], &y = subjects[std::size_t(b)];
        return x.listedScore != y.listedScore ? x.listedScore > y.listedScore : x.id < y.id;
    });

    std::vector<int> hop(accounts.size(), -1);
    std::vector<std::int32_t> previous(
        accounts.size(), -1); // the account one hop nearer the listed party
    std::vector<std::int32_t> linked(
        accounts.size(), -1); // the account of the same holder that dealt with it
    std::vector<std::int32_t> origin(accounts.size(), -1); // the listed subject reached from
    std::vector<std::int32_t> frontier, next;
    const auto reach
        = [&](std::int32_t account, int distance, std::int32_t from, std::int32_t listedSubject) {
              const auto mark = [&](std::int32_t a) {
                  if (hop[std::size_t(a)] >= 0)
                      return;
                  hop[std::size_t(a)] = distance;
                  previous[std::size_t(a)] = from;
                  linked[std::size_t(a)] = account;
                  origin[std::size_t(a)] = listedSubject;
                  next.push_back(a);
              };
              mark(account);
              const std::int32_t subject = accounts[std::size_t(account)].subject;
              if (subject >= 0) {
                  for (const std::int32_t sibling : subjects[std::size_t(subject)].accounts)
                      mark(sibling);
              }
          };
    for (const std::int32_t s : sources) {
        for (const std::int32_t a : subjects[std::size_t(s)].accounts)
            reach(a, 0, -1, s);
    }
    for (int distance = 1; distance <= m_maxHops; ++distance) {
        frontier.swap(next);
        next.clear();
        for (const std::int32_t a : frontier) {
            const std::span<const std::uint32_t> out = context.flowsOut(a), in = context.flowsIn(a);
            // Hubs (banks' transit accounts, payment processors) would put everyone two hops away.
            if (distance > 1 && out.size() + in.size() > std::size_t(m_maxBranching))
                continue;
            // Nor is a shop or a utility a channel: everyone who paid the same supermarket as a
            // listed person would be two hops from them.
            const std::int32_t holder = context.accounts()[std::size_t(a)].subject;
            if (distance > 1 && holder >= 0 && m_throughKinds.size() > 0
                && !m_throughKinds.contains(context.subjects()[std::size_t(holder)].kind))
                continue;
            if (m_fromListed) {
                for (const std::uint32_t f : out)
                    reach(flows[f].to, distance, a, origin[std::size_t(a)]);
            }
            if (m_toListed) {
                for (const std::uint32_t f : in)
                    reach(flows[f].from, distance, a, origin[std::size_t(a)]);
            }
        }
    }

    // One alert per party: a subject, or an account nobody is known to hold.
    std::vector<bool> done(subjects.size(), false);
    const int currency = context.currencyIndex(m_currency);
    for (std::int32_t account = 0; account < std::int32_t(accounts.size()); ++account) {
        const int distance = hop[std::size_t(account)];
        if (distance < 1)
            continue;
        const std::int32_t subject = accounts[std::size_t(account)].subject;
        if (listed(subject))
            continue;
        std::int32_t nearest = account;
        if (subject >= 0) {
            if (done[std::size_t(subject)])
                continue;
            done[std::size_t(subject)] = true;
            // The subject's account on the path: one that dealt with the nearer party itself.
            for (const std::int32_t sibling : subjects[std::size_t(subject)].accounts) {
                if (hop[std::size_t(sibling)] == distance
                    && linked[std::size_t(sibling)] == sibling) {
                    nearest = sibling;
                    break;
                }
            }
        }
        const std::int32_t listedSubject = origin[std::size_t(nearest)];
        const Subject &target = subjects[std::size_t(listedSubject)];

        AlertDraft draft;
        draft.ruleId = id();
        std::set<std::int32_t> partySubjects { listedSubject };
        // The path as hops (nearer account, farther account), the listed party's end first. Two
        // consecutive hops may meet at different accounts of one holder.
        std::vector<std::pair<std::int32_t, std::int32_t>> path;
        for (std::int32_t a = nearest; hop[std::size_t(a)] > 0; a = previous[std::size_t(a)])
            path.emplace_back(previous[std::size_t(a)], linked[std::size_t(a)]);
        std::reverse(path.begin(), path.end());

        std::int64_t nearTotal = 0;
        int nearCount = 0;
        QStringList route;
        for (std::size_t i = 0; i < path.size(); ++i) {
            const auto [near, far] = path[i];
            route << QStringLiteral("%1 → %2").arg(
                context.describeAccount(near), context.describeAccount(far));
            for (const std::int32_t a : { near, far }) {
                draft.accounts.push_back(a);
                if (accounts[std::size_t(a)].subject >= 0)
                    partySubjects.insert(accounts[std::size_t(a)].subject);
            }
            // The hop's transactions between the two accounts, in the directions followed.
            std::vector<std::uint32_t> cited;
            if (m_fromListed) {
                for (const std::uint32_t f : context.flowsOut(near)) {
                    if (flows[f].to == far)
                        cited.push_back(flows[f].tx);
                }
            }
            if (m_toListed) {
                for (const std::uint32_t f : context.flowsIn(near)) {
                    if (flows[f].from == far)
                        cited.push_back(flows[f].tx);
                }
            }
            std::sort(cited.begin(), cited.end());
            const QString role = i == 0 ? QStringLiteral("with listed party")
                                        : QStringLiteral("hop %1").arg(i + 1);
            for (std::size_t c = 0; c < cited.size() && c < std::size_t(m_evidencePerHop); ++c)
                draft.evidence.push_back({ cited[c], role });
            if (i + 1 == path.size()) {
                nearCount = int(cited.size());
                for (const std::uint32_t row : cited) {
                    if (rows[row].currency == currency)
                        nearTotal += rows[row].amountMinor;
                }
            }
        }
        std::sort(draft.accounts.begin(), draft.accounts.end());
        draft.accounts.erase(
            std::unique(draft.accounts.begin(), draft.accounts.end()), draft.accounts.end());
        draft.subjects.assign(partySubjects.begin(), partySubjects.end());
        if (!draft.evidence.empty()) {
            const auto [first, last]
                = std::minmax_element(draft.evidence.begin(), draft.evidence.end(),
                    [](const Evidence &a, const Evidence &b) { return a.row < b.row; });
            draft.windowStart = rows[first->row].bookedAt;
            draft.windowEnd = rows[last->row].bookedAt;
        }
        // A standing relationship rather than an episode: keyed on who, not when, so new
        // transactions update the same alert.
        const QString party = subject >= 0
            ? QStringLiteral("s:%1").arg(subjects[std::size_t(subject)].id)
            : QStringLiteral("a:%1").arg(accounts[std::size_t(account)].id);
        draft.key = QStringLiteral("%1|listed:%2").arg(party).arg(target.id);
        const double base = std::min(100.0, 50.0 + target.listedScore / 2.0);
        draft.score
            = std::clamp(int(std::lround(base * std::pow(m_hopDecay, distance - 1))), 1, 100);
        const QString who
            = subject >= 0 ? context.describeSubject(subject) : context.describeAccount(account);
        draft.title = distance == 1
            ? QStringLiteral("%1 dealt directly with listed %2").arg(who, target.name)
            : QStringLiteral("%1 is %2 hops from listed %3")
                  .arg(who)
                  .arg(distance)
                  .arg(target.name);
        draft.explanation = QStringLiteral(
            "%1 is %2 hop(s) from %3, whom screening matched to a list with score %4: %5. "
            "The last hop has %6 transaction(s), %7 in total.")
                                .arg(who)
                                .arg(distance)
                                .arg(target.name)
                                .arg(target.listedScore)
                                .arg(route.join(QStringLiteral("; ")))
                                .arg(nearCount)
                                .arg(money(nearTotal, m_currency));
        QJsonArray pathIds;
        for (const auto &[near, far] : path) {
            pathIds.append(QJsonArray {
                qint64(accounts[std::size_t(near)].id), qint64(accounts[std::size_t(far)].id) });
        }
        draft.metrics = QJsonObject { { QStringLiteral("hops"), distance },
            { QStringLiteral("listed_subject_id"), qint64(target.id) },
            { QStringLiteral("listed_score"), target.listedScore },
            { QStringLiteral("path_hops_account_ids"), pathIds },
            { QStringLiteral("last_hop_transactions"), nearCount },
            { QStringLiteral("last_hop_total_minor"), qint64(nearTotal) },
            { QStringLiteral("currency"), m_currency } };
        sink.add(std::move(draft));
    }
}

} // namespace fundtrace::detect
