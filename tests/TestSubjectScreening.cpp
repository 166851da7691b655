#include "db/CaseFile.h"
#include "entities/SubjectResolver.h"
#include "import/FileImporter.h"
#include "screening/SubjectScreening.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace fundtrace;

// Screening against a real-shaped UN consolidated list fixture (tests/data/sanctions): stored
// hits, decisions that survive reruns, thresholds, dates of birth and typed names.
class TestSubjectScreening : public QObject {
    Q_OBJECT

private slots:
    void init();
    void findsListedPersonWrittenDifferently();
    void decisionSurvivesRerun();
    void higherThresholdDropsUndecidedHits();
    void birthDateDisagreementDemotes();
    void typedNameIsNotStored();
    void unknownListAndNoListAreClearErrors();

private:
    std::int64_t addPerson(const QString &name, const QString &birthDate = {});
    db::Database &db() { return m_case->db(); }

    QTemporaryDir m_dir;
    std::unique_ptr<db::CaseFile> m_case;
    QString m_listName;
};

void TestSubjectScreening::init()
{
    static int counter = 0;
    QVERIFY(m_dir.isValid());
    m_case = std::make_unique<db::CaseFile>(
            db::CaseFile::create(m_dir.filePath(QStringLiteral("s%1.ftcase").arg(++counter)), QStringLiteral("Screening")));
    const import::ImportResult result = import::FileImporter(*m_case, {}).importFile(
            QStringLiteral(FUNDTRACE_TEST_DATA "/sanctions/un-consolidated.xml"));
    QCOMPARE(int(result.status), int(import::ImportResult::Status::Imported));
    db::Statement list = db().prepare("SELECT name FROM sanction_lists WHERE is_current = 1");
    QVERIFY(list.step());
    m_listName = list.qtext(0);
}

std::int64_t TestSubjectScreening::addPerson(const QString &name, const QString &birthDate)
{
    db::Statement subject = db().prepare(
            "INSERT INTO subjects(kind, display_name, created_at, origin) VALUES ('person', ?1, '2024-01-01T00:00:00Z', 'manual')");
    subject.bind(1, name).run();
    const std::int64_t id = db().lastInsertRowId();
    db::Statement attribute = db().prepare("INSERT INTO subject_attributes(subject_id, kind, value) VALUES (?1, ?2, ?3)");
    attribute.bind(1, id).bind(2, "name").bind(3, name).run();
    if (!birthDate.isEmpty())
        attribute.bind(1, id).bind(2, "birth_date").bind(3, birthDate).run();
    return id;
}

void TestSubjectScreening::findsListedPersonWrittenDifferently()
{
    // QDi.901 KARIM SALIM AL-FICTIONI, born 1971-03-14: reordered, no particle hyphen, in Cyrillic.
    const std::int64_t reordered = addPerson(QStringLiteral("Al Fictioni Karim Salim"), QStringLiteral("1971-03-14"));
    const std::int64_t cyrillic = addPerson(QStringLiteral("Карим Салим Аль-Фиктиони"));
    const std::int64_t innocent = addPerson(QStringLiteral("Нурланов Айдос Серикович"));
    screening::SubjectScreening screening(*m_case);
    const screening::ScreeningReport report = screening.run();
    QVERIFY(report.entries >= 3);
    QCOMPARE(report.threshold, screening::SubjectScreening::kDefaultThreshold);
    const QVector<screening::HitRow> hits = screening.hits();
    const auto hitFor = [&](std::int64_t subject) {
        return std::find_if(hits.begin(), hits.end(), [&](const screening::HitRow &hit) { return hit.subjectId == subject; });
    };
    QVERIFY(hitFor(reordered) != hits.end());
    QCOMPARE(hitFor(reordered)->reference, QStringLiteral("QDi.901"));
    QVERIFY2(hitFor(reordered)->explanation.contains(QStringLiteral("1971")), qPrintable(hitFor(reordered)->explanation));
    QVERIFY(hitFor(cyrillic) != hits.end());
    QCOMPARE(hitFor(cyrillic)->reference, QStringLiteral("QDi.901"));
    QVERIFY(hitFor(innocent) == hits.end());
    QCOMPARE(hitFor(reordered)->state, QStringLiteral("new"));
    QCOMPARE(db().scalarInt("SELECT count(*) FROM audit_log WHERE action = 'screening.run'"), 1);
}

void TestSubjectScreening::decisionSurvivesRerun()
{
    addPerson(QStringLiteral("Karim Salim Al-Fictioni"));
    screening::SubjectScreening screening(*m_case);
    screening.run();
    const QVector<screening::HitRow> hits = screening.hits();
    QVERIFY(!hits.isEmpty());
    QVERIFY_THROWS_EXCEPTION(screening::ScreeningError, screening.decide(hits.front().id, QStringLiteral("dismissed"), {}));
    screening.decide(hits.front().id, QStringLiteral("dismissed"), QStringLiteral("another man: born 1990, per ID card"));
    screening.run();
    const QVector<screening::HitRow> after = screening.hits();
    QCOMPARE(after.front().id, hits.front().id);
    QCOMPARE(after.front().state, QStringLiteral("dismissed"));
    QCOMPARE(after.front().reason, QStringLiteral("another man: born 1990, per ID card"));
    QCOMPARE(db().scalarInt("SELECT count(*) FROM audit_log WHERE action = 'screening.decide'"), 1);
}

void TestSubjectScreening::higherThresholdDropsUndecidedHits()
{
    addPerson(QStringLiteral("Karim Al-Fictioni"));
    screening::SubjectScreening screening(*m_case);
    screening.run({ {}, 60 });
    const qsizetype atSixty = screening.hits().size();
    QVERIFY(atSixty > 0);
    screening.run({ {}, 100 });
    QVERIFY(screening.hits().size() < atSixty);
}

void TestSubjectScreening::birthDateDisagreementDemotes()
{
    const std::int64_t same = addPerson(QStringLiteral("Karim Salim Al-Fictioni"), QStringLiteral("1971-03-14"));
    const std::int64_t other = addPerson(QStringLiteral("Karim Salim Al-Fictioni"), QStringLiteral("1995-06-01"));
    screening::SubjectScreening screening(*m_case);
    screening.run({ {}, 0 });
    int sameScore = -1, otherScore = -1;
    for (const screening::HitRow &hit : screening.hits()) {
        if (hit.reference != u"QDi.901")
            continue;
        if (hit.subjectId == same)
            sameScore = hit.score;
        if (hit.subjectId == other)
            otherScore = hit.score;
    }
    QVERIFY(sameScore > 0);
    QVERIFY2(otherScore < sameScore, qPrintable(QStringLiteral("%1 vs %2").arg(otherScore).arg(sameScore)));
}

void TestSubjectScreening::typedNameIsNotStored()
{
    screening::SubjectScreening screening(*m_case);
    const QVector<screening::HitRow> hits =
            screening.screenName(QStringLiteral("HELPING HANDS STEPPE"), {}, {}, { {}, 70 });
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.front().reference, QStringLiteral("QDe.950"));
    QCOMPARE(db().scalarInt("SELECT count(*) FROM screening_hits"), 0);
    QVERIFY_THROWS_EXCEPTION(screening::ScreeningError, screening.screenName(QStringLiteral("  "), {}, {}));
}

void TestSubjectScreening::unknownListAndNoListAreClearErrors()
{
    screening::SubjectScreening screening(*m_case);
    try {
        screening.run({ QStringLiteral("No Such List"), -1 });
        QFAIL("expected a ScreeningError");
    } catch (const screening::ScreeningError &error) {
        QVERIFY(QString::fromUtf8(error.what()).contains(m_listName));
    }
    db::CaseFile empty = db::CaseFile::create(m_dir.filePath(QStringLiteral("empty.ftcase")), QStringLiteral("Empty"));
    QVERIFY_THROWS_EXCEPTION(screening::ScreeningError, screening::SubjectScreening(empty).run());
}

QTEST_GUILESS_MAIN(TestSubjectScreening)
#include "TestSubjectScreening.moc"
