#pragma once

#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>

namespace fundtrace::demo {

// Saryarka Bank's suspicious transaction report (goAML XML, report code STR) about the fund: the
// first payouts from the fund's account to the three collectors, exactly as the bank statements
// show them, with the fund as t_from_my_client (entity with BIN and director) and each collector
// as the signatory of the receiving Dala Bank account (name, birth date, IIN as id_number, phone,
// nationality).
class GoAmlReportWriter {
public:
    static QString fileName() { return QStringLiteral("str_meyirim.goaml.xml"); }
    static constexpr int kTransactions = 9;

    // Returns the number of transactions written. Throws std::runtime_error when the file cannot
    // be written.
    static int write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed, DemoFacts &facts);
};

} // namespace fundtrace::demo
