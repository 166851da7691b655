#pragma once

#include <QStringList>

namespace fundtrace::cli {

// Exit codes are part of the CLI's contract (docs/cli.md).
enum ExitCode { Success = 0, UsageError = 1, InputError = 2, CaseError = 3 };

// Runs `fundtrace-cli <command> ...`; arguments include the program name. Output goes to stdout,
// errors in plain language to stderr.
int run(const QStringList &arguments);

} // namespace fundtrace::cli
