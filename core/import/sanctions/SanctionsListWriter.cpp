#include "import/sanctions/SanctionsListWriter.h"

#include "audit/AuditLog.h"
#include "util/SystemInfo.h"

#include <vector>

namespace fundtrace::import {
namespace {

void bindOptional(db::Statement &statement, int index, const QString &value)
{
    if (value.isEmpty())
        statement.bindNull(index);
    else
        statement.bind(index, value);
}

} // namespace

SanctionsListWriter::SanctionsListWriter(db::Database &db, std::int64_t sourceId)
    : m_db(db)
    , m_sourceId(sourceId)
    , m_insertEntry(db.prepare("INSERT INTO sanction_entries(list_id, external_id, reference, kind, primary_name, "
                               "programs, listed_on, remarks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"))
    , m_insertName(db.prepare("INSERT INTO sanction_entry_names(entry_id, name, kind, quality) VALUES (?1, ?2, ?3, ?4)"))
    , m_insertAttribute(db.prepare("INSERT INTO sanction_entry_attributes(entry_id, kind, value) VALUES (?1, ?2, ?3)"))
{
}

void SanctionsListWriter::begin(const QString &listName, const QString &versionDate)
{
    replaceCurrent(listName);
    db::Statement insert = m_db.prepare(
            "INSERT INTO sanction_lists(name, version_date, source_id, is_current, entry_count) VALUES (?1, ?2, ?3, 1, 0)");
    insert.bind(1, listName).bind(3, m_sourceId);
    bindOptional(insert, 2, versionDate);
    insert.run();
    m_listId = m_db.lastInsertRowId();
}

void SanctionsListWriter::replaceCurrent(const QString &listName)
{
    std::vector<std::pair<std::int64_t, QString>> current;
    db::Statement find = m_db.prepare("SELECT id, coalesce(version_date, '') FROM sanction_lists "
                                      "WHERE name = ?1 AND is_current = 1");
    find.bind(1, listName);
    while (find.step())
        current.emplace_back(find.int64(0), find.qtext(1));

    db::Statement deleteNames = m_db.prepare(
            "DELETE FROM sanction_entry_names WHERE entry_id IN (SELECT id FROM sanction_entries WHERE list_id = ?1)");
    db::Statement deleteAttributes = m_db.prepare(
            "DELETE FROM sanction_entry_attributes WHERE entry_id IN "
            "(SELECT id FROM sanction_entries WHERE list_id = ?1)");
    db::Statement deleteEntries = m_db.prepare("DELETE FROM sanction_entries WHERE list_id = ?1");
    db::Statement retire = m_db.prepare("UPDATE sanction_lists SET is_current = 0, replaced_at = ?1 WHERE id = ?2");
    audit::AuditLog audit(m_db);
    for (const auto &[id, version] : current) {
        deleteNames.bind(1, id).run();
        deleteAttributes.bind(1, id).run();
        deleteEntries.bind(1, id).run();
        const std::int64_t deleted = m_db.changes();
        retire.bind(1, util::utcNowIso()).bind(2, id).run();
        audit.record(QStringLiteral("sanction_list.replace"), QStringLiteral("sanction_list"), id,
                     { { QStringLiteral("name"), listName },
                       { QStringLiteral("version_date"), version },
                       { QStringLiteral("entries_deleted"), qint64(deleted) },
                       { QStringLiteral("replaced_by_source"), qint64(m_sourceId) } });
        ++m_replaced;
    }
}

void SanctionsListWriter::write(const SanctionEntry &entry)
{
    m_insertEntry.bind(1, m_listId).bind(4, entry.kind).bind(5, entry.primaryName);
    bindOptional(m_insertEntry, 2, entry.externalId);
    bindOptional(m_insertEntry, 3, entry.reference);
    bindOptional(m_insertEntry, 6, entry.programs);
    bindOptional(m_insertEntry, 7, entry.listedOn);
    bindOptional(m_insertEntry, 8, entry.remarks);
    m_insertEntry.run();
    const std::int64_t entryId = m_db.lastInsertRowId();

    auto insertName = [&](const SanctionEntry::Name &name) {
        m_insertName.bind(1, entryId).bind(2, name.name).bind(3, name.kind);
        bindOptional(m_insertName, 4, name.quality);
        m_insertName.run();
    };
    insertName({ entry.primaryName, QStringLiteral("primary"), {} });
    for (const SanctionEntry::Name &name : entry.names)
        insertName(name);
    for (const SanctionEntry::Attribute &attribute : entry.attributes) {
        m_insertAttribute.bind(1, entryId).bind(2, attribute.kind).bind(3, attribute.value).run();
    }
    ++m_entries;
}

void SanctionsListWriter::finish(const QString &versionDate)
{
    db::Statement update = m_db.prepare("UPDATE sanction_lists SET entry_count = ?1, version_date = ?2 WHERE id = ?3");
    update.bind(1, m_entries).bind(3, m_listId);
    bindOptional(update, 2, versionDate);
    update.run();
}

} // namespace fundtrace::import
