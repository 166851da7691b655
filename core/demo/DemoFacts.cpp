#include "demo/DemoFacts.h"

#include "demo/DemoClock.h"

namespace fundtrace::demo {

void DemoFacts::addReject(const QString &file, int line, const QString &externalId, const QString &reason)
{
    m_rejects.append(QJsonObject { { QStringLiteral("file"), file },
                                   { QStringLiteral("line"), line },
                                   { QStringLiteral("externalId"), externalId },
                                   { QStringLiteral("reason"), reason } });
}

void DemoFacts::addTimezoneCheck(const QString &file, const QString &externalId, const QString &localText,
                                 const QString &utc)
{
    m_timezoneChecks.append(QJsonObject { { QStringLiteral("file"), file },
                                          { QStringLiteral("externalId"), externalId },
                                          { QStringLiteral("asWritten"), localText },
                                          { QStringLiteral("utc"), utc } });
}

void DemoFacts::addToList(const QString &key, const QJsonObject &item)
{
    QJsonArray list = m_story.value(key).toArray();
    list.append(item);
    m_story.insert(key, list);
}

QJsonObject DemoFacts::toJson(quint64 seed, int scale) const
{
    QJsonObject root;
    root.insert(QStringLiteral("generator"), QStringLiteral("Fundtrace demo case (fictional people and organisations)"));
    // A JSON number cannot hold every 64-bit seed exactly.
    root.insert(QStringLiteral("seed"), QString::number(seed));
    root.insert(QStringLiteral("scale"), scale);
    root.insert(QStringLiteral("period"),
                QJsonObject { { QStringLiteral("from"), DemoClock::periodStart().toString(Qt::ISODate) },
                              { QStringLiteral("to"), DemoClock::periodEnd().toString(Qt::ISODate) },
                              { QStringLiteral("timezone"), QStringLiteral("Asia/Almaty") },
                              { QStringLiteral("note"),
                                QStringLiteral("Times without a zone are Almaty wall-clock time: UTC+6 until "
                                               "2024-02-29, UTC+5 from 2024-03-01 00:00. No event is placed in "
                                               "the repeated hour 2024-02-29 23:00-24:00. The wallet registry "
                                               "is written in UTC.") } });
    root.insert(QStringLiteral("amounts"), QStringLiteral("Amounts in truth.json are integer minor units (tiyn for KZT)."));
    root.insert(QStringLiteral("files"), m_files);
    root.insert(QStringLiteral("subjects"), m_subjects);
    root.insert(QStringLiteral("decoys"), m_decoys);
    root.insert(QStringLiteral("story"), m_story);
    root.insert(QStringLiteral("expectedFindings"), m_findings);
    root.insert(QStringLiteral("rejects"), m_rejects);
    root.insert(QStringLiteral("timezoneChecks"), m_timezoneChecks);
    return root;
}

} // namespace fundtrace::demo
