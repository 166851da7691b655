#pragma once

#include "db/Database.h"
#include "screening/ListEntry.h"

#include <QVector>

namespace fundtrace::screening {

// Reads the current version of the case's sanctions lists (or of one list) as screening entries:
// every name and alias with its kind, dates of birth, nationalities and citizenships.
// Throws ScreeningError when there is nothing to screen against.
class ListEntryLoader {
public:
    explicit ListEntryLoader(const db::Database &db);
    QVector<ListEntry> load(const QString &listName = {}) const;

private:
    const db::Database &m_db;
};

} // namespace fundtrace::screening
