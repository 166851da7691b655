#include "import/xlsx/XlsxEntryReader.h"

#include "import/ImportPreview.h"
#include "import/xlsx/XlsxArchive.h"

#include <quazip/quazipfile.h>

namespace fundtrace::import {
namespace {

constexpr qint64 kChunkBytes = 256 * 1024;

} // namespace

XlsxEntryReader::XlsxEntryReader(QuaZip &zip, QString archivePath, QString entry, qint64 declaredSize)
    : m_file(std::make_unique<QuaZipFile>(&zip))
    , m_archivePath(std::move(archivePath))
    , m_entry(std::move(entry))
    , m_declared(declaredSize)
{
    if (!m_file->open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot read part %2 of the workbook (zip error %3; the "
                                         "file is damaged, encrypted or uses an unsupported compression)")
                                  .arg(m_archivePath, m_entry).arg(m_file->getZipError()));
}

XlsxEntryReader::~XlsxEntryReader() = default;

bool XlsxEntryReader::read(QByteArray &chunk)
{
    if (m_done)
        return false;
    chunk.resize(kChunkBytes);
    const qint64 n = m_file->read(chunk.data(), kChunkBytes);
    if (n < 0)
        throw ImportError(QStringLiteral("%1: part %2 of the workbook is damaged after %3 bytes (zip "
                                         "error %4)")
                                  .arg(m_archivePath, m_entry).arg(m_read).arg(m_file->getZipError()));
    m_read += n;
    if (m_read > m_declared || m_read > XlsxArchive::kMaxEntryBytes)
        throw ImportError(QStringLiteral("%1: part %2 decompresses to more than the %3 bytes it "
                                         "declares; refused as a possible zip bomb")
                                  .arg(m_archivePath, m_entry).arg(m_declared));
    if (n == 0) {
        m_done = true;
        chunk.clear();
        m_file->close();
        if (m_file->getZipError() != 0 || m_read != m_declared)
            throw ImportError(QStringLiteral("%1: part %2 of the workbook is damaged (checksum or size "
                                             "mismatch, zip error %3)")
                                      .arg(m_archivePath, m_entry).arg(m_file->getZipError()));
        return false;
    }
    chunk.resize(n);
    return true;
}

} // namespace fundtrace::import
