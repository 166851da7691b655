#pragma once

#include <QStringList>

namespace fundtrace::cli {

// `fundtrace-cli chart CASE timeline|histogram|heatmap|breakdown [--subject ID]... [--account IDENT|ID]...
// [--since D] [--until D] [--currency C] [--bucket day|week|month] [--by channel|country|counterparty]
// [--top N] [--rules R.json] [--json]`: the data behind the timeline and distribution charts
// (docs/charts.md).
int commandChart(const QStringList &arguments);

} // namespace fundtrace::cli
