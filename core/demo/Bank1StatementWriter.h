#pragma once

#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QString>
#include <vector>

namespace fundtrace::demo {

// Dala Bank's answer to a request: one UTF-8 CSV (with BOM, comma, English headers the importer
// recognises, signed amounts, "yyyy-MM-dd HH:mm") holding the statements of several accounts,
// with a running balance. Two rows are deliberately broken, as real exports sometimes are.
class Bank1StatementWriter {
public:
    static QString fileName() { return QStringLiteral("bank1_statement_utf8.csv"); }
    static QStringList headers();

    // Returns the number of data rows written (including the broken ones). Throws
    // std::runtime_error when the file cannot be written.
    static int write(const QString &path, const DemoLedger &ledger, std::vector<int> accounts, DemoFacts &facts);
};

} // namespace fundtrace::demo
