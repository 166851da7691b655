#include "import/RejectsReport.h"

#include "import/ImportPreview.h"

#include <QSaveFile>

namespace fundtrace::import {
namespace {

QByteArray csvField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        return '"' + utf8 + '"';
    }
    return utf8;
}

} // namespace

void writeRejectsReport(const QString &path, const std::vector<Reject> &rejects)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw ImportError(QStringLiteral("cannot write rejects report %1: %2").arg(path, file.errorString()));
    file.write("\xEF\xBB\xBF" "file,row,line,column,value,reason\n");
    for (const Reject &reject : rejects) {
        file.write(csvField(reject.file) + ',' + QByteArray::number(reject.row) + ','
                   + QByteArray::number(reject.line) + ',' + csvField(reject.column) + ','
                   + csvField(reject.value) + ',' + csvField(reject.reason) + '\n');
    }
    if (!file.commit())
        throw ImportError(QStringLiteral("cannot write rejects report %1: %2").arg(path, file.errorString()));
}

} // namespace fundtrace::import
