#pragma once

#include "import/ImportMapping.h"
#include "import/ImportResult.h"
#include "import/TextEncoding.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fundtrace::import {

// What the import wizard shows before anything is written: the detected encoding and delimiter,
// the raw first rows, and each row parsed through the mapping with its values or reject reason.
struct PreviewRow {
    std::int64_t row = 0;
    QStringList raw;                 // the CSV fields as text
    bool ok = false;
    QString dateUtc;                 // ISO 8601 of the parsed time
    QString direction;               // "C" or "D"
    QString amount;                  // formatted with currency
    QString account;
    QString counterparty;
    QString purpose;
    QString reason;                  // when !ok
};

struct ImportPreview {
    QString encoding;
    QString delimiter;
    QStringList headers;             // empty names become "#index"
    ImportMapping mapping;           // the mapping used (guessed when none was given)
    std::vector<PreviewRow> rows;
};

// Fills a preview row's parsed values (ok) or its reason from one conversion, the same way for
// every tabular format.
struct ParsedTransaction;
struct RowProblem;
void describeConversion(PreviewRow &row, bool converted, const ParsedTransaction &parsed, const RowProblem &problem);

// Reads at most maxRows data rows of a file. Throws ImportError (file-level problems).
ImportPreview previewFile(const QString &path, const std::optional<ImportMapping> &mapping,
                          const QString &encodingOverride, int maxRows = 200);

// A file-level problem: unreadable file, unknown encoding, a CSV syntax error, a mapping that
// names a missing column. Carries the file and, when known, the line.
class ImportError : public std::runtime_error {
public:
    explicit ImportError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

} // namespace fundtrace::import
