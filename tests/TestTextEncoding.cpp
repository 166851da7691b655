#include "import/CsvReader.h"
#include "import/TextEncoding.h"

#include <QBuffer>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using fundtrace::import::TextEncoding;

namespace {

QByteArray utf16(const QString &text, bool bigEndian)
{
    QByteArray bytes;
    for (const QChar c : text) {
        const char hi = char(c.unicode() >> 8);
        const char lo = char(c.unicode() & 0xFF);
        if (bigEndian)
            bytes.append(hi).append(lo);
        else
            bytes.append(lo).append(hi);
    }
    return bytes;
}

QByteArray cp1251(const QString &text)
{
    QStringEncoder encoder("windows-1251");
    return encoder.encode(text);
}

} // namespace

class TestTextEncoding : public QObject {
    Q_OBJECT

private slots:
    void detectEncoding_data();
    void detectEncoding();
    void detectFixture_data();
    void detectFixture();
    void encodingFromName_data();
    void encodingFromName();
    void encodingNameRoundTrip();
    void windows1251Table();
};

void TestTextEncoding::detectEncoding_data()
{
    QTest::addColumn<QByteArray>("sample");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("bomLength");
    QTest::addColumn<bool>("fromBom");

    const QString russian
        = QStringLiteral("Дата;Сумма;Получатель;Назначение платежа\r\n"
                         "05.03.2024;1 500,00;ТОО \"Ромашка\";оплата по счёту №7\r\n");
    const QString kazakh
        = QStringLiteral("Күні;Сомасы;Алушы\r\n01.03.2024;150 000,00;Қайрат Әбенов\r\n");
    const QString kazakhIn1251
        = QStringLiteral("Куні;Сомасы;Алушы\r\n01.03.2024;150 000,00;Iзбасар\r\n");
    const int utf8 = int(TextEncoding::Utf8);
    const int le = int(TextEncoding::Utf16LE);
    const int be = int(TextEncoding::Utf16BE);
    const int win = int(TextEncoding::Windows1251);

    QTest::newRow("empty") << QByteArray() << utf8 << 0 << false;
    QTest::newRow("ASCII") << QByteArray("date,amount\n2024-03-05,100\n") << utf8 << 0 << false;
    QTest::newRow("UTF-8 with BOM") << "\xEF\xBB\xBF" + russian.toUtf8() << utf8 << 3 << true;
    QTest::newRow("UTF-8 BOM only") << QByteArray("\xEF\xBB\xBF") << utf8 << 3 << true;
    QTest::newRow("UTF-8 Russian without BOM") << russian.toUtf8() << utf8 << 0 << false;
    QTest::newRow("UTF-8 Kazakh without BOM") << kazakh.toUtf8() << utf8 << 0 << false;
    QTest::newRow("UTF-8 cut mid-character") << russian.toUtf8().left(7) << utf8 << 0 << false;
    QTest::newRow("UTF-16LE with BOM") << "\xFF\xFE" + utf16(russian, false) << le << 2 << true;
    QTest::newRow("UTF-16BE with BOM") << "\xFE\xFF" + utf16(russian, true) << be << 2 << true;
    QTest::newRow("UTF-16LE Kazakh with BOM")
        << "\xFF\xFE" + utf16(kazakh, false) << le << 2 << true;
    QTest::newRow("UTF-16LE without BOM") << utf16(russian, false) << le << 0 << false;
    QTest::newRow("UTF-16BE without BOM") << utf16(kazakh, true) << be << 0 << false;
    QTest::newRow("UTF-16LE ASCII without BOM") << utf16("a,b\n1,2\n", false) << le << 0 << false;
    QTest::newRow("windows-1251 Russian") << cp1251(russian) << win << 0 << false;
    QTest::newRow("windows-1251 Kazakh") << cp1251(kazakhIn1251) << win << 0 << false;
    QTest::newRow("windows-1251 one word") << cp1251("Платеж") << win << 0 << false;
    QTest::newRow("windows-1251 capitals") << cp1251("ИВАНОВ ИВАН") << win << 0 << false;
}

void TestTextEncoding::detectEncoding()
{
    QFETCH(QByteArray, sample);
    QFETCH(int, encoding);
    QFETCH(int, bomLength);
    QFETCH(bool, fromBom);

    const auto guess = fundtrace::import::detectEncoding(sample);
    QCOMPARE(int(guess.encoding), encoding);
    QCOMPARE(guess.bomLength, bomLength);
    QCOMPARE(guess.fromBom, fromBom);
}

void TestTextEncoding::detectFixture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("encoding");
    QTest::newRow("1C windows-1251")
        << "statement-1c-cp1251-semicolon.csv" << int(TextEncoding::Windows1251);
    QTest::newRow("Excel UTF-8") << "excel-utf8-bom-comma.csv" << int(TextEncoding::Utf8);
    QTest::newRow("Excel UTF-16LE")
        << "excel-unicode-text-utf16le.txt" << int(TextEncoding::Utf16LE);
}

void TestTextEncoding::detectFixture()
{
    QFETCH(QString, file);
    QFETCH(int, encoding);
    QFile input(QStringLiteral(FUNDTRACE_TEST_DATA "/csv/") + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    QCOMPARE(int(fundtrace::import::detectEncoding(input.read(64 * 1024)).encoding), encoding);
}

void TestTextEncoding::encodingFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("encoding"); // -1: not recognised

    QTest::newRow("UTF-8") << "UTF-8" << int(TextEncoding::Utf8);
    QTest::newRow("utf8") << "utf8" << int(TextEncoding::Utf8);
    QTest::newRow("Utf_8 with spaces") << " Utf_8 " << int(TextEncoding::Utf8);
    QTest::newRow("UTF-8-BOM") << "UTF-8-BOM" << int(TextEncoding::Utf8);
    QTest::newRow("UTF-16LE") << "UTF-16LE" << int(TextEncoding::Utf16LE);
    QTest::newRow("utf-16 means LE") << "utf-16" << int(TextEncoding::Utf16LE);
    QTest::newRow("Unicode (Windows)") << "Unicode" << int(TextEncoding::Utf16LE);
    QTest::newRow("UCS-2") << "ucs-2" << int(TextEncoding::Utf16LE);
    QTest::newRow("UTF-16BE") << "UTF-16BE" << int(TextEncoding::Utf16BE);
    QTest::newRow("utf16be") << "utf16be" << int(TextEncoding::Utf16BE);
    QTest::newRow("windows-1251") << "windows-1251" << int(TextEncoding::Windows1251);
    QTest::newRow("Windows1251") << "Windows1251" << int(TextEncoding::Windows1251);
    QTest::newRow("cp1251") << "cp1251" << int(TextEncoding::Windows1251);
    QTest::newRow("CP-1251") << "CP-1251" << int(TextEncoding::Windows1251);
    QTest::newRow("1251") << "1251" << int(TextEncoding::Windows1251);
    QTest::newRow("win-1251") << "win-1251" << int(TextEncoding::Windows1251);
    QTest::newRow("x-cp1251") << "x-cp1251" << int(TextEncoding::Windows1251);
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("koi8-r") << "koi8-r" << -1;
    QTest::newRow("latin1") << "latin1" << -1;
    QTest::newRow("utf-32") << "utf-32" << -1;
}

void TestTextEncoding::encodingFromName()
{
    QFETCH(QString, name);
    QFETCH(int, encoding);
    const auto parsed = fundtrace::import::encodingFromName(name);
    if (encoding < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(int(*parsed), encoding);
    }
}

void TestTextEncoding::encodingNameRoundTrip()
{
    for (const auto encoding : { TextEncoding::Utf8, TextEncoding::Utf16LE, TextEncoding::Utf16BE,
                                 TextEncoding::Windows1251 }) {
        const auto parsed
            = fundtrace::import::encodingFromName(fundtrace::import::encodingName(encoding));
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, encoding);
    }
    QCOMPARE(
        fundtrace::import::encodingName(TextEncoding::Windows1251), QStringLiteral("windows-1251"));
}

// The reader's hand-written windows-1251 table agrees with ICU's converter on every byte.
void TestTextEncoding::windows1251Table()
{
    QByteArray all;
    for (int byte = 0x20; byte <= 0xFF; ++byte) {
        if (byte != 0x98 && byte != 0x7F && byte != '"' && byte != ',')
            all.append(char(byte));
    }
    QStringDecoder reference("windows-1251");
    QVERIFY(reference.isValid());
    const QString expected = reference.decode(all);

    QBuffer buffer;
    buffer.setData(all + "\n");
    buffer.open(QIODevice::ReadOnly);
    fundtrace::import::CsvReader::Options options;
    options.encoding = TextEncoding::Windows1251;
    fundtrace::import::CsvReader reader(buffer, options);
    fundtrace::import::CsvRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields.size(), size_t(1));
    QCOMPARE(
        QString::fromUtf8(record.fields[0].data(), qsizetype(record.fields[0].size())), expected);
}

QTEST_GUILESS_MAIN(TestTextEncoding)
#include "TestTextEncoding.moc"
