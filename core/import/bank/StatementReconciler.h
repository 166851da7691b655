#pragma once

#include "import/ImportSession.h"
#include "import/bank/StatementSummary.h"

#include <vector>

namespace fundtrace::import {

// Records the statements a file carried and checks them, inside the import's transaction:
// opening + credits − debits must equal the stated closing balance, and consecutive statements
// of one account (in this file and against earlier ones in the case) must leave no gap in dates
// or balance. Problems become data_quality_findings rows with the numbers in plain language;
// rows are never dropped. Call after ImportContext::importRows, which creates the accounts.
class StatementReconciler {
public:
    explicit StatementReconciler(ImportContext &context);

    // Returns the number of findings written; also adds a summary note to the source.
    int record(const std::vector<StatementSummary> &statements);

private:
    struct Recorded;
    std::int64_t accountId(const std::string &account);
    void checkBalance(const StatementSummary &statement, std::int64_t statementId, const QString &label);
    void checkContinuity(const Recorded &previous, const Recorded &next);
    void addFinding(const char *kind, const QString &message, const QJsonObject &details);

    ImportContext &m_context;
    int m_mismatches = 0;
    int m_gaps = 0;
};

} // namespace fundtrace::import
