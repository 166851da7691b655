#include "db/CaseFile.h"
#include "graph/GraphViewStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

// Drives the real fundtrace-cli binary: commands, exit codes, JSON output, crash safety.
class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void newImportInfoTransactions();
    void exitCodes_data();
    void exitCodes();
    void rejectsReportAndStrict();
    void killedImportLeavesCaseUnchanged();
    void demoBuildsCase();
    void subjectsProfilesAndScreening();
    void detectTriageNotesAndTrace();
    void graphAndViews();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList &arguments, int timeoutMs = 120000);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

TestCli::Run TestCli::cli(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(FUNDTRACE_CLI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs))
        qFatal("fundtrace-cli did not finish");
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile csv(path(QStringLiteral("bank.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Date,Account,Amount,Currency,Counterparty,Counterparty account,Purpose,Transaction ID\n"
              "2024-01-10 10:00,KZ11AAA,5000,KZT,Donor One,KZ22BBB,Садака для детей,T1\n"
              "2024-01-11 10:00,KZ11AAA,-4500,KZT,Collector,KZ33CCC,перевод,T2\n"
              "2024-02-01 09:30,KZ22BBB,-5000,KZT,Fund,KZ11AAA,Садака,T3\n"
              "not a date,KZ22BBB,1,KZT,x,,bad row,T4\n");
}

void TestCli::newImportInfoTransactions()
{
    const QString casePath = path(QStringLiteral("cli.ftcase"));
    Run run = cli({ QStringLiteral("new"), casePath, QStringLiteral("--title"), QStringLiteral("CLI case") });
    QCOMPARE(run.exitCode, 0);

    run = cli({ QStringLiteral("import"), casePath, path(QStringLiteral("bank.csv")), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray results = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results[0][QStringLiteral("rows_imported")].toInt(), 3);
    QCOMPARE(results[0][QStringLiteral("rows_rejected")].toInt(), 1);

    run = cli({ QStringLiteral("info"), casePath, QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(info[QStringLiteral("title")].toString(), QStringLiteral("CLI case"));
    QCOMPARE(info[QStringLiteral("transactions")].toInt(), 3);
    QCOMPARE(info[QStringLiteral("sources")].toInt(), 1);
    const QJsonObject kzt = info[QStringLiteral("totals")].toArray().at(0).toObject();
    QCOMPARE(kzt[QStringLiteral("currency")].toString(), QStringLiteral("KZT"));
    QCOMPARE(kzt[QStringLiteral("credit_minor")].toInteger(), 500000);
    QCOMPARE(kzt[QStringLiteral("debit_minor")].toInteger(), 950000);
    QCOMPARE(info[QStringLiteral("sources_list")].toArray().at(0)[QStringLiteral("file")].toString(), QStringLiteral("bank.csv"));

    run = cli({ QStringLiteral("transactions"), casePath, QStringLiteral("--text"), QStringLiteral("садака"), QStringLiteral("--json") });
    QCOMPARE(run.exitCode, 0);
    QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0][QStringLiteral("source_file")].toString(), QStringLiteral("bank.csv"));
    QCOMPARE(rows[0][QStringLiteral("source_row")].toInt(), 2);
    QCOMPARE(rows[0][QStringLiteral("external_id")].toString(), QStringLiteral("T1"));

    run = cli({ QStringLiteral("transactions"), casePath, QStringLiteral("--account"), QStringLiteral("kz33 ccc"),
                QStringLiteral("--json") });
    rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0][QStringLiteral("amount_minor")].toInt(), 450000);

    run = cli({ QStringLiteral("transactions"), casePath, QStringLiteral("--from"), QStringLiteral("2024-01-11"),
                QStringLiteral("--to"), QStringLiteral("2024-01-31") });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(QLatin1Char('\n')), 2); // header + one row
    QVERIFY(run.out.contains(QStringLiteral("T2")) || run.out.contains(QStringLiteral("Collector")));

    // A second import of the same file is refused with an input error.
    run = cli({ QStringLiteral("import"), casePath, path(QStringLiteral("bank.csv")) });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("already imported")));
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList {} << 1 << "Usage";
    QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") } << 1 << "unknown command";
    QTest::newRow("missing argument") << QStringList { QStringLiteral("info") } << 1 << "wrong number";
    QTest::newRow("bad option") << QStringList { QStringLiteral("info"), QStringLiteral("x"), QStringLiteral("--bogus") } << 1 << "bogus";
    QTest::newRow("missing case") << QStringList { QStringLiteral("info"), QStringLiteral("/nonexistent/x.ftcase") } << 3 << "does not exist";
    QTest::newRow("not a case") << QStringList { QStringLiteral("info"), QStringLiteral("@bank.csv") } << 3 << "not a Fundtrace case";
    QTest::newRow("missing file") << QStringList { QStringLiteral("import"), QStringLiteral("@codes.ftcase"), QStringLiteral("/nonexistent.csv") } << 2 << "no such file";
    QTest::newRow("bad limit") << QStringList { QStringLiteral("transactions"), QStringLiteral("@codes.ftcase"), QStringLiteral("--limit"), QStringLiteral("-3") } << 1 << "--limit";
    QTest::newRow("bad date") << QStringList { QStringLiteral("transactions"), QStringLiteral("@codes.ftcase"), QStringLiteral("--from"), QStringLiteral("10.01.2024") } << 1 << "--from";
    QTest::newRow("unknown format") << QStringList { QStringLiteral("import"), QStringLiteral("@codes.ftcase"), QStringLiteral("@bank.csv"), QStringLiteral("--format"), QStringLiteral("pdf") } << 1 << "unknown --format";
    QTest::newRow("national list needs a name") << QStringList { QStringLiteral("import"), QStringLiteral("@codes.ftcase"), QStringLiteral("@bank.csv"), QStringLiteral("--format"), QStringLiteral("national-list") } << 2 << "--list-name";
    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0 << "import CASE FILE";
    QTest::newRow("command help") << QStringList { QStringLiteral("import"), QStringLiteral("--help") } << 0 << "--strict";
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    if (!QFile::exists(path(QStringLiteral("codes.ftcase"))))
        QCOMPARE(cli({ QStringLiteral("new"), path(QStringLiteral("codes.ftcase")) }).exitCode, 0);
    for (QString &argument : arguments)
        if (argument.startsWith(QLatin1Char('@')))
            argument = path(argument.mid(1));
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2((run.out + run.err).contains(message), qPrintable(run.out + run.err));
}

void TestCli::rejectsReportAndStrict()
{
    const QString casePath = path(QStringLiteral("strict.ftcase"));
    QCOMPARE(cli({ QStringLiteral("new"), casePath }).exitCode, 0);
    Run run = cli({ QStringLiteral("import"), casePath, path(QStringLiteral("bank.csv")), QStringLiteral("--strict") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("row 5")), qPrintable(run.err));
    QCOMPARE(fundtrace::db::CaseFile::open(casePath, true).db().scalarInt("SELECT count(*) FROM transactions"), 0);

    const QString report = path(QStringLiteral("rejects.csv"));
    run = cli({ QStringLiteral("import"), casePath, path(QStringLiteral("bank.csv")), QStringLiteral("--rejects"), report });
    QCOMPARE(run.exitCode, 0);
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("bank.csv,5,5,Date,not a date,")), qPrintable(text));
}

void TestCli::killedImportLeavesCaseUnchanged()
{
    const QString casePath = path(QStringLiteral("kill.ftcase"));
    const QString big = path(QStringLiteral("big.csv"));
    QCOMPARE(cli({ QStringLiteral("new"), casePath }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("import"), casePath, path(QStringLiteral("bank.csv")) }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("generate-bench-csv"), big, QStringLiteral("--rows"), QStringLiteral("600000") }).exitCode, 0);

    QProcess import;
    import.start(QStringLiteral(FUNDTRACE_CLI_PATH), { QStringLiteral("import"), casePath, big });
    QVERIFY(import.waitForStarted());
    QThread::msleep(700);
    QVERIFY2(import.state() == QProcess::Running, "the import finished before it could be killed; use a larger file");
    import.kill(); // SIGKILL: no chance to clean up
    QVERIFY(import.waitForFinished());

    fundtrace::db::CaseFile caseFile = fundtrace::db::CaseFile::open(casePath);
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM transactions"), 3);
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM sources"), 1);
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM texts") > 0, true);
    auto check = caseFile.db().prepare("PRAGMA integrity_check");
    QVERIFY(check.step());
    QCOMPARE(check.qtext(0), QStringLiteral("ok"));
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'tx_%'"), 3);
}

void TestCli::demoBuildsCase()
{
    const QString out = path(QStringLiteral("demo"));
    const Run run = cli({ QStringLiteral("demo"), out });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QFile::exists(out + QStringLiteral("/demo.ftcase")));
    QVERIFY(QFile::exists(out + QStringLiteral("/summary.json")));
    QVERIFY(QFile::exists(out + QStringLiteral("/rejects.csv")));
    QFile summaryFile(out + QStringLiteral("/summary.json"));
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    const QJsonObject summary = QJsonDocument::fromJson(summaryFile.readAll()).object();
    QVERIFY(summary[QStringLiteral("transactions")].toInt() > 500);
    // Bank exports in CSV, 1C, MT940 and camt.053, a goAML report and a national list.
    QCOMPARE(summary[QStringLiteral("sources")].toInt(), 9);
    QVERIFY(summary[QStringLiteral("statements")].toInt() > 0);
    QCOMPARE(summary[QStringLiteral("reports")].toInt(), 1);
    QCOMPARE(summary[QStringLiteral("sanction_lists")].toArray().size(), 1);
    QCOMPARE(summary[QStringLiteral("data_quality_findings")].toArray().size(), 1);
    QVERIFY(summary[QStringLiteral("rejected_rows")].toInt() >= 1);
    // The demo is deterministic: a second run produces the same figures.
    const Run again = cli({ QStringLiteral("demo"), out });
    QCOMPARE(again.exitCode, 0);
    QFile second(out + QStringLiteral("/summary.json"));
    QVERIFY(second.open(QIODevice::ReadOnly));
    const QJsonObject summary2 = QJsonDocument::fromJson(second.readAll()).object();
    QCOMPARE(summary2[QStringLiteral("transactions")], summary[QStringLiteral("transactions")]);
    QCOMPARE(summary2[QStringLiteral("totals")], summary[QStringLiteral("totals")]);
}

void TestCli::subjectsProfilesAndScreening()
{
    // The demo case built by demoBuildsCase: resolution and screening ran after its imports.
    const QString casePath = path(QStringLiteral("demo/demo.ftcase"));
    QVERIFY(QFile::exists(casePath));

    const Run subjects = cli({ QStringLiteral("subjects"), casePath, QStringLiteral("--limit"), QStringLiteral("5"),
                               QStringLiteral("--json") });
    QCOMPARE(subjects.exitCode, 0);
    const QJsonArray top = QJsonDocument::fromJson(subjects.out.toUtf8()).array();
    QCOMPARE(top.size(), 5);
    QVERIFY(!top.first().toObject().value(u"flows").toArray().isEmpty());

    // A Latin spelling finds the listed collector whose records are in Cyrillic.
    const Run found = cli({ QStringLiteral("subjects"), casePath, QStringLiteral("--search"), QStringLiteral("Akhmedov Timur"),
                            QStringLiteral("--json") });
    QCOMPARE(found.exitCode, 0);
    const QJsonArray matches = QJsonDocument::fromJson(found.out.toUtf8()).array();
    QVERIFY(!matches.isEmpty());
    QVERIFY2(matches.first().toObject().value(u"name").toString().contains(QStringLiteral("Ахмедов")), qPrintable(found.out));
    const qint64 subjectId = matches.first().toObject().value(u"id").toInteger();

    const Run profile = cli({ QStringLiteral("subject"), casePath, QString::number(subjectId), QStringLiteral("--json") });
    QCOMPARE(profile.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(profile.out.toUtf8()).object();
    for (const char *key : { "names", "accounts", "totals", "monthly", "top_counterparties_by_amount", "screening_hits" })
        QVERIFY2(!json.value(QLatin1String(key)).toArray().isEmpty(), key);

    const Run screen = cli({ QStringLiteral("screen"), casePath, QStringLiteral("--json") });
    QCOMPARE(screen.exitCode, 0);
    const QJsonArray hits = QJsonDocument::fromJson(screen.out.toUtf8()).object().value(u"hits").toArray();
    QVERIFY(!hits.isEmpty());
    const QJsonObject hit = hits.first().toObject();
    QVERIFY(!hit.value(u"matched_name").toString().isEmpty());
    QVERIFY(!hit.value(u"list").toString().isEmpty());

    // A decision survives a rerun.
    const QString hitId = QString::number(hit.value(u"id").toInteger());
    QCOMPARE(cli({ QStringLiteral("hit"), casePath, hitId, QStringLiteral("--dismiss") }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("hit"), casePath, hitId, QStringLiteral("--dismiss"), QStringLiteral("--reason"),
                   QStringLiteral("different date of birth on the passport copy") }).exitCode,
             0);
    const Run rerun = cli({ QStringLiteral("screen"), casePath, QStringLiteral("--json") });
    QCOMPARE(rerun.exitCode, 0);
    bool keptDismissed = false;
    for (const QJsonValue &value : QJsonDocument::fromJson(rerun.out.toUtf8()).object().value(u"hits").toArray())
        keptDismissed = keptDismissed || (value.toObject().value(u"id") == hit.value(u"id")
                                          && value.toObject().value(u"state").toString() == u"dismissed");
    QVERIFY(keptDismissed);

    // A typed name is screened without being stored.
    const Run typed = cli({ QStringLiteral("screen"), casePath, QStringLiteral("--name"), QStringLiteral("Ахмедов Тимур"),
                            QStringLiteral("--json") });
    QCOMPARE(typed.exitCode, 0);
    QVERIFY(!QJsonDocument::fromJson(typed.out.toUtf8()).array().isEmpty());

    // Candidates can be confirmed and the merge undone.
    const Run candidates = cli({ QStringLiteral("candidates"), casePath, QStringLiteral("--json") });
    QCOMPARE(candidates.exitCode, 0);
    const QJsonArray pairs = QJsonDocument::fromJson(candidates.out.toUtf8()).array();
    QVERIFY(!pairs.isEmpty());
    QCOMPARE(cli({ QStringLiteral("confirm"), casePath, QString::number(pairs.first().toObject().value(u"id").toInteger()) }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("undo"), casePath }).exitCode, 0);

    // Plain-language errors with the documented exit codes.
    QCOMPARE(cli({ QStringLiteral("subject"), casePath, QStringLiteral("999999") }).exitCode, 2);
    const Run noList = cli({ QStringLiteral("screen"), path(QStringLiteral("cli.ftcase")) });
    QCOMPARE(noList.exitCode, 2);
    QVERIFY(noList.err.contains(QStringLiteral("no sanctions")));
}

void TestCli::detectTriageNotesAndTrace()
{
    const QString casePath = path(QStringLiteral("demo/demo.ftcase"));
    const Run detect = cli({ QStringLiteral("detect"), casePath, QStringLiteral("--json") });
    QCOMPARE(detect.exitCode, 0);
    const QJsonObject run = QJsonDocument::fromJson(detect.out.toUtf8()).object();
    QCOMPARE(run.value(u"rules").toArray().size(), 13);
    const QJsonArray alerts = run.value(u"alerts").toArray();
    QVERIFY(!alerts.isEmpty());
    const QJsonObject first = alerts.first().toObject();
    QVERIFY(!first.value(u"explanation").toString().isEmpty());
    const QJsonObject evidence = first.value(u"evidence").toArray().first().toObject();
    QVERIFY(!evidence.value(u"source_file").toString().isEmpty());
    QVERIFY(evidence.value(u"source_row").toInteger() > 0);

    // Rerunning keeps identities: nothing new.
    const Run again = cli({ QStringLiteral("detect"), casePath, QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(again.out.toUtf8()).object().value(u"alerts_new").toInt(), 0);

    const QString id = QString::number(first.value(u"id").toInteger());
    QCOMPARE(cli({ QStringLiteral("triage"), casePath, id, QStringLiteral("--state"), QStringLiteral("dismissed") }).exitCode, 2);
    QCOMPARE(cli({ QStringLiteral("triage"), casePath, id, QStringLiteral("--state"), QStringLiteral("dismissed"),
                   QStringLiteral("--reason"), QStringLiteral("payroll") }).exitCode,
             0);
    const Run dismissed = cli({ QStringLiteral("alerts"), casePath, QStringLiteral("--state"), QStringLiteral("dismissed"),
                                QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(dismissed.out.toUtf8()).array().size(), 1);
    QCOMPARE(cli({ QStringLiteral("triage"), casePath, QStringLiteral("--undo") }).exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(cli({ QStringLiteral("alerts"), casePath, QStringLiteral("--state"), QStringLiteral("dismissed"),
                                           QStringLiteral("--json") }).out.toUtf8()).array().size(),
             0);

    QCOMPARE(cli({ QStringLiteral("annotate"), casePath, QStringLiteral("alert"), id, QStringLiteral("--text"),
                   QStringLiteral("Request the fund's donor register"), QStringLiteral("--severity"), QStringLiteral("high") }).exitCode,
             0);
    const Run notes = cli({ QStringLiteral("notes"), casePath, QStringLiteral("--search"), QStringLiteral("donor regist"),
                            QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(notes.out.toUtf8()).array().size(), 1);

    // Follow the fund's money: subject search finds it, trace follows it.
    const Run fund = cli({ QStringLiteral("subjects"), casePath, QStringLiteral("--search"), QStringLiteral("Meyirim Zholy"),
                           QStringLiteral("--json") });
    const QString fundId = QString::number(QJsonDocument::fromJson(fund.out.toUtf8()).array().first().toObject().value(u"id").toInteger());
    for (const char *method : { "fifo", "lifo", "prorata", "libr" }) {
        const Run trace = cli({ QStringLiteral("trace"), casePath, QStringLiteral("--from"), fundId, QStringLiteral("--method"),
                                QLatin1String(method), QStringLiteral("--json") });
        QCOMPARE(trace.exitCode, 0);
        const QJsonObject result = QJsonDocument::fromJson(trace.out.toUtf8()).object();
        QVERIFY(result.value(u"traced_minor").toInteger() > 0);
        QVERIFY(!result.value(u"paths").toArray().isEmpty());
    }
    QCOMPARE(cli({ QStringLiteral("trace"), casePath, QStringLiteral("--from"), fundId, QStringLiteral("--method"),
                   QStringLiteral("average") }).exitCode,
             1);
    QCOMPARE(cli({ QStringLiteral("trace"), casePath, QStringLiteral("--from"), QStringLiteral("KZ00NOSUCH") }).exitCode, 2);
}

void TestCli::graphAndViews()
{
    // The demo case after detectTriageNotesAndTrace ran detection on it.
    const QString casePath = path(QStringLiteral("demo/demo.ftcase"));
    const Run whole = cli({ QStringLiteral("graph"), casePath, QStringLiteral("--json") });
    QCOMPARE(whole.exitCode, 0);
    const QJsonObject wholeGraph = QJsonDocument::fromJson(whole.out.toUtf8()).object().value(u"graph").toObject();
    QCOMPARE(wholeGraph.value(u"main_currency").toString(), QStringLiteral("KZT"));
    QVERIFY(wholeGraph.value(u"nodes").toArray().size() > 10);
    QVERIFY(!wholeGraph.value(u"edges").toArray().isEmpty());

    const Run fund = cli({ QStringLiteral("subjects"), casePath, QStringLiteral("--search"), QStringLiteral("Meyirim Zholy"),
                           QStringLiteral("--json") });
    const qint64 fundId = QJsonDocument::fromJson(fund.out.toUtf8()).array().first().toObject().value(u"id").toInteger();
    const QString fundText = QString::number(fundId);
    const Run around = cli({ QStringLiteral("graph"), casePath, QStringLiteral("--subject"), fundText, QStringLiteral("--hops"),
                             QStringLiteral("1"), QStringLiteral("--direction"), QStringLiteral("out"), QStringLiteral("--analytics"),
                             QStringLiteral("--json") });
    QCOMPARE(around.exitCode, 0);
    const QJsonObject result = QJsonDocument::fromJson(around.out.toUtf8()).object();
    const QJsonObject graph = result.value(u"graph").toObject();
    const QJsonArray nodes = graph.value(u"nodes").toArray();
    QVERIFY(nodes.size() > 1);
    QCOMPARE(nodes.first().toObject().value(u"seed").toBool(), true);
    const qint64 root = nodes.first().toObject().value(u"id").toInteger();
    QCOMPARE(result.value(u"metrics").toObject().value(u"nodes").toArray().size(), nodes.size());

    // The strongest trail from the fund to a subject it paid.
    qint64 paid = 0;
    for (const QJsonValue &edge : graph.value(u"edges").toArray()) {
        const qint64 to = edge.toObject().value(u"to").toInteger();
        if (edge.toObject().value(u"from").toInteger() == root && to < (qint64(1) << 48))
            paid = to;
    }
    QVERIFY(paid != 0);
    const Run strongest = cli({ QStringLiteral("graph"), casePath, QStringLiteral("--subject"), fundText, QStringLiteral("--path"),
                                fundText, QString::number(paid), QStringLiteral("--json") });
    QCOMPARE(strongest.exitCode, 0);
    const QJsonObject trail = QJsonDocument::fromJson(strongest.out.toUtf8()).object().value(u"path").toObject();
    QCOMPARE(trail.value(u"found").toBool(), true);
    QCOMPARE(trail.value(u"nodes").toArray().first().toObject().value(u"id").toInteger(), root);
    QCOMPARE(trail.value(u"nodes").toArray().last().toObject().value(u"id").toInteger(), paid);

    const Run text = cli({ QStringLiteral("graph"), casePath, QStringLiteral("--subject"), fundText, QStringLiteral("--analytics") });
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("Link chart:")));
    QVERIFY(text.out.contains(QStringLiteral("modularity")));

    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--nodes"), QStringLiteral("planets") }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--path"), fundText }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--min-amount"), QStringLiteral("lots") }).exitCode, 1);
    const Run unknown = cli({ QStringLiteral("graph"), casePath, QStringLiteral("--subject"), QStringLiteral("99999999") });
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(QStringLiteral("no subject 99999999")));

    // Views saved (as the GUI does) are listed and deleted.
    QCOMPARE(cli({ QStringLiteral("views"), casePath }).out, QStringLiteral("No saved views.\n"));
    {
        fundtrace::db::CaseFile caseFile = fundtrace::db::CaseFile::open(casePath);
        fundtrace::graph::GraphView view;
        view.name = QStringLiteral("Fund payouts");
        view.seeds.subjects = { fundId };
        view.positions.insert(root, QPointF(10, 20));
        fundtrace::graph::GraphViewStore(caseFile.db()).save(view);
    }
    const Run views = cli({ QStringLiteral("views"), casePath, QStringLiteral("--json") });
    QCOMPARE(views.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(views.out.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"name").toString(), QStringLiteral("Fund payouts"));

    // Drawn headless: a saved view keeps its positions; a new chart is laid out; bad suffixes are refused.
    const QString drawing = path(QStringLiteral("fund-payouts.svg"));
    const Run drawn = cli({ QStringLiteral("graph"), casePath, QStringLiteral("--view"), QStringLiteral("Fund payouts"),
                            QStringLiteral("--export"), drawing });
    QCOMPARE(drawn.exitCode, 0);
    QFile svg(drawing);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("Fund payouts"));
    const QString pdf = path(QStringLiteral("fund.pdf"));
    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--subject"), fundText, QStringLiteral("--layout"),
                   QStringLiteral("layered"), QStringLiteral("--export"), pdf }).exitCode, 0);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(4) == "%PDF");
    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--export"), path(QStringLiteral("x.doc")) }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--layout"), QStringLiteral("spiral") }).exitCode, 1);
    QCOMPARE(cli({ QStringLiteral("graph"), casePath, QStringLiteral("--view"), QStringLiteral("nothing") }).exitCode, 2);

    // Charts as figures: the fund's weekly money in and out, and its amounts against the threshold.
    const Run timeline = cli({ QStringLiteral("chart"), casePath, QStringLiteral("timeline"), QStringLiteral("--subject"), fundText,
                               QStringLiteral("--json") });
    QCOMPARE(timeline.exitCode, 0);
    QVERIFY(!QJsonDocument::fromJson(timeline.out.toUtf8()).object().value(u"buckets").toArray().isEmpty());
    const Run histogram = cli({ QStringLiteral("chart"), casePath, QStringLiteral("histogram"), QStringLiteral("--subject"), fundText });
    QCOMPARE(histogram.exitCode, 0);
    QVERIFY(!histogram.out.isEmpty());
    QCOMPARE(cli({ QStringLiteral("chart"), casePath, QStringLiteral("pie") }).exitCode, 1);

    QCOMPARE(cli({ QStringLiteral("views"), casePath, QStringLiteral("--delete"), QStringLiteral("Fund payouts") }).exitCode, 0);
    QCOMPARE(cli({ QStringLiteral("views"), casePath, QStringLiteral("--delete"), QStringLiteral("Fund payouts") }).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
