#include "import/sanctions/XmlNodeReader.h"

#include "import/ImportPreview.h"

namespace fundtrace::import {
namespace {

// A list entry or a goAML transaction has a few hundred nodes; these bounds only stop a crafted
// file from exhausting memory or the stack.
constexpr int kMaxSubtreeDepth = 64;
constexpr std::int64_t kMaxSubtreeNodes = 200000;
constexpr qsizetype kMaxTextChars = 1 << 20;

} // namespace

XmlNodeReader::XmlNodeReader(const QString &path)
    : m_path(path)
    , m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open: %2").arg(path, m_file.errorString()));
    if (m_file.size() == 0)
        throw ImportError(QStringLiteral("%1: the file is empty").arg(path));
    m_xml.setDevice(&m_file);
    m_xml.setNamespaceProcessing(true);
}

void XmlNodeReader::fail(const QString &reason) const
{
    throw ImportError(QStringLiteral("%1, line %2: %3").arg(m_path).arg(m_xml.lineNumber()).arg(reason));
}

QXmlStreamReader::TokenType XmlNodeReader::readToken()
{
    const QXmlStreamReader::TokenType token = m_xml.readNext();
    switch (token) {
    case QXmlStreamReader::DTD:
        fail(QStringLiteral("the file declares a DOCTYPE; documents with a DTD or entity declarations "
                            "are refused, since they can expand without bound or pull in other files"));
    case QXmlStreamReader::EntityReference:
        fail(QStringLiteral("unresolved entity reference &%1;").arg(m_xml.name().toString()));
    case QXmlStreamReader::Invalid:
        if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            fail(QStringLiteral("the file ends in the middle of the document (truncated or still being "
                                "written)"));
        fail(QStringLiteral("not well-formed XML: %1").arg(m_xml.errorString()));
    case QXmlStreamReader::StartElement:
        ++m_depth;
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        break;
    default:
        break;
    }
    return token;
}

bool XmlNodeReader::nextStartElement()
{
    while (!m_xml.atEnd()) {
        if (readToken() == QXmlStreamReader::StartElement)
            return true;
    }
    return false;
}

bool XmlNodeReader::nextStartElementUpTo(int maxDepth)
{
    while (!m_xml.atEnd()) {
        if (readToken() == QXmlStreamReader::StartElement && m_depth <= maxDepth)
            return true;
    }
    return false;
}

QString XmlNodeReader::attribute(QStringView attributeName) const
{
    return m_xml.attributes().value(attributeName.toString()).toString();
}

XmlNode XmlNodeReader::readSubtree()
{
    XmlNode node;
    std::int64_t budget = kMaxSubtreeNodes;
    readInto(node, 0, budget);
    return node;
}

void XmlNodeReader::readInto(XmlNode &node, int level, std::int64_t &budget)
{
    if (level > kMaxSubtreeDepth)
        fail(QStringLiteral("elements nested deeper than %1 levels").arg(kMaxSubtreeDepth));
    if (--budget < 0)
        fail(QStringLiteral("an element with more than %1 descendants").arg(kMaxSubtreeNodes));
    node.name = m_xml.name().toString();
    node.line = m_xml.lineNumber();
    for (const QXmlStreamAttribute &attribute : m_xml.attributes())
        node.attributes.emplace_back(attribute.name().toString(), attribute.value().toString());
    const int ownDepth = m_depth;
    QString text;
    while (!m_xml.atEnd()) {
        const QXmlStreamReader::TokenType token = readToken();
        if (token == QXmlStreamReader::StartElement) {
            node.children.emplace_back();
            readInto(node.children.back(), level + 1, budget);
        } else if (token == QXmlStreamReader::Characters) {
            if (text.size() + m_xml.text().size() > kMaxTextChars)
                fail(QStringLiteral("element <%1> holds more than %2 characters of text")
                             .arg(node.name)
                             .arg(kMaxTextChars));
            text += m_xml.text();
        } else if (token == QXmlStreamReader::EndElement && m_depth < ownDepth) {
            node.text = text.simplified();
            return;
        }
    }
    fail(QStringLiteral("the file ends inside <%1> (truncated?)").arg(node.name));
}

} // namespace fundtrace::import
