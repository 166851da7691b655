#pragma once

#include "import/sanctions/SanctionsListReader.h"
#include "import/sanctions/XmlNodeReader.h"

namespace fundtrace::import {

// The EU consolidated financial sanctions list XML (export/sanctionEntity, FSD namespace). The
// version is the root's generationDate; the first nameAlias is the primary name and the others,
// often the same name in other EU languages, are aliases.
class EuListReader : public SanctionsListReader {
public:
    explicit EuListReader(const QString &path);

    bool next(SanctionEntry &entry) override;
    QString defaultListName() const override { return QStringLiteral("EU Consolidated Financial Sanctions"); }
    QString versionDate() const override { return m_version; }
    std::int64_t bytesConsumed() const override { return m_xml.bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_xml.bytesTotal(); }

private:
    static void convert(const XmlNode &node, SanctionEntry &entry);

    XmlNodeReader m_xml;
    QString m_version;
};

} // namespace fundtrace::import
