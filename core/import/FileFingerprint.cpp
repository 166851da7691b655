#include "import/FileFingerprint.h"

#include "import/ImportPreview.h"

#include <QCryptographicHash>
#include <QFile>

namespace fundtrace::import {

FileFingerprint FileFingerprint::of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw ImportError(QStringLiteral("%1: read error: %2").arg(path, file.errorString()));
    return { QString::fromLatin1(hash.result().toHex()), file.size() };
}

} // namespace fundtrace::import
