#include "util/SystemInfo.h"

#include <QDateTime>
#include <pwd.h>
#include <unistd.h>

namespace fundtrace::util {

QString osUserName()
{
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    const QString fromEnv = qEnvironmentVariable("USER");
    return fromEnv.isEmpty() ? QStringLiteral("unknown") : fromEnv;
}

QString utcNowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace fundtrace::util
