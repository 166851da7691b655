#pragma once

#include <QString>
#include <QtGlobal>

namespace fundtrace::demo {

// Large, realistic bank CSV for import benchmarks: the bank1 header layout (Date, Account,
// Amount, Currency, Counterparty, Counterparty account, Purpose, Transaction ID, Channel), UTF-8
// without BOM, ~20 000 own accounts, log-normal amounts, three quarters of purposes from repeated
// templates and a quarter carrying unique invoice or document numbers. Streamed with constant
// memory; deterministic for a seed.
class BenchmarkCsvGenerator {
public:
    // Writes `rows` data rows after the header line and returns that number. Throws
    // std::runtime_error naming the file when it cannot be written.
    static qint64 writeBenchmarkCsv(const QString &path, qint64 rows, quint64 seed);
};

} // namespace fundtrace::demo
