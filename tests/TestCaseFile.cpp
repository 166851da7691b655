#include "db/CaseFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using fundtrace::db::CaseError;
using fundtrace::db::CaseFile;

class TestCaseFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createsCaseWithSchemaAndMeta();
    void refusesToOverwrite();
    void reopensAndKeepsMeta();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void readOnlyOpenCannotWrite();
    void foreignKeysAreEnforced();
    void accountLookupsUseTheTimeIndexes_data();
    void accountLookupsUseTheTimeIndexes();

private:
    QTemporaryDir m_dir;
};

void TestCaseFile::createsCaseWithSchemaAndMeta()
{
    const QString path = m_dir.filePath(QStringLiteral("new.ftcase"));
    CaseFile caseFile = CaseFile::create(path, QStringLiteral("Operation Sadaqa"));
    QCOMPARE(caseFile.title(), QStringLiteral("Operation Sadaqa"));
    QCOMPARE(caseFile.db().scalarInt("PRAGMA user_version"), CaseFile::kSchemaVersion);
    QCOMPARE(caseFile.db().scalarInt("PRAGMA foreign_keys"), 1);
    auto mode = caseFile.db().prepare("PRAGMA journal_mode");
    QVERIFY(mode.step());
    QCOMPARE(mode.qtext(0), QStringLiteral("wal"));
    QCOMPARE(caseFile.meta(QStringLiteral("timezone")), QStringLiteral("Asia/Almaty"));
    QVERIFY(!caseFile.meta(QStringLiteral("created_by")).isEmpty());
    QCOMPARE(caseFile.db().scalarInt("SELECT count(*) FROM audit_log WHERE action = 'case.create'"), 1);
    for (const char *table : { "sources", "accounts", "subjects", "transactions", "texts", "texts_fts",
                               "annotations", "annotations_fts", "audit_log", "import_rejects" }) {
        auto exists = caseFile.db().prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
        exists.bind(1, table);
        QVERIFY(exists.step());
        QVERIFY2(exists.int64(0) == 1, table);
    }
}

void TestCaseFile::refusesToOverwrite()
{
    const QString path = m_dir.filePath(QStringLiteral("twice.ftcase"));
    CaseFile::create(path, QStringLiteral("first"));
    try {
        CaseFile::create(path, QStringLiteral("second"));
        QFAIL("create overwrote an existing case");
    } catch (const CaseError &error) {
        QCOMPARE(error.reason(), CaseError::Reason::AlreadyExists);
    }
}

void TestCaseFile::reopensAndKeepsMeta()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.ftcase"));
    {
        CaseFile caseFile = CaseFile::create(path, QStringLiteral("Reopen"));
        caseFile.setMeta(QStringLiteral("timezone"), QStringLiteral("Asia/Aqtobe"));
    }
    CaseFile reopened = CaseFile::open(path);
    QCOMPARE(reopened.title(), QStringLiteral("Reopen"));
    QCOMPARE(reopened.meta(QStringLiteral("timezone")), QStringLiteral("Asia/Aqtobe"));
}

void TestCaseFile::refusesBadFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("reason");
    QTest::newRow("missing") << "missing" << int(CaseError::Reason::NotFound);
    QTest::newRow("text file") << "text" << int(CaseError::Reason::NotACase);
    QTest::newRow("empty file") << "empty" << int(CaseError::Reason::NotACase);
    QTest::newRow("other sqlite db") << "foreign" << int(CaseError::Reason::NotACase);
    QTest::newRow("newer version") << "newer" << int(CaseError::Reason::NewerVersion);
    QTest::newRow("corrupt") << "corrupt" << int(CaseError::Reason::Corrupt);
    QTest::newRow("directory") << "directory" << int(CaseError::Reason::NotACase);
}

void TestCaseFile::refusesBadFiles()
{
    QFETCH(QString, kind);
    QFETCH(int, reason);
    const QString path = m_dir.filePath(kind + QStringLiteral(".ftcase"));
    if (kind == QLatin1String("text")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Date,Amount\n01.02.2024,100\n");
    } else if (kind == QLatin1String("empty")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    } else if (kind == QLatin1String("foreign")) {
        fundtrace::db::Database db(path, fundtrace::db::Database::Mode::ReadWriteCreate);
        db.exec("CREATE TABLE t(x)");
    } else if (kind == QLatin1String("newer")) {
        CaseFile::create(path, QStringLiteral("future")).db().exec("PRAGMA user_version = 99");
    } else if (kind == QLatin1String("corrupt")) {
        {
            CaseFile caseFile = CaseFile::create(path, QStringLiteral("to damage"));
            caseFile.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            caseFile.db().exec("PRAGMA journal_mode=DELETE");
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 8192);
        // Keep the 100-byte header intact so SQLite recognises the file, damage the b-tree pages.
        file.seek(4096);
        file.write(QByteArray(int(size - 4096), '\xA5'));
    } else if (kind == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(path));
    }

    try {
        CaseFile::open(path);
        QFAIL("a bad file was opened as a case");
    } catch (const CaseError &error) {
        QCOMPARE(int(error.reason()), reason);
        QVERIFY(QString::fromUtf8(error.what()).contains(path));
    }
}

void TestCaseFile::readOnlyOpenCannotWrite()
{
    const QString path = m_dir.filePath(QStringLiteral("ro.ftcase"));
    CaseFile::create(path, QStringLiteral("read only"));
    CaseFile caseFile = CaseFile::open(path, true);
    QVERIFY(caseFile.isReadOnly());
    QVERIFY_THROWS_EXCEPTION(fundtrace::db::DbError, caseFile.setMeta(QStringLiteral("title"), QStringLiteral("x")));
}

void TestCaseFile::foreignKeysAreEnforced()
{
    CaseFile caseFile = CaseFile::create(m_dir.filePath(QStringLiteral("fk.ftcase")), QStringLiteral("fk"));
    QVERIFY_THROWS_EXCEPTION(fundtrace::db::DbError,
                             caseFile.db().exec("INSERT INTO transactions(source_id, source_row, direction, amount_minor, "
                                                "currency, booked_at, booked_text) VALUES (42, 1, 'C', 100, 'KZT', 0, 'x')"));
}

QTEST_GUILESS_MAIN(TestCaseFile)
// The counterparty index is partial (no NULL accounts, migration 006); the lookups the queries
// make, by '=', 'IN' and joins, must still find it.
void TestCaseFile::accountLookupsUseTheTimeIndexes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("index");
    QTest::newRow("counterparty =") << "SELECT count(*) FROM transactions WHERE counterparty_account_id = 7"
                                    << "tx_counterparty_time";
    QTest::newRow("counterparty IN") << "SELECT id FROM transactions WHERE counterparty_account_id IN (1, 2) "
                                        "ORDER BY booked_at"
                                     << "tx_counterparty_time";
    QTest::newRow("either side") << "SELECT id FROM transactions WHERE account_id IN (SELECT id FROM accounts "
                                    "WHERE normalized = 'X') OR counterparty_account_id IN (SELECT id FROM accounts "
                                    "WHERE normalized = 'X')"
                                 << "tx_counterparty_time";
    QTest::newRow("join") << "SELECT t.id FROM accounts a JOIN transactions t ON t.counterparty_account_id = a.id "
                             "WHERE a.subject_id = 3"
                          << "tx_counterparty_time";
    QTest::newRow("account =") << "SELECT id FROM transactions WHERE account_id = 7 AND booked_at > 0"
                               << "tx_account_time";
}

void TestCaseFile::accountLookupsUseTheTimeIndexes()
{
    QFETCH(QString, sql);
    QFETCH(QString, index);
    const QString path = m_dir.filePath(QStringLiteral("plans.ftcase"));
    QFile::remove(path);
    CaseFile caseFile = CaseFile::create(path, QStringLiteral("plans"));
    auto plan = caseFile.db().prepare("EXPLAIN QUERY PLAN " + sql.toStdString());
    QString details;
    while (plan.step())
        details += plan.qtext(3) + QLatin1Char('\n');
    QVERIFY2(details.contains(index), qPrintable(details));
}

#include "TestCaseFile.moc"
