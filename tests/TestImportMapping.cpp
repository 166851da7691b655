#include "import/ImportMapping.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fundtrace::import;

class TestImportMapping : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAllColumnForms();
    void rejectsBadMappings_data();
    void rejectsBadMappings();
    void roundTripsThroughFile();
    void guessesCommonHeaders_data();
    void guessesCommonHeaders();
    void debitCreditReplaceSignedAmount();
};

static ImportMapping parse(const char *json)
{
    return ImportMapping::fromJson(QJsonDocument::fromJson(json).object());
}

void TestImportMapping::parsesAllColumnForms()
{
    const ImportMapping mapping = parse(R"({
        "encoding": "windows-1251", "delimiter": "\t", "hasHeader": true, "skipRows": 3,
        "timezone": "Asia/Almaty", "dateFormat": "dd.MM.yyyy", "decimalMark": ",",
        "fields": {
            "date": "Дата",
            "debit": {"column": "Сумма", "occurrence": 1},
            "credit": {"column": "Сумма", "occurrence": 2},
            "account": {"columns": [{"column": "БИК"}, {"index": 4}], "separator": "/"},
            "currency": {"constant": "KZT"},
            "externalId": {"index": 0}
        },
        "debitWords": ["снятие"], "creditWords": ["взнос"]
    })");
    QCOMPARE(mapping.encoding, QStringLiteral("windows-1251"));
    QCOMPARE(mapping.delimiter, QStringLiteral("\t"));
    QCOMPARE(mapping.skipRows, 3);
    QCOMPARE(mapping.decimalMark, QStringLiteral(","));
    QCOMPARE(mapping.fields.at(Field::Date).columns.front().header, QStringLiteral("Дата"));
    QCOMPARE(mapping.fields.at(Field::Credit).columns.front().occurrence, 2);
    const FieldSource &account = mapping.fields.at(Field::Account);
    QCOMPARE(account.columns.size(), std::size_t(2));
    QCOMPARE(account.columns[1].index, 4);
    QCOMPARE(account.separator, QStringLiteral("/"));
    QCOMPARE(*mapping.fields.at(Field::Currency).constant, QStringLiteral("KZT"));
    QCOMPARE(mapping.fields.at(Field::ExternalId).columns.front().index, 0);
    QCOMPARE(mapping.debitWords, QStringList { QStringLiteral("снятие") });
}

void TestImportMapping::rejectsBadMappings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown field") << QByteArray(R"({"fields": {"amout": "Sum"}})") << "unknown field \"amout\"";
    QTest::newRow("unknown key") << QByteArray(R"({"delimeter": ";"})") << "unknown key \"delimeter\"";
    QTest::newRow("long delimiter") << QByteArray(R"({"delimiter": ";;"})") << "one character";
    QTest::newRow("bad decimal") << QByteArray(R"({"decimalMark": "'"})") << "decimalMark";
    QTest::newRow("negative index") << QByteArray(R"({"fields": {"date": {"index": -2}}})") << "field \"date\"";
    QTest::newRow("zero occurrence") << QByteArray(R"({"fields": {"date": {"column": "D", "occurrence": 0}}})") << "occurrence";
    QTest::newRow("empty columns") << QByteArray(R"({"fields": {"account": {"columns": []}}})") << "empty";
}

void TestImportMapping::rejectsBadMappings()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    try {
        ImportMapping::fromJson(QJsonDocument::fromJson(json).object());
        QFAIL("bad mapping accepted");
    } catch (const MappingError &error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
    }
}

void TestImportMapping::roundTripsThroughFile()
{
    QTemporaryDir dir;
    ImportMapping mapping;
    mapping.encoding = QStringLiteral("UTF-16LE");
    mapping.fields[Field::Date].columns.push_back({ QStringLiteral("Date"), 1, -1 });
    mapping.fields[Field::Account].columns = { { QStringLiteral("Bank"), 1, -1 }, { {}, 1, 3 } };
    mapping.fields[Field::Currency].constant = QStringLiteral("USD");
    const QString path = dir.filePath(QStringLiteral("m.json"));
    mapping.save(path);
    const ImportMapping loaded = ImportMapping::load(path);
    QCOMPARE(loaded.toJson(), mapping.toJson());
    QVERIFY_THROWS_EXCEPTION(MappingError, ImportMapping::load(dir.filePath(QStringLiteral("missing.json"))));
}

void TestImportMapping::guessesCommonHeaders_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expectedHeader");
    const QStringList russian = { QStringLiteral("№ документа"), QStringLiteral("Дата операции"), QStringLiteral("Дебет"),
                                  QStringLiteral("Кредит"), QStringLiteral("Валюта"), QStringLiteral("Получатель/Отправитель"),
                                  QStringLiteral("БИН/ИИН"), QStringLiteral("Счет контрагента"), QStringLiteral("Назначение платежа") };
    QTest::newRow("ru date") << russian << "date" << "Дата операции";
    QTest::newRow("ru debit") << russian << "debit" << "Дебет";
    QTest::newRow("ru credit") << russian << "credit" << "Кредит";
    QTest::newRow("ru counterparty") << russian << "counterpartyName" << "Получатель/Отправитель";
    QTest::newRow("ru tax id") << russian << "counterpartyTaxId" << "БИН/ИИН";
    QTest::newRow("ru counterparty account") << russian << "counterpartyAccount" << "Счет контрагента";
    QTest::newRow("ru purpose") << russian << "purpose" << "Назначение платежа";
    QTest::newRow("ru doc no") << russian << "externalId" << "№ документа";
    const QStringList english = { QStringLiteral("Date"), QStringLiteral("Account"), QStringLiteral("Amount"),
                                  QStringLiteral("Currency"), QStringLiteral("Counterparty"),
                                  QStringLiteral("Counterparty account"), QStringLiteral("Purpose"),
                                  QStringLiteral("Transaction ID"), QStringLiteral("Channel"), QStringLiteral("Balance") };
    QTest::newRow("en date") << english << "date" << "Date";
    QTest::newRow("en account") << english << "account" << "Account";
    QTest::newRow("en amount") << english << "amount" << "Amount";
    QTest::newRow("en counterparty") << english << "counterpartyName" << "Counterparty";
    QTest::newRow("en counterparty account") << english << "counterpartyAccount" << "Counterparty account";
    QTest::newRow("en id") << english << "externalId" << "Transaction ID";
    QTest::newRow("en balance") << english << "balance" << "Balance";
    QTest::newRow("en channel") << english << "channel" << "Channel";
    QTest::newRow("ru amount") << QStringList { QStringLiteral("Дата"), QStringLiteral("Сумма") } << "amount" << "Сумма";
}

void TestImportMapping::guessesCommonHeaders()
{
    QFETCH(QStringList, headers);
    QFETCH(QString, field);
    QFETCH(QString, expectedHeader);
    const ImportMapping mapping = guessMapping(headers);
    const auto key = fieldFromKey(field);
    QVERIFY(key);
    QVERIFY2(mapping.fields.count(*key), qPrintable(field + QStringLiteral(" not guessed")));
    QCOMPARE(mapping.fields.at(*key).columns.front().header, expectedHeader);
}

void TestImportMapping::debitCreditReplaceSignedAmount()
{
    const ImportMapping mapping = guessMapping({ QStringLiteral("Дата"), QStringLiteral("Сумма"), QStringLiteral("Дебет"),
                                                 QStringLiteral("Кредит") });
    QVERIFY(mapping.fields.count(Field::Debit));
    QVERIFY(mapping.fields.count(Field::Credit));
    QVERIFY(!mapping.fields.count(Field::Amount));
}

QTEST_GUILESS_MAIN(TestImportMapping)
#include "TestImportMapping.moc"
