#include "demo/ExportText.h"

#include <QSaveFile>
#include <stdexcept>

namespace fundtrace::demo {

QString ExportText::pointAmount(qint64 minor)
{
    const bool negative = minor < 0;
    const qint64 value = negative ? -minor : minor;
    return (negative ? QStringLiteral("-") : QString()) + QString::number(value / 100) + QLatin1Char('.')
        + QStringLiteral("%1").arg(value % 100, 2, 10, QLatin1Char('0'));
}

QString ExportText::commaAmount(qint64 minor, QChar thousands)
{
    const bool negative = minor < 0;
    const qint64 value = negative ? -minor : minor;
    const QString whole = QString::number(value / 100);
    QString grouped;
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped.append(thousands);
        grouped.append(whole[i]);
    }
    return (negative ? QStringLiteral("-") : QString()) + grouped + QLatin1Char(',')
        + QStringLiteral("%1").arg(value % 100, 2, 10, QLatin1Char('0'));
}

QString ExportText::quoted(const QString &field, QChar delimiter)
{
    if (!field.contains(delimiter) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    QString out = field;
    out.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

void ExportText::save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
}

} // namespace fundtrace::demo
