#pragma once

#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>

namespace fundtrace::demo {

// Turan Capital Bank's ISO 20022 camt.053.001.02 statements (one Stmt per month, UTF-8) of
// collector C's second account: cash deposited just under the threshold at this bank too, and
// "subcontract" payments from a construction company that also donates to the fund, wired on to
// the Turkish trade-cover company as payment for goods.
class CamtStatementWriter {
public:
    static QString fileName() { return QStringLiteral("collector3_statement.camt053.xml"); }

    // Returns the number of entries (Ntry) written. Throws std::runtime_error when the file cannot
    // be written.
    static int write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed, DemoFacts &facts);
};

} // namespace fundtrace::demo
