#include "import/sanctions/ListDate.h"

#include <QDate>
#include <QLocale>
#include <QRegularExpression>

namespace fundtrace::import {

QString listDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})"));
    static const QRegularExpression us(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$"));
    QDate date;
    if (const auto m = iso.match(trimmed); m.hasMatch())
        date = QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    else if (const auto m = us.match(trimmed); m.hasMatch())
        date = QDate(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
    else if (const auto m = dotted.match(trimmed); m.hasMatch())
        date = QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    else
        date = QLocale::c().toDate(trimmed, QStringLiteral("d MMM yyyy"));
    return date.isValid() ? date.toString(Qt::ISODate) : trimmed;
}

} // namespace fundtrace::import
