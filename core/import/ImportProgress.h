#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

namespace fundtrace::import {

// Progress of one file's import, reported from the worker thread every few thousand rows.
struct ImportProgress {
    std::int64_t bytesDone = 0;
    std::int64_t bytesTotal = 0;
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsRejected = 0;
    double rowsPerSecond = 0;
    double secondsRemaining = -1;   // -1 while unknown
    const char *phase = "reading";  // "reading", "indexing", "committing"
};

using ProgressCallback = std::function<void(const ImportProgress &)>;

// Shared between the GUI thread (which sets it) and the importer (which polls it).
using CancelFlag = std::atomic_bool;

} // namespace fundtrace::import
