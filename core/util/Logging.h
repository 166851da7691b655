#pragma once

#include <memory>
#include <spdlog/spdlog.h>
#include <string>

namespace fundtrace::log {

// One logger per area ("db", "import", "cli", "ui", ...), sharing the sinks set by configure().
// Names, account numbers and other case content are logged at debug level only.
std::shared_ptr<spdlog::logger> get(const std::string &area);

// Adds a sink to every existing and future logger (the GUI's log panel uses this).
void addSink(spdlog::sink_ptr sink);
// Sets the level of every logger; FUNDTRACE_LOG=debug overrides at start-up.
void setLevel(spdlog::level::level_enum level);

} // namespace fundtrace::log
