#include "demo/XlsxPartWriter.h"

#include <QDateTime>
#include <QFile>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>
#include <stdexcept>

namespace fundtrace::demo {

void XlsxPartWriter::save(const QString &path) const
{
    const auto fail = [&](const QString &what, int code) {
        QFile::remove(path);
        throw std::runtime_error(QStringLiteral("cannot write %1: %2 (zip error %3)").arg(path, what).arg(code).toStdString());
    };
    QFile::remove(path);
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        fail(QStringLiteral("cannot create the zip container"), zip.getZipError());
    // A local time without a zone: QuaZip stores it as the DOS date and time fields as given.
    const QDateTime stamp(QDate(2024, 7, 15), QTime(0, 0));
    for (const auto &[name, content] : m_parts) {
        QuaZipNewInfo info(name);
        info.dateTime = stamp;
        info.externalAttr = 0;
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, Z_DEFLATED, Z_DEFAULT_COMPRESSION))
            fail(QStringLiteral("cannot add %1").arg(name), file.getZipError());
        if (file.write(content) != content.size())
            fail(QStringLiteral("cannot write %1").arg(name), file.getZipError());
        file.close();
        if (file.getZipError() != 0)
            fail(QStringLiteral("cannot finish %1").arg(name), file.getZipError());
    }
    zip.close();
    if (zip.getZipError() != 0)
        fail(QStringLiteral("cannot finish the zip directory"), zip.getZipError());
}

} // namespace fundtrace::demo
