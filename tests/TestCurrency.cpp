#include "model/Currency.h"

#include <QTest>

#include <limits>

using fundtrace::model::AmountStyle;

Q_DECLARE_METATYPE(fundtrace::model::AmountStyle)

class TestCurrency : public QObject {
    Q_OBJECT

private slots:
    void minorDigits_data();
    void minorDigits();
    void formatAmount_data();
    void formatAmount();
    void toMajor_data();
    void toMajor();
    void shortAmount_data();
    void shortAmount();
};

void TestCurrency::minorDigits_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("digits");
    QTest::addColumn<bool>("known");

    for (const char *code : { "KZT", "RUB", "USD", "EUR", "GBP", "TRY", "AED", "SAR", "KGS", "UZS",
                              "TJS", "CNY", "CHF", "GEL", "AZN", "BYN", "UAH" })
        QTest::newRow(code) << code << 2 << true;
    for (const char *code : { "JPY", "KRW", "VND", "ISK", "CLP" })
        QTest::newRow(code) << code << 0 << true;
    for (const char *code : { "KWD", "BHD", "OMR", "JOD", "IQD", "LYD", "TND" })
        QTest::newRow(code) << code << 3 << true;
    QTest::newRow("lower case") << "kzt" << 2 << true;
    QTest::newRow("lower case JPY") << "jpy" << 0 << true;
    QTest::newRow("unknown code") << "XYZ" << 2 << false;
    QTest::newRow("empty") << "" << 2 << false;
    QTest::newRow("too long") << "KZTX" << 2 << false;
}

void TestCurrency::minorDigits()
{
    QFETCH(QString, code);
    QFETCH(int, digits);
    QFETCH(bool, known);
    const std::string iso = code.toStdString();
    QCOMPARE(fundtrace::model::minorDigits(iso), digits);
    QCOMPARE(fundtrace::model::isKnownCurrency(iso), known);
}

void TestCurrency::formatAmount_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<AmountStyle>("style");
    QTest::addColumn<bool>("withCode");
    QTest::addColumn<QString>("text");

    const auto cis = AmountStyle::Cis;
    const auto intl = AmountStyle::International;
    QTest::newRow("CIS") << qint64(123456789) << "KZT" << cis << true << "1 234 567,89 KZT";
    QTest::newRow("international")
        << qint64(123456789) << "KZT" << intl << true << "1,234,567.89 KZT";
    QTest::newRow("without code") << qint64(123456789) << "USD" << intl << false << "1,234,567.89";
    QTest::newRow("negative") << qint64(-50025) << "RUB" << cis << true << "-500,25 RUB";
    QTest::newRow("small fraction") << qint64(5) << "EUR" << cis << true << "0,05 EUR";
    QTest::newRow("zero") << qint64(0) << "KZT" << cis << true << "0,00 KZT";
    QTest::newRow("three-digit group edge")
        << qint64(100000) << "KZT" << cis << true << "1 000,00 KZT";
    QTest::newRow("below a thousand") << qint64(99999) << "KZT" << intl << true << "999.99 KZT";
    QTest::newRow("JPY no decimals") << qint64(1500000) << "JPY" << cis << true << "1 500 000 JPY";
    QTest::newRow("KWD three decimals")
        << qint64(1234567) << "KWD" << intl << true << "1,234.567 KWD";
    QTest::newRow("negative KWD") << qint64(-1) << "KWD" << cis << true << "-0,001 KWD";
    QTest::newRow("empty code") << qint64(1000) << "" << cis << true << "10,00";
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << "KZT" << intl << false
                               << "92,233,720,368,547,758.07";
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << "KZT" << intl << false
                               << "-92,233,720,368,547,758.08";
}

void TestCurrency::formatAmount()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(AmountStyle, style);
    QFETCH(bool, withCode);
    QFETCH(QString, text);
    QCOMPARE(fundtrace::model::formatAmount(minor, code.toStdString(), style, withCode), text);
}

void TestCurrency::toMajor_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<double>("major");

    QTest::newRow("KZT") << qint64(123456) << "KZT" << 1234.56;
    QTest::newRow("negative USD") << qint64(-50) << "USD" << -0.5;
    QTest::newRow("JPY") << qint64(1500) << "JPY" << 1500.0;
    QTest::newRow("KWD") << qint64(1234) << "KWD" << 1.234;
    QTest::newRow("unknown uses 2") << qint64(100) << "XYZ" << 1.0;
}

void TestCurrency::toMajor()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(double, major);
    QCOMPARE(fundtrace::model::toMajor(minor, code.toStdString()), major);
}

void TestCurrency::shortAmount_data()
{
    QTest::addColumn<double>("major");
    QTest::addColumn<QString>("expected");
    QTest::newRow("small") << 950.0 << QStringLiteral("950");
    QTest::newRow("fraction") << 7.5 << QStringLiteral("7.5");
    QTest::newRow("thousands grouped") << 5000.0 << QString(QStringLiteral("5") + QChar(0x202f) + QStringLiteral("000"));
    QTest::newRow("k") << 27300.0 << QStringLiteral("27.3 k");
    QTest::newRow("M") << 26217200.0 << QStringLiteral("26.2 M");
    QTest::newRow("whole M") << 3000000.0 << QStringLiteral("3 M");
    QTest::newRow("bn, no sign") << -1400000000.0 << QStringLiteral("1.4 bn");
}

void TestCurrency::shortAmount()
{
    QFETCH(double, major);
    QFETCH(QString, expected);
    QCOMPARE(fundtrace::model::shortAmount(major), expected);
}

QTEST_GUILESS_MAIN(TestCurrency)
#include "TestCurrency.moc"
