#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace fundtrace::screening {

// One name of a list entry as the list writes it.
struct ListName {
    QString name;
    QString nameKind; // "primary", "aka", "fka", "weak" (OFAC weak a.k.a.), "original_script"
};

// A sanctions or national-list entry as the screening index needs it; no database types, so the
// caller loads entries however it likes.
struct ListEntry {
    qint64 entryId = 0;
    QString listName;
    QString kind;              // "person", "organisation", "vessel", ...
    QString reference;         // the list's own reference (QDi.123), for display
    QVector<ListName> names;
    QStringList birthDates;    // as written: "1985", "1985-03-14", "14.03.1985", "1937-1945", "14 Mar 1985"
    QStringList nationalities; // ISO 3166 alpha-2 codes or country names
};

} // namespace fundtrace::screening
