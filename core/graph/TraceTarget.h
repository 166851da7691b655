#pragma once

#include "detect/DetectionContext.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::db {
class Database;
}

namespace fundtrace::graph {

// The accounts a trace starts from, as an investigator names them (context indexes, empty when
// the name matches nothing). Shared by `fundtrace-cli trace` and the trace view.
//
// A subject by any member id: all accounts of its group.
std::vector<std::int32_t> traceAccountsOfSubject(const detect::DetectionContext &context, const db::Database &db,
                                                 std::int64_t subjectId);
// The name of a subject's group by any member id; empty when there is no such subject.
QString subjectNameOf(const detect::DetectionContext &context, const db::Database &db, std::int64_t subjectId);
// One account by accounts.id.
std::vector<std::int32_t> traceAccountWithId(const detect::DetectionContext &context, std::int64_t accountId);
// An account identifier as written in any statement (spaces and case ignored).
std::vector<std::int32_t> accountsWithIdentifier(const detect::DetectionContext &context, const QString &identifier);
// A subject id, or an account identifier as written in any statement (spaces and case ignored).
std::vector<std::int32_t> traceAccountsNamed(const detect::DetectionContext &context, const db::Database &db, const QString &id);

} // namespace fundtrace::graph
