#pragma once

#include "import/ImportFormat.h"
#include "import/sanctions/SanctionsListReader.h"

#include <memory>

namespace fundtrace::import {

// The reader for a sanctions-list format. Throws ImportError for other formats or when the file
// cannot be read or does not start like the format.
std::unique_ptr<SanctionsListReader> openListReader(ImportFormat format, const QString &path);

} // namespace fundtrace::import
