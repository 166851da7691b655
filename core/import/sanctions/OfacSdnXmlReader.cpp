#include "import/sanctions/OfacSdnXmlReader.h"

#include "import/ImportPreview.h"
#include "import/sanctions/ListDate.h"

#include <QStringList>

namespace fundtrace::import {
namespace {

QString joinNonEmpty(const XmlNode &node, std::initializer_list<QStringView> names)
{
    QStringList kept;
    for (QStringView name : names)
        if (const QString text = node.childText(name); !text.isEmpty())
            kept << text;
    return kept.join(QStringLiteral(", "));
}

} // namespace

QString ofacName(const QString &lastName, const QString &firstName)
{
    if (firstName.trimmed().isEmpty())
        return lastName.trimmed();
    if (lastName.trimmed().isEmpty())
        return firstName.trimmed();
    return lastName.trimmed() + QStringLiteral(", ") + firstName.trimmed();
}

QString ofacKind(const QString &sdnType)
{
    const QString type = sdnType.trimmed().toLower();
    if (type == u"individual")
        return QStringLiteral("person");
    if (type == u"vessel")
        return QStringLiteral("vessel");
    if (type == u"aircraft")
        return QStringLiteral("aircraft");
    return QStringLiteral("organisation"); // "Entity" in the XML, "-0-" in sdn.csv
}

OfacSdnXmlReader::OfacSdnXmlReader(const QString &path)
    : m_xml(path)
{
    if (!m_xml.nextStartElement() || m_xml.name() != u"sdnList")
        throw ImportError(QStringLiteral("%1: not an OFAC SDN XML list (the root element must be sdnList)").arg(path));
}

bool OfacSdnXmlReader::next(SanctionEntry &entry)
{
    while (m_xml.nextStartElementUpTo(2)) {
        if (m_xml.name() == u"publshInformation") {
            m_version = listDate(m_xml.readSubtree().childText(u"Publish_Date"));
        } else if (m_xml.name() == u"sdnEntry") {
            entry = SanctionEntry {};
            convert(m_xml.readSubtree(), entry);
            return true;
        }
    }
    return false;
}

void OfacSdnXmlReader::convert(const XmlNode &node, SanctionEntry &entry)
{
    entry.line = node.line;
    entry.externalId = node.childText(u"uid");
    entry.reference = entry.externalId;
    entry.kind = ofacKind(node.childText(u"sdnType"));
    entry.primaryName = ofacName(node.childText(u"lastName"), node.childText(u"firstName"));
    entry.remarks = node.childText(u"remarks");
    QStringList programs;
    if (const XmlNode *list = node.child(u"programList"))
        for (const XmlNode *program : list->childrenNamed(u"program"))
            programs << program->text;
    entry.programs = programs.join(QStringLiteral(", "));
    entry.addAttribute(QStringLiteral("title"), node.childText(u"title"));

    if (const XmlNode *list = node.child(u"akaList"))
        for (const XmlNode *aka : list->childrenNamed(u"aka")) {
            const QString category = aka->childText(u"category").toLower();
            const bool formerly = aka->childText(u"type").startsWith(u"f.k.a", Qt::CaseInsensitive);
            const QString kind = formerly ? QStringLiteral("fka")
                                          : category == u"weak" ? QStringLiteral("weak") : QStringLiteral("aka");
            entry.addName(ofacName(aka->childText(u"lastName"), aka->childText(u"firstName")), kind,
                          category == u"strong" ? QStringLiteral("good") : category == u"weak" ? QStringLiteral("low") : QString());
        }
    if (const XmlNode *list = node.child(u"idList"))
        for (const XmlNode *id : list->childrenNamed(u"id")) {
            const QString type = id->childText(u"idType");
            QString value = id->childText(u"idNumber");
            if (value.isEmpty())
                continue;
            if (const QString country = id->childText(u"idCountry"); !country.isEmpty())
                value += QStringLiteral(" (%1)").arg(country);
            if (type == u"Gender")
                entry.addAttribute(QStringLiteral("gender"), id->childText(u"idNumber"));
            else if (type.contains(u"passport", Qt::CaseInsensitive))
                entry.addAttribute(QStringLiteral("passport"), value);
            else
                entry.addAttribute(QStringLiteral("national_id"), type.isEmpty() ? value : type + QStringLiteral(": ") + value);
        }
    if (const XmlNode *list = node.child(u"dateOfBirthList"))
        for (const XmlNode *item : list->childrenNamed(u"dateOfBirthItem"))
            entry.addAttribute(QStringLiteral("birth_date"), listDate(item->childText(u"dateOfBirth")));
    if (const XmlNode *list = node.child(u"placeOfBirthList"))
        for (const XmlNode *item : list->childrenNamed(u"placeOfBirthItem"))
            entry.addAttribute(QStringLiteral("birth_place"), item->childText(u"placeOfBirth"));
    if (const XmlNode *list = node.child(u"nationalityList"))
        for (const XmlNode *item : list->childrenNamed(u"nationality"))
            entry.addAttribute(QStringLiteral("nationality"), item->childText(u"country"));
    if (const XmlNode *list = node.child(u"citizenshipList"))
        for (const XmlNode *item : list->childrenNamed(u"citizenship"))
            entry.addAttribute(QStringLiteral("citizenship"), item->childText(u"country"));
    if (const XmlNode *list = node.child(u"addressList"))
        for (const XmlNode *address : list->childrenNamed(u"address"))
            entry.addAttribute(QStringLiteral("address"),
                               joinNonEmpty(*address, { u"address1", u"address2", u"address3", u"city",
                                                        u"stateOrProvince", u"postalCode", u"country" }));
    if (const XmlNode *vessel = node.child(u"vesselInfo")) {
        entry.addAttribute(QStringLiteral("call_sign"), vessel->childText(u"callSign"));
        entry.addAttribute(QStringLiteral("flag"), vessel->childText(u"vesselFlag"));
    }
}

} // namespace fundtrace::import
