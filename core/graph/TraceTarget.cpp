#include "graph/TraceTarget.h"

#include "db/Database.h"
#include "model/AccountIdentifier.h"

namespace fundtrace::graph {

namespace {

// The context's entry for the group a subject id belongs to (merged rows count as their root).
const detect::Subject *groupOf(const detect::DetectionContext &context, const db::Database &db, std::int64_t subjectId)
{
    db::Statement root = db.prepare("SELECT coalesce(merged_into, id) FROM subjects WHERE id = ?1");
    root.bind(1, subjectId);
    if (!root.step())
        return nullptr;
    for (const detect::Subject &subject : context.subjects()) {
        if (subject.id == root.int64(0))
            return &subject;
    }
    return nullptr;
}

} // namespace

std::vector<std::int32_t> traceAccountsOfSubject(const detect::DetectionContext &context, const db::Database &db,
                                                 std::int64_t subjectId)
{
    const detect::Subject *subject = groupOf(context, db, subjectId);
    return subject ? subject->accounts : std::vector<std::int32_t> {};
}

QString subjectNameOf(const detect::DetectionContext &context, const db::Database &db, std::int64_t subjectId)
{
    const detect::Subject *subject = groupOf(context, db, subjectId);
    return subject ? subject->name : QString();
}

std::vector<std::int32_t> traceAccountWithId(const detect::DetectionContext &context, std::int64_t accountId)
{
    for (std::size_t a = 0; a < context.accounts().size(); ++a) {
        if (context.accounts()[a].id == accountId)
            return { std::int32_t(a) };
    }
    return {};
}

std::vector<std::int32_t> traceAccountsNamed(const detect::DetectionContext &context, const db::Database &db, const QString &id)
{
    bool numeric = false;
    const std::int64_t subjectId = id.trimmed().toLongLong(&numeric);
    if (numeric) {
        std::vector<std::int32_t> accounts = traceAccountsOfSubject(context, db, subjectId);
        if (!accounts.empty())
            return accounts;
    }
    return accountsWithIdentifier(context, id);
}

std::vector<std::int32_t> accountsWithIdentifier(const detect::DetectionContext &context, const QString &identifier)
{
    std::vector<std::int32_t> accounts;
    const std::string normalized = model::normalizeAccountIdentifier(identifier.toStdString());
    for (std::size_t a = 0; a < context.accounts().size(); ++a) {
        if (model::normalizeAccountIdentifier(context.accounts()[a].identifier.toStdString()) == normalized)
            accounts.push_back(std::int32_t(a));
    }
    return accounts;
}

} // namespace fundtrace::graph
