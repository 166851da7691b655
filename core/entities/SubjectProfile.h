#pragma once

#include "entities/SubjectList.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>

namespace fundtrace::entities {

// Everything known about one resolved subject, as the profile view and `fundtrace-cli subject`
// show it. Amounts are integer minor units with their currency.
struct SubjectProfile {
    struct Name {
        QString name;
        QString kind; // name or alias
        QStringList sources;
    };
    struct Identifier {
        QString kind;
        QString value; // display form: cards masked
        QString validity;
        QString problem;
        QString details; // e.g. "born 1985-03-15, male" for an IIN
        QStringList sources;
    };
    struct Attribute {
        QString kind;
        QString value;
        QStringList sources;
    };
    struct Account {
        std::int64_t id = 0;
        QString identifier; // display form
        QString identifierKind;
        QString validity;
        QString problem;
        QString institution;
        QString currency;
        QString holderName;
        QString firstSource;
        std::int64_t transactions = 0;
    };
    struct MonthFlow {
        QString month; // yyyy-MM
        QString currency;
        std::int64_t inMinor = 0;
        std::int64_t outMinor = 0;
    };
    struct Counterparty {
        QString name;
        std::int64_t subjectId = 0; // resolved subject, 0 when only a name is known
        QString currency;
        std::int64_t inMinor = 0;
        std::int64_t outMinor = 0;
        std::int64_t count = 0;
    };
    struct Breakdown {
        QString key;
        QString currency;
        std::int64_t minor = 0;
        std::int64_t count = 0;
    };
    struct Hit {
        std::int64_t id = 0;
        std::int64_t entryId = 0;
        QString listName;
        QString entryName;
        QString reference;
        QString programs;
        QString subjectName;
        QString matchedName;
        QString matchedKind;
        int score = 0;
        QString explanation;
        QString state;
        QString reason;
    };
    struct Note {
        std::int64_t id = 0;
        QString body;
        QString tags;
        QString severity;
        QString createdAt;
        QString createdBy;
    };
    struct Alert {
        std::int64_t id = 0;
        QString typology;
        int score = 0;
        QString state;
        QString title;
    };
    struct Candidate {
        std::int64_t id = 0;
        std::int64_t otherSubjectId = 0;
        QString otherName;
        int score = 0;
        QString explanation;
    };

    std::int64_t id = 0;
    QString kind;
    QString kindReason;
    QString displayName;
    QVector<std::int64_t> members;
    QVector<Name> names;
    QVector<Identifier> identifiers;
    QVector<Attribute> attributes;
    QVector<Account> accounts;
    QVector<CurrencyFlow> totals;
    QVector<MonthFlow> monthly;
    QVector<Counterparty> topByAmount;
    QVector<Counterparty> topByCount;
    QVector<Breakdown> channels;
    QVector<Breakdown> countries;
    std::int64_t firstAt = 0;
    std::int64_t lastAt = 0;
    QVector<Hit> hits;
    QVector<Note> annotations;
    QVector<Candidate> candidates;
    QVector<Alert> alerts;
    int risk = 0;
    QString riskExplanation;

    QJsonObject toJson() const;
};

} // namespace fundtrace::entities
