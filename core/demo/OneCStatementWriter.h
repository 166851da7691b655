#pragma once

#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>

namespace fundtrace::demo {

// Altyn Kopir Bank's 1C:Enterprise exchange file (1CClientBankExchange 1.03, Windows-1251) for
// collector B's second account: donors of the fund also pay her directly, and she takes the
// money out in cash. One СекцияРасчСчет per month; the balances of every section add up, but the
// July section opens higher than June closed because a credit is missing from the export, which
// the importer reports as a statement_gap (recorded in truth.json).
class OneCStatementWriter {
public:
    static QString fileName() { return QStringLiteral("collector2_statement.1c.txt"); }

    // Returns the number of documents written. Throws std::runtime_error when the file cannot be
    // written.
    static int write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed, DemoFacts &facts);
};

} // namespace fundtrace::demo
