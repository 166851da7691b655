#pragma once

#include "db/DbError.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace fundtrace::db {

// RAII prepared statement. Bind indexes are 1-based (SQLite's), column indexes 0-based.
// Meant to be prepared once and reused in loops via reset().
class Statement {
public:
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    // Text is copied by SQLite (SQLITE_TRANSIENT) unless bindStatic is used.
    Statement &bind(int index, std::string_view utf8);
    Statement &bind(int index, const char *utf8) { return bind(index, std::string_view(utf8)); }
    Statement &bind(int index, const std::string &utf8) { return bind(index, std::string_view(utf8)); }
    Statement &bind(int index, const QString &text);
    // The caller guarantees the bytes outlive the next step()/reset().
    Statement &bindStatic(int index, std::string_view utf8);
    Statement &bindNull(int index);
    template<typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    int parameterIndex(const char *name) const;

    // Returns true while a row is available, false when done; throws DbError on failure.
    bool step();
    // Steps a statement that returns no rows (or ignores them).
    void run();
    void reset();
    void clearBindings();

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view textView(int column) const;
    std::string text(int column) const { return std::string(textView(column)); }
    QString qtext(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::string columnName(int column) const;

    std::string sql() const;
    sqlite3_stmt *handle() const { return m_stmt; }

private:
    [[noreturn]] void fail(int rc) const;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace fundtrace::db
