#pragma once

#include "db/CaseFile.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace fundtrace::query {

// The figures `fundtrace-cli info` and the case properties dialog show.
struct CurrencyTotals {
    QString currency;
    std::int64_t count = 0;
    std::int64_t creditMinor = 0;
    std::int64_t debitMinor = 0;
};

struct SanctionListSummary {
    QString name;
    QString versionDate;
    std::int64_t entries = 0;
};

struct DataQualityFinding {
    std::int64_t sourceId = 0;
    QString sourceFile;
    QString kind;
    QString severity;
    QString message;
};

struct CaseSummary {
    QString path;
    QString title;
    QString createdAt;
    QString createdBy;
    QString timezone;
    int schemaVersion = 0;
    std::int64_t transactions = 0;
    std::int64_t accounts = 0;
    std::int64_t subjects = 0;
    std::int64_t sources = 0;
    std::int64_t rejects = 0;
    std::int64_t annotations = 0;
    std::int64_t statements = 0;
    std::int64_t reports = 0;
    std::vector<DataQualityFinding> findings;
    std::vector<SanctionListSummary> sanctionLists;   // current versions only
    std::optional<std::int64_t> firstBookedAt;
    std::optional<std::int64_t> lastBookedAt;
    std::vector<CurrencyTotals> totals;

    static CaseSummary of(const db::CaseFile &caseFile);
    QJsonObject toJson() const;
};

} // namespace fundtrace::query
