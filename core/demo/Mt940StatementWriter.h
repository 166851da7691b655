#pragma once

#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>

namespace fundtrace::demo {

// Saryarka Bank's SWIFT MT940 statements (one message per month, ASCII, CRLF, with the
// {1:}{2:}{4: envelope) of the fund's USD account: donations from two foreign organisations come
// in and leave within days for the same Turkish and Emirati accounts the collectors pay. The
// :60F:/:62F: balances chain without gaps.
class Mt940StatementWriter {
public:
    static QString fileName() { return QStringLiteral("fund_usd_account.mt940"); }

    // Returns the number of :61: entries written. Throws std::runtime_error when the file cannot
    // be written.
    static int write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed, DemoFacts &facts);
};

} // namespace fundtrace::demo
