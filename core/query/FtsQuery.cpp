#include "query/FtsQuery.h"

#include <QStringList>
#include <algorithm>

namespace fundtrace::query {

QString toFtsQuery(const QString &userText)
{
    QStringList phrases;
    const QStringList words = userText.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString word : words) {
        const bool searchable = std::any_of(word.cbegin(), word.cend(),
                                            [](QChar c) { return c.isLetterOrNumber(); });
        if (!searchable)
            continue;
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        phrases << QLatin1Char('"') + word + QLatin1String("\"*");
    }
    return phrases.join(QLatin1Char(' '));
}

} // namespace fundtrace::query
