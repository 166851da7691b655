#include "query/CaseSummary.h"

#include "model/Currency.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace fundtrace::query {
namespace {

QString isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

} // namespace

CaseSummary CaseSummary::of(const db::CaseFile &caseFile)
{
    const db::Database &db = caseFile.db();
    CaseSummary summary;
    summary.path = caseFile.path();
    summary.title = caseFile.meta(QStringLiteral("title"));
    summary.createdAt = caseFile.meta(QStringLiteral("created_at"));
    summary.createdBy = caseFile.meta(QStringLiteral("created_by"));
    summary.timezone = caseFile.meta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
    summary.schemaVersion = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    summary.transactions = db.scalarInt("SELECT count(*) FROM transactions");
    summary.accounts = db.scalarInt("SELECT count(*) FROM accounts");
    summary.subjects = db.scalarInt("SELECT count(*) FROM subjects");
    summary.sources = db.scalarInt("SELECT count(*) FROM sources");
    summary.rejects = db.scalarInt("SELECT coalesce(sum(rows_rejected), 0) FROM sources");
    summary.annotations = db.scalarInt("SELECT count(*) FROM annotations");
    summary.statements = db.scalarInt("SELECT count(*) FROM statements");
    summary.reports = db.scalarInt("SELECT count(*) FROM reports");
    db::Statement findings = db.prepare(
            "SELECT f.source_id, s.file_name, f.kind, f.severity, f.message FROM data_quality_findings f "
            "JOIN sources s ON s.id = f.source_id ORDER BY f.source_id, f.id");
    while (findings.step())
        summary.findings.push_back({ findings.int64(0), findings.qtext(1), findings.qtext(2), findings.qtext(3),
                                     findings.qtext(4) });
    db::Statement lists = db.prepare(
            "SELECT name, version_date, entry_count FROM sanction_lists WHERE is_current = 1 ORDER BY name");
    while (lists.step())
        summary.sanctionLists.push_back({ lists.qtext(0), lists.qtext(1), lists.int64(2) });

    db::Statement range = db.prepare("SELECT min(booked_at), max(booked_at) FROM transactions");
    if (range.step()) {
        summary.firstBookedAt = range.optionalInt64(0);
        summary.lastBookedAt = range.optionalInt64(1);
    }
    db::Statement totals = db.prepare(
            "SELECT currency, count(*), "
            "sum(CASE direction WHEN 'C' THEN amount_minor ELSE 0 END), "
            "sum(CASE direction WHEN 'D' THEN amount_minor ELSE 0 END) "
            "FROM transactions GROUP BY currency ORDER BY count(*) DESC, currency");
    while (totals.step())
        summary.totals.push_back({ totals.qtext(0), totals.int64(1), totals.int64(2), totals.int64(3) });
    return summary;
}

QJsonObject CaseSummary::toJson() const
{
    QJsonArray currencies;
    for (const CurrencyTotals &total : totals) {
        const std::string code = total.currency.toStdString();
        currencies.append(QJsonObject {
                { QStringLiteral("currency"), total.currency },
                { QStringLiteral("count"), qint64(total.count) },
                { QStringLiteral("credit_minor"), qint64(total.creditMinor) },
                { QStringLiteral("debit_minor"), qint64(total.debitMinor) },
                { QStringLiteral("credit"), model::formatAmount(total.creditMinor, code, model::AmountStyle::International, false) },
                { QStringLiteral("debit"), model::formatAmount(total.debitMinor, code, model::AmountStyle::International, false) },
        });
    }
    QJsonObject json {
        { QStringLiteral("path"), path },
        { QStringLiteral("title"), title },
        { QStringLiteral("created_at"), createdAt },
        { QStringLiteral("created_by"), createdBy },
        { QStringLiteral("timezone"), timezone },
        { QStringLiteral("schema_version"), schemaVersion },
        { QStringLiteral("transactions"), qint64(transactions) },
        { QStringLiteral("accounts"), qint64(accounts) },
        { QStringLiteral("subjects"), qint64(subjects) },
        { QStringLiteral("sources"), qint64(sources) },
        { QStringLiteral("rejected_rows"), qint64(rejects) },
        { QStringLiteral("annotations"), qint64(annotations) },
        { QStringLiteral("statements"), qint64(statements) },
        { QStringLiteral("reports"), qint64(reports) },
        { QStringLiteral("totals"), currencies },
    };
    QJsonArray findingsJson;
    for (const DataQualityFinding &finding : findings)
        findingsJson.append(QJsonObject { { QStringLiteral("source_id"), qint64(finding.sourceId) },
                                          { QStringLiteral("source_file"), finding.sourceFile },
                                          { QStringLiteral("kind"), finding.kind },
                                          { QStringLiteral("severity"), finding.severity },
                                          { QStringLiteral("message"), finding.message } });
    json.insert(QStringLiteral("data_quality_findings"), findingsJson);
    QJsonArray listsJson;
    for (const SanctionListSummary &list : sanctionLists)
        listsJson.append(QJsonObject { { QStringLiteral("name"), list.name },
                                       { QStringLiteral("version_date"), list.versionDate },
                                       { QStringLiteral("entries"), qint64(list.entries) } });
    json.insert(QStringLiteral("sanction_lists"), listsJson);
    json.insert(QStringLiteral("first_booked_at"), firstBookedAt ? QJsonValue(isoUtc(*firstBookedAt)) : QJsonValue());
    json.insert(QStringLiteral("last_booked_at"), lastBookedAt ? QJsonValue(isoUtc(*lastBookedAt)) : QJsonValue());
    return json;
}

} // namespace fundtrace::query
