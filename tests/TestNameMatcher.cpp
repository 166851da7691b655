#include "names/NameMatcher.h"
#include "names/NameNormalizer.h"

#include <QTest>

using fundtrace::names::NameMatch;
using fundtrace::names::NameMatcher;
using fundtrace::names::NameNormalizer;

class TestNameMatcher : public QObject {
    Q_OBJECT

private slots:
    void samePerson_data();
    void samePerson();
    void differentPeople_data();
    void differentPeople();
    void symmetric();
    void genderVariantIsCloseButBelowExact();
    void initialCountsLessThanFullName();
    void explanationNamesThePairs();
    void extraListTokensCostLittle();
    void asciiPairsAgreeWithQStringPairs();

private:
    static NameMatch compare(const QString &a, const QString &b)
    {
        const NameNormalizer n;
        return NameMatcher().compare(n.normalize(a), n.normalize(b));
    }
};

void TestNameMatcher::samePerson_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<double>("minimum");
    const auto row = [](const char *name, const char *a, const char *b, double minimum = 0.85) {
        QTest::newRow(name) << QString::fromUtf8(a) << QString::fromUtf8(b) << minimum;
    };
    row("Kazakh Cyrillic", "Мұхаммед Әбдіқадыров", "Mukhammed Abdikadyrov", 0.95);
    row("Arabic-style Latin", "Muhammad Abdiqadyrov", "Мухаммед Абдикадыров");
    row("reordered", "Abdikadyrov Mukhammed", "Mukhammed Abdikadyrov", 0.95);
    row("surname and initial", "ABDIKADYROV M.", "Mukhammed Abdikadyrov");
    row("typo", "Mukhamed Abdikadyorv", "Mukhammed Abdikadyrov");
    row("list alias", "Abd al-Rahman Yasin", "YASIN, Abdul Rahman", 0.95);
    row("Arabic script", "عبد الرحمن ياسين", "Abdurrahman Yasin");
    row("bank short, list long", "Ayman Zawahiri", "AL-ZAWAHIRI, Aiman Muhammad Rabi");
    row("written together", "Abu Khalid", "KHALID, Abu", 0.9);
    row("patronymic styles", "Серик Жумабаев Серикович", "Serik Zhumabaev Serikuly", 0.95);
    row("Osama / Usama", "Osama bin Laden", "BIN LADIN, Usama", 0.85);
    row("article written together", "Салах Али Алкамел", "AL-KAMEL, Salah 'Ali'", 0.9);
    row("article before a vowel", "Saif Aladil", "AL-'ADIL, Saif", 0.9);
    row("surname first, Abu last", "ABBAS Abu", "ABBAS, Abu", 0.95);
    row("Omar / Umar", "Omar Nurmatov", "Umar Nurmatov", 0.85);
    row("Yerlan / Erlan", "Ерлан Асанов", "Erlan Asanov", 0.85);
    row("iotated Е and a lost vowel", "Yerzhnova Zhansaia Sultanovna", "Ержанова Жансая Султановна", 0.8);
}

void TestNameMatcher::samePerson()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(double, minimum);
    const NameMatch m = compare(a, b);
    QVERIFY2(m.score >= minimum, qPrintable(QString::number(m.score) + QLatin1Char(' ') + m.explanation));
}

void TestNameMatcher::differentPeople_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    const auto row = [](const char *name, const char *a, const char *b) {
        QTest::newRow(name) << QString::fromUtf8(a) << QString::fromUtf8(b);
    };
    row("unrelated", "Arman Zhumabaev", "Oscar Malherbe de Leon");
    row("similar surnames", "Asanov Nurlan", "Asylov Yerlan");
    row("one shared given name", "Mukhammed Abdikadyrov", "Mukhammed Tleubaev");
    row("single name inside a long one", "Ahmed", "Ahmed Khalfan Ghailani");
    row("initials only", "A. M.", "Ayman Muhammad");
    row("Al- names are not articles", "Alexander Petrov", "Xander Petrov");
    row("Almas is not al-Mas", "Almas Serikov", "Mas Serikov");
    // One consonant key, but a syllable more and another first letter: two surnames, not two spellings.
    row("Abdullaev is not Ibodullaev", "Абдуллаев Дилшод Хуршидович", "Ибодуллаев Дилшод Хуршидович");
    row("Abdullaeva is not Ibodullaeva", "Abdullaeva Nilufar", "Ibodullaeva Nilufar");
}

void TestNameMatcher::differentPeople()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    const NameMatch m = compare(a, b);
    QVERIFY2(m.score < 0.7, qPrintable(QString::number(m.score) + QLatin1Char(' ') + m.explanation));
    if (QByteArray(QTest::currentDataTag()) == "unrelated")
        QVERIFY(m.score < 0.5);
}

void TestNameMatcher::symmetric()
{
    const QString a = QStringLiteral("ABDIKADYROV M.");
    const QString b = QStringLiteral("Mukhammed Abdikadyrov Serikovich");
    QCOMPARE(compare(a, b).score, compare(b, a).score);
}

void TestNameMatcher::genderVariantIsCloseButBelowExact()
{
    const double same = compare(QStringLiteral("Aigerim Ivanova"), QStringLiteral("Aigerim Ivanova")).score;
    const NameMatch variant = compare(QStringLiteral("Aigerim Ivanov"), QStringLiteral("Aigerim Ivanova"));
    QVERIFY(variant.score >= 0.9);
    QVERIFY(variant.score < same);
    QVERIFY(variant.explanation.contains(QLatin1String("gender variant")));
}

void TestNameMatcher::initialCountsLessThanFullName()
{
    const double full = compare(QStringLiteral("Mukhammed Abdikadyrov"), QStringLiteral("Mukhammed Abdikadyrov")).score;
    const NameMatch initial = compare(QStringLiteral("M. Abdikadyrov"), QStringLiteral("Mukhammed Abdikadyrov"));
    QVERIFY(initial.score < full);
    QVERIFY(initial.score >= 0.85);
    QVERIFY(initial.explanation.contains(QLatin1String("'m'->'mukhammed' initial")));
    // The wrong initial does not pair.
    QVERIFY(compare(QStringLiteral("K. Abdikadyrov"), QStringLiteral("Mukhammed Abdikadyrov")).score < initial.score);
}

void TestNameMatcher::explanationNamesThePairs()
{
    const NameMatch m = compare(QStringLiteral("Muhammad Abdikadyrov Serik"), QStringLiteral("Мұхаммед Әбдіқадыров"));
    QVERIFY2(m.explanation.contains(QLatin1String("'abdikadyrov'='abdikadyrov' exact")), qPrintable(m.explanation));
    QVERIFY2(m.explanation.contains(QLatin1String("'muhammad'~'mukhammed' key match")), qPrintable(m.explanation));
    QCOMPARE(m.unmatchedA, QStringList { QStringLiteral("serik") });
    QVERIFY(m.explanation.contains(QLatin1String("unmatched: 'serik'")));
    QCOMPARE(m.pairs.size(), 2);
}

void TestNameMatcher::extraListTokensCostLittle()
{
    const double shortVsLong = compare(QStringLiteral("Ahmed Ghailani"),
                                       QStringLiteral("GHAILANI, Abubakary Khalfan Ahmed")).score;
    QVERIFY(shortVsLong >= 0.85);
    QVERIFY(shortVsLong < 1.0);
}

void TestNameMatcher::asciiPairsAgreeWithQStringPairs()
{
    // The screening index pairs tokens on ASCII copies; it must score exactly as the QString path.
    NameNormalizer normalizer;
    const auto a = normalizer.normalize(
            QStringLiteral("Mukhammed Abdikadyrov Serikovich Ivanov M. Izzaldin"));
    const auto b = normalizer.normalize(
            QStringLiteral("Мұхаммед Әбдіқадыров Серікұлы Ivanova Mohammed Izz Din"));
    for (int i = 0; i < a.tokens.size(); ++i) {
        for (int j = 0; j < b.tokens.size(); ++j) {
            const auto q = NameMatcher::pairTokens(a, i, b, j);
            const auto s = NameMatcher::pairTokens(a.tokens[i].toStdString(),
                                                   a.keys[i].toStdString(),
                                                   b.tokens[j].toStdString(),
                                                   b.keys[j].toStdString());
            QCOMPARE(s.score, q.score);
            if (q.score > 0)
                QCOMPARE(int(s.kind), int(q.kind));
        }
    }
}

QTEST_GUILESS_MAIN(TestNameMatcher)
#include "TestNameMatcher.moc"
