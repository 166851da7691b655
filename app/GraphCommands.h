#pragma once

#include <QStringList>

namespace fundtrace::cli {

// `fundtrace-cli graph CASE [--subject ID]... [--account IDENT|ID]... [--alert ID]...
// [--nodes subjects|accounts] [--hops N] [--since D] [--until D] [--min-amount X] [--channel C]...
// [--direction both|out|in] [--analytics] [--path FROM TO] [--limit N] [--json]`: the link chart
// as tables or JSON, with graph measures and the strongest money trail (docs/link-chart.md).
int commandGraph(const QStringList &arguments);

// `fundtrace-cli views CASE [--delete NAME] [--json]`: the link chart views saved in the case.
int commandViews(const QStringList &arguments);

} // namespace fundtrace::cli
