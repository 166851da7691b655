#pragma once

#include <QString>

namespace fundtrace::util {

// The operating-system user recorded in provenance and the audit log.
QString osUserName();
// Current time as ISO 8601 UTC with seconds, e.g. 2026-11-25T10:15:00Z.
QString utcNowIso();

} // namespace fundtrace::util
