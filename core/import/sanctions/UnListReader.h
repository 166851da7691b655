#pragma once

#include "import/sanctions/SanctionsListReader.h"
#include "import/sanctions/XmlNodeReader.h"

namespace fundtrace::import {

// The UN Security Council consolidated list XML (CONSOLIDATED_LIST with INDIVIDUALS/INDIVIDUAL
// and ENTITIES/ENTITY); the version is the root's dateGenerated attribute.
class UnListReader : public SanctionsListReader {
public:
    explicit UnListReader(const QString &path);

    bool next(SanctionEntry &entry) override;
    QString defaultListName() const override { return QStringLiteral("UN SC Consolidated List"); }
    QString versionDate() const override { return m_version; }
    std::int64_t bytesConsumed() const override { return m_xml.bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_xml.bytesTotal(); }

private:
    void convert(const XmlNode &node, SanctionEntry &entry) const;

    XmlNodeReader m_xml;
    QString m_version;
};

} // namespace fundtrace::import
