#pragma once

#include <stdexcept>
#include <string>

namespace fundtrace::db {

// An SQLite failure with the engine's message and the statement that caused it.
class DbError : public std::runtime_error {
public:
    DbError(int code, const std::string &message, std::string sql = {})
        : std::runtime_error(sql.empty() ? message : message + " [in: " + sql + "]")
        , m_code(code)
        , m_sql(std::move(sql))
    {
    }
    int code() const { return m_code; }
    const std::string &sql() const { return m_sql; }

private:
    int m_code;
    std::string m_sql;
};

} // namespace fundtrace::db
