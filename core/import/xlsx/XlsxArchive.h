#pragma once

#include <QString>
#include <map>
#include <memory>

class QuaZip;

namespace fundtrace::import {

class XlsxEntryReader;

// The zip container of a workbook, opened read-only. Knows every entry's declared sizes and
// refuses, before inflating anything, entries that would decompress past kMaxEntryBytes or with
// a compression ratio beyond kMaxRatio (zip bombs). One entry is read at a time.
class XlsxArchive {
public:
    static constexpr qint64 kMaxEntryBytes = qint64(512) << 20;
    static constexpr qint64 kMaxRatio = 200;
    // Small entries may compress better than kMaxRatio (an empty sheet); they cannot hurt.
    static constexpr qint64 kRatioCheckFrom = qint64(1) << 20;

    // Throws ImportError naming the file when it is not a readable zip (truncated, not XLSX).
    explicit XlsxArchive(const QString &path);
    ~XlsxArchive();
    XlsxArchive(const XlsxArchive &) = delete;
    XlsxArchive &operator=(const XlsxArchive &) = delete;

    const QString &path() const { return m_path; }
    bool contains(const QString &entry) const { return m_sizes.count(entry) != 0; }
    qint64 uncompressedSize(const QString &entry) const;

    // Throws ImportError when the entry is missing or breaks the limits above.
    std::unique_ptr<XlsxEntryReader> open(const QString &entry);

private:
    struct Sizes {
        qint64 compressed = 0;
        qint64 uncompressed = 0;
    };
    QString m_path;
    std::unique_ptr<QuaZip> m_zip;
    std::map<QString, Sizes> m_sizes;
};

} // namespace fundtrace::import
