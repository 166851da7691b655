#pragma once

#include "import/sanctions/SanctionsListReader.h"
#include "import/sanctions/XmlNodeReader.h"

namespace fundtrace::import {

// OFAC's SDN list as XML (sdnList with publshInformation/Publish_Date and sdnEntry elements).
// Primary names are written as OFAC writes them: "LAST, First" for individuals, as in sdn.csv.
class OfacSdnXmlReader : public SanctionsListReader {
public:
    explicit OfacSdnXmlReader(const QString &path);

    bool next(SanctionEntry &entry) override;
    QString defaultListName() const override { return QStringLiteral("OFAC SDN"); }
    QString versionDate() const override { return m_version; }
    std::int64_t bytesConsumed() const override { return m_xml.bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_xml.bytesTotal(); }

private:
    static void convert(const XmlNode &node, SanctionEntry &entry);

    XmlNodeReader m_xml;
    QString m_version;
};

// "LAST, First" as OFAC writes an individual's name; just the last name for others.
QString ofacName(const QString &lastName, const QString &firstName);
// OFAC's sdnType / SDN_Type ("Individual", "Entity", "-0-", "vessel", "aircraft") as an entry kind.
QString ofacKind(const QString &sdnType);

} // namespace fundtrace::import
