#pragma once

#include "import/sanctions/SanctionsListReader.h"

#include <QFile>

namespace fundtrace::import {

// OpenSanctions / FollowTheMoney entities as JSON lines, one entity per line. Persons,
// organisations, companies, legal entities, vessels and airplanes become entries; other schemata
// (Sanction, Address, Ownership, ...) are counted and skipped. The list is named after the
// first entity's dataset when it has exactly one, else after the file; the version is the latest
// last_change seen.
class FtmJsonReader : public SanctionsListReader {
public:
    explicit FtmJsonReader(const QString &path);

    bool next(SanctionEntry &entry) override;
    QString defaultListName() const override { return m_listName; }
    QString versionDate() const override { return m_version; }
    std::int64_t bytesConsumed() const override { return m_file.pos(); }
    std::int64_t bytesTotal() const override { return m_file.size(); }
    QStringList notes() const override;

private:
    QString m_path;
    QFile m_file;
    std::int64_t m_line = 0;
    std::int64_t m_skipped = 0;
    bool m_sawEntity = false;
    QString m_listName;
    QString m_version;
};

} // namespace fundtrace::import
