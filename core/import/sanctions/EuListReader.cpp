#include "import/sanctions/EuListReader.h"

#include "import/ImportPreview.h"
#include "import/sanctions/ListDate.h"

#include <QStringList>

namespace fundtrace::import {
namespace {

QString joinAttributes(const XmlNode &node, std::initializer_list<QStringView> names)
{
    QStringList kept;
    for (QStringView name : names)
        if (const QString value = node.attribute(name).simplified(); !value.isEmpty())
            kept << value;
    return kept.join(QStringLiteral(", "));
}

QString withCountry(const QString &value, const XmlNode &node)
{
    const QString country = node.attribute(u"countryDescription");
    if (country.isEmpty() || country == u"UNKNOWN")
        return value;
    return QStringLiteral("%1 (%2)").arg(value, country);
}

} // namespace

EuListReader::EuListReader(const QString &path)
    : m_xml(path)
{
    if (!m_xml.nextStartElement() || m_xml.name() != u"export")
        throw ImportError(QStringLiteral("%1: not an EU consolidated list (the root element must be export)").arg(path));
    m_version = listDate(m_xml.attribute(u"generationDate"));
}

bool EuListReader::next(SanctionEntry &entry)
{
    while (m_xml.nextStartElementUpTo(2)) {
        if (m_xml.name() == u"sanctionEntity") {
            entry = SanctionEntry {};
            convert(m_xml.readSubtree(), entry);
            return true;
        }
    }
    return false;
}

void EuListReader::convert(const XmlNode &node, SanctionEntry &entry)
{
    entry.line = node.line;
    entry.externalId = node.attribute(u"logicalId");
    entry.reference = node.attribute(u"euReferenceNumber");
    if (const QString un = node.attribute(u"unitedNationId"); !un.isEmpty())
        entry.addAttribute(QStringLiteral("un_reference"), un);
    if (const XmlNode *subject = node.child(u"subjectType")) {
        const QString code = subject->attribute(u"code");
        entry.kind = code == u"person" ? QStringLiteral("person")
                                       : code == u"enterprise" ? QStringLiteral("organisation") : QStringLiteral("unknown");
    }
    QStringList remarks;
    for (const XmlNode *remark : node.childrenNamed(u"remark"))
        remarks << remark->text;
    entry.remarks = remarks.join(QLatin1Char('\n'));

    QStringList programmes;
    for (const XmlNode *regulation : node.childrenNamed(u"regulation")) {
        const QString programme = regulation->attribute(u"programme");
        if (!programme.isEmpty() && !programmes.contains(programme))
            programmes << programme;
        const QString published = listDate(regulation->attribute(u"publicationDate"));
        if (!published.isEmpty() && (entry.listedOn.isEmpty() || published < entry.listedOn))
            entry.listedOn = published;
    }
    entry.programs = programmes.join(QStringLiteral(", "));

    for (const XmlNode *alias : node.childrenNamed(u"nameAlias")) {
        QString name = alias->attribute(u"wholeName").simplified();
        if (name.isEmpty())
            name = joinAttributes(*alias, { u"firstName", u"middleName", u"lastName" }).replace(QStringLiteral(", "), QStringLiteral(" "));
        if (name.isEmpty())
            continue;
        if (entry.primaryName.isEmpty()) {
            entry.primaryName = name;
        } else {
            const bool weak = alias->attribute(u"strong") == u"false";
            entry.addName(name, weak ? QStringLiteral("weak") : QStringLiteral("aka"),
                          weak ? QStringLiteral("low") : QString());
        }
        entry.addAttribute(QStringLiteral("gender"), alias->attribute(u"gender"));
        entry.addAttribute(QStringLiteral("title"), alias->attribute(u"title"));
        entry.addAttribute(QStringLiteral("function"), alias->attribute(u"function"));
    }
    for (const XmlNode *citizenship : node.childrenNamed(u"citizenship"))
        entry.addAttribute(QStringLiteral("citizenship"), citizenship->attribute(u"countryDescription"));
    for (const XmlNode *birth : node.childrenNamed(u"birthdate")) {
        QString date = listDate(birth->attribute(u"birthdate"));
        if (date.isEmpty())
            date = birth->attribute(u"year");
        if (!date.isEmpty() && birth->attribute(u"circa") == u"true")
            date += QStringLiteral(" (circa)");
        entry.addAttribute(QStringLiteral("birth_date"), date);
        entry.addAttribute(QStringLiteral("birth_place"),
                           joinAttributes(*birth, { u"place", u"city", u"region", u"countryDescription" }));
    }
    for (const XmlNode *document : node.childrenNamed(u"identification")) {
        const QString number = document->attribute(u"number");
        if (number.isEmpty())
            continue;
        const QString type = document->attribute(u"identificationTypeCode");
        if (type == u"passport")
            entry.addAttribute(QStringLiteral("passport"), withCountry(number, *document));
        else
            entry.addAttribute(QStringLiteral("national_id"),
                               withCountry(QStringLiteral("%1: %2").arg(
                                                   document->attribute(u"identificationTypeDescription"), number),
                                           *document));
    }
    for (const XmlNode *address : node.childrenNamed(u"address"))
        entry.addAttribute(QStringLiteral("address"),
                           joinAttributes(*address, { u"street", u"poBox", u"city", u"zipCode", u"region", u"place",
                                                      u"countryDescription" }));
}

} // namespace fundtrace::import
