#pragma once

#include <QStringList>

namespace fundtrace::cli {

// `fundtrace-cli trace CASE --from ID|--to ID [--method fifo|lifo|prorata|libr] [--hops N]
// [--since D] [--until D] [--currency C] [--json]`: follow the money (docs/cli.md).
int commandTrace(const QStringList &arguments);

} // namespace fundtrace::cli
