#include "demo/PersonName.h"

namespace fundtrace::demo {

QString PersonName::full() const
{
    QString name = surname + QLatin1Char(' ') + given;
    if (!patronymic.isEmpty())
        name += QLatin1Char(' ') + patronymic;
    return name;
}

QString PersonName::initials() const
{
    QString name = surname + QLatin1Char(' ') + given.left(1) + QLatin1Char('.');
    if (!patronymic.isEmpty())
        name += patronymic.left(1) + QLatin1Char('.');
    return name;
}

QString PersonName::appShort() const
{
    return given + QLatin1Char(' ') + surname.left(1) + QLatin1Char('.');
}

} // namespace fundtrace::demo
