#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

class QuaZip;
class QuaZipFile;

namespace fundtrace::import {

// Inflates one zip entry chunk by chunk. Stops with an error as soon as more bytes come out than
// the entry declared (a lying header cannot smuggle a bomb past XlsxArchive's checks), and checks
// the CRC at the end so a damaged file is reported rather than half-read.
class XlsxEntryReader {
public:
    // The archive's current file must be the entry; throws ImportError when it cannot be opened.
    XlsxEntryReader(QuaZip &zip, QString archivePath, QString entry, qint64 declaredSize);
    ~XlsxEntryReader();
    XlsxEntryReader(const XlsxEntryReader &) = delete;
    XlsxEntryReader &operator=(const XlsxEntryReader &) = delete;

    // Fills `chunk` with the next bytes; false at the end. Throws ImportError naming the file and
    // entry when the data is damaged or exceeds the declared size.
    bool read(QByteArray &chunk);
    qint64 bytesRead() const { return m_read; }
    qint64 declaredSize() const { return m_declared; }
    const QString &entry() const { return m_entry; }
    const QString &archivePath() const { return m_archivePath; }

private:
    std::unique_ptr<QuaZipFile> m_file;
    QString m_archivePath;
    QString m_entry;
    qint64 m_declared;
    qint64 m_read = 0;
    bool m_done = false;
};

} // namespace fundtrace::import
