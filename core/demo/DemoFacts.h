#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace fundtrace::demo {

// What the generator planted, collected while generating and written as truth.json, so tests,
// detection rules and trainers can check what an investigator should find.
class DemoFacts {
public:
    void addSubject(const QJsonObject &subject) { m_subjects.append(subject); }
    void addDecoy(const QJsonObject &decoy) { m_decoys.append(decoy); }
    void addFinding(const QString &finding) { m_findings.append(finding); }
    void addReject(const QString &file, int line, const QString &externalId, const QString &reason);
    void addTimezoneCheck(const QString &file, const QString &externalId, const QString &localText,
                          const QString &utc);
    void addFile(const QJsonObject &file) { m_files.append(file); }
    void addToList(const QString &key, const QJsonObject &item);
    void setValue(const QString &key, const QJsonValue &value) { m_story.insert(key, value); }

    QJsonObject toJson(quint64 seed, int scale) const;

private:
    QJsonArray m_subjects;
    QJsonArray m_decoys;
    QJsonArray m_findings;
    QJsonArray m_rejects;
    QJsonArray m_timezoneChecks;
    QJsonArray m_files;
    QJsonObject m_story;
};

} // namespace fundtrace::demo
