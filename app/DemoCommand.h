#pragma once

#include <QStringList>

namespace fundtrace::cli {

// `fundtrace-cli demo OUTDIR`: writes the generated demo files, builds OUTDIR/demo.ftcase from
// them through the normal import path, and writes the rejects report and a JSON summary.
int commandDemo(const QStringList &arguments);
// `fundtrace-cli generate-bench-csv FILE --rows N`: the large synthetic CSV bench/ imports.
int commandGenerateBenchCsv(const QStringList &arguments);

} // namespace fundtrace::cli
