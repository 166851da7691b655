#pragma once

#include <QString>
#include <memory>

namespace fundtrace::detect {
class DetectionContext;
}

namespace fundtrace::ui {

// The open case in memory (the compact context detection uses), loaded once and shared by every
// view that analyses money movement: link chart, tracing, timeline and distributions. A million
// transactions take a second or two and about a hundred megabytes to load, so the views must not
// each keep their own copy. Safe to call from worker threads; the first caller loads, others
// wait for it. The window invalidates it whenever the case's data changes.
class CaseContextCache {
public:
    // The context of the case at `path`, loading it with its own read-only connection if needed.
    // Throws what loading throws (db errors).
    static std::shared_ptr<const detect::DetectionContext> get(const QString &path);
    // Forget the loaded case (all cases when `path` is empty); holders keep their copy alive.
    static void invalidate(const QString &path = {});
};

} // namespace fundtrace::ui
