#pragma once

#include "import/CsvReader.h"
#include "import/sanctions/SanctionsListReader.h"

#include <QFile>
#include <QHash>
#include <memory>

namespace fundtrace::import {

// OFAC's SDN list as the CSV trio: sdn.csv (the entries, streamed) with alt.csv (aliases) and
// add.csv (addresses) from the same directory, read first and joined by ent_num. None has a
// header; "-0-" means empty. Dates, places, nationalities and documents are only in the free-text
// remarks ("DOB 1964; POB Cairo, Egypt; Passport 123 (Egypt)."), which are split into attributes.
// The CSV carries no publication date, so the version is sdn.csv's modification date.
class OfacSdnCsvReader : public SanctionsListReader {
public:
    explicit OfacSdnCsvReader(const QString &path);
    ~OfacSdnCsvReader() override;

    bool next(SanctionEntry &entry) override;
    QString defaultListName() const override { return QStringLiteral("OFAC SDN"); }
    QString versionDate() const override { return m_version; }
    std::int64_t bytesConsumed() const override { return m_reader->bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_file.size(); }
    QStringList notes() const override { return m_notes; }

private:
    struct Alias {
        QString type;
        QString name;
    };
    void loadCompanion(const QString &fileName, int minFields,
                       const std::function<void(const std::vector<QString> &)> &take);
    static void parseRemarks(const QString &remarks, SanctionEntry &entry);

    QString m_path;
    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    QString m_version;
    QStringList m_notes;
    QHash<QString, std::vector<Alias>> m_aliases;
    QHash<QString, QStringList> m_addresses;
};

} // namespace fundtrace::import
