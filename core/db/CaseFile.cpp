#include "db/CaseFile.h"

#include "audit/AuditLog.h"
#include "util/Logging.h"
#include "util/SystemInfo.h"

#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

// The migrations are compiled into the static core library as a Qt resource; a static library's
// resources must be registered explicitly or the linker drops them.
static void registerCoreResources()
{
    Q_INIT_RESOURCE(core);
}

namespace fundtrace::db {
namespace {

QString migrationResource(int version)
{
    return QStringLiteral(":/fundtrace/migrations/%1_").arg(version, 3, 10, QLatin1Char('0'));
}

// Finds ":/fundtrace/migrations/NNN_*.sql" for a version.
QString migrationSql(int version)
{
    static const bool registered = (registerCoreResources(), true);
    Q_UNUSED(registered);
    static const QStringList names = { QStringLiteral("initial"),     QStringLiteral("formats"),
                                       QStringLiteral("subjects"),    QStringLiteral("alerts"),
                                       QStringLiteral("graph_views"), QStringLiteral("counterparty_index") };
    if (version < 1 || version > static_cast<int>(names.size()))
        return {};
    QFile file(migrationResource(version) + names[version - 1] + QStringLiteral(".sql"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

CaseError classify(const DbError &error, const QString &path)
{
    const int primary = error.code() & 0xff;
    switch (primary) {
    case SQLITE_NOTADB:
        return CaseError(CaseError::Reason::NotACase,
                         QStringLiteral("%1 is not a Fundtrace case (not an SQLite database).").arg(path));
    case SQLITE_CORRUPT:
        return CaseError(CaseError::Reason::Corrupt,
                         QStringLiteral("%1 is damaged (SQLite reports corruption: %2). Restore it "
                                        "from a backup.")
                                 .arg(path, QString::fromStdString(error.what())));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return CaseError(CaseError::Reason::Locked,
                         QStringLiteral("%1 is locked by another program.").arg(path));
    default:
        return CaseError(CaseError::Reason::Io,
                         QStringLiteral("Cannot open %1: %2").arg(path, QString::fromStdString(error.what())));
    }
}

} // namespace

CaseFile::CaseFile(Database db, bool readOnly)
    : m_db(std::move(db))
    , m_readOnly(readOnly)
{
}

void CaseFile::configureConnection(Database &db, bool readOnly)
{
    if (!readOnly) {
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
    }
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("PRAGMA temp_store=MEMORY");
    db.exec("PRAGMA cache_size=-65536"); // 64 MiB
}

void CaseFile::migrate(Database &db)
{
    const int current = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        const QString sql = migrationSql(version);
        if (sql.isEmpty())
            throw CaseError(CaseError::Reason::Io,
                            QStringLiteral("Migration %1 is missing from this build.").arg(version));
        Transaction transaction(db);
        db.exec(sql.toStdString());
        db.exec("PRAGMA user_version=" + std::to_string(version));
        transaction.commit();
        log::get("db")->info("case schema migrated to version {}", version);
    }
}

CaseFile CaseFile::create(const QString &path, const QString &title)
{
    if (QFileInfo::exists(path))
        throw CaseError(CaseError::Reason::AlreadyExists,
                        QStringLiteral("%1 already exists; choose another name or open it.").arg(path));
    try {
        Database db(path, Database::Mode::ReadWriteCreate);
        // Larger pages mean fewer b-tree splits and cell moves in bulk imports; it must be set
        // before the first write and before WAL mode.
        db.exec("PRAGMA page_size=8192");
        configureConnection(db, false);
        migrate(db);
        CaseFile caseFile(std::move(db), false);
        const QString now = util::utcNowIso();
        caseFile.setMeta(QStringLiteral("title"), title);
        caseFile.setMeta(QStringLiteral("created_at"), now);
        caseFile.setMeta(QStringLiteral("created_by"), util::osUserName());
        caseFile.setMeta(QStringLiteral("created_with"), QStringLiteral("Fundtrace " FUNDTRACE_VERSION));
        caseFile.setMeta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
        audit::AuditLog(caseFile.db()).record(QStringLiteral("case.create"), {}, 0,
                                              { { QStringLiteral("title"), title } });
        return caseFile;
    } catch (const DbError &error) {
        throw classify(error, path);
    }
}

CaseFile CaseFile::open(const QString &path, bool readOnly)
{
    if (!QFileInfo::exists(path))
        throw CaseError(CaseError::Reason::NotFound, QStringLiteral("%1 does not exist.").arg(path));
    if (!QFileInfo(path).isFile())
        throw CaseError(CaseError::Reason::NotACase, QStringLiteral("%1 is not a file.").arg(path));
    try {
        Database db(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        // Reading the schema is the first access that touches the file's content, so a non-SQLite
        // file or a damaged header fails here.
        const int version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
        const auto tables = db.scalarInt("SELECT count(*) FROM sqlite_schema");
        if (version == 0 && tables > 0)
            throw CaseError(CaseError::Reason::NotACase,
                            QStringLiteral("%1 is an SQLite database but not a Fundtrace case.").arg(path));
        if (version > kSchemaVersion)
            throw CaseError(CaseError::Reason::NewerVersion,
                            QStringLiteral("%1 was written by a newer Fundtrace (case format %2; this "
                                           "version reads up to %3). Update Fundtrace to open it.")
                                    .arg(path)
                                    .arg(version)
                                    .arg(kSchemaVersion));
        if (version == 0)
            throw CaseError(CaseError::Reason::NotACase,
                            QStringLiteral("%1 is an empty SQLite file, not a Fundtrace case.").arg(path));
        if (readOnly && version < kSchemaVersion) {
            // Upgrade once through a writable connection, then read as asked.
            if (!QFileInfo(path).isWritable())
                throw CaseError(CaseError::Reason::NewerVersion,
                                QStringLiteral("%1 uses an older case format and is not writable, so it "
                                               "cannot be upgraded; copy it somewhere writable.").arg(path));
            db = Database();
            open(path, false);
            return open(path, true);
        }
        configureConnection(db, readOnly);
        if (!readOnly) {
            migrate(db);
            const QString check = QString::fromStdString(
                    [&db] {
                        Statement statement = db.prepare("PRAGMA quick_check(1)");
                        return statement.step() ? statement.text(0) : std::string("ok");
                    }());
            if (check != QLatin1String("ok"))
                throw CaseError(CaseError::Reason::Corrupt,
                                QStringLiteral("%1 is damaged: %2").arg(path, check));
        }
        return CaseFile(std::move(db), readOnly);
    } catch (const DbError &error) {
        throw classify(error, path);
    }
}

QString CaseFile::meta(const QString &key, const QString &fallback) const
{
    Statement statement = m_db.prepare("SELECT value FROM case_meta WHERE key = ?1");
    statement.bind(1, key);
    return statement.step() ? statement.qtext(0) : fallback;
}

void CaseFile::setMeta(const QString &key, const QString &value)
{
    Statement statement = m_db.prepare(
            "INSERT INTO case_meta(key, value) VALUES (?1, ?2) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    statement.bind(1, key).bind(2, value).run();
}

} // namespace fundtrace::db
