#pragma once

#include "db/Database.h"

#include <QString>
#include <stdexcept>

namespace fundtrace::db {

// Why a case could not be opened, in words a user can act on.
class CaseError : public std::runtime_error {
public:
    enum class Reason { NotFound, AlreadyExists, NotACase, Corrupt, NewerVersion, Locked, Io };
    CaseError(Reason reason, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_reason(reason)
    {
    }
    Reason reason() const { return m_reason; }

private:
    Reason m_reason;
};

// An open case: one SQLite file (.ftcase) in WAL mode with foreign keys on, its schema brought up
// to date by numbered migrations (PRAGMA user_version). The object owns one connection and is
// used from one thread; background work opens its own CaseFile on the same path.
class CaseFile {
public:
    static constexpr int kSchemaVersion = 6;

    // Creates a new case; refuses to overwrite an existing file.
    static CaseFile create(const QString &path, const QString &title);
    // Opens an existing case; read-only opens never migrate and refuse an outdated schema.
    static CaseFile open(const QString &path, bool readOnly = false);

    CaseFile(CaseFile &&) noexcept = default;
    CaseFile &operator=(CaseFile &&) noexcept = default;

    Database &db() { return m_db; }
    const Database &db() const { return m_db; }
    const QString &path() const { return m_db.path(); }
    bool isReadOnly() const { return m_readOnly; }

    QString meta(const QString &key, const QString &fallback = {}) const;
    void setMeta(const QString &key, const QString &value);
    QString title() const { return meta(QStringLiteral("title")); }

private:
    CaseFile(Database db, bool readOnly);
    static void configureConnection(Database &db, bool readOnly);
    static void migrate(Database &db);
    Database m_db;
    bool m_readOnly = false;
};

} // namespace fundtrace::db
