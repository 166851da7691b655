#include "charts/AlertMarkers.h"

#include "db/Database.h"
#include "detect/DetectionContext.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>
#include <algorithm>

namespace fundtrace::charts {
namespace {

QString isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

} // namespace

QJsonObject AlertMarker::toJson() const
{
    return { { QStringLiteral("id"), qint64(id) },          { QStringLiteral("rule"), rule },
             { QStringLiteral("title"), title },            { QStringLiteral("state"), state },
             { QStringLiteral("score"), score },            { QStringLiteral("window_start"), isoUtc(windowStart) },
             { QStringLiteral("window_end"), isoUtc(windowEnd) } };
}

std::vector<AlertMarker> alertMarkers(const db::Database &db, const detect::DetectionContext &context, const ChartScope &scope)
{
    // Alerts name accounts by accounts.id and subjects by any member id; compare on group roots.
    QSet<std::int64_t> accountIds;
    QSet<std::int64_t> subjectIds;
    for (const std::int32_t account : scope.accounts) {
        const detect::Account &a = context.accounts().at(std::size_t(account));
        accountIds.insert(a.id);
        if (a.subject >= 0)
            subjectIds.insert(context.subjects()[std::size_t(a.subject)].id);
    }
    const bool wholeCase = scope.accounts.empty();
    QSet<std::int64_t> wanted;
    if (!wholeCase) {
        db::Statement byAccount = db.prepare(
                "SELECT x.alert_id, x.account_id FROM alert_accounts x JOIN alerts a ON a.id = x.alert_id WHERE a.active = 1");
        while (byAccount.step()) {
            if (accountIds.contains(byAccount.int64(1)))
                wanted.insert(byAccount.int64(0));
        }
        db::Statement bySubject = db.prepare(
                "SELECT x.alert_id, coalesce(s.merged_into, s.id) FROM alert_subjects x JOIN subjects s ON s.id = x.subject_id "
                "JOIN alerts a ON a.id = x.alert_id WHERE a.active = 1");
        while (bySubject.step()) {
            if (subjectIds.contains(bySubject.int64(1)))
                wanted.insert(bySubject.int64(0));
        }
    }
    db::Statement select = db.prepare(
            "SELECT id, rule, title, state, score, coalesce(window_start, 0), coalesce(window_end, window_start, 0) "
            "FROM alerts WHERE active = 1 AND window_start IS NOT NULL "
            "AND (?1 = 0 OR coalesce(window_end, window_start) >= ?1) AND (?2 = 0 OR window_start < ?2) "
            "ORDER BY window_start, id");
    select.bind(1, scope.from).bind(2, scope.to);
    std::vector<AlertMarker> markers;
    while (select.step()) {
        if (!wholeCase && !wanted.contains(select.int64(0)))
            continue;
        markers.push_back({ select.int64(0), select.qtext(1), select.qtext(2), select.qtext(3), int(select.int64(4)),
                            select.int64(5), select.int64(6) });
    }
    return markers;
}

} // namespace fundtrace::charts
