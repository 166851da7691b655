#include "import/CaseTimeZone.h"

#include "import/ImportPreview.h"

namespace fundtrace::import {

QTimeZone caseTimeZone(const db::CaseFile &caseFile, const QString &overrideName)
{
    const QString name = !overrideName.isEmpty() ? overrideName
                                                 : caseFile.meta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
    QTimeZone zone(name.toUtf8());
    if (!zone.isValid())
        throw ImportError(QStringLiteral("unknown time zone \"%1\" (use an IANA name such as Asia/Almaty)").arg(name));
    return zone;
}

std::string caseBaseCurrency(const db::CaseFile &caseFile)
{
    const QString code = caseFile.meta(QStringLiteral("base_currency"), QStringLiteral("KZT")).trimmed().toUpper();
    return code.isEmpty() ? std::string("KZT") : code.toStdString();
}

} // namespace fundtrace::import
