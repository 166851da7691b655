#include "import/xlsx/XlsxXmlPart.h"

#include "import/ImportPreview.h"
#include "import/xlsx/XlsxArchive.h"
#include "import/xlsx/XlsxEntryReader.h"

namespace fundtrace::import {

XlsxXmlPart::XlsxXmlPart(XlsxArchive &archive, const QString &entry)
    : m_entry(archive.open(entry))
{
}

XlsxXmlPart::~XlsxXmlPart() = default;

qint64 XlsxXmlPart::bytesRead() const
{
    return m_entry->bytesRead();
}

void XlsxXmlPart::fail(const QString &reason) const
{
    throw ImportError(QStringLiteral("%1: part %2, line %3: %4")
                              .arg(m_entry->archivePath(), m_entry->entry())
                              .arg(m_xml.lineNumber())
                              .arg(reason));
}

QXmlStreamReader::TokenType XlsxXmlPart::next()
{
    for (;;) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            fail(QStringLiteral("the XML carries a DOCTYPE declaration, which workbooks never do; "
                                "refused (entity declarations can read local files or exhaust memory)"));
        case QXmlStreamReader::StartElement:
            ++m_depth;
            return token;
        case QXmlStreamReader::EndElement:
            if (--m_depth == 0)
                m_rootClosed = true;
            return token;
        case QXmlStreamReader::Invalid:
            break;
        default:
            return token;
        }
        if (m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            fail(QStringLiteral("malformed XML: %1").arg(m_xml.errorString()));
        if (!m_eof && m_entry->read(m_chunk)) {
            m_xml.addData(m_chunk);
            continue;
        }
        m_eof = true;
        if (m_rootClosed)
            return QXmlStreamReader::EndDocument;
        fail(QStringLiteral("the XML ends early (the part is truncated)"));
    }
}

void XlsxXmlPart::skipElement()
{
    for (int depth = 1; depth > 0;) {
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::StartElement)
            ++depth;
        else if (token == QXmlStreamReader::EndElement)
            --depth;
        else if (token == QXmlStreamReader::EndDocument)
            return;
    }
}

QByteArray XlsxXmlPart::elementText(qsizetype maxBytes, bool &tooLong)
{
    QByteArray text;
    tooLong = false;
    for (int depth = 1; depth > 0;) {
        const QXmlStreamReader::TokenType token = next();
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
        } else if (token == QXmlStreamReader::Characters && !tooLong) {
            const QByteArray part = m_xml.text().toUtf8();
            if (text.size() + part.size() > maxBytes)
                tooLong = true;
            else
                text += part;
        } else if (token == QXmlStreamReader::EndDocument) {
            break;
        }
    }
    if (tooLong)
        text.clear();
    return text;
}

} // namespace fundtrace::import
