#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>

namespace fundtrace::import {

// The header of a goAML report as stored in `reports`.
struct GoAmlReport {
    QString rentityId;
    QString rentityBranch;
    QString submissionCode;     // E (electronic) / M (manual)
    QString reportCode;         // STR, SAR, CTR, ...
    QString entityReference;
    QString fiuRefNumber;
    QString submissionDate;
    QString currencyCodeLocal;
    QString reportingPerson;    // "first last" of reporting_person
    QString reason;
    QString action;
    QStringList indicators;
    std::int64_t transactions = 0;
    std::int64_t activityParties = 0;
};

} // namespace fundtrace::import
