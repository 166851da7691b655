#pragma once

#include <QString>
#include <cstdint>

namespace fundtrace::import {

// Identity of an imported file: SHA-256 (hex) and size. Throws ImportError when unreadable.
struct FileFingerprint {
    QString sha256;
    std::int64_t size = 0;

    static FileFingerprint of(const QString &path);
};

} // namespace fundtrace::import
