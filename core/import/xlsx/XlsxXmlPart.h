#pragma once

#include <QByteArray>
#include <QXmlStreamReader>
#include <memory>

namespace fundtrace::import {

class XlsxArchive;
class XlsxEntryReader;

// One XML part of a workbook read as a token stream, fed from the zip entry chunk by chunk so
// memory stays bounded whatever the part's size. A DOCTYPE is refused outright: workbooks never
// carry one, and entity declarations are how XML bombs and external-entity reads start.
class XlsxXmlPart {
public:
    XlsxXmlPart(XlsxArchive &archive, const QString &entry); // throws ImportError
    ~XlsxXmlPart();
    XlsxXmlPart(const XlsxXmlPart &) = delete;
    XlsxXmlPart &operator=(const XlsxXmlPart &) = delete;

    // The next token; EndDocument once the root element is closed and the entry is exhausted.
    // Throws ImportError naming the file, part and line on malformed XML or a DOCTYPE.
    QXmlStreamReader::TokenType next();
    // Skips to the end of the element just started.
    void skipElement();
    // Text content of the element just started (nested elements' text included), at most
    // maxBytes of UTF-8; sets `tooLong` instead of growing further.
    QByteArray elementText(qsizetype maxBytes, bool &tooLong);

    QXmlStreamReader &xml() { return m_xml; }
    qint64 bytesRead() const;
    [[noreturn]] void fail(const QString &reason) const;

private:
    std::unique_ptr<XlsxEntryReader> m_entry;
    QXmlStreamReader m_xml;
    QByteArray m_chunk;
    int m_depth = 0;
    bool m_rootClosed = false;
    bool m_eof = false;
};

} // namespace fundtrace::import
