#pragma once

#include "import/CsvReader.h"
#include "import/ImportMapping.h"

#include <QFile>
#include <QStringList>
#include <memory>

namespace fundtrace::import {

// Opens a delimited-text file for import: settles the encoding and delimiter (mapping, override
// or detection), skips title rows, reads the header, then hands out data records. File-level
// problems throw ImportError naming the file and line.
class CsvInput {
public:
    CsvInput(const QString &path, const ImportMapping &mapping, const QString &encodingOverride);

    const QStringList &headers() const { return m_headers; }
    bool hasHeader() const { return m_hasHeader; }
    QString encoding() const { return encodingName(m_encoding); }
    char delimiter() const { return m_delimiter; }
    std::int64_t bytesTotal() const { return m_file.size(); }
    std::int64_t bytesConsumed() const { return m_reader->bytesConsumed(); }

    // The next data record; false at the end. Throws ImportError on a CSV syntax error.
    bool next(CsvRecord &record);

private:
    QString m_path;
    QFile m_file;
    TextEncoding m_encoding = TextEncoding::Utf8;
    char m_delimiter = ',';
    bool m_hasHeader = true;
    QStringList m_headers;
    std::unique_ptr<CsvReader> m_reader;
};

// A readable name for a delimiter: ",", ";", "tab", "|".
QString delimiterName(char delimiter);

} // namespace fundtrace::import
