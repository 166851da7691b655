#include "screening/SubjectScreening.h"

#include "audit/AuditLog.h"
#include "identifiers/IdentifierParser.h"
#include "screening/ListEntryLoader.h"
#include "screening/ScreeningIndex.h"
#include "util/Logging.h"
#include "util/SystemInfo.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <unordered_map>

namespace fundtrace::screening {
namespace {

// The names, birth dates and nationalities of every subject row, as screening queries.
struct SubjectQueries {
    std::int64_t subjectId = 0;
    QString kind;
    QStringList names;
    QString birthDate;
    QString nationality;
};

QVector<SubjectQueries> loadSubjects(const db::Database &db)
{
    QVector<SubjectQueries> subjects;
    std::unordered_map<std::int64_t, qsizetype> indexById;
    db::Statement select = db.prepare("SELECT id, kind, coalesce(country, '') FROM subjects ORDER BY id");
    while (select.step()) {
        indexById.emplace(select.int64(0), subjects.size());
        subjects.append({ select.int64(0), select.qtext(1), {}, {}, select.qtext(2) });
    }
    const identifiers::IdentifierParser parser;
    db::Statement attributes = db.prepare(
            "SELECT subject_id, kind, value FROM subject_attributes "
            "WHERE kind IN ('name', 'alias', 'birth_date', 'nationality', 'tax_id') ORDER BY id");
    while (attributes.step()) {
        const auto found = indexById.find(attributes.int64(0));
        if (found == indexById.end())
            continue;
        SubjectQueries &subject = subjects[found->second];
        const QString kind = attributes.qtext(1);
        const QString value = attributes.qtext(2).trimmed();
        if (kind == u"name" || kind == u"alias") {
            if (!subject.names.contains(value))
                subject.names.append(value);
        } else if (kind == u"birth_date") {
            subject.birthDate = value.left(10);
        } else if (kind == u"nationality") {
            subject.nationality = value;
        } else if (kind == u"tax_id" && subject.birthDate.isEmpty()) {
            // An IIN carries its holder's date of birth.
            const identifiers::Identifier id = parser.parse(identifiers::IdentifierKind::TaxId, value);
            if (id.isValid() && id.birthDate)
                subject.birthDate = id.birthDate->toString(Qt::ISODate);
        }
    }
    return subjects;
}

} // namespace

SubjectScreening::SubjectScreening(db::CaseFile &caseFile)
    : m_case(caseFile)
{
}

int SubjectScreening::threshold(const ScreeningOptions &options) const
{
    if (options.threshold >= 0)
        return options.threshold;
    return m_case.meta(QStringLiteral("screening.threshold"), QString::number(kDefaultThreshold)).toInt();
}

ScreeningReport SubjectScreening::run(const ScreeningOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    db::Database &db = m_case.db();
    const QVector<ListEntry> entries = ListEntryLoader(db).load(options.listName);
    ScreeningIndex index;
    index.build(entries);

    ScreeningReport report;
    report.entries = int(entries.size());
    report.threshold = threshold(options);
    const QVector<SubjectQueries> subjects = loadSubjects(db);

    QVector<ScreeningQuery> queries;
    QVector<std::pair<qsizetype, QString>> owners; // subject index, name
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        for (const QString &name : subjects[i].names) {
            queries.append({ name, subjects[i].birthDate, subjects[i].nationality, subjects[i].kind });
            owners.append({ i, name });
        }
    }
    report.subjects = int(subjects.size());
    report.names = int(queries.size());
    const QVector<QVector<ScreeningHit>> results = index.searchMany(queries, report.threshold, 5);

    // The best-scoring spelling per subject row and entry.
    QHash<std::pair<std::int64_t, std::int64_t>, std::pair<ScreeningHit, QString>> best;
    for (qsizetype q = 0; q < results.size(); ++q) {
        const std::int64_t subjectId = subjects[owners[q].first].subjectId;
        for (const ScreeningHit &hit : results[q]) {
            const auto key = std::make_pair(subjectId, std::int64_t(hit.entryId));
            const auto found = best.constFind(key);
            if (found == best.constEnd() || found->first.score < hit.score)
                best.insert(key, { hit, owners[q].second });
        }
    }

    db::Transaction transaction(db);
    const QString now = util::utcNowIso();
    db.exec("CREATE TEMP TABLE IF NOT EXISTS screened_entries(id INTEGER PRIMARY KEY)");
    db.exec("CREATE TEMP TABLE IF NOT EXISTS screened_hits(subject_id INTEGER, entry_id INTEGER, "
            "PRIMARY KEY (subject_id, entry_id)) WITHOUT ROWID");
    db.exec("DELETE FROM screened_entries");
    db.exec("DELETE FROM screened_hits");
    db::Statement found = db.prepare("INSERT INTO screened_hits(subject_id, entry_id) VALUES (?1, ?2)");
    db::Statement screened = db.prepare("INSERT INTO screened_entries(id) VALUES (?1)");
    for (const ListEntry &entry : entries)
        screened.bind(1, std::int64_t(entry.entryId)).run();
    for (auto it = best.cbegin(); it != best.cend(); ++it)
        found.bind(1, it.key().first).bind(2, it.key().second).run();
    report.newHits = int(db.scalarInt("SELECT count(*) FROM screened_hits f WHERE NOT EXISTS (SELECT 1 FROM screening_hits h "
                                      "WHERE h.subject_id = f.subject_id AND h.entry_id = f.entry_id)"));
    db::Statement upsert = db.prepare(
            "INSERT INTO screening_hits(subject_id, entry_id, subject_name, matched_name, matched_kind, score, explanation, "
            "screened_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(subject_id, entry_id) DO UPDATE SET "
            "subject_name = excluded.subject_name, matched_name = excluded.matched_name, matched_kind = excluded.matched_kind, "
            "score = excluded.score, explanation = excluded.explanation, screened_at = excluded.screened_at");
    for (auto it = best.cbegin(); it != best.cend(); ++it) {
        const ScreeningHit &hit = it->first;
        upsert.bind(1, it.key().first).bind(2, it.key().second).bind(3, it->second).bind(4, hit.matchedName)
                .bind(5, hit.matchedNameKind).bind(6, int(hit.score + 0.5)).bind(7, hit.explanation).bind(8, now).run();
    }
    // Undecided hits this run no longer finds (a higher threshold, a corrected name) go; decided
    // ones stay with the investigator's verdict.
    db.exec("DELETE FROM screening_hits WHERE state = 'new' AND entry_id IN (SELECT id FROM screened_entries) "
            "AND NOT EXISTS (SELECT 1 FROM screened_hits f WHERE f.subject_id = screening_hits.subject_id "
            "AND f.entry_id = screening_hits.entry_id)");
    report.hits = int(best.size());
    report.seconds = timer.elapsed() / 1000.0;
    audit::AuditLog(db).record(QStringLiteral("screening.run"), {}, 0,
                               { { QStringLiteral("list"), options.listName },
                                 { QStringLiteral("threshold"), report.threshold },
                                 { QStringLiteral("subjects"), report.subjects },
                                 { QStringLiteral("entries"), report.entries },
                                 { QStringLiteral("hits"), report.hits } });
    transaction.commit();
    log::get("screening")->info("screened {} names of {} subjects against {} entries: {} hits in {:.2f} s", report.names,
                                report.subjects, report.entries, report.hits, report.seconds);
    return report;
}

QVector<HitRow> SubjectScreening::screenName(const QString &name, const QString &birthDate, const QString &nationality,
                                             const ScreeningOptions &options) const
{
    if (name.trimmed().isEmpty())
        throw ScreeningError(QStringLiteral("Type a name to screen."));
    const QVector<ListEntry> entries = ListEntryLoader(m_case.db()).load(options.listName);
    ScreeningIndex index;
    index.build(entries);
    QHash<std::int64_t, const ListEntry *> entryById;
    for (const ListEntry &entry : entries)
        entryById.insert(entry.entryId, &entry);
    QVector<HitRow> rows;
    for (const ScreeningHit &hit : index.search({ name, birthDate, nationality, {} }, threshold(options), 20)) {
        const ListEntry *entry = entryById.value(hit.entryId);
        rows.append({ 0, 0, name, hit.entryId, entry ? entry->listName : QString(), entry ? entry->reference : QString(),
                      entry && !entry->names.isEmpty() ? entry->names.front().name : QString(), hit.matchedName,
                      hit.matchedNameKind, int(hit.score + 0.5), hit.explanation, {}, {} });
    }
    return rows;
}

QVector<HitRow> SubjectScreening::hits(const QString &listName) const
{
    db::Statement select = m_case.db().prepare(
            "SELECT h.id, h.subject_id, h.subject_name, h.entry_id, l.name, coalesce(e.reference, e.external_id, ''), "
            "e.primary_name, h.matched_name, coalesce(h.matched_kind, ''), h.score, h.explanation, h.state, "
            "coalesce(h.reason, '') FROM screening_hits h JOIN sanction_entries e ON e.id = h.entry_id "
            "JOIN sanction_lists l ON l.id = e.list_id WHERE coalesce(?1, '') = '' OR l.name = ?1 ORDER BY h.score DESC, h.id");
    select.bind(1, listName);
    QVector<HitRow> rows;
    while (select.step()) {
        rows.append({ select.int64(0), select.int64(1), select.qtext(2), select.int64(3), select.qtext(4), select.qtext(5),
                      select.qtext(6), select.qtext(7), select.qtext(8), int(select.int64(9)), select.qtext(10),
                      select.qtext(11), select.qtext(12) });
    }
    return rows;
}

void SubjectScreening::decide(std::int64_t hitId, const QString &state, const QString &reason)
{
    if (state != u"confirmed" && state != u"dismissed" && state != u"new")
        throw ScreeningError(QStringLiteral("A hit is confirmed, dismissed or new, not \"%1\".").arg(state));
    if (state != u"new" && reason.trimmed().isEmpty())
        throw ScreeningError(QStringLiteral("Say why the hit is %1.").arg(state));
    db::Database &db = m_case.db();
    db::Transaction transaction(db);
    db::Statement select = db.prepare("SELECT subject_id, state FROM screening_hits WHERE id = ?1");
    select.bind(1, hitId);
    if (!select.step())
        throw ScreeningError(QStringLiteral("There is no screening hit %1.").arg(hitId));
    const std::int64_t subjectId = select.int64(0);
    const QString previous = select.qtext(1);
    select.reset();
    db::Statement update = db.prepare(
            "UPDATE screening_hits SET state = ?2, reason = ?3, decided_at = ?4, decided_by = ?5 WHERE id = ?1");
    update.bind(1, hitId).bind(2, state).bind(3, reason).bind(4, util::utcNowIso()).bind(5, util::osUserName()).run();
    audit::AuditLog(db).record(QStringLiteral("screening.decide"), QStringLiteral("screening_hit"), hitId,
                               { { QStringLiteral("subject"), qint64(subjectId) },
                                 { QStringLiteral("from"), previous },
                                 { QStringLiteral("to"), state },
                                 { QStringLiteral("reason"), reason } });
    transaction.commit();
}

} // namespace fundtrace::screening
