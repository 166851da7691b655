#include "db/CaseFile.h"
#include "demo/KzTaxNumber.h"
#include "entities/ResolutionActions.h"
#include "entities/ResolutionError.h"
#include "entities/SubjectList.h"
#include "entities/SubjectProfileQuery.h"
#include "entities/SubjectResolver.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace fundtrace;

namespace {

// Unix seconds of 2024-03-DD 12:00 UTC.
constexpr std::int64_t march(int day)
{
    return 1709294400 + static_cast<std::int64_t>(day - 1) * 86400 + 12 * 3600;
}

// Writes accounts, texts and transactions the way the importers do, so each test states its
// records in a few lines.
class CaseRecords {
public:
    explicit CaseRecords(db::Database &db)
        : m_db(db)
    {
    }
    std::int64_t source(const QString &name)
    {
        db::Statement insert = m_db.prepare(
                "INSERT INTO sources(file_name, file_path, sha256, size_bytes, format, imported_at, imported_by) "
                "VALUES (?1, ?1, ?1, 1, 'csv', '2024-04-01T00:00:00Z', 'test')");
        insert.bind(1, name).run();
        return m_db.lastInsertRowId();
    }
    std::int64_t account(const QString &identifier, const QString &holder, const QString &taxId, std::int64_t source)
    {
        db::Statement insert = m_db.prepare(
                "INSERT INTO accounts(identifier, normalized, holder_name, holder_tax_id, first_source_id) "
                "VALUES (?1, upper(replace(?1, ' ', '')), nullif(?2, ''), nullif(?3, ''), ?4)");
        insert.bind(1, identifier).bind(2, holder).bind(3, taxId).bind(4, source).run();
        return m_db.lastInsertRowId();
    }
    std::int64_t text(const QString &body)
    {
        db::Statement insert = m_db.prepare("INSERT INTO texts(hash, body) VALUES (0, ?1)");
        insert.bind(1, body).run();
        return m_db.lastInsertRowId();
    }
    // A row of `account`'s statement; counterparty by account, by name, or both.
    std::int64_t transfer(std::int64_t source, std::int64_t account, char direction, std::int64_t minor, int day,
                          std::int64_t counterpartyAccount = 0, const QString &counterpartyName = {},
                          const QString &counterpartyTaxId = {}, const QString &channel = QStringLiteral("transfer"))
    {
        db::Statement insert = m_db.prepare(
                "INSERT INTO transactions(source_id, source_row, account_id, direction, amount_minor, currency, booked_at, "
                "booked_text, channel, counterparty_account_id, counterparty_name_id, counterparty_tax_id) "
                "VALUES (?1, ?2, ?3, ?4, ?5, 'KZT', ?6, 'd', ?7, nullif(?8, 0), ?9, nullif(?10, ''))");
        insert.bind(1, source).bind(2, ++m_row).bind(3, account).bind(4, std::string(1, direction)).bind(5, minor)
                .bind(6, march(day)).bind(7, channel).bind(8, counterpartyAccount).bind(10, counterpartyTaxId);
        if (counterpartyName.isEmpty())
            insert.bindNull(9);
        else
            insert.bind(9, text(counterpartyName));
        insert.run();
        return m_db.lastInsertRowId();
    }

private:
    db::Database &m_db;
    int m_row = 0;
};

std::int64_t rootOfAccount(db::Database &db, std::int64_t accountId)
{
    db::Statement select = db.prepare(
            "SELECT coalesce(s.merged_into, s.id) FROM accounts a JOIN subjects s ON s.id = a.subject_id WHERE a.id = ?1");
    select.bind(1, accountId);
    return select.step() ? select.int64(0) : 0;
}

QString kindOfAccountHolder(db::Database &db, std::int64_t accountId)
{
    db::Statement select = db.prepare("SELECT s.kind FROM accounts a JOIN subjects s ON s.id = a.subject_id WHERE a.id = ?1");
    select.bind(1, accountId);
    return select.step() ? select.qtext(0) : QString();
}

// The best open candidate pair between the subjects holding two accounts.
std::int64_t candidateBetween(db::Database &db, std::int64_t accountA, std::int64_t accountB)
{
    db::Statement select = db.prepare(
            "SELECT c.id FROM resolution_candidates c JOIN subjects a ON a.id = c.subject_a JOIN subjects b ON b.id = c.subject_b "
            "WHERE c.state = 'open' AND ((coalesce(a.merged_into, a.id) = ?1 AND coalesce(b.merged_into, b.id) = ?2) "
            "OR (coalesce(a.merged_into, a.id) = ?2 AND coalesce(b.merged_into, b.id) = ?1)) ORDER BY c.score DESC LIMIT 1");
    select.bind(1, rootOfAccount(db, accountA)).bind(2, rootOfAccount(db, accountB));
    return select.step() ? select.int64(0) : 0;
}

std::int64_t holderOf(db::Database &db, std::int64_t accountId)
{
    db::Statement select = db.prepare("SELECT subject_id FROM accounts WHERE id = ?1");
    select.bind(1, accountId);
    return select.step() ? select.int64(0) : 0;
}

} // namespace

class TestSubjectResolution : public QObject {
    Q_OBJECT

private slots:
    void init();
    void makesSubjectsWithKinds();
    void mergesAutomaticallyOnSameIin();
    void proposesSimilarNamesAcrossScripts();
    void differentIinCountsAgainst();
    void confirmSplitAndUndo();
    void splitIsNotUndoneByRerun();
    void undoneAutomaticMergeStaysApart();
    void rerunIsIncremental();
    void searchFindsAnySpelling_data();
    void searchFindsAnySpelling();
    void flowsCountEachTransferOnce();
    void profileShowsNamesIdentifiersAndMoney();
    void cardNumbersAreMasked();
    void namedCounterpartiesBecomeSubjects();
    void profileFoldsChannelsAndKeepsTheCodes();

private:
    db::Database &db() { return m_case->db(); }

    QTemporaryDir m_dir;
    std::unique_ptr<db::CaseFile> m_case;
    QString m_iin;      // Әбдіқадыров Мұхаммед, born 1985-03-15
    QString m_otherIin; // a different person
    QString m_bin;      // a public fund
    std::int64_t m_source = 0;
    std::int64_t m_halyk = 0;   // his own account, Cyrillic holder name
    std::int64_t m_kaspi = 0;   // his wallet seen by another bank, Latin, same IIN
    std::int64_t m_third = 0;   // "ABDIKADYROV M." without IIN
    std::int64_t m_fund = 0;    // ОФ "Мейірім Жолы"
    std::int64_t m_asylov = 0;  // Асылов Ерлан, other IIN
};

void TestSubjectResolution::init()
{
    static int counter = 0;
    QVERIFY(m_dir.isValid());
    m_case = std::make_unique<db::CaseFile>(
            db::CaseFile::create(m_dir.filePath(QStringLiteral("r%1.ftcase").arg(++counter)), QStringLiteral("Resolution")));
    m_iin = demo::KzTaxNumber::iin(QDate(1985, 3, 15), true, 1234);
    m_otherIin = demo::KzTaxNumber::iin(QDate(1990, 7, 2), true, 4321);
    m_bin = demo::KzTaxNumber::bin(2019, 4, 12345);
    QVERIFY(!m_iin.isEmpty() && !m_otherIin.isEmpty() && !m_bin.isEmpty());

    CaseRecords records(db());
    m_source = records.source(QStringLiteral("halyk.csv"));
    m_halyk = records.account(QStringLiteral("KZ86 601A 8710 0123 4567"), QStringLiteral("Әбдіқадыров Мұхаммед"), m_iin, m_source);
    m_kaspi = records.account(QStringLiteral("KZ42 722S 0000 1111 2222"), QStringLiteral("MUKHAMMED ABDIKADYROV"), m_iin, m_source);
    m_third = records.account(QStringLiteral("KZ11 998B 0000 3333 4444"), QStringLiteral("ABDIKADYROV MUKHAMMED"), {}, m_source);
    m_fund = records.account(QStringLiteral("KZ75 601A 8710 0999 0001"), QStringLiteral("ОФ \"Мейірім Жолы\""), m_bin, m_source);
    m_asylov = records.account(QStringLiteral("KZ30 914K 0000 5555 6666"), QStringLiteral("Асылов Ерлан"), m_otherIin, m_source);
    // The fund's statement: two donations in, one transfer out to the Kaspi wallet, cash out.
    records.transfer(m_source, m_fund, 'C', 500000, 2, m_halyk, QStringLiteral("Абдикадыров Мухаммед"));
    records.transfer(m_source, m_fund, 'C', 300000, 3, m_asylov, QStringLiteral("Асылов Е."));
    records.transfer(m_source, m_fund, 'D', 600000, 4, m_kaspi, QStringLiteral("Abdikadyrov Mukhammed"));
    records.transfer(m_source, m_fund, 'D', 150000, 20, 0, QStringLiteral("Наличные"), {}, QStringLiteral("cash"));
}

void TestSubjectResolution::makesSubjectsWithKinds()
{
    const entities::SubjectResolver::Report report = entities::SubjectResolver(*m_case).run();
    QCOMPARE(report.accountHolders, 5);
    QCOMPARE(kindOfAccountHolder(db(), m_fund), QStringLiteral("npo"));
    QCOMPARE(kindOfAccountHolder(db(), m_halyk), QStringLiteral("person"));
    QCOMPARE(kindOfAccountHolder(db(), m_asylov), QStringLiteral("person"));
    // "Наличные" (cash) is not someone.
    QCOMPARE(db().scalarInt("SELECT count(*) FROM subjects WHERE origin = 'counterparty'"), 0);
    QCOMPARE(db().scalarInt("SELECT count(*) FROM audit_log WHERE action = 'subjects.resolve'"), 1);
}

void TestSubjectResolution::mergesAutomaticallyOnSameIin()
{
    const entities::SubjectResolver::Report report = entities::SubjectResolver(*m_case).run();
    QCOMPARE(report.automaticMerges, 1);
    QCOMPARE(rootOfAccount(db(), m_halyk), rootOfAccount(db(), m_kaspi));
    QVERIFY(rootOfAccount(db(), m_halyk) != rootOfAccount(db(), m_third));
    db::Statement operation = db().prepare("SELECT automatic, reason FROM subject_operations WHERE kind = 'merge'");
    QVERIFY(operation.step());
    QCOMPARE(operation.int64(0), 1);
    QVERIFY(operation.qtext(1).contains(m_iin));
}

void TestSubjectResolution::proposesSimilarNamesAcrossScripts()
{
    entities::SubjectResolver(*m_case).run();
    const std::int64_t candidate = candidateBetween(db(), m_halyk, m_third);
    QVERIFY2(candidate > 0, "ABDIKADYROV MUKHAMMED should be proposed as the same as Әбдіқадыров Мұхаммед");
    db::Statement select = db().prepare("SELECT score, explanation FROM resolution_candidates WHERE id = ?1");
    select.bind(1, candidate);
    QVERIFY(select.step());
    QVERIFY(select.int64(0) >= 60);
    QVERIFY2(select.qtext(1).contains(QStringLiteral("names")), qPrintable(select.qtext(1)));
    // Never merged automatically on a name alone.
    QVERIFY(rootOfAccount(db(), m_third) != rootOfAccount(db(), m_halyk));
}

void TestSubjectResolution::differentIinCountsAgainst()
{
    // Same name, different valid IIN: not proposed (or far below a same-name pair without IINs).
    CaseRecords records(db());
    const std::int64_t namesake = records.account(QStringLiteral("KZ55 0000 0000 0000 0001"),
                                                  QStringLiteral("Асылов Ерлан"),
                                                  demo::KzTaxNumber::iin(QDate(1979, 1, 5), true, 777), m_source);
    entities::SubjectResolver(*m_case).run();
    QVERIFY(rootOfAccount(db(), namesake) != rootOfAccount(db(), m_asylov));
    QCOMPARE(candidateBetween(db(), m_asylov, namesake), 0);
}

void TestSubjectResolution::confirmSplitAndUndo()
{
    entities::SubjectResolver(*m_case).run();
    const std::int64_t candidate = candidateBetween(db(), m_halyk, m_third);
    QVERIFY(candidate > 0);
    entities::ResolutionActions actions(db());
    const std::int64_t merge = actions.confirmCandidate(candidate, QStringLiteral("same passport photo"));
    QVERIFY(merge > 0);
    QCOMPARE(rootOfAccount(db(), m_third), rootOfAccount(db(), m_halyk));

    const std::int64_t split = actions.split(holderOf(db(), m_third), QStringLiteral("different father's name"));
    QVERIFY(rootOfAccount(db(), m_third) != rootOfAccount(db(), m_halyk));
    // The merge cannot be undone while the split stands; the split can.
    QVERIFY_THROWS_EXCEPTION(entities::ResolutionError, actions.undo(merge));
    actions.undo(split);
    QCOMPARE(rootOfAccount(db(), m_third), rootOfAccount(db(), m_halyk));
    actions.undo(merge);
    QVERIFY(rootOfAccount(db(), m_third) != rootOfAccount(db(), m_halyk));
    // Undoing the confirmed merge puts the pair back on the investigator's list.
    db::Statement state = db().prepare("SELECT state FROM resolution_candidates WHERE id = ?1");
    state.bind(1, candidate);
    QVERIFY(state.step());
    QCOMPARE(state.qtext(0), QStringLiteral("open"));
    state.reset();
    QVERIFY(db().scalarInt("SELECT count(*) FROM audit_log WHERE action LIKE 'subject.%'") >= 4);
    QVERIFY_THROWS_EXCEPTION(entities::ResolutionError, actions.undo(merge));
}

void TestSubjectResolution::splitIsNotUndoneByRerun()
{
    entities::SubjectResolver(*m_case).run();
    entities::ResolutionActions(db()).split(holderOf(db(), m_kaspi), QStringLiteral("a relative's wallet"));
    QVERIFY(rootOfAccount(db(), m_kaspi) != rootOfAccount(db(), m_halyk));
    CaseRecords(db()).transfer(m_source, m_fund, 'C', 1000, 25, m_kaspi, QStringLiteral("Abdikadyrov M."));
    const entities::SubjectResolver::Report report = entities::SubjectResolver(*m_case).run();
    QCOMPARE(report.automaticMerges, 0);
    QVERIFY(rootOfAccount(db(), m_kaspi) != rootOfAccount(db(), m_halyk));
}

void TestSubjectResolution::undoneAutomaticMergeStaysApart()
{
    entities::SubjectResolver(*m_case).run();
    QCOMPARE(entities::ResolutionActions(db()).undoLast() > 0, true);
    QVERIFY(rootOfAccount(db(), m_kaspi) != rootOfAccount(db(), m_halyk));
    entities::SubjectResolver(*m_case).run();
    QVERIFY(rootOfAccount(db(), m_kaspi) != rootOfAccount(db(), m_halyk));
}

void TestSubjectResolution::rerunIsIncremental()
{
    entities::SubjectResolver(*m_case).run();
    const std::int64_t subjects = db().scalarInt("SELECT count(*) FROM subjects");
    const std::int64_t candidates = db().scalarInt("SELECT count(*) FROM resolution_candidates");
    const entities::SubjectResolver::Report again = entities::SubjectResolver(*m_case).run();
    QCOMPARE(again.accountHolders, 0);
    QCOMPARE(again.automaticMerges, 0);
    QCOMPARE(db().scalarInt("SELECT count(*) FROM subjects"), subjects);
    QCOMPARE(db().scalarInt("SELECT count(*) FROM resolution_candidates"), candidates);

    // A new spelling on a new row becomes an alias of the existing subject.
    CaseRecords(db()).transfer(m_source, m_fund, 'C', 2000, 26, m_asylov, QStringLiteral("ASYLOV YERLAN"));
    entities::SubjectResolver(*m_case).run();
    db::Statement alias = db().prepare("SELECT count(*) FROM subject_attributes WHERE subject_id = ?1 AND value = 'ASYLOV YERLAN'");
    alias.bind(1, holderOf(db(), m_asylov));
    QVERIFY(alias.step());
    QCOMPARE(alias.int64(0), 1);
}

void TestSubjectResolution::searchFindsAnySpelling_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("kazakh cyrillic") << QStringLiteral("Әбдіқадыров");
    QTest::newRow("russian cyrillic") << QStringLiteral("Абдикадыров Мухаммед");
    QTest::newRow("latin") << QStringLiteral("mukhammed abdikadyrov");
    QTest::newRow("arabic-style latin") << QStringLiteral("Muhammad Abdikadyrov");
    QTest::newRow("prefix") << QStringLiteral("abdikad");
    QTest::newRow("account") << QStringLiteral("KZ86601A");
}

void TestSubjectResolution::searchFindsAnySpelling()
{
    QFETCH(QString, query);
    entities::SubjectResolver(*m_case).run();
    entities::SubjectFilter filter;
    filter.search = query;
    const QVector<entities::SubjectRow> rows = entities::SubjectList(db()).load(filter);
    const std::int64_t expected = rootOfAccount(db(), m_halyk);
    QVERIFY2(std::any_of(rows.begin(), rows.end(), [&](const entities::SubjectRow &row) { return row.id == expected; }),
             qPrintable(QStringLiteral("%1 found %2 subjects").arg(query).arg(rows.size())));
    QVERIFY(std::none_of(rows.begin(), rows.end(), [&](const entities::SubjectRow &row) { return row.id == rootOfAccount(db(), m_fund); }));
}

void TestSubjectResolution::flowsCountEachTransferOnce()
{
    entities::SubjectResolver(*m_case).run();
    const QVector<entities::SubjectRow> rows = entities::SubjectList(db()).load({});
    const auto row = [&](std::int64_t account) {
        const std::int64_t root = rootOfAccount(db(), account);
        return *std::find_if(rows.begin(), rows.end(), [&](const entities::SubjectRow &r) { return r.id == root; });
    };
    const entities::SubjectRow fund = row(m_fund);
    QCOMPARE(fund.flows.size(), 1);
    QCOMPARE(fund.flows[0].inMinor, 800000);
    QCOMPARE(fund.flows[0].outMinor, 750000);
    // The fund was first by flow.
    QCOMPARE(rows.front().id, fund.id);
    // Seen only from the fund's statement: Halyk paid 5 000, Kaspi received 6 000, one subject.
    const entities::SubjectRow person = row(m_halyk);
    QCOMPARE(person.flows[0].inMinor, 600000);
    QCOMPARE(person.flows[0].outMinor, 500000);
    QCOMPARE(person.accounts, 2);
    QCOMPARE(person.members, 2);
}

void TestSubjectResolution::profileShowsNamesIdentifiersAndMoney()
{
    entities::SubjectResolver(*m_case).run();
    const auto profile = entities::SubjectProfileQuery(db()).load(holderOf(db(), m_kaspi));
    QVERIFY(profile);
    QCOMPARE(profile->id, rootOfAccount(db(), m_halyk));
    QCOMPARE(profile->accounts.size(), 2);
    QStringList names;
    for (const auto &name : profile->names)
        names << name.name;
    QVERIFY2(names.contains(QStringLiteral("Әбдіқадыров Мұхаммед")) && names.contains(QStringLiteral("Abdikadyrov Mukhammed")),
             qPrintable(names.join(u'|')));
    QVERIFY(profile->names.front().sources.contains(QStringLiteral("halyk.csv")));
    const auto iin = std::find_if(profile->identifiers.begin(), profile->identifiers.end(),
                                  [](const auto &id) { return id.kind == u"tax_id"; });
    QVERIFY(iin != profile->identifiers.end());
    QCOMPARE(iin->validity, QStringLiteral("valid"));
    QVERIFY2(iin->details.contains(QStringLiteral("1985-03-15")) && iin->details.contains(QStringLiteral("male")),
             qPrintable(iin->details));
    QCOMPARE(profile->totals.size(), 1);
    QCOMPARE(profile->totals[0].inMinor, 600000);
    QCOMPARE(profile->totals[0].outMinor, 500000);
    QCOMPARE(profile->monthly.size(), 1);
    QCOMPARE(profile->monthly[0].month, QStringLiteral("2024-03"));
    QCOMPARE(profile->topByAmount.size(), 1);
    QCOMPARE(profile->topByAmount[0].subjectId, rootOfAccount(db(), m_fund));
    QCOMPARE(profile->topByAmount[0].count, 2);
    QVERIFY(!profile->toJson().isEmpty());
}

void TestSubjectResolution::cardNumbersAreMasked()
{
    entities::SubjectResolver(*m_case).run();
    db::Statement insert = db().prepare(
            "INSERT INTO subject_attributes(subject_id, kind, value, source_id) VALUES (?1, 'card', '4405 6300 1234 5674', ?2)");
    insert.bind(1, holderOf(db(), m_halyk)).bind(2, m_source).run();
    entities::SubjectResolver(*m_case).run();
    QCOMPARE(db().scalarInt("SELECT count(*) FROM subject_attributes WHERE value LIKE '%4405630012345674%' "
                            "OR replace(value, ' ', '') = '4405630012345674' OR normalized = '4405630012345674'"),
             0);
    QCOMPARE(db().scalarInt("SELECT count(*) FROM subject_search WHERE body LIKE '%4405630012345674%' "
                            "OR body LIKE '%4405 6300 1234 5674%'"),
             0);
    const auto profile = entities::SubjectProfileQuery(db()).load(holderOf(db(), m_halyk));
    const auto card = std::find_if(profile->identifiers.begin(), profile->identifiers.end(),
                                   [](const auto &id) { return id.kind == u"card"; });
    QVERIFY(card != profile->identifiers.end());
    QVERIFY2(card->value.contains(u'*') && card->value.endsWith(QStringLiteral("5674")), qPrintable(card->value));
}

void TestSubjectResolution::namedCounterpartiesBecomeSubjects()
{
    CaseRecords records(db());
    records.transfer(m_source, m_fund, 'C', 7000, 10, 0, QStringLiteral("Нурланов Айдос Серикович"));
    records.transfer(m_source, m_fund, 'C', 3000, 11, 0, QStringLiteral("Нурланов Айдос Серикович"));
    records.transfer(m_source, m_fund, 'C', 100, 12, 0, QStringLiteral("Терминал"));
    entities::SubjectResolver(*m_case).run();
    QCOMPARE(db().scalarInt("SELECT count(*) FROM subjects WHERE origin = 'counterparty'"), 1);
    db::Statement select = db().prepare("SELECT id, kind FROM subjects WHERE origin = 'counterparty'");
    QVERIFY(select.step());
    QCOMPARE(select.qtext(1), QStringLiteral("person"));
    const auto profile = entities::SubjectProfileQuery(db()).load(select.int64(0));
    QVERIFY(profile);
    QCOMPARE(profile->totals.size(), 1);
    QCOMPARE(profile->totals[0].outMinor, 10000); // he paid the fund
    QCOMPARE(profile->totals[0].outCount, 2);
}

QTEST_GUILESS_MAIN(TestSubjectResolution)
void TestSubjectResolution::profileFoldsChannelsAndKeepsTheCodes()
{
    CaseRecords records(db());
    records.transfer(m_source, m_fund, 'C', 5000, 10, 0, QStringLiteral("A"), {}, QStringLiteral("NTRF"));
    records.transfer(m_source, m_fund, 'C', 3000, 11, 0, QStringLiteral("B"), {}, QStringLiteral("Платежное поручение"));
    records.transfer(m_source, m_fund, 'C', 2000, 12, 0, QStringLiteral("C"), {}, QStringLiteral("transfer"));
    records.transfer(m_source, m_fund, 'D', 9000, 13, 0, QStringLiteral("D"), {}, QStringLiteral("CWDL"));
    records.transfer(m_source, m_fund, 'D', 100, 14, 0, QStringLiteral("E"), {}, QStringLiteral("K"));
    records.transfer(m_source, m_fund, 'D', 50, 15, 0, QStringLiteral("F"), {}, QString());
    entities::SubjectResolver(*m_case).run();
    const auto profile = entities::SubjectProfileQuery(db()).load(holderOf(db(), m_fund));
    QVERIFY(profile);
    QStringList keys;
    for (const auto &channel : profile->channels)
        keys << channel.key;
    // Largest first (the fixture's own transfers make "transfer" the largest); the codes as the
    // sources gave them stay visible in brackets.
    QCOMPARE(keys, (QStringList { QStringLiteral("transfer (NTRF, Платежное поручение)"), QStringLiteral("cash (CWDL)"),
                                  QStringLiteral("other (K)"), QStringLiteral("(not given)") }));
    QCOMPARE(profile->channels[3].count, 1);
}

#include "TestSubjectResolution.moc"
