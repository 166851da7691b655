#include "screening/ListEntryLoader.h"

#include "screening/SubjectScreening.h"

#include <QHash>

namespace fundtrace::screening {

ListEntryLoader::ListEntryLoader(const db::Database &db)
    : m_db(db)
{
}

QVector<ListEntry> ListEntryLoader::load(const QString &listName) const
{
    QVector<ListEntry> entries;
    QHash<std::int64_t, qsizetype> indexById;
    db::Statement select = m_db.prepare(
            "SELECT e.id, l.name, e.kind, coalesce(e.reference, e.external_id, ''), e.primary_name FROM sanction_entries e "
            "JOIN sanction_lists l ON l.id = e.list_id WHERE l.is_current = 1 AND (coalesce(?1, '') = '' OR l.name = ?1) ORDER BY e.id");
    select.bind(1, listName);
    while (select.step()) {
        ListEntry entry;
        entry.entryId = select.int64(0);
        entry.listName = select.qtext(1);
        entry.kind = select.qtext(2);
        entry.reference = select.qtext(3);
        indexById.insert(entry.entryId, entries.size());
        entries.append(std::move(entry));
    }
    if (entries.isEmpty()) {
        QStringList lists;
        db::Statement names = m_db.prepare("SELECT DISTINCT name FROM sanction_lists WHERE is_current = 1 ORDER BY name");
        while (names.step())
            lists << names.qtext(0);
        if (lists.isEmpty())
            throw ScreeningError(QStringLiteral("The case has no sanctions or terrorist list to screen against; import one "
                                                "first (UN, OFAC, EU, national list)."));
        throw ScreeningError(QStringLiteral("The case has no list named \"%1\"; its lists are: %2.")
                                     .arg(listName, lists.join(QStringLiteral(", "))));
    }
    db::Statement names = m_db.prepare(
            "SELECT n.entry_id, n.name, n.kind FROM sanction_entry_names n JOIN sanction_entries e ON e.id = n.entry_id "
            "JOIN sanction_lists l ON l.id = e.list_id WHERE l.is_current = 1 AND (coalesce(?1, '') = '' OR l.name = ?1)");
    names.bind(1, listName);
    while (names.step()) {
        const auto found = indexById.constFind(names.int64(0));
        if (found != indexById.constEnd())
            entries[*found].names.append({ names.qtext(1), names.qtext(2) });
    }
    db::Statement attributes = m_db.prepare(
            "SELECT a.entry_id, a.kind, a.value FROM sanction_entry_attributes a JOIN sanction_entries e ON e.id = a.entry_id "
            "JOIN sanction_lists l ON l.id = e.list_id WHERE l.is_current = 1 AND (coalesce(?1, '') = '' OR l.name = ?1) "
            "AND a.kind IN ('birth_date', 'nationality', 'citizenship')");
    attributes.bind(1, listName);
    while (attributes.step()) {
        const auto found = indexById.constFind(attributes.int64(0));
        if (found == indexById.constEnd())
            continue;
        if (attributes.textView(1) == "birth_date")
            entries[*found].birthDates.append(attributes.qtext(2));
        else
            entries[*found].nationalities.append(attributes.qtext(2));
    }
    return entries;
}

} // namespace fundtrace::screening
