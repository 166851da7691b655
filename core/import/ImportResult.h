#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::import {

// One row that could not be imported: file, record, column and reason, for the rejects report.
struct Reject {
    QString file;
    std::int64_t row = 0;       // 1-based record number in the file (the header is row 1)
    std::int64_t line = 0;      // physical line where the record starts
    QString column;             // header name or "#index"; empty for whole-row problems
    QString value;              // the offending text, truncated to 200 characters
    QString reason;
};

struct ImportResult {
    enum class Status { Imported, Refused, Failed, Cancelled };
    Status status = Status::Imported;
    QString file;
    QString message;            // for Refused/Failed/Cancelled: why, in plain language
    std::int64_t sourceId = 0;  // the new sources.id when Imported
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsRejected = 0;
    std::int64_t newAccounts = 0;
    double seconds = 0;
    QString encoding;
    QString delimiter;
    std::vector<Reject> rejects; // all of them; also written by RejectsReport
};

} // namespace fundtrace::import
