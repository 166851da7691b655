#include "import/sanctions/UnListReader.h"

#include "import/ImportPreview.h"
#include "import/sanctions/ListDate.h"

#include <QStringList>

namespace fundtrace::import {
namespace {

QString joinNonEmpty(const QStringList &parts, const QString &separator)
{
    QStringList kept;
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            kept << part.trimmed();
    return kept.join(separator);
}

QString place(const XmlNode &node)
{
    return joinNonEmpty({ node.childText(u"STREET"), node.childText(u"CITY"), node.childText(u"STATE_PROVINCE"),
                          node.childText(u"ZIP_CODE"), node.childText(u"COUNTRY"), node.childText(u"NOTE") },
                        QStringLiteral(", "));
}

QString values(const XmlNode &node, QStringView listName)
{
    QStringList found;
    if (const XmlNode *list = node.child(listName))
        for (const XmlNode *value : list->childrenNamed(u"VALUE"))
            if (!value->text.isEmpty())
                found << value->text;
    return found.join(QStringLiteral("; "));
}

} // namespace

UnListReader::UnListReader(const QString &path)
    : m_xml(path)
{
    if (!m_xml.nextStartElement() || m_xml.name() != u"CONSOLIDATED_LIST")
        throw ImportError(QStringLiteral("%1: not a UN consolidated list (the root element must be "
                                         "CONSOLIDATED_LIST)").arg(path));
    m_version = listDate(m_xml.attribute(u"dateGenerated"));
}

bool UnListReader::next(SanctionEntry &entry)
{
    while (m_xml.nextStartElementUpTo(3)) {
        if (m_xml.depth() == 3 && (m_xml.name() == u"INDIVIDUAL" || m_xml.name() == u"ENTITY")) {
            entry = SanctionEntry {};
            convert(m_xml.readSubtree(), entry);
            return true;
        }
    }
    return false;
}

void UnListReader::convert(const XmlNode &node, SanctionEntry &entry) const
{
    const bool individual = node.name == u"INDIVIDUAL";
    entry.line = node.line;
    entry.kind = individual ? QStringLiteral("person") : QStringLiteral("organisation");
    entry.externalId = node.childText(u"DATAID");
    entry.reference = node.childText(u"REFERENCE_NUMBER");
    entry.primaryName = joinNonEmpty({ node.childText(u"FIRST_NAME"), node.childText(u"SECOND_NAME"),
                                       node.childText(u"THIRD_NAME"), node.childText(u"FOURTH_NAME") },
                                     QStringLiteral(" "));
    entry.programs = node.childText(u"UN_LIST_TYPE");
    entry.listedOn = listDate(node.childText(u"LISTED_ON"));
    entry.remarks = node.childText(u"COMMENTS1");
    entry.addName(node.childText(u"NAME_ORIGINAL_SCRIPT"), QStringLiteral("original_script"));

    for (const XmlNode *alias : node.childrenNamed(individual ? u"INDIVIDUAL_ALIAS" : u"ENTITY_ALIAS")) {
        const QString quality = alias->childText(u"QUALITY").toLower();
        entry.addName(alias->childText(u"ALIAS_NAME"),
                      quality == u"low" ? QStringLiteral("weak") : QStringLiteral("aka"),
                      quality == u"good" || quality == u"low" ? quality : QString());
    }
    entry.addAttribute(QStringLiteral("title"), values(node, u"TITLE"));
    entry.addAttribute(QStringLiteral("designation"), values(node, u"DESIGNATION"));
    if (const XmlNode *nationality = node.child(u"NATIONALITY"))
        for (const XmlNode *value : nationality->childrenNamed(u"VALUE"))
            entry.addAttribute(QStringLiteral("nationality"), value->text);
    entry.addAttribute(QStringLiteral("gender"), node.childText(u"GENDER"));
    for (const XmlNode *birth : node.childrenNamed(u"INDIVIDUAL_DATE_OF_BIRTH")) {
        QString value = listDate(birth->childText(u"DATE"));
        if (value.isEmpty())
            value = birth->childText(u"YEAR");
        if (value.isEmpty() && !birth->childText(u"FROM_YEAR").isEmpty())
            value = birth->childText(u"FROM_YEAR") + QLatin1Char('/') + birth->childText(u"TO_YEAR");
        const QString type = birth->childText(u"TYPE_OF_DATE");
        if (!value.isEmpty() && !type.isEmpty() && type.compare(u"EXACT", Qt::CaseInsensitive) != 0)
            value += QStringLiteral(" (%1)").arg(type.toLower());
        entry.addAttribute(QStringLiteral("birth_date"), value);
    }
    for (const XmlNode *birthPlace : node.childrenNamed(u"INDIVIDUAL_PLACE_OF_BIRTH"))
        entry.addAttribute(QStringLiteral("birth_place"), place(*birthPlace));
    for (const XmlNode *address : node.childrenNamed(individual ? u"INDIVIDUAL_ADDRESS" : u"ENTITY_ADDRESS"))
        entry.addAttribute(QStringLiteral("address"), place(*address));
    for (const XmlNode *document : node.childrenNamed(u"INDIVIDUAL_DOCUMENT")) {
        const QString type = document->childText(u"TYPE_OF_DOCUMENT");
        const QString number = document->childText(u"NUMBER");
        if (number.isEmpty())
            continue;
        const QString country = document->childText(u"ISSUING_COUNTRY");
        const QString value = country.isEmpty() ? number : QStringLiteral("%1 (%2)").arg(number, country);
        entry.addAttribute(type.contains(u"passport", Qt::CaseInsensitive) ? QStringLiteral("passport")
                                                                           : QStringLiteral("national_id"),
                           type.isEmpty() || type.contains(u"passport", Qt::CaseInsensitive)
                                   ? value
                                   : QStringLiteral("%1: %2").arg(type, value));
    }
}

} // namespace fundtrace::import
