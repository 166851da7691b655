#pragma once

#include "import/sanctions/XmlNode.h"

#include <QFile>
#include <QXmlStreamReader>
#include <cstdint>

namespace fundtrace::import {

// Streams an XML file that must be treated as hostile: a DOCTYPE (and with it any entity
// declaration) is refused before it can be expanded, subtrees read into memory are bounded in
// depth and size, and a syntax error or a truncated file throws ImportError naming the file and
// line. Memory stays bounded by the largest subtree read, whatever the file size.
class XmlNodeReader {
public:
    // Throws ImportError when the file cannot be opened.
    explicit XmlNodeReader(const QString &path);

    // Advances to the next start element at any depth; false at the end of the document.
    bool nextStartElement();
    // Advances to the next start element whose depth (root = 1) is at most maxDepth; elements
    // below it are skipped. False at the end of the document.
    bool nextStartElementUpTo(int maxDepth);
    // The current start element as an XmlNode with all its descendants; afterwards the reader
    // stands on its end element.
    XmlNode readSubtree();

    QStringView name() const { return m_xml.name(); }
    QString attribute(QStringView attributeName) const;
    int depth() const { return m_depth; }
    std::int64_t line() const { return m_xml.lineNumber(); }
    std::int64_t bytesConsumed() const { return m_file.pos(); }
    std::int64_t bytesTotal() const { return m_file.size(); }
    const QString &path() const { return m_path; }
    QString encoding() const
    {
        const QString declared = m_xml.documentEncoding().toString();
        return declared.isEmpty() ? QStringLiteral("UTF-8") : declared;
    }

private:
    QXmlStreamReader::TokenType readToken();
    [[noreturn]] void fail(const QString &reason) const;
    void readInto(XmlNode &node, int level, std::int64_t &budget);

    QString m_path;
    QFile m_file;
    QXmlStreamReader m_xml;
    int m_depth = 0;
};

} // namespace fundtrace::import
