#pragma once

#include "db/Database.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <optional>

namespace fundtrace::detect {

struct AlertFilter {
    QStringList rules;        // rule ids; empty = all
    QStringList states;       // new, in_review, confirmed, dismissed; empty = all
    int minScore = 0;
    std::int64_t subjectId = 0; // any member id of a subject; 0 = all
    bool includeInactive = false;
};

struct AlertRow {
    std::int64_t id = 0;
    QString rule;
    QString typology;
    int score = 0;
    QString title;
    QString state;
    bool active = true;
    std::int64_t windowStart = 0;
    std::int64_t windowEnd = 0;
    int evidenceCount = 0;
    QStringList subjects; // display names
};

// An alert with everything the detail pane and the JSON export show.
struct AlertDetail {
    struct EvidenceRow {
        std::int64_t transactionId = 0;
        QString role;
        std::int64_t bookedAt = 0;
        QString direction;
        std::int64_t amountMinor = 0;
        QString currency;
        QString account;
        QString counterparty;
        QString purpose;
        QString sourceFile;
        std::int64_t sourceRow = 0;
        QString externalId;
    };
    struct Party {
        std::int64_t id = 0;
        QString name;
        QString kind;
    };
    struct StateChange {
        QString from, to, reason, at, by;
        bool undone = false;
    };
    struct Note {
        std::int64_t id = 0;
        QString body, tags, severity, hypothesis, createdAt, createdBy;
    };
    AlertRow row;
    QString explanation;
    QJsonObject metrics;
    QString stateReason;
    QString stateBy;
    QString stateAt;
    QVector<Party> subjects;
    QVector<Party> accounts;
    QVector<EvidenceRow> evidence;
    QVector<StateChange> history;
    QVector<Note> notes;

    QJsonObject toJson() const;
};

// Alerts for the alerts view, the CLI and reports.
class AlertQuery {
public:
    explicit AlertQuery(const db::Database &db);
    QVector<AlertRow> list(const AlertFilter &filter) const;
    std::optional<AlertDetail> detail(std::int64_t alertId) const;
    // Active alerts per typology, for the view's counts.
    QVector<std::pair<QString, int>> countsByTypology(bool includeInactive = false) const;

private:
    const db::Database &m_db;
};

} // namespace fundtrace::detect
