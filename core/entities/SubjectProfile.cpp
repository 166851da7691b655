#include "entities/SubjectProfile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace fundtrace::entities {
namespace {

QJsonValue isoTime(std::int64_t seconds)
{
    if (seconds == 0)
        return QJsonValue();
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

QJsonArray flowsJson(const QVector<CurrencyFlow> &flows)
{
    QJsonArray array;
    for (const CurrencyFlow &flow : flows) {
        array.append(QJsonObject { { QStringLiteral("currency"), flow.currency },
                                   { QStringLiteral("in_minor"), qint64(flow.inMinor) },
                                   { QStringLiteral("out_minor"), qint64(flow.outMinor) },
                                   { QStringLiteral("in_count"), qint64(flow.inCount) },
                                   { QStringLiteral("out_count"), qint64(flow.outCount) } });
    }
    return array;
}

QJsonArray counterpartiesJson(const QVector<SubjectProfile::Counterparty> &list)
{
    QJsonArray array;
    for (const SubjectProfile::Counterparty &c : list) {
        array.append(QJsonObject { { QStringLiteral("name"), c.name },
                                   { QStringLiteral("subject_id"), c.subjectId ? QJsonValue(qint64(c.subjectId)) : QJsonValue() },
                                   { QStringLiteral("currency"), c.currency },
                                   { QStringLiteral("in_minor"), qint64(c.inMinor) },
                                   { QStringLiteral("out_minor"), qint64(c.outMinor) },
                                   { QStringLiteral("count"), qint64(c.count) } });
    }
    return array;
}

QJsonArray breakdownJson(const QVector<SubjectProfile::Breakdown> &list)
{
    QJsonArray array;
    for (const SubjectProfile::Breakdown &b : list) {
        array.append(QJsonObject { { QStringLiteral("key"), b.key }, { QStringLiteral("currency"), b.currency },
                                   { QStringLiteral("minor"), qint64(b.minor) }, { QStringLiteral("count"), qint64(b.count) } });
    }
    return array;
}

} // namespace

QJsonObject SubjectProfile::toJson() const
{
    QJsonArray memberIds;
    for (const std::int64_t member : members)
        memberIds.append(qint64(member));
    QJsonArray namesJson;
    for (const Name &name : names) {
        namesJson.append(QJsonObject { { QStringLiteral("name"), name.name }, { QStringLiteral("kind"), name.kind },
                                       { QStringLiteral("sources"), QJsonArray::fromStringList(name.sources) } });
    }
    QJsonArray identifiersJson;
    for (const Identifier &id : identifiers) {
        identifiersJson.append(QJsonObject { { QStringLiteral("kind"), id.kind }, { QStringLiteral("value"), id.value },
                                             { QStringLiteral("validity"), id.validity },
                                             { QStringLiteral("problem"), id.problem },
                                             { QStringLiteral("details"), id.details },
                                             { QStringLiteral("sources"), QJsonArray::fromStringList(id.sources) } });
    }
    QJsonArray attributesJson;
    for (const Attribute &attribute : attributes) {
        attributesJson.append(QJsonObject { { QStringLiteral("kind"), attribute.kind },
                                            { QStringLiteral("value"), attribute.value },
                                            { QStringLiteral("sources"), QJsonArray::fromStringList(attribute.sources) } });
    }
    QJsonArray accountsJson;
    for (const Account &account : accounts) {
        accountsJson.append(QJsonObject { { QStringLiteral("id"), qint64(account.id) },
                                          { QStringLiteral("identifier"), account.identifier },
                                          { QStringLiteral("identifier_kind"), account.identifierKind },
                                          { QStringLiteral("validity"), account.validity },
                                          { QStringLiteral("problem"), account.problem },
                                          { QStringLiteral("institution"), account.institution },
                                          { QStringLiteral("currency"), account.currency },
                                          { QStringLiteral("holder_name"), account.holderName },
                                          { QStringLiteral("first_source"), account.firstSource },
                                          { QStringLiteral("transactions"), qint64(account.transactions) } });
    }
    QJsonArray monthlyJson;
    for (const MonthFlow &month : monthly) {
        monthlyJson.append(QJsonObject { { QStringLiteral("month"), month.month }, { QStringLiteral("currency"), month.currency },
                                         { QStringLiteral("in_minor"), qint64(month.inMinor) },
                                         { QStringLiteral("out_minor"), qint64(month.outMinor) } });
    }
    QJsonArray hitsJson;
    for (const Hit &hit : hits) {
        hitsJson.append(QJsonObject { { QStringLiteral("id"), qint64(hit.id) }, { QStringLiteral("entry_id"), qint64(hit.entryId) },
                                      { QStringLiteral("list"), hit.listName }, { QStringLiteral("entry_name"), hit.entryName },
                                      { QStringLiteral("reference"), hit.reference }, { QStringLiteral("programs"), hit.programs },
                                      { QStringLiteral("subject_name"), hit.subjectName },
                                      { QStringLiteral("matched_name"), hit.matchedName },
                                      { QStringLiteral("matched_kind"), hit.matchedKind }, { QStringLiteral("score"), hit.score },
                                      { QStringLiteral("explanation"), hit.explanation }, { QStringLiteral("state"), hit.state },
                                      { QStringLiteral("reason"), hit.reason } });
    }
    QJsonArray notesJson;
    for (const Note &note : annotations) {
        notesJson.append(QJsonObject { { QStringLiteral("id"), qint64(note.id) }, { QStringLiteral("body"), note.body },
                                       { QStringLiteral("tags"), note.tags }, { QStringLiteral("severity"), note.severity },
                                       { QStringLiteral("created_at"), note.createdAt },
                                       { QStringLiteral("created_by"), note.createdBy } });
    }
    QJsonArray candidatesJson;
    for (const Candidate &candidate : candidates) {
        candidatesJson.append(QJsonObject { { QStringLiteral("id"), qint64(candidate.id) },
                                            { QStringLiteral("subject_id"), qint64(candidate.otherSubjectId) },
                                            { QStringLiteral("name"), candidate.otherName },
                                            { QStringLiteral("score"), candidate.score },
                                            { QStringLiteral("explanation"), candidate.explanation } });
    }
    QJsonArray alertsJson;
    for (const Alert &alert : alerts) {
        alertsJson.append(QJsonObject { { QStringLiteral("id"), qint64(alert.id) }, { QStringLiteral("typology"), alert.typology },
                                        { QStringLiteral("score"), alert.score }, { QStringLiteral("state"), alert.state },
                                        { QStringLiteral("title"), alert.title } });
    }
    return QJsonObject {
        { QStringLiteral("id"), qint64(id) },
        { QStringLiteral("risk"), risk },
        { QStringLiteral("risk_explanation"), riskExplanation },
        { QStringLiteral("alerts"), alertsJson },
        { QStringLiteral("kind"), kind },
        { QStringLiteral("kind_reason"), kindReason },
        { QStringLiteral("display_name"), displayName },
        { QStringLiteral("members"), memberIds },
        { QStringLiteral("names"), namesJson },
        { QStringLiteral("identifiers"), identifiersJson },
        { QStringLiteral("attributes"), attributesJson },
        { QStringLiteral("accounts"), accountsJson },
        { QStringLiteral("totals"), flowsJson(totals) },
        { QStringLiteral("monthly"), monthlyJson },
        { QStringLiteral("top_counterparties_by_amount"), counterpartiesJson(topByAmount) },
        { QStringLiteral("top_counterparties_by_count"), counterpartiesJson(topByCount) },
        { QStringLiteral("channels"), breakdownJson(channels) },
        { QStringLiteral("countries"), breakdownJson(countries) },
        { QStringLiteral("first_activity"), isoTime(firstAt) },
        { QStringLiteral("last_activity"), isoTime(lastAt) },
        { QStringLiteral("screening_hits"), hitsJson },
        { QStringLiteral("annotations"), notesJson },
        { QStringLiteral("candidates"), candidatesJson },
    };
}

} // namespace fundtrace::entities
