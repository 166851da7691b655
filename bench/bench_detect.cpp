// Typology detection: quality and speed. Generates a scenario with every typology planted in
// realistic background activity (demo::TypologyScenarioGenerator), imports it into a new case with
// the national list, resolves and screens subjects, runs the default rules, then prints
//   - quality: per typology planted / found / recall and alerts / true positives / precision,
//     decoys flagged and other false positives, against recall >= 0.95 and precision >= 0.8;
//   - speed: the DetectionReport (load, each rule, store) and peak RSS of the detection run,
//     against < 10 s at 1M rows, < 60 s at 5M rows and < 2 GB;
//   - the SQL comparison: bench/sql/fan_in.sql and bench/sql/pass_through.sql run by the sqlite3
//     shell on the same case, against the engine's time for those two rules (target: >= 10x).
//
// Usage: bench_detect [--rows N] [--seed S] [--keep DIR | --detect-only DIR] [--sql|--no-sql] [--sql-dir DIR]
//   --rows     transactions to generate (default 50 000; 1 000 000 and 5 000 000 for speed)
//   --sql      run the SQL comparison even above 1M rows (the fan-in self-join is slow there)
//   --keep DIR write the scenario and the case into DIR and leave them there
//   --detect-only DIR  rerun only detection (alerts cleared first) on the case a --keep run left,
//              in a fresh process, so the peak RSS is the detection's alone and not the import's

#include "db/CaseFile.h"
#include "demo/TypologyScenarioGenerator.h"
#include "detect/DetectionRun.h"
#include "detect/RuleSet.h"
#include "entities/SubjectRefresh.h"
#include "import/FileImporter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace fundtrace;

namespace {

constexpr double kRecallTarget = 0.95;
constexpr double kPrecisionTarget = 0.8;

std::int64_t peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

QString normalisedAccount(QString identifier)
{
    identifier.remove(QLatin1Char(' '));
    return identifier.toUpper();
}

struct Planted {
    QString typology;
    bool decoy = false;
    QString note;
    QSet<QString> accounts;
    QSet<QString> transactions;
    std::int64_t start = 0; // UTC seconds, widened by a day each side (truth times are local)
    std::int64_t end = 0;
    int hits = 0;
};

struct Alert {
    QString rule;
    std::int64_t start = 0;
    std::int64_t end = 0;
    QSet<QString> accounts;
    QSet<QString> evidence;
};

std::vector<Planted> readTruth(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    const QJsonObject truth = QJsonDocument::fromJson(file.readAll()).object();
    const QTimeZone zone("Asia/Almaty");
    const auto utc = [&](const QString &text) {
        QDateTime local = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
        local.setTimeZone(zone); // keeps the wall time
        return local.toSecsSinceEpoch();
    };
    std::vector<Planted> planted;
    for (const QJsonValue &value : truth.value(QLatin1String("patterns")).toArray()) {
        const QJsonObject o = value.toObject();
        Planted p;
        p.typology = o.value(QLatin1String("typology")).toString();
        p.decoy = o.value(QLatin1String("decoy")).toBool();
        p.note = o.value(QLatin1String("note")).toString();
        for (const QJsonValue &a : o.value(QLatin1String("accounts")).toArray())
            p.accounts.insert(normalisedAccount(a.toString()));
        for (const QJsonValue &t : o.value(QLatin1String("transactions")).toArray())
            p.transactions.insert(t.toString());
        p.start = utc(o.value(QLatin1String("start")).toString()) - 86'400;
        p.end = utc(o.value(QLatin1String("end")).toString()) + 86'400;
        planted.push_back(p);
    }
    return planted;
}

std::vector<Alert> readAlerts(db::CaseFile &caseFile)
{
    db::Database &db = caseFile.db();
    std::map<std::int64_t, Alert> alerts;
    auto q = db.prepare("SELECT id, rule, coalesce(window_start, 0), coalesce(window_end, 0) FROM alerts WHERE active = 1");
    while (q.step())
        alerts[q.int64(0)] = Alert { q.qtext(1), q.int64(2), q.int64(3), {}, {} };
    auto accounts = db.prepare("SELECT aa.alert_id, ac.identifier FROM alert_accounts aa JOIN accounts ac ON ac.id = aa.account_id");
    while (accounts.step())
        if (auto it = alerts.find(accounts.int64(0)); it != alerts.end())
            it->second.accounts.insert(normalisedAccount(accounts.qtext(1)));
    auto evidence = db.prepare("SELECT e.alert_id, t.external_id FROM alert_evidence e "
                               "JOIN transactions t ON t.id = e.transaction_id WHERE t.external_id IS NOT NULL");
    while (evidence.step())
        if (auto it = alerts.find(evidence.int64(0)); it != alerts.end())
            it->second.evidence.insert(evidence.qtext(1));
    std::vector<Alert> out;
    for (auto &[id, alert] : alerts)
        out.push_back(std::move(alert));
    return out;
}

bool byEvidence(const Alert &a, const Planted &p)
{
    return a.evidence.intersects(p.transactions);
}

bool byAccounts(const Alert &a, const Planted &p)
{
    return a.accounts.intersects(p.accounts) && a.start <= p.end && a.end >= p.start;
}

void printQuality(const std::vector<Planted> &truthIn, const std::vector<Alert> &alerts, bool *allOk)
{
    std::vector<Planted> truth = truthIn;
    struct Figures {
        int planted = 0, found = 0, alerts = 0, truePositives = 0, decoys = 0, decoysFlagged = 0, cross = 0;
    };
    std::map<QString, Figures> figures;
    for (const QString &typology : demo::TypologyScenarioGenerator::typologies())
        figures[typology];
    for (const Planted &p : truth)
        (p.decoy ? figures[p.typology].decoys : figures[p.typology].planted)++;
    std::set<size_t> flaggedDecoys;

    for (const Alert &alert : alerts) {
        Figures &f = figures[alert.rule];
        ++f.alerts;
        // A decoy's own accounts decide first (a 3-hop party shares the path with its instance).
        bool decoy = false, positive = false, cross = false;
        for (size_t i = 0; i < truth.size(); ++i) {
            const Planted &p = truth[i];
            if (p.typology == alert.rule && p.decoy && byAccounts(alert, p)) {
                decoy = true;
                flaggedDecoys.insert(i);
            }
        }
        if (!decoy) {
            for (Planted &p : truth) {
                if (p.typology == alert.rule && !p.decoy && (byEvidence(alert, p) || byAccounts(alert, p))) {
                    positive = true;
                    ++p.hits;
                }
            }
        }
        if (!decoy && !positive) {
            for (size_t i = 0; i < truth.size(); ++i) {
                const Planted &p = truth[i];
                if (p.typology == alert.rule && p.decoy && byEvidence(alert, p)) {
                    decoy = true;
                    flaggedDecoys.insert(i);
                } else if (p.typology != alert.rule && (byEvidence(alert, p) || byAccounts(alert, p))) {
                    cross = true;
                }
            }
        }
        if (positive)
            ++f.truePositives;
        else if (cross && !decoy)
            ++f.cross;
    }
    for (size_t i : flaggedDecoys)
        ++figures[truth[i].typology].decoysFlagged;
    for (const Planted &p : truth)
        if (!p.decoy && p.hits > 0)
            ++figures[p.typology].found;

    std::printf("\nQuality (targets: recall >= %.2f, precision >= %.2f)\n", kRecallTarget, kPrecisionTarget);
    std::printf("%-22s %7s %5s %6s  %6s %4s %5s %9s  %7s %5s  %s\n", "typology", "planted", "found", "recall", "alerts",
                "TP", "FP", "precision", "decoys", "hit", "");
    std::printf("%-22s %7s %5s %6s  %6s %4s %5s %9s  %7s %5s\n", "", "", "", "", "", "", "(other", "", "", "");
    std::printf("%-22s %7s %5s %6s  %6s %4s %5s %9s  %7s %5s\n", "", "", "", "", "", "", "planted)", "", "", "");
    int planted = 0, found = 0, alertsTotal = 0, tp = 0;
    for (const QString &typology : demo::TypologyScenarioGenerator::typologies()) {
        const Figures &f = figures[typology];
        const double recall = f.planted ? double(f.found) / f.planted : 0.0;
        const double precision = f.alerts ? double(f.truePositives) / f.alerts : 0.0;
        const bool ok = recall >= kRecallTarget && precision >= kPrecisionTarget;
        *allOk = *allOk && ok;
        planted += f.planted;
        found += f.found;
        alertsTotal += f.alerts;
        tp += f.truePositives;
        const std::string fp = std::to_string(f.alerts - f.truePositives) + " (" + std::to_string(f.cross) + ")";
        std::printf("%-22s %7d %5d %6.2f  %6d %4d %9s %5.2f  %7d %5d  %s\n", typology.toUtf8().constData(), f.planted, f.found,
                    recall, f.alerts, f.truePositives, fp.c_str(), precision, f.decoys, f.decoysFlagged, ok ? "OK" : "MISSED");
    }
    for (const auto &[rule, f] : figures) {
        if (!demo::TypologyScenarioGenerator::typologies().contains(rule) && f.alerts > 0)
            std::printf("%-22s %7s %5s %6s  %6d  (rule without planted patterns)\n", rule.toUtf8().constData(), "-", "-", "-", f.alerts);
    }
    std::printf("%-22s %7d %5d %6.2f  %6d %4d %9d %5.2f\n", "all", planted, found, planted ? double(found) / planted : 0.0,
                alertsTotal, tp, alertsTotal - tp, alertsTotal ? double(tp) / alertsTotal : 0.0);
    std::printf("FP = alerts matching no planted instance of their rule (in brackets: of those, alerts on an instance\n"
                "of another typology); decoys = near misses planted just outside the defaults, hit = decoys flagged.\n");

    std::printf("\nMissed instances:\n");
    bool any = false;
    for (const Planted &p : truth) {
        if (!p.decoy && p.hits == 0) {
            std::printf("  %-22s %s\n", p.typology.toUtf8().constData(), p.note.toUtf8().constData());
            any = true;
        }
    }
    for (size_t i : flaggedDecoys) {
        std::printf("  decoy flagged: %-14s %s\n", truth[i].typology.toUtf8().constData(), truth[i].note.toUtf8().constData());
        any = true;
    }
    if (!any)
        std::printf("  none\n");
}

// Runs one SQL file through the sqlite3 shell on the case; returns seconds (-1 on failure).
double runSql(const QString &casePath, const QString &sqlPath, int *resultRows)
{
    QProcess process;
    process.setStandardInputFile(sqlPath);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("sqlite3"), { QStringLiteral("-readonly"), casePath });
    if (!process.waitForStarted(10'000) || !process.waitForFinished(-1) || process.exitCode() != 0) {
        std::fprintf(stderr, "sqlite3 %s < %s failed: %s\n", casePath.toUtf8().constData(), sqlPath.toUtf8().constData(),
                     process.readAllStandardError().constData());
        return -1;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    const QByteArray out = process.readAllStandardOutput().trimmed();
    *resultRows = out.isEmpty() ? 0 : int(out.count('\n') + 1);
    return seconds;
}

int detectAndReport(db::CaseFile &caseFile, const std::vector<Planted> &truth, qint64 rows, int sql, const QString &sqlDir,
                    std::int64_t rssBefore)
{
    const QString casePath = caseFile.db().path();
    resetPeakRss();
    const detect::RuleSet rules = detect::RuleSet::fromDefault();
    const detect::DetectionReport report = detect::DetectionRun(caseFile, rules).run();
    const std::int64_t rssDetect = peakRssKiB();

    std::printf("\nSpeed: detection over %lld transactions (targets: < 10 s at 1M, < 60 s at 5M rows; < 2 GB)\n",
                static_cast<long long>(report.transactions));
    std::printf("  %-22s %8.3f s\n", "load", report.loadSeconds);
    for (const auto &rule : report.rules)
        std::printf("    %-20s %8.3f s  %6d found\n", rule.id.toUtf8().constData(), rule.seconds, rule.found);
    std::printf("  %-22s %8.3f s  (rules run in parallel)\n", "rules", report.rulesSeconds);
    std::printf("  %-22s %8.3f s  (%d new, %d updated, %d closed)\n", "store", report.storeSeconds, report.created,
                report.updated, report.closed);
    const double limit = rows <= 1'000'000 ? 10.0 : 60.0;
    std::printf("  %-22s %8.3f s  %s (target < %.0f s)\n", "total", report.totalSeconds,
                report.totalSeconds < limit ? "OK" : "MISSED", limit);
    std::printf("  %-22s %8.0f MB  %s (target < 2048 MB; before detection the process peaked at %.0f MB)\n",
                "peak RSS (detection)", rssDetect / 1024.0, rssDetect < 2048 * 1024 ? "OK" : "MISSED", rssBefore / 1024.0);

    bool allOk = true;
    printQuality(truth, readAlerts(caseFile), &allOk);

    if (sql) {
        std::printf("\nSQL comparison: the same case through the sqlite3 shell (target: engine >= 10x faster)\n");
        const std::pair<const char *, const char *> pairs[] = { { "crowdfunding_fan_in", "fan_in.sql" },
                                                                 { "pass_through", "pass_through.sql" } };
        for (const auto &[rule, file] : pairs) {
            double engine = -1;
            int found = 0;
            for (const auto &figures : report.rules) {
                if (figures.id == QLatin1String(rule)) {
                    engine = figures.seconds;
                    found = figures.found;
                }
            }
            int sqlRows = 0;
            const double seconds = runSql(casePath, QDir(sqlDir).filePath(QLatin1String(file)), &sqlRows);
            if (seconds < 0 || engine < 0) {
                std::printf("  %-20s not compared\n", rule);
                continue;
            }
            engine = std::max(engine, 1e-3); // the report's resolution is the millisecond
            const double withLoad = engine + report.loadSeconds;
            std::printf("  %-20s engine %.3f s (%d alerts), +load %.3f s; SQL %.3f s (%d accounts flagged); "
                        "SQL/engine %.0fx, SQL/(engine+load) %.1fx %s\n",
                        rule, engine, found, withLoad, seconds, sqlRows, seconds / engine,
                        seconds / withLoad, seconds / engine >= 10 ? "OK" : "MISSED");
        }
    }
    return 0;
}

// Detection alone on a case an earlier run kept, after removing its alerts.
int detectOnly(const QString &casePath, const QString &truthPath, int sql, const QString &sqlDir)
{
    db::CaseFile caseFile = db::CaseFile::open(casePath);
    caseFile.db().exec("DELETE FROM alert_evidence; DELETE FROM alert_accounts; DELETE FROM alert_subjects; "
                       "DELETE FROM alert_state_changes; DELETE FROM alerts; DELETE FROM detection_runs;");
    const qint64 rows = caseFile.db().scalarInt("SELECT count(*) FROM transactions");
    std::printf("Case %s: %lld transactions, alerts cleared\n", casePath.toUtf8().constData(), static_cast<long long>(rows));
    return detectAndReport(caseFile, readTruth(truthPath), rows, sql < 0 ? rows <= 1'000'000 : sql, sqlDir, peakRssKiB());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as each stage ends, also into a file
    qint64 rows = 50'000;
    quint64 seed = 20'240'917;
    QString keep;
    QString reuse; // a directory --keep left: detection only, in a fresh process (a clean peak RSS)
    int sql = -1; // -1: up to 1M rows
    QString sqlDir = QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/sql");
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == u"--rows" && hasValue)
            rows = args[++i].toLongLong();
        else if (a == u"--seed" && hasValue)
            seed = args[++i].toULongLong();
        else if (a == u"--keep" && hasValue)
            keep = args[++i];
        else if (a == u"--sql-dir" && hasValue)
            sqlDir = args[++i];
        else if (a == u"--detect-only" && hasValue)
            reuse = args[++i];
        else if (a == u"--sql")
            sql = 1;
        else if (a == u"--no-sql")
            sql = 0;
        else {
            std::fprintf(stderr, "usage: bench_detect [--rows N] [--seed S] [--keep DIR | --detect-only DIR] [--sql|--no-sql] "
                                 "[--sql-dir DIR]\n");
            return 2;
        }
    }
    QTemporaryDir temp;
    const QString dir = !reuse.isEmpty() ? reuse : keep.isEmpty() ? temp.path() : keep;
    QDir().mkpath(dir);
    const QString casePath = QDir(dir).filePath(QStringLiteral("bench.ftcase"));
    if (reuse.isEmpty()) {
        QFile::remove(casePath);
        QFile::remove(casePath + QStringLiteral("-wal"));
        QFile::remove(casePath + QStringLiteral("-shm"));
    }

    try {
        if (!reuse.isEmpty())
            return detectOnly(casePath, QDir(dir).filePath(QStringLiteral("truth.json")), sql, sqlDir);
        if (sql < 0)
            sql = rows <= 1'000'000 ? 1 : 0;
        QElapsedTimer timer;
        timer.start();
        const demo::TypologyScenario scenario = demo::TypologyScenarioGenerator::write(dir, rows, seed);
        std::printf("Scenario: %lld rows, %d planted patterns, %d decoys, seed %llu (%.1f s to generate) in %s\n",
                    static_cast<long long>(scenario.rows), scenario.patterns, scenario.decoys,
                    static_cast<unsigned long long>(seed), timer.nsecsElapsed() / 1e9, dir.toUtf8().constData());

        db::CaseFile caseFile = db::CaseFile::create(casePath, QStringLiteral("bench_detect"));
        timer.restart();
        import::ImportOptions csvOptions;
        csvOptions.mapping = demo::TypologyScenarioGenerator::importMapping();
        const import::ImportResult imported = import::FileImporter(caseFile, csvOptions).importFile(scenario.csvPath);
        const double importSeconds = timer.nsecsElapsed() / 1e9;
        import::ImportOptions listOptions;
        listOptions.format = QStringLiteral("national-list");
        listOptions.listName = demo::TypologyScenarioGenerator::listName();
        const import::ImportResult list = import::FileImporter(caseFile, listOptions).importFile(scenario.listPath);
        std::printf("Import: %lld rows imported, %lld rejected in %.1f s (%.0f rows/s); list: %lld entries\n",
                    static_cast<long long>(imported.rowsImported), static_cast<long long>(imported.rowsRejected),
                    importSeconds, imported.rowsImported / std::max(1e-9, importSeconds),
                    static_cast<long long>(list.rowsImported));
        if (imported.status != import::ImportResult::Status::Imported || list.status != import::ImportResult::Status::Imported) {
            std::fprintf(stderr, "import failed: %s %s\n", imported.message.toUtf8().constData(), list.message.toUtf8().constData());
            return 1;
        }
        timer.restart();
        const entities::SubjectRefresh refresh = entities::SubjectRefresh::run(caseFile);
        std::printf("Subjects: %s (%.1f s)\n", refresh.summary().toUtf8().constData(), timer.nsecsElapsed() / 1e9);
        const std::int64_t rssBefore = peakRssKiB();

        return detectAndReport(caseFile, readTruth(scenario.truthPath), rows, sql, sqlDir, rssBefore);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_detect: %s\n", e.what());
        return 1;
    }
}
