#include "import/xlsx/XlsxArchive.h"

#include "import/ImportPreview.h"
#include "import/xlsx/XlsxEntryReader.h"

#include <QFile>
#include <quazip/quazip.h>
#include <quazip/quazipfileinfo.h>

namespace fundtrace::import {

XlsxArchive::XlsxArchive(const QString &path)
    : m_path(path)
    , m_zip(std::make_unique<QuaZip>(path))
{
    if (!m_zip->open(QuaZip::mdUnzip)) {
        // Password-protected workbooks and legacy .xls files are OLE compound files, not zips.
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.read(8) == QByteArray::fromHex("d0cf11e0a1b11ae1"))
            throw ImportError(QStringLiteral("%1: this is a password-protected workbook or an old .xls "
                                             "file; open it in Excel and save it as an unprotected .xlsx")
                                      .arg(path));
        throw ImportError(QStringLiteral("%1: not a readable XLSX workbook (the zip container is "
                                         "truncated or damaged, zip error %2)")
                                  .arg(path).arg(m_zip->getZipError()));
    }
    for (bool more = m_zip->goToFirstFile(); more; more = m_zip->goToNextFile()) {
        QuaZipFileInfo64 info;
        if (!m_zip->getCurrentFileInfo(&info))
            break;
        m_sizes[info.name] = { static_cast<qint64>(info.compressedSize),
                               static_cast<qint64>(info.uncompressedSize) };
    }
    if (m_zip->getZipError() != 0)
        throw ImportError(QStringLiteral("%1: not a readable XLSX workbook (damaged zip directory, "
                                         "zip error %2)")
                                  .arg(path).arg(m_zip->getZipError()));
}

XlsxArchive::~XlsxArchive() = default;

qint64 XlsxArchive::uncompressedSize(const QString &entry) const
{
    const auto it = m_sizes.find(entry);
    return it == m_sizes.end() ? 0 : it->second.uncompressed;
}

std::unique_ptr<XlsxEntryReader> XlsxArchive::open(const QString &entry)
{
    const auto it = m_sizes.find(entry);
    if (it == m_sizes.end())
        throw ImportError(QStringLiteral("%1: the workbook has no part %2 (not an XLSX file, or "
                                         "damaged)").arg(m_path, entry));
    const Sizes &sizes = it->second;
    if (sizes.uncompressed > kMaxEntryBytes)
        throw ImportError(QStringLiteral("%1: part %2 declares %3 MiB uncompressed, more than the "
                                         "%4 MiB limit; refused as a possible zip bomb")
                                  .arg(m_path, entry)
                                  .arg(sizes.uncompressed >> 20)
                                  .arg(kMaxEntryBytes >> 20));
    if (sizes.uncompressed >= kRatioCheckFrom
        && sizes.uncompressed > kMaxRatio * std::max<qint64>(sizes.compressed, 1))
        throw ImportError(QStringLiteral("%1: part %2 expands %3 times (%4 bytes to %5); refused as a "
                                         "possible zip bomb (limit %6 times)")
                                  .arg(m_path, entry)
                                  .arg(sizes.uncompressed / std::max<qint64>(sizes.compressed, 1))
                                  .arg(sizes.compressed)
                                  .arg(sizes.uncompressed)
                                  .arg(kMaxRatio));
    if (!m_zip->setCurrentFile(entry, QuaZip::csSensitive))
        throw ImportError(QStringLiteral("%1: cannot find part %2 in the zip container (zip error %3)")
                                  .arg(m_path, entry).arg(m_zip->getZipError()));
    return std::make_unique<XlsxEntryReader>(*m_zip, m_path, entry, sizes.uncompressed);
}

} // namespace fundtrace::import
