#include "db/CaseFile.h"
#include "demo/TypologyScenarioGenerator.h"
#include "import/FileImporter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace fundtrace;

class TestTypologyScenario : public QObject {
    Q_OBJECT

private:
    static QByteArray digest(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

private slots:
    void deterministicForSeed()
    {
        QTemporaryDir a, b, c;
        const auto first = demo::TypologyScenarioGenerator::write(a.path(), 3'000, 7);
        const auto second = demo::TypologyScenarioGenerator::write(b.path(), 3'000, 7);
        const auto other = demo::TypologyScenarioGenerator::write(c.path(), 3'000, 8);
        QCOMPARE(first.rows, second.rows);
        QCOMPARE(digest(first.csvPath), digest(second.csvPath));
        QCOMPARE(digest(first.truthPath), digest(second.truthPath));
        QCOMPARE(digest(first.listPath), digest(second.listPath));
        QVERIFY(digest(first.csvPath) != digest(other.csvPath));
    }

    void writesRequestedRows()
    {
        QTemporaryDir dir;
        const auto scenario = demo::TypologyScenarioGenerator::write(dir.path(), 20'000, 1);
        QCOMPARE(scenario.rows, qint64(20'000));
        QFile csv(scenario.csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        qint64 lines = 0;
        QSet<QByteArray> ids;
        const QByteArray header = csv.readLine();
        QVERIFY(header.startsWith("Date,Account,Account holder,Holder IIN,Amount"));
        while (!csv.atEnd()) {
            const QByteArray line = csv.readLine().trimmed();
            ++lines;
            const QList<QByteArray> tail = line.split(',');
            ids.insert(tail[tail.size() - 2]);
        }
        QCOMPARE(lines, qint64(20'000));
        QCOMPARE(ids.size(), 20'000); // every row has its own external id
    }

    void truthHasEveryTypology()
    {
        QTemporaryDir dir;
        const auto scenario = demo::TypologyScenarioGenerator::write(dir.path(), 5'000, 3);
        QFile file(scenario.truthPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(file.readAll()).object();
        QSet<QString> positives, decoys;
        for (const QJsonValue &value : truth.value(QLatin1String("patterns")).toArray()) {
            const QJsonObject p = value.toObject();
            QVERIFY(!p.value(QLatin1String("accounts")).toArray().isEmpty());
            QVERIFY(!p.value(QLatin1String("transactions")).toArray().isEmpty());
            QVERIFY(p.value(QLatin1String("start")).toString() <= p.value(QLatin1String("end")).toString());
            (p.value(QLatin1String("decoy")).toBool() ? decoys : positives).insert(p.value(QLatin1String("typology")).toString());
        }
        for (const QString &typology : demo::TypologyScenarioGenerator::typologies()) {
            QVERIFY2(positives.contains(typology), qPrintable(typology));
            QVERIFY2(decoys.contains(typology), qPrintable(typology));
        }
        QCOMPARE(scenario.patterns, 13 * 6);
        QVERIFY(scenario.decoys >= 13);
    }

    void smallScenarioImportsWithoutRejects()
    {
        QTemporaryDir dir;
        const auto scenario = demo::TypologyScenarioGenerator::write(dir.path(), 4'000, 11);
        db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("t.ftcase")), QStringLiteral("t"));
        import::ImportOptions options;
        options.mapping = demo::TypologyScenarioGenerator::importMapping();
        const import::ImportResult csv = import::FileImporter(caseFile, options).importFile(scenario.csvPath);
        QCOMPARE(int(csv.status), int(import::ImportResult::Status::Imported));
        QCOMPARE(csv.rowsRejected, std::int64_t(0));
        QCOMPARE(csv.rowsImported, std::int64_t(scenario.rows));
        QCOMPARE(caseFile.db().scalarInt("SELECT count(DISTINCT external_id) FROM transactions"), std::int64_t(scenario.rows));
        QVERIFY(caseFile.db().scalarInt("SELECT count(*) FROM accounts WHERE holder_tax_id IS NOT NULL") > 0);

        import::ImportOptions listOptions;
        listOptions.format = QStringLiteral("national-list");
        listOptions.listName = demo::TypologyScenarioGenerator::listName();
        const import::ImportResult list = import::FileImporter(caseFile, listOptions).importFile(scenario.listPath);
        QCOMPARE(int(list.status), int(import::ImportResult::Status::Imported));
        QCOMPARE(list.rowsRejected, std::int64_t(0));
        QVERIFY(list.rowsImported >= 6);
    }
};

QTEST_GUILESS_MAIN(TestTypologyScenario)
#include "TestTypologyScenario.moc"
