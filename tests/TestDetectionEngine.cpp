#include "annotations/AnnotationStore.h"
#include "db/CaseFile.h"
#include "detect/AlertQuery.h"
#include "detect/AlertTriage.h"
#include "detect/DetectionContext.h"
#include "detect/DetectionRun.h"
#include "detect/RuleSet.h"
#include "detect/SubjectRisk.h"
#include "detect/rules/StructuringRule.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace fundtrace;
using detect::Channel;
using detect::DetectionContext;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kStart = 1709294400; // 2024-03-01 12:00 UTC

std::vector<detect::AlertDraft> runStructuring(const DetectionContext &context, const QJsonObject &settings = {})
{
    detect::StructuringRule rule;
    rule.configure(detect::RuleSettings(QStringLiteral("structuring"), settings));
    detect::AlertSink sink;
    rule.run(context, sink);
    return sink.take();
}

// Writes source, accounts and cash deposits straight into a case, as an import would.
class CaseWriter {
public:
    explicit CaseWriter(db::Database &db)
        : m_db(db)
    {
        m_db.exec("INSERT INTO sources(id, file_name, file_path, sha256, size_bytes, format, imported_at, imported_by) "
                  "VALUES (1, 'kaspi.csv', '/cases/kaspi.csv', 'x', 1, 'csv', '2024-04-01T00:00:00Z', 'test')");
        m_db.exec("INSERT INTO subjects(id, kind, display_name, created_at) VALUES (1, 'person', 'Асанов Ерлан', 'now')");
        m_db.exec("INSERT INTO accounts(id, identifier, normalized, subject_id) VALUES (1, 'KZ11 AAA', 'KZ11AAA', 1)");
    }
    void deposit(std::int64_t minor, std::int64_t at, const QString &externalId)
    {
        db::Statement insert = m_db.prepare(
                "INSERT INTO transactions(source_id, source_row, external_id, account_id, direction, amount_minor, currency, "
                "booked_at, booked_text, channel) VALUES (1, ?1, ?2, 1, 'C', ?3, 'KZT', ?4, 'd', 'cash')");
        insert.bind(1, ++m_row).bind(2, externalId).bind(3, minor).bind(4, at).run();
    }

private:
    db::Database &m_db;
    int m_row = 1;
};

} // namespace

class TestDetectionEngine : public QObject {
    Q_OBJECT

private slots:
    void contextIndexesAndFlows();
    void structuringBoundaries_data();
    void structuringBoundaries();
    void rulesFileErrorsNameTheSetting_data();
    void rulesFileErrorsNameTheSetting();
    void defaultRulesLoad();
    void rerunKeepsIdentityTriageAndNotes();
    void alertNoLongerFoundIsClosedNotDeleted();
    void triageNeedsReasonAndUndoes();
    void annotationsAreSearchable();
    void subjectRiskSumsUpFindings();
};

void TestDetectionEngine::contextIndexesAndFlows()
{
    DetectionContext::Builder builder;
    const auto fund = builder.addSubject(QStringLiteral("ОФ Мейірім"), QStringLiteral("npo"));
    const auto a = builder.addAccount(QStringLiteral("KZ-A"), fund);
    const auto b = builder.addAccount(QStringLiteral("KZ-B"));
    const auto c = builder.addAccount(QStringLiteral("KZ-C"));
    // A pays B (seen on A's statement and again on B's); B pays C (only B's statement).
    builder.add({ .account = a, .credit = false, .amountMinor = 100, .bookedAt = kStart + 10, .counterparty = b });
    builder.add({ .account = b, .credit = true, .amountMinor = 100, .bookedAt = kStart + 10, .counterparty = a });
    builder.add({ .account = b, .credit = false, .amountMinor = 90, .bookedAt = kStart + 20, .counterparty = c });
    builder.add({ .account = c, .credit = true, .amountMinor = 5, .bookedAt = kStart, .channel = Channel::Cash });
    const DetectionContext context = builder.build();

    QCOMPARE(context.transactions().front().bookedAt, kStart); // sorted by time
    QCOMPARE(context.rowsOf(b).size(), std::size_t(2));
    QCOMPARE(context.rowsAgainst(a).size(), std::size_t(1));
    QVERIFY(context.accounts()[std::size_t(a)].hasStatement);
    // Each transfer once: A->B from A's statement, B->C from B's, C's cash deposit is no flow.
    QCOMPARE(context.flows().size(), std::size_t(2));
    QCOMPARE(context.flowsOut(a).size(), std::size_t(1));
    QCOMPARE(context.flowsIn(c).size(), std::size_t(1));
    QCOMPARE(context.subjects()[std::size_t(fund)].accounts, std::vector<std::int32_t> { a });
    QCOMPARE(context.currencyIndex(QStringLiteral("KZT")), 0);
    QCOMPARE(context.currencyIndex(QStringLiteral("USD")), -1);
}

void TestDetectionEngine::structuringBoundaries_data()
{
    QTest::addColumn<QVector<qint64>>("amountsKzt");
    QTest::addColumn<QVector<qint64>>("hoursAfterFirst");
    QTest::addColumn<int>("alerts");
    // Defaults: threshold 7 000 000 KZT, "just under" from 80% (5 600 000), 3 within 168 h.
    QTest::newRow("three just under in a week") << QVector<qint64> { 6'900'000, 6'500'000, 6'000'000 } << QVector<qint64> { 0, 24, 48 } << 1;
    QTest::newRow("only two") << QVector<qint64> { 6'900'000, 6'500'000 } << QVector<qint64> { 0, 24 } << 0;
    QTest::newRow("one at the threshold") << QVector<qint64> { 7'000'000, 6'500'000, 6'000'000 } << QVector<qint64> { 0, 24, 48 } << 0;
    QTest::newRow("one below the floor") << QVector<qint64> { 6'900'000, 6'500'000, 5'599'999 } << QVector<qint64> { 0, 24, 48 } << 0;
    QTest::newRow("at the floor") << QVector<qint64> { 6'900'000, 6'500'000, 5'600'000 } << QVector<qint64> { 0, 24, 48 } << 1;
    QTest::newRow("third on the window edge") << QVector<qint64> { 6'900'000, 6'500'000, 6'000'000 } << QVector<qint64> { 0, 24, 168 } << 1;
    QTest::newRow("third just outside") << QVector<qint64> { 6'900'000, 6'500'000, 6'000'000 } << QVector<qint64> { 0, 24, 169 } << 0;
    QTest::newRow("six make two episodes") << QVector<qint64> { 6'900'000, 6'900'000, 6'900'000, 6'900'000, 6'900'000, 6'900'000 }
                                           << QVector<qint64> { 0, 1, 2, 400, 401, 402 } << 2;
}

void TestDetectionEngine::structuringBoundaries()
{
    QFETCH(QVector<qint64>, amountsKzt);
    QFETCH(QVector<qint64>, hoursAfterFirst);
    QFETCH(int, alerts);
    DetectionContext::Builder builder;
    const auto person = builder.addSubject(QStringLiteral("Асанов Ерлан"));
    const auto account = builder.addAccount(QStringLiteral("KZ-A"), person);
    for (qsizetype i = 0; i < amountsKzt.size(); ++i)
        builder.add({ .account = account, .credit = true, .amountMinor = amountsKzt[i] * 100,
                      .bookedAt = kStart + hoursAfterFirst[i] * 3600, .channel = Channel::Cash });
    // Transfers of the same size do not count by default (cash only).
    builder.add({ .account = account, .credit = true, .amountMinor = 690'000'000, .bookedAt = kStart + 3600 });
    const DetectionContext context = builder.build();
    const std::vector<detect::AlertDraft> drafts = runStructuring(context);
    QCOMPARE(int(drafts.size()), alerts);
    if (alerts > 0) {
        QVERIFY(drafts.front().explanation.contains(QStringLiteral("7 000 000,00 KZT")));
        QCOMPARE(drafts.front().subjects, std::vector<std::int32_t> { person });
        QVERIFY(drafts.front().score > 0 && drafts.front().score <= 100);
        // Deterministic.
        QCOMPARE(runStructuring(context).front().key, drafts.front().key);
    }
}

void TestDetectionEngine::rulesFileErrorsNameTheSetting_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown rule") << QByteArray(R"({"rules": {"smurfs": {}}})") << QStringLiteral("smurfs");
    QTest::newRow("unknown setting") << QByteArray(R"({"rules": {"structuring": {"treshold": 5}}})") << QStringLiteral("treshold");
    QTest::newRow("bad value") << QByteArray(R"({"rules": {"structuring": {"min_count": "three"}}})") << QStringLiteral("min_count");
    QTest::newRow("out of range") << QByteArray(R"({"rules": {"structuring": {"just_under_fraction": 2}}})")
                                  << QStringLiteral("just_under_fraction");
    QTest::newRow("not json") << QByteArray("{rules") << QStringLiteral("JSON");
}

void TestDetectionEngine::rulesFileErrorsNameTheSetting()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    try {
        detect::RuleSet::fromFile(path);
        QFAIL("expected a RuleConfigError");
    } catch (const detect::RuleConfigError &error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(mentions) && message.contains(path), qPrintable(message));
    }
}

void TestDetectionEngine::defaultRulesLoad()
{
    const detect::RuleSet rules = detect::RuleSet::fromDefault();
    QVERIFY(!rules.rules().empty());
    QCOMPARE(rules.rules().front()->id(), QStringLiteral("structuring"));
    const detect::RuleSet none = detect::RuleSet::fromJson(
            QJsonObject { { QStringLiteral("rules"), QJsonObject { { QStringLiteral("structuring"),
                                                                      QJsonObject { { QStringLiteral("enabled"), false } } } } } });
    for (const auto &rule : none.rules())
        QVERIFY(rule->id() != u"structuring");
}

void TestDetectionEngine::rerunKeepsIdentityTriageAndNotes()
{
    QTemporaryDir dir;
    db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("d.ftcase")), QStringLiteral("Detection"));
    CaseWriter writer(caseFile.db());
    writer.deposit(690'000'000, kStart, QStringLiteral("K-1"));
    writer.deposit(650'000'000, kStart + kDay, QStringLiteral("K-2"));
    writer.deposit(600'000'000, kStart + 2 * kDay, QStringLiteral("K-3"));
    const detect::RuleSet rules = detect::RuleSet::fromDefault();

    const detect::DetectionReport first = detect::DetectionRun(caseFile, rules).run();
    QCOMPARE(first.created, 1);
    const QVector<detect::AlertRow> alerts = detect::AlertQuery(caseFile.db()).list({});
    QCOMPARE(alerts.size(), 1);
    const std::int64_t alertId = alerts.front().id;
    const auto detail = detect::AlertQuery(caseFile.db()).detail(alertId);
    QCOMPARE(detail->evidence.size(), 3);
    QCOMPARE(detail->evidence.front().sourceFile, QStringLiteral("kaspi.csv"));
    QCOMPARE(detail->evidence.front().sourceRow, 2);
    QCOMPARE(detail->evidence.front().externalId, QStringLiteral("K-1"));
    QCOMPARE(detail->subjects.front().name, QStringLiteral("Асанов Ерлан"));

    detect::AlertTriage(caseFile.db()).setState({ alertId }, QStringLiteral("in_review"));
    annotations::AnnotationStore(caseFile.db()).add({ 0, QStringLiteral("alert"), alertId, QStringLiteral("Ask the bank for CCTV"),
                                                      {}, QStringLiteral("high"), {}, {}, {}, {} });

    // A fourth deposit in the same week: the same alert grows; triage and notes stay.
    writer.deposit(620'000'000, kStart + 3 * kDay, QStringLiteral("K-4"));
    const detect::DetectionReport second = detect::DetectionRun(caseFile, rules).run();
    QCOMPARE(second.created, 0);
    QCOMPARE(second.updated, 1);
    const auto after = detect::AlertQuery(caseFile.db()).detail(alertId);
    QVERIFY(after);
    QCOMPARE(after->evidence.size(), 4);
    QCOMPARE(after->row.state, QStringLiteral("in_review"));
    QCOMPARE(after->notes.size(), 1);
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM alerts"), 1);
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM detection_runs"), 2);
    QVERIFY(after->toJson().value(u"evidence").toArray().first().toObject().value(u"source_file").toString() == u"kaspi.csv");
}

void TestDetectionEngine::alertNoLongerFoundIsClosedNotDeleted()
{
    QTemporaryDir dir;
    db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("c.ftcase")), QStringLiteral("Closing"));
    CaseWriter writer(caseFile.db());
    writer.deposit(690'000'000, kStart, QStringLiteral("K-1"));
    writer.deposit(650'000'000, kStart + kDay, QStringLiteral("K-2"));
    writer.deposit(600'000'000, kStart + 2 * kDay, QStringLiteral("K-3"));
    detect::DetectionRun(caseFile, detect::RuleSet::fromDefault()).run();
    // A stricter rules file no longer finds it.
    const detect::RuleSet strict = detect::RuleSet::fromJson(QJsonObject {
            { QStringLiteral("rules"), QJsonObject { { QStringLiteral("structuring"), QJsonObject { { QStringLiteral("min_count"), 4 } } } } } });
    const detect::DetectionReport report = detect::DetectionRun(caseFile, strict).run();
    QCOMPARE(report.closed, 1);
    QCOMPARE(detect::AlertQuery(caseFile.db()).list({}).size(), 0);
    detect::AlertFilter all;
    all.includeInactive = true;
    QCOMPARE(detect::AlertQuery(caseFile.db()).list(all).size(), 1);
}

void TestDetectionEngine::triageNeedsReasonAndUndoes()
{
    QTemporaryDir dir;
    db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("t.ftcase")), QStringLiteral("Triage"));
    CaseWriter writer(caseFile.db());
    for (int week = 0; week < 2; ++week) {
        for (int i = 0; i < 3; ++i)
            writer.deposit(690'000'000, kStart + week * 20 * kDay + i * kDay, QStringLiteral("W%1-%2").arg(week).arg(i));
    }
    detect::DetectionRun(caseFile, detect::RuleSet::fromDefault()).run();
    const QVector<detect::AlertRow> alerts = detect::AlertQuery(caseFile.db()).list({});
    QCOMPARE(alerts.size(), 2);
    detect::AlertTriage triage(caseFile.db());
    QVERIFY_THROWS_EXCEPTION(detect::TriageError, triage.setState({ alerts[0].id, alerts[1].id }, QStringLiteral("dismissed")));
    QVERIFY_THROWS_EXCEPTION(detect::TriageError, triage.setState({ alerts[0].id }, QStringLiteral("closed")));
    const std::int64_t batch = triage.setState({ alerts[0].id, alerts[1].id }, QStringLiteral("dismissed"),
                                               QStringLiteral("salary of a cash-heavy shop owner"));
    detect::AlertFilter dismissed;
    dismissed.states = { QStringLiteral("dismissed") };
    QCOMPARE(detect::AlertQuery(caseFile.db()).list(dismissed).size(), 2);
    const std::int64_t later = triage.setState({ alerts[0].id }, QStringLiteral("confirmed"));
    // Several states, a rule, and a rule that made no alert.
    detect::AlertFilter either;
    either.states = { QStringLiteral("confirmed"), QStringLiteral("dismissed") };
    either.rules = { alerts[0].rule };
    QCOMPARE(detect::AlertQuery(caseFile.db()).list(either).size(), 2);
    either.states = { QStringLiteral("confirmed") };
    QCOMPARE(detect::AlertQuery(caseFile.db()).list(either).size(), 1);
    either.rules = { QStringLiteral("no_such_rule") };
    QCOMPARE(detect::AlertQuery(caseFile.db()).list(either).size(), 0);
    QVERIFY_THROWS_EXCEPTION(detect::TriageError, triage.undo(batch));
    triage.undo(later);
    triage.undo(batch);
    QCOMPARE(detect::AlertQuery(caseFile.db()).list(dismissed).size(), 0);
    QCOMPARE(detect::AlertQuery(caseFile.db()).detail(alerts[0].id)->row.state, QStringLiteral("new"));
    QVERIFY(caseFile.db().scalarInt("SELECT count(*) FROM audit_log WHERE action LIKE 'alert.state%'") >= 5);
    QCOMPARE(triage.undoLast(), 0);
}

void TestDetectionEngine::annotationsAreSearchable()
{
    QTemporaryDir dir;
    db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("n.ftcase")), QStringLiteral("Notes"));
    annotations::AnnotationStore store(caseFile.db());
    QVERIFY_THROWS_EXCEPTION(annotations::AnnotationError, store.add({ 0, QStringLiteral("galaxy"), 1, QStringLiteral("x"), {}, {}, {}, {}, {}, {} }));
    QVERIFY_THROWS_EXCEPTION(annotations::AnnotationError, store.add({ 0, QStringLiteral("subject"), 1, QStringLiteral(" "), {}, {}, {}, {}, {}, {} }));
    const std::int64_t id = store.add({ 0, QStringLiteral("subject"), 7, QStringLiteral("Collects for «братьев» via Kaspi"),
                                        QStringLiteral("collector,kaspi"), QStringLiteral("medium"),
                                        QStringLiteral("courier for a Syrian network"), {}, {}, {} });
    QCOMPARE(store.search(QStringLiteral("syrian")).size(), 1);   // hypothesis
    QCOMPARE(store.search(QStringLiteral("kasp")).size(), 1);     // prefix, tags and body
    QCOMPARE(store.forObject(QStringLiteral("subject"), 7).size(), 1);
    annotations::Annotation edited = store.forObject(QStringLiteral("subject"), 7).front();
    edited.body = QStringLiteral("Collects cash, hands it to a hawaladar");
    store.update(edited);
    QCOMPARE(store.search(QStringLiteral("hawaladar")).size(), 1);
    QCOMPARE(store.search(QStringLiteral("братьев")).size(), 0);
    store.remove(id);
    QCOMPARE(store.search(QStringLiteral("hawaladar")).size(), 0);
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM audit_log WHERE action LIKE 'annotation.%'"), 3);
}

void TestDetectionEngine::subjectRiskSumsUpFindings()
{
    QCOMPARE(detect::SubjectRiskQuery::combine({ 50, 50 }), 75);
    QCOMPARE(detect::SubjectRiskQuery::combine({ 100, 10 }), 100);
    QCOMPARE(detect::SubjectRiskQuery::combine({}), 0);

    QTemporaryDir dir;
    db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("r.ftcase")), QStringLiteral("Risk"));
    CaseWriter writer(caseFile.db());
    writer.deposit(690'000'000, kStart, QStringLiteral("K-1"));
    writer.deposit(650'000'000, kStart + kDay, QStringLiteral("K-2"));
    writer.deposit(600'000'000, kStart + 2 * kDay, QStringLiteral("K-3"));
    detect::DetectionRun(caseFile, detect::RuleSet::fromDefault()).run();
    const detect::AlertRow alert = detect::AlertQuery(caseFile.db()).list({}).front();
    const detect::SubjectRisk untriaged = detect::SubjectRiskQuery(caseFile.db()).forSubject(1);
    QCOMPARE(untriaged.score, int(std::lround(alert.score * 0.8)));
    QVERIFY2(untriaged.explanation.contains(QStringLiteral("Structuring")), qPrintable(untriaged.explanation));
    detect::AlertTriage(caseFile.db()).setState({ alert.id }, QStringLiteral("confirmed"));
    QCOMPARE(detect::SubjectRiskQuery(caseFile.db()).forSubject(1).score, alert.score);
    detect::AlertTriage(caseFile.db()).setState({ alert.id }, QStringLiteral("dismissed"), QStringLiteral("known trader"));
    QCOMPARE(detect::SubjectRiskQuery(caseFile.db()).forSubject(1).score, 0);
    QVERIFY(detect::SubjectRiskQuery(caseFile.db()).all().isEmpty());
}

QTEST_GUILESS_MAIN(TestDetectionEngine)
#include "TestDetectionEngine.moc"
