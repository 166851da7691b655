#pragma once

#include "import/CsvReader.h"
#include "import/sanctions/SanctionsListReader.h"

#include <QFile>
#include <array>
#include <memory>

namespace fundtrace::import {

// A national list of designated persons and organisations as a plain CSV with a header row
// (layout in docs/formats-sanctions.md): name, aliases (';'-separated), birth date, nationality,
// document, type, reference, listed on, programme, remarks, in any order, English or Russian
// header names. Encoding and delimiter are detected. Such lists have no standard name, so the
// user gives one (--list-name).
class NationalListCsvReader : public SanctionsListReader {
public:
    explicit NationalListCsvReader(const QString &path);
    ~NationalListCsvReader() override;

    bool next(SanctionEntry &entry) override;
    QString defaultListName() const override { return {}; }
    QString versionDate() const override { return m_version; }
    std::int64_t bytesConsumed() const override { return m_reader->bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_file.size(); }

    enum Column { Name, Aliases, BirthDate, Nationality, Document, Type, Reference, ListedOn, Programme, Remarks,
                  ColumnCount };

private:
    QString m_path;
    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    std::array<int, ColumnCount> m_columns {};
    QString m_version;
};

} // namespace fundtrace::import
