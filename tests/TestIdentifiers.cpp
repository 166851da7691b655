#include "identifiers/Iban.h"
#include "identifiers/IdentifierParser.h"
#include "identifiers/KzTaxId.h"
#include "identifiers/PaymentCard.h"

#include <QTest>

using fundtrace::identifiers::Identifier;
using fundtrace::identifiers::IdentifierContext;
using fundtrace::identifiers::IdentifierKind;
using fundtrace::identifiers::IdentifierParser;
using fundtrace::identifiers::Validity;
namespace ids = fundtrace::identifiers;

Q_DECLARE_METATYPE(IdentifierKind)
Q_DECLARE_METATYPE(Validity)

namespace {

const QByteArray kCaseKey = QByteArrayLiteral("case-key");

IdentifierParser parser()
{
    IdentifierContext context;
    context.cardHashKey = kCaseKey;
    return IdentifierParser(context);
}

const char *validityName(Validity v)
{
    switch (v) {
    case Validity::Valid:
        return "Valid";
    case Validity::Invalid:
        return "Invalid";
    case Validity::Unchecked:
        return "Unchecked";
    }
    return "?";
}

} // namespace

class TestIdentifiers : public QObject {
    Q_OBJECT

private slots:
    void kindNames_data();
    void kindNames();
    void unknownKindName();
    void taxIdCheckDigit_data();
    void taxIdCheckDigit();
    void parse_data();
    void parse();
    void iinDecoding_data();
    void iinDecoding();
    void bin_data();
    void bin();
    void ibanCountryLengths_data();
    void ibanCountryLengths();
    void cardHashIsKeyed();
    void cardNeverRevealsFullNumber_data();
    void cardNeverRevealsFullNumber();
    void walletNetwork_data();
    void walletNetwork();
    void phoneCountry_data();
    void phoneCountry();
    void guess_data();
    void guess();
};

void TestIdentifiers::kindNames_data()
{
    QTest::addColumn<IdentifierKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("tax_id") << IdentifierKind::TaxId << "tax_id";
    QTest::newRow("iban") << IdentifierKind::Iban << "iban";
    QTest::newRow("card") << IdentifierKind::Card << "card";
    QTest::newRow("phone") << IdentifierKind::Phone << "phone";
    QTest::newRow("email") << IdentifierKind::Email << "email";
    QTest::newRow("passport") << IdentifierKind::Passport << "passport";
    QTest::newRow("national_id") << IdentifierKind::NationalId << "national_id";
    QTest::newRow("crypto_wallet") << IdentifierKind::CryptoWallet << "crypto_wallet";
}

void TestIdentifiers::kindNames()
{
    QFETCH(IdentifierKind, kind);
    QFETCH(QString, name);
    QCOMPARE(ids::kindName(kind), name);
    QCOMPARE(ids::kindFromName(name), std::optional<IdentifierKind>(kind));
}

void TestIdentifiers::unknownKindName()
{
    QVERIFY(!ids::kindFromName(u"account"));
    QVERIFY(!ids::kindFromName(u""));
}

void TestIdentifiers::taxIdCheckDigit_data()
{
    // Expected values computed independently (Python) from the published algorithm.
    QTest::addColumn<QString>("first11");
    QTest::addColumn<int>("check");
    QTest::newRow("first weights") << "91041730012" << 6;
    QTest::newRow("BIN") << "22094001234" << 8;
    QTest::newRow("second weights") << "91041730081" << 1;
    QTest::newRow("10 twice: never issued") << "91041730080" << -1;
    QTest::newRow("not digits") << "9104173001a" << -1;
    QTest::newRow("too short") << "9104173001" << -1;
}

void TestIdentifiers::taxIdCheckDigit()
{
    QFETCH(QString, first11);
    QFETCH(int, check);
    QCOMPARE(ids::KzTaxId::checkDigit(first11), check);
}

void TestIdentifiers::parse_data()
{
    QTest::addColumn<IdentifierKind>("kind");
    QTest::addColumn<QString>("given");
    QTest::addColumn<Validity>("validity");
    QTest::addColumn<QString>("normalized"); // empty: not compared
    QTest::addColumn<QString>("display"); // empty: not compared
    QTest::addColumn<QString>("problem"); // a substring; empty: must be empty when Valid

    const auto row = [](const char *name, IdentifierKind kind, const QString &given,
                         Validity validity, const QString &normalized = {},
                         const QString &display = {}, const QString &problem = {}) {
        QTest::newRow(name) << kind << given << validity << normalized << display << problem;
    };
    using K = IdentifierKind;
    const Validity ok = Validity::Valid;
    const Validity bad = Validity::Invalid;
    const Validity unchecked = Validity::Unchecked;

    // IIN/BIN.
    row("IIN", K::TaxId, "850501300129", ok, "850501300129");
    row("IIN with spaces", K::TaxId, " 8505 0130 0129 ", ok, "850501300129");
    row("IIN with dashes", K::TaxId, "910417-300126", ok, "910417300126");
    row("IIN wrong check digit", K::TaxId, "850501300128", bad, "850501300128", {},
        "IIN check digit is 8, expected 9");
    row("IIN never issued", K::TaxId, "910417300800", bad, {}, {}, "never issued");
    row("BIN", K::TaxId, "220940012348", ok, "220940012348");
    row("BIN wrong check digit", K::TaxId, "220940012340", bad, {}, {},
        "BIN check digit is 0, expected 8");
    row("BIN month 13", K::TaxId, "201340123456", bad, {}, {}, "registration month 13");
    row("BIN 6th digit 5", K::TaxId, "011065123451", bad, {}, {}, "6th digit is 5");
    row("IIN born in 2099", K::TaxId, "990101500016", bad, {}, {},
        "birth date 2099-01-01 is in the future");
    row("neither IIN nor BIN", K::TaxId, "970314000019", bad, {}, {}, "neither an IIN");
    row("29 February of a common year", K::TaxId, "050229500017", bad, {}, {}, "neither an IIN");
    row("11 digits", K::TaxId, "85050130012", bad, "85050130012", {}, "has 11 digits, expected 12");
    row("letter", K::TaxId, "85050130012A", bad, {}, {}, "only digits, found 'A'");
    row("empty tax id", K::TaxId, "", bad, {}, {}, "empty");

    // IBAN.
    row("KZ", K::Iban, "KZ86125KZT5004100100", ok, "KZ86125KZT5004100100",
        "KZ86 125K ZT50 0410 0100");
    row("KZ grouped", K::Iban, "KZ86 125K ZT50 0410 0100", ok, "KZ86125KZT5004100100");
    row("KZ with IBAN prefix", K::Iban, "IBAN KZ86 125K ZT50 0410 0100", ok,
        "KZ86125KZT5004100100");
    row("DE lower case", K::Iban, "de89 3704 0044 0532 0130 00", ok, "DE89370400440532013000");
    row("GB", K::Iban, "GB29 NWBK 6016 1331 9268 19", ok, "GB29NWBK60161331926819");
    row("AE", K::Iban, "AE070331234567890123456", ok, "AE070331234567890123456");
    row("TR", K::Iban, "TR33 0006 1005 1978 6457 8413 26", ok, "TR330006100519786457841326");
    row("KZ 19 characters", K::Iban, "KZ86125KZT500410010", bad, {}, {},
        "IBAN length 19, KZ IBANs have 20 characters");
    row("KZ digit changed", K::Iban, "KZ86125KZT5004100101", bad, "KZ86125KZT5004100101", {},
        "check digits are 86, expected");
    row("DE transposed digits", K::Iban, "DE89370400440532031000", bad, {}, {},
        "check digits are 89");
    row("bad character", K::Iban, "KZ86125KZT50041_0100", bad, {}, {}, "contains '_'");
    row("no country", K::Iban, "1286125KZT5004100100", bad, {}, {}, "two-letter country code");
    row("letters for check digits", K::Iban, "KZAB125KZT5004100100", bad, {}, {}, "check digits");
    row("RU is not an IBAN country", K::Iban, "RU4804452522500000000000000000000", unchecked,
        "RU4804452522500000000000000000000", {}, "length not checked");
    row("RU with a wrong check", K::Iban, "RU4904452522500000000000000000000", bad, {}, {},
        "expected 48");
    row("too short", K::Iban, "KZ8", bad, {}, {}, "too short");

    // Cards (test PANs published by the schemes).
    row("Visa", K::Card, "4111 1111 1111 1111", ok, {}, "4111 11** **** 1111");
    row("Visa 13 digits", K::Card, "4222222222222", ok, {}, "4222 22** *222 2");
    row("Mastercard", K::Card, "5555-5555-5555-4444", ok, {}, "5555 55** **** 4444");
    row("Mir", K::Card, "2201 3820 0000 0013", ok, {}, "2201 38** **** 0013");
    row("Luhn failure", K::Card, "4111 1111 1111 1112", bad, {}, "4111 11** **** 1112", "Luhn");
    row("12 digits", K::Card, "411111111111", bad, {}, {}, "has 12 digits, expected 13 to 19");
    row("masked", K::Card, "4405 63** **** 1234", unchecked, "440563******1234",
        "4405 63** **** 1234", "masked");
    row("masked with X", K::Card, "440563XXXXXX1234", unchecked, "440563******1234");
    row("masked with bullets", K::Card,
        QString::fromUtf8("440563\u2022\u2022\u2022\u2022\u2022\u20221234"), unchecked,
        "440563******1234");
    row("masked too much", K::Card, "************1234", unchecked, "************1234");
    row("masked nothing shown", K::Card, "****************", bad, {}, {}, "neither");
    row("letters in card", K::Card, "4111 1111 ABCD 1111", bad, {}, {}, "only digits");

    // Phones, as Kazakh documents write them.
    row("8 and spaces", K::Phone, "8 701 123 45 67", ok, "+77011234567", "+7 701 123 4567");
    row("+7 with brackets", K::Phone, "+7 (701) 123-45-67", ok, "+77011234567");
    row("8 compact", K::Phone, "87011234567", ok, "+77011234567");
    row("10 digits", K::Phone, "7011234567", ok, "+77011234567");
    row("7 compact", K::Phone, "+77011234567", ok, "+77011234567");
    row("Almaty landline", K::Phone, "8 (727) 250-12-34", ok, "+77272501234");
    row("Russian mobile", K::Phone, "+7 912 345-67-89", ok, "+79123456789");
    row("Turkish mobile", K::Phone, "+90 532 123 45 67", ok, "+905321234567");
    row("too short", K::Phone, "+7 701 12", bad, {}, {}, "phone number");
    row("garbage", K::Phone, "call me", bad, "call me", {}, "not a phone number");
    row("no country", K::Phone, "+999 123 456", bad, {}, {}, "country code");

    // E-mail.
    row("e-mail", K::Email, "Aidar.K@Mail.KZ", ok, "aidar.k@mail.kz", "aidar.k@mail.kz");
    row("e-mail with spaces", K::Email, "  user+tag@gmail.com ", ok, "user+tag@gmail.com");
    row("mailto", K::Email, "mailto:Info@Example.org", ok, "info@example.org");
    row("angle brackets", K::Email, "<info@example.org>", ok, "info@example.org");
    row("Cyrillic domain", K::Email, QString::fromUtf8("почта@пример.рф"), ok);
    row("no at", K::Email, "user.mail.kz", bad, "user.mail.kz", {}, "no @");
    row("no local part", K::Email, "@mail.kz", bad, {}, {}, "nothing before");
    row("no domain dot", K::Email, "user@localhost", bad, {}, {}, "not a valid domain");
    row("double dot", K::Email, "user..name@mail.kz", bad, {}, {}, "dots");
    row("space inside", K::Email, "us er@mail.kz", bad, {}, {}, "before the @");

    // Identity documents.
    row("KZ passport", K::Passport, "N12345678", ok, "N12345678");
    row("KZ passport spaced, lower case", K::Passport, "n 1234 5678", ok, "N12345678");
    row("KZ passport with numero sign", K::Passport, QString::fromUtf8("№ N12345678"), ok,
        "N12345678");
    row("foreign passport", K::Passport, "AB 1234567", unchecked, "AB1234567", {},
        "not in a Kazakh format");
    row("passport with slash", K::Passport, "AB/1234567", bad, {}, {}, "contains '/'");
    row("passport too short", K::Passport, "A12", bad, {}, {}, "expected 5 to 20");
    row("KZ ID card", K::NationalId, "012345678", ok, "012345678");
    row("KZ ID card with numero sign", K::NationalId, QString::fromUtf8("№ 012 345 678"), ok,
        "012345678");
    row("KZ ID card with N", K::NationalId, "N 012345678", ok, "012345678");
    row("foreign ID", K::NationalId, "AA-1234567", unchecked, "AA1234567");

    // Wallets.
    row("BTC legacy", K::CryptoWallet, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", ok,
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    row("BTC P2SH", K::CryptoWallet, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", ok);
    row("BTC legacy corrupted", K::CryptoWallet, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", bad, {}, {},
        "checksum does not match");
    row("BTC with 0", K::CryptoWallet, "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a", bad, {}, {}, "'0'");
    row("BTC bech32", K::CryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", ok,
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    row("BTC bech32 upper case", K::CryptoWallet, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", ok,
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    row("BTC bech32m taproot", K::CryptoWallet,
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", ok);
    row("BTC bech32 corrupted", K::CryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", bad,
        {}, {}, "checksum");
    row("BTC bech32 mixed case", K::CryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4", bad,
        {}, {}, "mixes");
    row("BTC v0 in bech32m", K::CryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", bad, {},
        {}, "must use bech32");
    row("ETH lower case", K::CryptoWallet, "0xde709f2102306220921060314715629080e2fb77", ok,
        "0xde709f2102306220921060314715629080e2fb77");
    row("ETH mixed case", K::CryptoWallet, "0x52908400098527886E0F7030069857D2E4169EE7", ok,
        "0x52908400098527886e0f7030069857d2e4169ee7");
    row("ETH EIP-55 checksum case", K::CryptoWallet, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        unchecked, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", {}, "not verified");
    row("ETH too short", K::CryptoWallet, "0xde709f2102306220921060314715629080e2fb7", bad, {}, {},
        "40 hexadecimal");
    row("TRON USDT contract", K::CryptoWallet, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", ok,
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    row("TRON corrupted", K::CryptoWallet, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u", bad, {}, {},
        "TRON address checksum");
    row("TRON truncated", K::CryptoWallet, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6", bad, {}, {},
        "TRON");
    row("unknown wallet", K::CryptoWallet, "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", bad, {}, {},
        "not a Bitcoin");
}

void TestIdentifiers::parse()
{
    QFETCH(IdentifierKind, kind);
    QFETCH(QString, given);
    QFETCH(Validity, validity);
    QFETCH(QString, normalized);
    QFETCH(QString, display);
    QFETCH(QString, problem);

    const Identifier id = parser().parse(kind, given);
    QCOMPARE(id.kind, kind);
    QVERIFY2(id.validity == validity,
        qPrintable(QStringLiteral("%1, problem: %2")
                       .arg(QLatin1String(validityName(id.validity)), id.problem)));
    if (kind != IdentifierKind::Card)
        QCOMPARE(id.given, given); // kept as written, even when invalid
    if (!normalized.isEmpty())
        QCOMPARE(id.normalized, normalized);
    if (!display.isEmpty())
        QCOMPARE(id.display, display);
    if (validity == Validity::Valid)
        QVERIFY2(id.problem.isEmpty(), qPrintable(id.problem));
    else
        QVERIFY2(!id.problem.isEmpty() && id.problem.contains(problem), qPrintable(id.problem));
    QCOMPARE(id.isValid(), validity == Validity::Valid);
}

void TestIdentifiers::iinDecoding_data()
{
    QTest::addColumn<QString>("iin");
    QTest::addColumn<QDate>("birthDate");
    QTest::addColumn<QChar>("sex");
    QTest::newRow("1800s male") << "990212100034" << QDate(1899, 2, 12) << QChar('M');
    QTest::newRow("1900s male") << "850501300129" << QDate(1985, 5, 1) << QChar('M');
    QTest::newRow("1900s female") << "871219401236" << QDate(1987, 12, 19) << QChar('F');
    QTest::newRow("2000s male") << "021230500119" << QDate(2002, 12, 30) << QChar('M');
    QTest::newRow("2000s female") << "150616600048" << QDate(2015, 6, 16) << QChar('F');
    QTest::newRow("29 February 2000") << "000229500018" << QDate(2000, 2, 29) << QChar('M');
}

void TestIdentifiers::iinDecoding()
{
    QFETCH(QString, iin);
    QFETCH(QDate, birthDate);
    QFETCH(QChar, sex);
    const Identifier id = ids::KzTaxId::parse(iin);
    QVERIFY2(id.isValid(), qPrintable(id.problem));
    QCOMPARE(id.birthDate, std::optional<QDate>(birthDate));
    QCOMPARE(id.sex, std::optional<QChar>(sex));
    QCOMPARE(id.isLegalEntity, std::optional<bool>(false));
    QVERIFY(!id.registration);
}

void TestIdentifiers::bin_data()
{
    QTest::addColumn<QString>("bin");
    QTest::addColumn<QString>("registration");
    QTest::addColumn<int>("entityType");
    QTest::newRow("resident") << "220940012348"
                              << "2209" << 4;
    QTest::newRow("non-resident") << "191050123455"
                                  << "1910" << 5;
}

void TestIdentifiers::bin()
{
    QFETCH(QString, bin);
    QFETCH(QString, registration);
    QFETCH(int, entityType);
    const Identifier id = ids::KzTaxId::parse(bin);
    QVERIFY2(id.isValid(), qPrintable(id.problem));
    QCOMPARE(id.isLegalEntity, std::optional<bool>(true));
    QCOMPARE(id.registration, std::optional<QString>(registration));
    QCOMPARE(id.entityType, std::optional<int>(entityType));
    QVERIFY(!id.birthDate);
    QVERIFY(!id.sex);
}

void TestIdentifiers::ibanCountryLengths_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<int>("length"); // 0: not an IBAN country
    QTest::newRow("KZ") << "KZ" << 20;
    QTest::newRow("DE") << "DE" << 22;
    QTest::newRow("GB") << "GB" << 22;
    QTest::newRow("AE") << "AE" << 23;
    QTest::newRow("TR") << "TR" << 26;
    QTest::newRow("NO") << "NO" << 15;
    QTest::newRow("LC") << "LC" << 32;
    QTest::newRow("RU") << "RU" << 0;
    QTest::newRow("US") << "US" << 0;
}

void TestIdentifiers::ibanCountryLengths()
{
    QFETCH(QString, country);
    QFETCH(int, length);
    QCOMPARE(ids::Iban::countryLength(country).value_or(0), length);
}

void TestIdentifiers::cardHashIsKeyed()
{
    // Reference values from Python's hmac module.
    const Identifier id = parser().parse(IdentifierKind::Card, u"4111 1111 1111 1111");
    QCOMPARE(id.normalized,
        QStringLiteral("f16531a0049aac57ef5640798256c66ffc0e22da7651361328b444e5b4caeacd"));
    QCOMPARE(
        parser().parse(IdentifierKind::Card, u"4111-1111-1111-1111").normalized, id.normalized);

    IdentifierContext otherCase;
    otherCase.cardHashKey = QByteArrayLiteral("other-key");
    QCOMPARE(
        IdentifierParser(otherCase).parse(IdentifierKind::Card, u"4111111111111111").normalized,
        QStringLiteral("4a53e2e6009886f599db702cc8d0d9de66d786b9ae4a31070184ae2e2fe4e778"));
}

void TestIdentifiers::cardNeverRevealsFullNumber_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("digits");
    QTest::newRow("valid") << "4111 1111 1111 1111"
                           << "4111111111111111";
    QTest::newRow("Luhn failure") << "4111-1111-1111-1112"
                                  << "4111111111111112";
    QTest::newRow("too long") << "41111111111111111111"
                              << "41111111111111111111";
    QTest::newRow("too short") << "411111111111"
                               << "411111111111";
    QTest::newRow("with a letter") << "4405 6312 3456 789A"
                                   << "440563123456789";
    QTest::newRow("19 digits") << "6250941006528599000"
                               << "6250941006528599000";
}

void TestIdentifiers::cardNeverRevealsFullNumber()
{
    QFETCH(QString, given);
    QFETCH(QString, digits);
    const Identifier id = parser().parse(IdentifierKind::Card, given);
    // Compare on digits alone, so a number merely regrouped in some field is still caught.
    const auto digitsOf = [](const QString &text) {
        QString out;
        for (QChar c : text) {
            if (c.isDigit())
                out.append(c);
        }
        return out;
    };
    const QString middle = digits.mid(6, digits.size() - 10);
    for (const QString &field : { id.given, id.normalized, id.display, id.problem }) {
        QVERIFY2(!digitsOf(field).contains(digits), qPrintable(field));
        QVERIFY2(!field.contains(given), qPrintable(field));
        if (middle.size() >= 3)
            QVERIFY2(!digitsOf(field).contains(digits.left(6) + middle), qPrintable(field));
    }
}

void TestIdentifiers::walletNetwork_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("network");
    QTest::newRow("legacy") << "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
                            << "bitcoin";
    QTest::newRow("P2SH") << "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
                          << "bitcoin";
    QTest::newRow("bech32") << "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
                            << "bitcoin";
    QTest::newRow("ethereum") << "0xde709f2102306220921060314715629080e2fb77"
                              << "ethereum";
    QTest::newRow("tron") << "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
                          << "tron";
    QTest::newRow("corrupted tron keeps network") << "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"
                                                  << "tron";
}

void TestIdentifiers::walletNetwork()
{
    QFETCH(QString, address);
    QFETCH(QString, network);
    QCOMPARE(parser().parse(IdentifierKind::CryptoWallet, address).network,
        std::optional<QString>(network));
}

void TestIdentifiers::phoneCountry_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("country");
    QTest::newRow("Kazakh mobile") << "8 701 123 45 67"
                                   << "KZ";
    QTest::newRow("Russian mobile") << "+7 912 345-67-89"
                                    << "RU";
    QTest::newRow("Turkish mobile") << "+90 532 123 45 67"
                                    << "TR";
}

void TestIdentifiers::phoneCountry()
{
    QFETCH(QString, phone);
    QFETCH(QString, country);
    QCOMPARE(parser().parse(IdentifierKind::Phone, phone).country, std::optional<QString>(country));
}

void TestIdentifiers::guess_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind"); // -1: no guess
    const auto row = [](const char *name, const QString &text, std::optional<IdentifierKind> kind) {
        QTest::newRow(name) << text << (kind ? static_cast<int>(*kind) : -1);
    };
    using K = IdentifierKind;
    row("IIN", "850501300129", K::TaxId);
    row("IIN spaced", "8505 0130 0129", K::TaxId);
    row("BIN", "220940012348", K::TaxId);
    row("KZ IBAN", "KZ86125KZT5004100100", K::Iban);
    row("DE IBAN grouped", "DE89 3704 0044 0532 0130 00", K::Iban);
    row("TR IBAN", "TR330006100519786457841326", K::Iban);
    row("Visa", "4111 1111 1111 1111", K::Card);
    row("Mir", "2201382000000013", K::Card);
    row("masked card", "440563******1234", K::Card);
    row("16 digits failing Luhn", "4111111111111112", std::nullopt);
    row("phone +7", "+7 (701) 123-45-67", K::Phone);
    row("phone 8", "8 701 123 45 67", K::Phone);
    row("phone 10 digits", "7011234567", K::Phone);
    row("phone Turkish", "+90 532 123 45 67", K::Phone);
    row("e-mail", "aidar@mail.kz", K::Email);
    row("BTC legacy", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", K::CryptoWallet);
    row("BTC P2SH", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", K::CryptoWallet);
    row("BTC bech32", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", K::CryptoWallet);
    row("ETH", "0xde709f2102306220921060314715629080e2fb77", K::CryptoWallet);
    row("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", K::CryptoWallet);
    row("KZ passport", "N12345678", K::Passport);
    row("word", "Almaty", std::nullopt);
    row("empty", "", std::nullopt);
    row("short number", "12345", std::nullopt);
}

void TestIdentifiers::guess()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    const std::optional<IdentifierKind> guessed = parser().guess(text);
    QCOMPARE(guessed ? static_cast<int>(*guessed) : -1, kind);
}

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "TestIdentifiers.moc"
