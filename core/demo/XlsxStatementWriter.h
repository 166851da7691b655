#pragma once

#include "demo/DemoCast.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>

namespace fundtrace::demo {

// Zhetysu Kapital Bank's Excel statement (XLSX) of a background business account for the story
// period: a merged five-line title block, one header row the importer recognises without a
// mapping, dates as Excel serial numbers in a date style, amounts as numbers, and a closing
// "Итого обороты" row that the importer rejects (recorded in truth.json). The own account is
// repeated in a last column so no mapping is needed. The counterparties are ledger accounts, so
// their IBANs and BIN/IINs match the other files.
class XlsxStatementWriter {
public:
    static QString fileName() { return QStringLiteral("business_statement_zhetysu.xlsx"); }

    // Returns the number of transaction rows written (the totals row not counted). Throws
    // std::runtime_error when the file cannot be written.
    static int write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed, DemoFacts &facts);
};

} // namespace fundtrace::demo
