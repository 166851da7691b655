#include "query/FtsQuery.h"

#include <QStringList>

namespace fundtrace::query {

QString toFtsQuery(const QString &userText)
{
    // The index keeps no positions (detail=none), so every term must be a single token: split
    // the user's text where the tokenizer would (anything but letters, digits and marks) and
    // match each piece as a prefix. Quoting keeps FTS5 syntax characters inert.
    QStringList terms;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            terms << QLatin1Char('"') + current + QLatin1String("\"*");
        current.clear();
    };
    for (const QChar c : userText) {
        if (c.isLetterOrNumber() || c.isMark())
            current += c;
        else
            flush();
    }
    flush();
    return terms.join(QLatin1Char(' '));
}

} // namespace fundtrace::query
