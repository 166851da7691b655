#include "detect/DetectionRun.h"

#include "audit/AuditLog.h"
#include "detect/AlertStore.h"
#include "detect/DetectionContext.h"
#include "util/Logging.h"
#include "util/SystemInfo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>
#include <numeric>

namespace fundtrace::detect {

QJsonObject DetectionReport::toJson() const
{
    QJsonArray ruleArray;
    for (const RuleFigures &rule : rules) {
        ruleArray.append(QJsonObject { { QStringLiteral("rule"), rule.id }, { QStringLiteral("typology"), rule.typology },
                                       { QStringLiteral("found"), rule.found }, { QStringLiteral("seconds"), rule.seconds } });
    }
    return QJsonObject { { QStringLiteral("run_id"), qint64(runId) },
                         { QStringLiteral("transactions"), qint64(transactions) },
                         { QStringLiteral("rules"), ruleArray },
                         { QStringLiteral("alerts_new"), created },
                         { QStringLiteral("alerts_updated"), updated },
                         { QStringLiteral("alerts_closed"), closed },
                         { QStringLiteral("load_seconds"), loadSeconds },
                         { QStringLiteral("rules_seconds"), rulesSeconds },
                         { QStringLiteral("store_seconds"), storeSeconds },
                         { QStringLiteral("seconds"), totalSeconds },
                         { QStringLiteral("cancelled"), cancelled } };
}

DetectionRun::DetectionRun(db::CaseFile &caseFile, const RuleSet &rules)
    : m_case(caseFile)
    , m_rules(rules)
{
}

DetectionReport DetectionRun::run(const Progress &progress, const std::atomic_bool *cancel)
{
    DetectionReport report;
    QElapsedTimer total;
    total.start();
    const auto step = [&](const QString &what, int done, int count) {
        if (progress)
            progress(what, done, count);
    };
    const auto cancelled = [&] { return cancel && cancel->load(); };

    step(QStringLiteral("loading the case"), 0, 1);
    QElapsedTimer timer;
    timer.start();
    const DetectionContext context = DetectionContext::load(m_case.db());
    report.transactions = std::int64_t(context.transactions().size());
    report.loadSeconds = timer.elapsed() / 1000.0;
    if (cancelled()) {
        report.cancelled = true;
        return report;
    }

    // Each rule into its own sink, so the stored order does not depend on thread timing.
    const std::size_t ruleCount = m_rules.rules().size();
    std::vector<AlertSink> sinks(ruleCount);
    std::vector<double> seconds(ruleCount, 0);
    std::vector<std::size_t> order(ruleCount);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::atomic_int done { 0 };
    timer.restart();
    step(QStringLiteral("running rules"), 0, int(ruleCount));
    QtConcurrent::blockingMap(order, [&](std::size_t index) {
        if (cancelled())
            return;
        QElapsedTimer ruleTimer;
        ruleTimer.start();
        m_rules.rules()[index]->run(context, sinks[index]);
        seconds[index] = ruleTimer.elapsed() / 1000.0;
        step(m_rules.rules()[index]->typology(), ++done, int(ruleCount));
    });
    report.rulesSeconds = timer.elapsed() / 1000.0;
    if (cancelled()) {
        report.cancelled = true;
        return report;
    }

    std::vector<AlertDraft> drafts;
    QStringList rulesRun;
    QHash<QString, QString> typologies;
    for (std::size_t i = 0; i < ruleCount; ++i) {
        const Rule &rule = *m_rules.rules()[i];
        std::vector<AlertDraft> found = sinks[i].take();
        report.rules.push_back({ rule.id(), rule.typology(), int(found.size()), seconds[i] });
        rulesRun << rule.id();
        typologies.insert(rule.id(), rule.typology());
        std::move(found.begin(), found.end(), std::back_inserter(drafts));
    }

    step(QStringLiteral("storing alerts"), 0, 1);
    timer.restart();
    db::Database &db = m_case.db();
    db::Transaction transaction(db);
    db::Statement insertRun = db.prepare(
            "INSERT INTO detection_runs(started_at, by_user, rules, transactions) VALUES (?1, ?2, ?3, ?4)");
    insertRun.bind(1, util::utcNowIso()).bind(2, util::osUserName())
            .bind(3, QString::fromUtf8(QJsonDocument(m_rules.json()).toJson(QJsonDocument::Compact)))
            .bind(4, report.transactions).run();
    report.runId = db.lastInsertRowId();
    const AlertStore::Counts counts = AlertStore(db, context).save(report.runId, drafts, rulesRun, typologies);
    report.created = counts.created;
    report.updated = counts.updated;
    report.closed = counts.closed;
    report.storeSeconds = timer.elapsed() / 1000.0;
    report.totalSeconds = total.elapsed() / 1000.0;
    db::Statement finish = db.prepare(
            "UPDATE detection_runs SET alerts_new = ?2, alerts_updated = ?3, alerts_closed = ?4, seconds = ?5 WHERE id = ?1");
    finish.bind(1, report.runId).bind(2, report.created).bind(3, report.updated).bind(4, report.closed)
            .bind(5, report.totalSeconds).run();
    audit::AuditLog(db).record(QStringLiteral("detect.run"), QStringLiteral("detection_run"), report.runId,
                               { { QStringLiteral("rules"), rulesRun },
                                 { QStringLiteral("alerts_new"), report.created },
                                 { QStringLiteral("alerts_updated"), report.updated },
                                 { QStringLiteral("alerts_closed"), report.closed } });
    transaction.commit();
    log::get("detect")->info("detection run {}: {} rules over {} transactions, {} new / {} updated / {} closed alerts "
                             "in {:.2f} s (load {:.2f}, rules {:.2f}, store {:.2f})",
                             report.runId, ruleCount, report.transactions, report.created, report.updated, report.closed,
                             report.totalSeconds, report.loadSeconds, report.rulesSeconds, report.storeSeconds);
    return report;
}

} // namespace fundtrace::detect
