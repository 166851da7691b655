#include "detect/rules/ScatterGatherRule.h"

#include "detect/RuleText.h"

#include <QJsonArray>
#include <algorithm>
#include <map>
#include <set>

namespace fundtrace::detect {
namespace {

std::int64_t timeOf(const DetectionContext &context, std::uint32_t flow)
{
    return context.transactions()[context.flows()[flow].tx].bookedAt;
}

// Flows of a time-sorted list strictly after `after` and no later than `until`.
std::span<const std::uint32_t> between(const DetectionContext &context,
    std::span<const std::uint32_t> flows, std::int64_t after, std::int64_t until)
{
    const auto begin = std::partition_point(
        flows.begin(), flows.end(), [&](std::uint32_t f) { return timeOf(context, f) <= after; });
    const auto end = std::partition_point(
        begin, flows.end(), [&](std::uint32_t f) { return timeOf(context, f) <= until; });
    return { begin, end };
}

std::size_t distinctCount(std::vector<std::int32_t> &scratch)
{
    std::sort(scratch.begin(), scratch.end());
    return std::size_t(std::unique(scratch.begin(), scratch.end()) - scratch.begin());
}

void addSubject(
    const DetectionContext &context, std::int32_t account, std::set<std::int32_t> &subjects)
{
    const std::int32_t subject = context.accounts()[std::size_t(account)].subject;
    if (subject >= 0)
        subjects.insert(subject);
}

} // namespace

void ScatterGatherRule::configure(const RuleSettings &settings)
{
    m_currency = settings.currency();
    m_window = settings.seconds(QStringLiteral("window_hours"), 7 * 24);
    m_minLeg = settings.amountMinor(QStringLiteral("min_leg_amount"), 10'000);
    m_minTotal = settings.amountMinor(QStringLiteral("min_total"), 1'000'000);
    m_minParties = settings.integer(QStringLiteral("min_parties"), 3, 2, 1000);
    m_minShare = settings.number(QStringLiteral("min_forward_share"), 0.7, 0.1, 1.0);
    m_maxBranching = settings.integer(QStringLiteral("max_flows_per_account"), 500, 1, 1'000'000);
    const QStringList patterns = settings.strings(QStringLiteral("patterns"),
        { QStringLiteral("scatter_gather"), QStringLiteral("gather_scatter") });
    for (const QString &pattern : patterns) {
        if (pattern != u"scatter_gather" && pattern != u"gather_scatter")
            throw RuleConfigError(
                QStringLiteral("rule \"%1\", setting \"patterns\": \"%2\" is not one of "
                               "\"scatter_gather\", \"gather_scatter\"")
                    .arg(id(), pattern));
    }
    m_scatterGather = patterns.contains(QStringLiteral("scatter_gather"));
    m_gatherScatter = patterns.contains(QStringLiteral("gather_scatter"));
}

void ScatterGatherRule::run(const DetectionContext &context, AlertSink &sink) const
{
    const int currency = context.currencyIndex(m_currency);
    if (currency < 0)
        return;
    if (m_scatterGather)
        scatterGather(context, currency, sink);
    if (m_gatherScatter)
        gatherScatter(context, currency, sink);
}

void ScatterGatherRule::scatterGather(
    const DetectionContext &context, int currency, AlertSink &sink) const
{
    const std::vector<Flow> &flows = context.flows();
    const std::vector<Transaction> &rows = context.transactions();
    const std::vector<Account> &accounts = context.accounts();
    const auto counts = [&](std::uint32_t f) {
        const Transaction &t = rows[flows[f].tx];
        return t.currency == currency && t.amountMinor >= m_minLeg;
    };
    std::vector<std::uint32_t> legs;
    std::vector<std::int32_t> scratch;

    struct Intermediary {
        std::int64_t received = 0;
        std::int64_t firstAt = 0;
        std::vector<std::uint32_t> in;
    };
    struct Forward {
        std::int64_t amount = 0;
        std::vector<std::uint32_t> out;
    };

    for (std::int32_t source = 0; source < std::int32_t(accounts.size()); ++source) {
        legs.clear();
        for (const std::uint32_t f : context.flowsOut(source)) {
            if (counts(f))
                legs.push_back(f);
        }
        std::size_t start = 0;
        while (start < legs.size()) {
            const std::int64_t from = timeOf(context, legs[start]);
            const std::int64_t until = from + m_window;
            std::size_t end = start;
            scratch.clear();
            while (end < legs.size() && timeOf(context, legs[end]) <= until)
                scratch.push_back(flows[legs[end++]].to);
            if (end - start > std::size_t(m_maxBranching)
                || distinctCount(scratch) < std::size_t(m_minParties)) {
                ++start;
                continue;
            }

            std::map<std::int32_t, Intermediary> middle;
            for (std::size_t i = start; i < end; ++i) {
                Intermediary &m = middle[flows[legs[i]].to];
                if (m.in.empty())
                    m.firstAt = timeOf(context, legs[i]);
                m.received += rows[flows[legs[i]].tx].amountMinor;
                m.in.push_back(legs[i]);
            }
            // What each intermediary passed on, per destination.
            std::map<std::int32_t, std::map<std::int32_t, Forward>> byDestination;
            for (const auto &[account, m] : middle) {
                const std::span<const std::uint32_t> out
                    = between(context, context.flowsOut(account), m.firstAt, until);
                if (out.size() > std::size_t(m_maxBranching))
                    continue;
                for (const std::uint32_t f : out) {
                    const std::int32_t to = flows[f].to;
                    if (!counts(f) || to == source || middle.count(to))
                        continue;
                    Forward &forward = byDestination[to][account];
                    forward.amount += rows[flows[f].tx].amountMinor;
                    forward.out.push_back(f);
                }
            }
            // The destination most intermediaries passed most of their money to.
            std::int32_t best = -1;
            std::vector<std::int32_t> bestParties;
            std::int64_t bestForwarded = 0;
            for (const auto &[destination, forwards] : byDestination) {
                std::vector<std::int32_t> parties;
                std::int64_t forwarded = 0;
                for (const auto &[account, forward] : forwards) {
                    const std::int64_t received = middle[account].received;
                    const std::int64_t passed = std::min(forward.amount, received);
                    if (double(passed) >= m_minShare * double(received)) {
                        parties.push_back(account);
                        forwarded += passed;
                    }
                }
                if (parties.size() > bestParties.size()
                    || (parties.size() == bestParties.size() && forwarded > bestForwarded)) {
                    best = destination;
                    bestParties = std::move(parties);
                    bestForwarded = forwarded;
                }
            }
            std::int64_t scattered = 0;
            for (const std::int32_t account : bestParties)
                scattered += middle[account].received;
            if (best < 0 || bestParties.size() < std::size_t(m_minParties)
                || scattered < m_minTotal) {
                ++start;
                continue;
            }

            AlertDraft draft;
            draft.ruleId = id();
            std::set<std::int32_t> subjects;
            std::int64_t last = from;
            QStringList legText;
            QJsonArray legJson;
            for (const std::int32_t account : bestParties) {
                const Intermediary &m = middle[account];
                const Forward &forward = byDestination[best][account];
                for (const std::uint32_t f : m.in)
                    draft.evidence.push_back({ flows[f].tx, QStringLiteral("scatter") });
                for (const std::uint32_t f : forward.out) {
                    draft.evidence.push_back({ flows[f].tx, QStringLiteral("forward") });
                    last = std::max(last, timeOf(context, f));
                }
                const std::int64_t passed = std::min(forward.amount, m.received);
                legText << QStringLiteral("%1 received %2 and passed on %3 (%4)")
                               .arg(context.describeAccount(account), money(m.received, m_currency),
                                   money(passed, m_currency),
                                   percent(double(passed) / double(m.received)));
                legJson.append(QJsonObject {
                    { QStringLiteral("account_id"), qint64(accounts[std::size_t(account)].id) },
                    { QStringLiteral("received_minor"), qint64(m.received) },
                    { QStringLiteral("forwarded_minor"), qint64(passed) } });
                draft.accounts.push_back(account);
                addSubject(context, account, subjects);
            }
            std::sort(draft.evidence.begin(), draft.evidence.end(),
                [](const Evidence &a, const Evidence &b) { return a.row < b.row; });
            draft.accounts.push_back(source);
            draft.accounts.push_back(best);
            std::sort(draft.accounts.begin(), draft.accounts.end());
            addSubject(context, source, subjects);
            addSubject(context, best, subjects);
            draft.subjects.assign(subjects.begin(), subjects.end());
            draft.windowStart = from;
            draft.windowEnd = last;
            const double share = double(bestForwarded) / double(scattered);
            const std::size_t parties = bestParties.size();
            draft.key = QStringLiteral("sg:%1>%2|%3")
                            .arg(accounts[std::size_t(source)].id)
                            .arg(accounts[std::size_t(best)].id)
                            .arg(day(from));
            // More intermediaries and a fuller pass-through make the split more deliberate.
            draft.score = std::clamp(
                int(55 + 8 * int(parties - std::size_t(m_minParties))
                    + std::lround(25 * (share - m_minShare) / std::max(1e-9, 1 - m_minShare))),
                0, 100);
            draft.title = QStringLiteral("Scatter-gather: %1 split over %2 accounts into %3")
                              .arg(context.describeAccount(source))
                              .arg(parties)
                              .arg(context.describeAccount(best));
            draft.explanation
                = QStringLiteral(
                    "%1 paid %2 to %3 intermediaries, which passed %4 (%5) on to %6 within %7: %8.")
                      .arg(context.describeAccount(source), money(scattered, m_currency))
                      .arg(parties)
                      .arg(money(bestForwarded, m_currency), percent(share),
                          context.describeAccount(best), duration(last - from),
                          legText.join(QStringLiteral("; ")));
            draft.metrics
                = QJsonObject { { QStringLiteral("pattern"), QStringLiteral("scatter_gather") },
                      { QStringLiteral("intermediaries"), qint64(parties) },
                      { QStringLiteral("scattered_minor"), qint64(scattered) },
                      { QStringLiteral("gathered_minor"), qint64(bestForwarded) },
                      { QStringLiteral("share"), share }, { QStringLiteral("legs"), legJson },
                      { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            start = end; // the next alert starts after this split
        }
    }
}

void ScatterGatherRule::gatherScatter(
    const DetectionContext &context, int currency, AlertSink &sink) const
{
    const std::vector<Flow> &flows = context.flows();
    const std::vector<Transaction> &rows = context.transactions();
    const std::vector<Account> &accounts = context.accounts();
    const auto counts = [&](std::uint32_t f) {
        const Transaction &t = rows[flows[f].tx];
        return t.currency == currency && t.amountMinor >= m_minLeg;
    };
    std::vector<std::uint32_t> legs, payouts;
    std::vector<std::int32_t> scratch;

    for (std::int32_t collector = 0; collector < std::int32_t(accounts.size()); ++collector) {
        legs.clear();
        for (const std::uint32_t f : context.flowsIn(collector)) {
            if (counts(f))
                legs.push_back(f);
        }
        std::size_t start = 0;
        while (start < legs.size()) {
            const std::int64_t from = timeOf(context, legs[start]);
            const std::int64_t until = from + m_window;
            std::size_t end = start;
            std::int64_t gathered = 0;
            scratch.clear();
            while (end < legs.size() && timeOf(context, legs[end]) <= until) {
                scratch.push_back(flows[legs[end]].from);
                gathered += rows[flows[legs[end++]].tx].amountMinor;
            }
            const std::size_t sources = distinctCount(scratch);
            if (end - start > std::size_t(m_maxBranching) || sources < std::size_t(m_minParties)
                || gathered < m_minTotal) {
                ++start;
                continue;
            }
            const std::span<const std::uint32_t> out
                = between(context, context.flowsOut(collector), from, until);
            if (out.size() > std::size_t(m_maxBranching)) {
                ++start;
                continue;
            }
            payouts.clear();
            scratch.clear();
            std::int64_t scattered = 0;
            for (const std::uint32_t f : out) {
                if (!counts(f))
                    continue;
                payouts.push_back(f);
                scratch.push_back(flows[f].to);
                scattered += rows[flows[f].tx].amountMinor;
            }
            const std::size_t recipients = distinctCount(scratch);
            if (recipients < std::size_t(m_minParties)
                || double(scattered) < m_minShare * double(gathered)) {
                ++start;
                continue;
            }

            AlertDraft draft;
            draft.ruleId = id();
            std::set<std::int32_t> subjects;
            std::set<std::int32_t> involved { collector };
            for (std::size_t i = start; i < end; ++i) {
                draft.evidence.push_back({ flows[legs[i]].tx, QStringLiteral("gather") });
                involved.insert(flows[legs[i]].from);
            }
            for (const std::uint32_t f : payouts) {
                draft.evidence.push_back({ flows[f].tx, QStringLiteral("redistribute") });
                involved.insert(flows[f].to);
            }
            std::sort(draft.evidence.begin(), draft.evidence.end(),
                [](const Evidence &a, const Evidence &b) { return a.row < b.row; });
            for (const std::int32_t account : involved) {
                draft.accounts.push_back(account);
                addSubject(context, account, subjects);
            }
            draft.subjects.assign(subjects.begin(), subjects.end());
            const std::int64_t last
                = std::max(timeOf(context, legs[end - 1]), timeOf(context, payouts.back()));
            draft.windowStart = from;
            draft.windowEnd = last;
            const double share = double(scattered) / double(gathered);
            draft.key = QStringLiteral("gs:%1|%2")
                            .arg(accounts[std::size_t(collector)].id)
                            .arg(day(from));
            const int extra = int(std::min(sources, recipients)) - m_minParties;
            draft.score = std::clamp(
                int(50 + 6 * extra
                    + std::lround(
                        25 * std::min(1.0, (share - m_minShare) / std::max(1e-9, 1 - m_minShare)))),
                0, 100);
            draft.title = QStringLiteral("Gather-scatter through %1: %2 payers, %3 recipients")
                              .arg(context.describeAccount(collector))
                              .arg(sources)
                              .arg(recipients);
            draft.explanation
                = QStringLiteral(
                    "%1 received %2 from %3 payers and paid out %4 (%5 of it) to %6 recipients "
                    "within %7.")
                      .arg(context.describeAccount(collector), money(gathered, m_currency))
                      .arg(sources)
                      .arg(money(scattered, m_currency), percent(share))
                      .arg(recipients)
                      .arg(duration(last - from));
            draft.metrics = QJsonObject { { QStringLiteral("pattern"),
                                              QStringLiteral("gather_scatter") },
                { QStringLiteral("sources"), qint64(sources) },
                { QStringLiteral("recipients"), qint64(recipients) },
                { QStringLiteral("gathered_minor"), qint64(gathered) },
                { QStringLiteral("scattered_minor"), qint64(scattered) },
                { QStringLiteral("share"), share }, { QStringLiteral("currency"), m_currency } };
            sink.add(std::move(draft));
            start = end;
        }
    }
}

} // namespace fundtrace::detect
