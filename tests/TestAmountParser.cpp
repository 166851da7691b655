#include "import/AmountParser.h"

#include <QTest>

#include <limits>

using fundtrace::import::AmountParser;
using fundtrace::import::ParsedAmount;
using Mark = AmountParser::DecimalMark;

Q_DECLARE_METATYPE(AmountParser::DecimalMark)

class TestAmountParser : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void currencyIsResetBetweenCalls();
    void longTextIsShortenedInErrors();
};

void TestAmountParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Mark>("mark");
    QTest::addColumn<int>("minorDigits");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("error"); // a substring of the message

    const auto ok = [](const char *name, const QString &text, qint64 minor,
                        const QString &currency = {}, Mark mark = Mark::Auto, int digits = 2) {
        QTest::newRow(name) << text << mark << digits << true << minor << currency << QString();
    };
    const auto bad = [](const char *name, const QString &text, const QString &error,
                        Mark mark = Mark::Auto, int digits = 2) {
        QTest::newRow(name) << text << mark << digits << false << qint64(0) << QString() << error;
    };

    // Separators as CIS and Kazakh banks write them.
    ok("spaces, comma decimals", "1 234 567,89", 123456789);
    ok("spaces, point decimals", "1 234 567.89", 123456789);
    ok("comma thousands, point decimals", "1,234,567.89", 123456789);
    ok("point thousands, comma decimals", "1.234.567,89", 123456789);
    ok("NBSP thousands", QString::fromUtf8("1\u00A0234\u00A0567,89"), 123456789);
    ok("narrow NBSP thousands", QString::fromUtf8("1\u202F234,50"), 123450);
    ok("apostrophe thousands", "1'234'567.89", 123456789);
    ok("right single quote thousands", QString::fromUtf8("1\u2019234.00"), 123400);
    ok("no separators", "15000", 1500000);
    ok("one decimal digit", "12.5", 1250);
    ok("leading zero", "0,05", 5);
    ok("spaces around", "  42  ", 4200);
    ok("multiple commas are thousands", "1,234,567", 123456700);
    ok("multiple points are thousands", "1.234.567", 123456700);
    ok("lone comma with two digits", "1,50", 150);
    ok("space thousands only", "1 234", 123400);
    // Signs.
    ok("minus", "-500", -50000);
    ok("U+2212 minus", QString::fromUtf8("\u2212500,25"), -50025);
    ok("plus", "+12.5", 1250);
    ok("parentheses", "(500,00)", -50000);
    ok("trailing minus", "1 500,00-", -150000);
    ok("zero", "0", 0);
    ok("negative zero", "-0,00", 0);
    // Currencies before or after.
    ok("KZT code after", "15 000,00 KZT", 1500000, "KZT");
    ok("tenge sign before", QString::fromUtf8("₸15000"), 1500000, "KZT");
    ok("tenge sign after", QString::fromUtf8("15 000 ₸"), 1500000, "KZT");
    ok("тг.", QString::fromUtf8("1 000 тг."), 100000, "KZT");
    ok("ТГ in capitals", QString::fromUtf8("12 345,67 ТГ"), 1234567, "KZT");
    ok("тенге", QString::fromUtf8("500 тенге"), 50000, "KZT");
    ok("руб.", QString::fromUtf8("1 500,00 руб."), 150000, "RUB");
    ok("Руб capitalised", QString::fromUtf8("1 000 Руб"), 100000, "RUB");
    ok("rouble sign before with space", QString::fromUtf8("₽ 99,90"), 9990, "RUB");
    ok("RUR is RUB", "10 RUR", 1000, "RUB");
    ok("dollar sign", "$1,234.56", 123456, "USD");
    ok("minus before dollar", "-$500", -50000, "USD");
    ok("minus after dollar", "$-500", -50000, "USD");
    ok("euro sign", QString::fromUtf8("€12,50"), 1250, "EUR");
    ok("USD code after", "250.00 USD", 25000, "USD");
    ok("code before, minus after it", "EUR -12.34", -1234, "EUR");
    ok("code glued to number", "100USD", 10000, "USD");
    ok("any three capitals are a code", "100 CHF", 10000, "CHF");
    ok("same currency twice", "$100 USD", 10000, "USD");
    ok("currency inside parentheses", "(1 234,56 KZT)", -123456, "KZT");
    // Fixed decimal marks and other minor digits.
    ok("Point mark reads 1,234 as thousands", "1,234", 123400, {}, Mark::Point);
    ok("Comma mark with point thousands", "1.234,5", 123450, {}, Mark::Comma);
    ok("Comma mark with spaces", "1 234,56", 123456, {}, Mark::Comma);
    ok("JPY whole amount with zero decimals", "1 500,00", 1500, {}, Mark::Auto, 0);
    ok("KWD three decimals", "1,234", 1234, {}, Mark::Auto, 3);
    ok("KWD one decimal", "1.5 KWD", 1500, "KWD", Mark::Auto, 3);
    // Limits.
    ok("int64 max", "9223372036854775807", std::numeric_limits<qint64>::max(), {}, Mark::Auto, 0);
    ok("int64 min", "-92233720368547758,08", std::numeric_limits<qint64>::min());

    bad("empty", "", "empty amount");
    bad("blank with NBSP", QString::fromUtf8(" \u00A0 "), "empty amount");
    bad("letters", "abc", "not a number: 'abc'");
    bad("unknown suffix", "12abc", "not a number: '12abc'");
    bad("lower-case code", "100 usd", "not a number");
    bad("exponent", "1e5", "not a number");
    bad("hex", "0x10", "not a number");
    bad("ambiguous 1,234", "1,234", "more than 2 decimal places: '1,234'");
    bad("ambiguous 1 234.567", "1 234.567", "more than 2 decimal places");
    bad("three decimals after thousands", "1.234,567", "more than 2 decimal places");
    bad("Comma mark with 3 decimals", "1,234", "more than 2 decimal places", Mark::Comma);
    bad("Comma mark, comma before point", "1,234.5", "misplaced thousands separator", Mark::Comma);
    bad("Point mark, two points", "1.234.567", "misplaced thousands separator", Mark::Point);
    bad("JPY with real decimals", "1.5", "more than 0 decimal places", Mark::Auto, 0);
    bad("badly grouped", "1 23 456", "misplaced thousands separator");
    bad("first group too long", "12 3456,00", "misplaced thousands separator");
    bad("last group too short", "1 23", "misplaced thousands separator");
    bad("mixed repeated separators", "1,234.567,890", "misplaced thousands separator");
    bad("two separators in a row", "1,,5", "not a number");
    bad("trailing separator", "1,5,", "not a number");
    bad("leading separator", ",5", "not a number");
    bad("two currencies", "$100 EUR", "two different currencies: '$100 EUR'");
    bad("parentheses and minus", "(-500)", "not a number");
    bad("double minus", "--5", "not a number");
    bad("currency only", "KZT", "not a number");
    bad("too large for int64", "92233720368547758,08", "amount too large: '92233720368547758,08'");
    bad("too many digits", "99999999999999999999", "amount too large");
    bad("too large after scaling", "922337203685477581", "amount too large");
}

void TestAmountParser::parse()
{
    QFETCH(QString, text);
    QFETCH(Mark, mark);
    QFETCH(int, minorDigits);
    QFETCH(bool, ok);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, error);

    const AmountParser parser(mark, minorDigits);
    const QByteArray utf8 = text.toUtf8();
    ParsedAmount amount;
    std::string message;
    const bool parsed
        = parser.parse(std::string_view(utf8.constData(), size_t(utf8.size())), amount, message);
    QVERIFY2(parsed == ok, message.c_str());
    if (ok) {
        QCOMPARE(amount.minor, minor);
        QCOMPARE(QString::fromStdString(amount.currency), currency);
    } else {
        QVERIFY2(QString::fromStdString(message).contains(error), message.c_str());
    }
}

void TestAmountParser::currencyIsResetBetweenCalls()
{
    const AmountParser parser;
    ParsedAmount amount;
    std::string error;
    QVERIFY(parser.parse("$1", amount, error));
    QCOMPARE(amount.currency, std::string("USD"));
    QVERIFY(parser.parse("5", amount, error));
    QCOMPARE(amount.minor, qint64(500));
    QVERIFY(amount.currency.empty());
}

void TestAmountParser::longTextIsShortenedInErrors()
{
    const AmountParser parser;
    ParsedAmount amount;
    std::string error;
    const std::string junk(10000, 'x');
    QVERIFY(!parser.parse(junk, amount, error));
    QVERIFY(error.size() < 100);
    QVERIFY(error.starts_with("not a number: 'xxx"));
}

QTEST_GUILESS_MAIN(TestAmountParser)
#include "TestAmountParser.moc"
