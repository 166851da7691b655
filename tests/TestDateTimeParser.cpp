#include "import/DateTimeParser.h"

#include <QDateTime>
#include <QTest>

using fundtrace::import::DateTimeParser;

namespace {

// "2024-03-05T09:05:00Z" to Unix seconds, for readable expectations.
qint64 utc(const QString &iso)
{
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(parsed.isValid());
    return parsed.toSecsSinceEpoch();
}

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), size_t(bytes.size()) };
}

} // namespace

class TestDateTimeParser : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void dateAndTime_data();
    void dateAndTime();
    void dayCacheAgreesWithQt_data();
    void dayCacheAgreesWithQt();
    void unknownZone();
};

void TestDateTimeParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // UTC, ISO 8601; or a substring of the error

    const QByteArray almaty = "Asia/Almaty";
    const auto ok = [&](const char *name, const QString &text, const QString &expected,
                        const QString &pattern = {}, const QByteArray &zone = "Asia/Almaty") {
        QTest::newRow(name) << text << pattern << zone << true << expected;
    };
    const auto bad = [&](const char *name, const QString &text, const QString &error,
                         const QString &pattern = {}) {
        QTest::newRow(name) << text << pattern << almaty << false << error;
    };

    // Asia/Almaty was UTC+6 until 2024-03-01 and is UTC+5 since.
    ok("Almaty before the change (+6)", "29.02.2024 12:00", "2024-02-29T06:00:00Z");
    ok("Almaty after the change (+5)", "01.03.2024 12:00", "2024-03-01T07:00:00Z");
    ok("Almaty January (+6)", "15.01.2024", "2024-01-14T18:00:00Z");
    ok("Almaty on the change day, before it", "29.02.2024 22:30", "2024-02-29T16:30:00Z");
    ok("dd.MM.yyyy", "05.03.2024", "2024-03-04T19:00:00Z");
    ok("dd.MM.yyyy HH:mm", "05.03.2024 14:05", "2024-03-05T09:05:00Z");
    ok("dd.MM.yyyy HH:mm:ss", "05.03.2024 14:05:33", "2024-03-05T09:05:33Z");
    ok("dd.MM.yy", "05.03.24", "2024-03-04T19:00:00Z");
    ok("dd.MM.yy 69 is 2069", "05.03.69 00:00", "2069-03-04T19:00:00Z");
    ok("dd.MM.yy 70 is 1970", "05.03.70", "1970-03-05T00:00:00Z", {}, "UTC");
    ok("dd/MM/yyyy", "05/03/2024", "2024-03-04T19:00:00Z");
    ok("dd-MM-yyyy HH:mm:ss", "05-03-2024 23:59:59", "2024-03-05T18:59:59Z");
    ok("single-digit day, month, hour", "5.3.2024 9:05", "2024-03-05T04:05:00Z");
    ok("surrounding spaces", "  05.03.2024  ", "2024-03-04T19:00:00Z");
    ok("yyyy-MM-dd", "2024-03-05", "2024-03-04T19:00:00Z");
    ok("yyyy/MM/dd HH:mm", "2024/03/05 10:15", "2024-03-05T05:15:00Z");
    ok("yyyyMMdd", "20240305", "2024-03-04T19:00:00Z");
    ok("leap day", "29.02.2028", "2028-02-28T19:00:00Z");
    ok("ISO without zone is local", "2024-03-05T10:15:00", "2024-03-05T05:15:00Z");
    ok("ISO Z", "2024-03-05T10:15:00Z", "2024-03-05T10:15:00Z");
    ok("ISO +03:00", "2024-03-05T10:15:00+03:00", "2024-03-05T07:15:00Z");
    ok("ISO +0300", "2024-03-05T10:15:00+0300", "2024-03-05T07:15:00Z");
    ok("ISO +05", "2024-03-05T10:15+05", "2024-03-05T05:15:00Z");
    ok("ISO fraction, negative offset", "2024-03-05T10:15:00.123-01:30", "2024-03-05T11:45:00Z");
    ok("ISO zone across midnight", "2024-03-01T02:00:00+06:00", "2024-02-29T20:00:00Z");
    ok("space then Z", "2024-03-05 10:15:00Z", "2024-03-05T10:15:00Z");
    // Other zones, including days on which the zone changes its offset.
    ok("UTC zone", "05.03.2024 12:00", "2024-03-05T12:00:00Z", {}, "UTC");
    ok("Moscow", "05.03.2024 12:00", "2024-03-05T09:00:00Z", {}, "Europe/Moscow");
    ok("Berlin before DST", "30.03.2024 12:00", "2024-03-30T11:00:00Z", {}, "Europe/Berlin");
    ok("Berlin DST change day", "31.03.2024 12:00", "2024-03-31T10:00:00Z", {}, "Europe/Berlin");
    ok("Berlin DST change day, before it", "31.03.2024 01:30", "2024-03-31T00:30:00Z", {},
        "Europe/Berlin");
    // Explicit patterns: hand-parsed when numeric, Qt otherwise.
    ok("pattern dd.MM.yyyy HH:mm", "05.03.2024 14:05", "2024-03-05T09:05:00Z", "dd.MM.yyyy HH:mm");
    ok("pattern MM/dd/yyyy", "03/05/2024", "2024-03-04T19:00:00Z", "MM/dd/yyyy");
    ok("pattern d.M.yy h:m", "5.3.24 9:5", "2024-03-05T04:05:00Z", "d.M.yy h:m");
    ok("pattern with quoted T", "2024-03-05T10:15", "2024-03-05T05:15:00Z", "yyyy-MM-dd'T'HH:mm");
    ok("pattern with milliseconds", "05.03.2024 14:05:33.250", "2024-03-05T09:05:33Z",
       "dd.MM.yyyy HH:mm:ss.zzz");
    ok("pattern with month name (Qt)", "5 March 2024", "2024-03-04T19:00:00Z", "d MMMM yyyy");
    ok("pattern with yy and month name (Qt)", "5 Mar 24", "2024-03-04T19:00:00Z", "d MMM yy");

    bad("31 February", "31.02.2024", "not a date: '31.02.2024' (February 2024 has 29 days)");
    bad("29 February in a common year", "29.02.2023", "February 2023 has 28 days");
    bad("31 April", "31.04.2024", "April 2024 has 30 days");
    bad("day zero", "00.03.2024", "March 2024 has 31 days");
    bad("month 13", "05.13.2024", "there is no month 13");
    bad("ISO month 13", "2024-13-01", "there is no month 13");
    bad("hour 24", "05.03.2024 24:00", "not a date");
    bad("minute 60", "05.03.2024 12:60", "not a date");
    bad("offset beyond 14 hours", "2024-03-05T10:15:00+15:00", "not a date");
    bad("letters", "abc", "not a date: 'abc'");
    bad("empty", "", "empty date");
    bad("blank", "   ", "empty date");
    bad("no year", "05.03", "not a date");
    bad("three-digit year", "05.03.202", "not a date");
    bad("mixed separators", "05.03/2024", "not a date");
    bad("trailing junk", "05.03.2024x", "not a date");
    bad("time without minutes", "05.03.2024 14", "not a date");
    bad("zone without time", "2024-03-05Z", "not a date");
    bad("pattern mismatch", "05.03.2024", "expected MM/dd/yyyy", "MM/dd/yyyy");
    bad("pattern valid shape, bad day", "02/30/2024", "February 2024 has 29 days", "MM/dd/yyyy");
    bad("Qt pattern mismatch", "5 Foo 2024", "expected d MMMM yyyy", "d MMMM yyyy");
}

void TestDateTimeParser::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(QByteArray, zone);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    DateTimeParser parser(QTimeZone(zone), pattern);
    const QByteArray utf8 = text.toUtf8();
    std::int64_t seconds = 0;
    std::string error;
    // Twice: the second call is answered from the per-day offset cache.
    for (int round = 0; round < 2; ++round) {
        const bool parsed = parser.parse(view(utf8), seconds, error);
        QVERIFY2(parsed == ok, error.c_str());
        if (ok) {
            QCOMPARE(
                QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate), expected);
            QCOMPARE(seconds, utc(expected));
        } else {
            QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
        }
    }
}

void TestDateTimeParser::dateAndTime_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");

    QTest::newRow("HH:mm") << "05.03.2024"
                           << "14:05" << QString() << true << "2024-03-05T09:05:00Z";
    QTest::newRow("HH:mm:ss") << "05.03.2024"
                              << "14:05:33" << QString() << true << "2024-03-05T09:05:33Z";
    QTest::newRow("H:mm") << "05.03.2024" << "9:05" << QString() << true << "2024-03-05T04:05:00Z";
    QTest::newRow("empty time is midnight") << "05.03.2024" << "" << QString() << true
                                            << "2024-03-04T19:00:00Z";
    QTest::newRow("date with midnight time")
        << "05.03.2024 00:00:00"
        << "14:05" << QString() << true << "2024-03-05T09:05:00Z";
    QTest::newRow("Almaty before the change") << "29.02.2024" << "10:00" << QString() << true
                                              << "2024-02-29T04:00:00Z";
    QTest::newRow("with pattern") << "05/03/2024" << "9:30" << "dd/MM/yyyy" << true
                                  << "2024-03-05T04:30:00Z";
    QTest::newRow("ISO date with zone") << "2024-03-05" << "10:00" << QString() << true
                                        << "2024-03-05T05:00:00Z";
    QTest::newRow("two times") << "05.03.2024 10:00"
                               << "14:05" << QString() << false << "carry a time";
    QTest::newRow("hour 25") << "05.03.2024"
                             << "25:00" << QString() << false << "not a time: '25:00'";
    QTest::newRow("letters") << "05.03.2024" << "ab" << QString() << false << "not a time: 'ab'";
    QTest::newRow("bad date") << "31.02.2024" << "10:00" << QString() << false << "not a date";
}

void TestDateTimeParser::dateAndTime()
{
    QFETCH(QString, date);
    QFETCH(QString, time);
    QFETCH(QString, pattern);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    DateTimeParser parser(QTimeZone("Asia/Almaty"), pattern);
    const QByteArray dateUtf8 = date.toUtf8();
    const QByteArray timeUtf8 = time.toUtf8();
    std::int64_t seconds = 0;
    std::string error;
    const bool parsed = parser.parse(view(dateUtf8), view(timeUtf8), seconds, error);
    QVERIFY2(parsed == ok, error.c_str());
    if (ok)
        QCOMPARE(seconds, utc(expected));
    else
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
}

void TestDateTimeParser::dayCacheAgreesWithQt_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Asia/Almaty") << QByteArray("Asia/Almaty");
    QTest::newRow("Europe/Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("America/New_York") << QByteArray("America/New_York");
    QTest::newRow("Asia/Tashkent") << QByteArray("Asia/Tashkent");
}

// Three years of days, three times a day, against QDateTime's own conversion (skipping the hour
// that does not exist or exists twice on a change day, where any answer is a convention).
void TestDateTimeParser::dayCacheAgreesWithQt()
{
    QFETCH(QByteArray, zone);
    const QTimeZone timeZone(zone);
    DateTimeParser parser(timeZone);
    std::string error;
    for (QDate day(2023, 1, 1); day <= QDate(2025, 12, 31); day = day.addDays(1)) {
        for (const int hour : { 0, 12, 23 }) {
            const QDateTime local(day, QTime(hour, 30), timeZone);
            if (local.time() != QTime(hour, 30))
                continue;
            const QDateTime earlier = local.addSecs(-3600);
            if (earlier.offsetFromUtc() != local.offsetFromUtc())
                continue; // within an hour of a change
            const QByteArray text = day.toString(QStringLiteral("dd.MM.yyyy")).toUtf8() + " "
                + QByteArray::number(hour) + ":30";
            std::int64_t seconds = 0;
            QVERIFY2(parser.parse(view(text), seconds, error), error.c_str());
            QCOMPARE(seconds, local.toSecsSinceEpoch());
        }
    }
}

void TestDateTimeParser::unknownZone()
{
    DateTimeParser parser(QTimeZone("Mars/Olympus_Mons"));
    std::int64_t seconds = 0;
    std::string error;
    QVERIFY(!parser.parse("05.03.2024", seconds, error));
    QVERIFY2(error.find("unknown time zone") != std::string::npos, error.c_str());
    // A zone written in the text does not need the configured one.
    QVERIFY(parser.parse("2024-03-05T10:15:00Z", seconds, error));
    QCOMPARE(seconds, utc("2024-03-05T10:15:00Z"));
}

QTEST_GUILESS_MAIN(TestDateTimeParser)
#include "TestDateTimeParser.moc"
