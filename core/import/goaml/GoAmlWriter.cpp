#include "import/goaml/GoAmlWriter.h"

#include "model/AccountIdentifier.h"
#include "util/SystemInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <unordered_map>

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

GoAmlWriter::GoAmlWriter(db::Database &db, std::int64_t sourceId)
    : m_db(db)
    , m_sourceId(sourceId)
{
}

std::vector<std::int64_t> GoAmlWriter::writeSubjects(const GoAmlParties &parties)
{
    db::Statement insertSubject = m_db.prepare(
            "INSERT INTO subjects(kind, display_name, tax_id, country, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    db::Statement insertAttribute = m_db.prepare(
            "INSERT INTO subject_attributes(subject_id, kind, value, normalized, source_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    const QString now = util::utcNowIso();
    std::vector<std::int64_t> ids;
    ids.reserve(parties.parties().size());
    for (const GoAmlParty &party : parties.parties()) {
        insertSubject.bind(1, party.kind).bind(2, party.displayName).bind(5, now);
        bindOptional(insertSubject, 3, party.taxId);
        bindOptional(insertSubject, 4, party.country);
        insertSubject.run();
        const std::int64_t subjectId = m_db.lastInsertRowId();
        ids.push_back(subjectId);
        for (const GoAmlParty::Attribute &attribute : party.attributes) {
            insertAttribute.bind(1, subjectId).bind(2, attribute.kind).bind(3, attribute.value).bind(5, m_sourceId);
            bindOptional(insertAttribute, 4, attribute.normalized);
            insertAttribute.run();
        }
    }
    return ids;
}

void GoAmlWriter::linkAccounts(const std::vector<GoAmlReader::AccountHolder> &holders,
                               const std::vector<std::int64_t> &subjectIds)
{
    db::Statement link = m_db.prepare("UPDATE accounts SET subject_id = ?1 WHERE normalized = ?2 AND subject_id IS NULL");
    // The holding is also kept as an attribute: when the account already has a subject (a holder
    // seen in a bank statement), resolution merges the two on this shared account.
    db::Statement attribute = m_db.prepare(
            "INSERT INTO subject_attributes(subject_id, kind, value, normalized, source_id) VALUES (?1, 'account', ?2, ?3, ?4)");
    for (const GoAmlReader::AccountHolder &holder : holders) {
        const std::string normalized = model::normalizeAccountIdentifier(holder.account.toStdString());
        const std::int64_t subjectId = subjectIds[std::size_t(holder.party)];
        link.bind(1, subjectId).bind(2, normalized).run();
        attribute.bind(1, subjectId).bind(2, holder.account).bind(3, normalized).bind(4, m_sourceId).run();
    }
}

void GoAmlWriter::linkTransactions(const std::vector<GoAmlReader::PartyLink> &links,
                                   const std::vector<std::int64_t> &subjectIds)
{
    std::unordered_map<std::int64_t, std::int64_t> idByRow;
    db::Statement rows = m_db.prepare("SELECT source_row, id FROM transactions WHERE source_id = ?1");
    rows.bind(1, m_sourceId);
    while (rows.step())
        idByRow.emplace(rows.int64(0), rows.int64(1));
    db::Statement insert = m_db.prepare(
            "INSERT OR IGNORE INTO transaction_parties(transaction_id, role, subject_id) VALUES (?1, ?2, ?3)");
    for (const GoAmlReader::PartyLink &link : links) {
        const auto found = idByRow.find(link.sourceRow);
        if (found == idByRow.end())
            continue;
        insert.bind(1, found->second)
                .bind(2, link.role == 'f' ? "from" : "to")
                .bind(3, subjectIds[std::size_t(link.party)])
                .run();
    }
}

std::int64_t GoAmlWriter::writeReport(const GoAmlReport &report)
{
    db::Statement insert = m_db.prepare(
            "INSERT INTO reports(source_id, report_code, entity_reference, reporting_entity, submission_date, reason, "
            "action, indicators, submission_code, fiu_ref_number, currency_code_local, reporting_person) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    const QString reporter = report.rentityBranch.isEmpty()
            ? report.rentityId
            : QStringLiteral("%1 / %2").arg(report.rentityId, report.rentityBranch);
    insert.bind(1, m_sourceId);
    bindOptional(insert, 2, report.reportCode);
    bindOptional(insert, 3, report.entityReference);
    bindOptional(insert, 4, reporter);
    bindOptional(insert, 5, report.submissionDate);
    bindOptional(insert, 6, report.reason);
    bindOptional(insert, 7, report.action);
    insert.bind(8, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(report.indicators))
                                             .toJson(QJsonDocument::Compact)));
    bindOptional(insert, 9, report.submissionCode);
    bindOptional(insert, 10, report.fiuRefNumber);
    bindOptional(insert, 11, report.currencyCodeLocal);
    bindOptional(insert, 12, report.reportingPerson);
    insert.run();
    return m_db.lastInsertRowId();
}

void GoAmlWriter::writeFinding(const QString &kind, const QString &severity, const QString &message,
                               const QJsonObject &details)
{
    db::Statement insert = m_db.prepare(
            "INSERT INTO data_quality_findings(source_id, kind, severity, message, details) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, m_sourceId).bind(2, kind).bind(3, severity).bind(4, message)
            .bind(5, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)))
            .run();
}

} // namespace fundtrace::import
