#pragma once

#include "db/Statement.h"

#include <QString>
#include <string>
#include <string_view>

namespace fundtrace::db {

// One SQLite connection (RAII). Not thread-safe: each thread opens its own connection.
class Database {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };
    // How long a statement waits for another connection's lock before it fails as busy.
    static constexpr int kBusyTimeoutMs = 5000;

    Database() = default;
    Database(const QString &path, Mode mode);
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    const QString &path() const { return m_path; }

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
    // Runs a single-value query, e.g. "SELECT count(*) FROM t".
    std::int64_t scalarInt(std::string_view sql) const;

    std::int64_t lastInsertRowId() const;
    int changes() const;
    void interrupt();
    sqlite3 *handle() const { return m_db; }

private:
    void close();
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace fundtrace::db
