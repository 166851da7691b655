#pragma once

#include "import/sanctions/SanctionEntry.h"

#include <QString>
#include <QStringList>
#include <cstdint>

namespace fundtrace::import {

// Reads one sanctions-list format entry by entry, so a tens-of-megabytes list never sits in
// memory whole. File-level problems (unreadable, malformed, truncated) throw ImportError naming
// the file and line; an entry that lacks a name is still returned, for the importer to reject.
class SanctionsListReader {
public:
    virtual ~SanctionsListReader() = default;

    // False at the end of the list.
    virtual bool next(SanctionEntry &entry) = 0;
    // The list's name as the format or the content gives it; "" when only the user can say.
    virtual QString defaultListName() const = 0;
    // The publication date of this version (ISO yyyy-MM-dd where it could be read, else as
    // written); may only be known once the whole file has been read.
    virtual QString versionDate() const = 0;
    virtual std::int64_t bytesConsumed() const = 0;
    virtual std::int64_t bytesTotal() const = 0;
    // Plain-language remarks for the source's notes (files joined, records skipped).
    virtual QStringList notes() const { return {}; }
};

} // namespace fundtrace::import
