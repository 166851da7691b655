#include "import/xlsx/XlsxSharedStrings.h"

#include "import/xlsx/XlsxXmlPart.h"

namespace fundtrace::import {

void XlsxSharedStrings::load(XlsxXmlPart &part)
{
    // An item is plain <t> or rich-text runs <r><t>; <rPh> holds phonetic readings of East Asian
    // text, which are not part of the value.
    int phoneticDepth = 0;
    bool inItem = false;
    bool inText = false;
    std::size_t itemStart = 0;
    for (;;) {
        const QXmlStreamReader::TokenType token = part.next();
        if (token == QXmlStreamReader::EndDocument)
            break;
        QXmlStreamReader &xml = part.xml();
        if (token == QXmlStreamReader::StartElement) {
            const QStringView name = xml.name();
            if (name == QLatin1String("si")) {
                inItem = true;
                itemStart = m_text.size();
            } else if (name == QLatin1String("rPh")) {
                ++phoneticDepth;
            } else if (name == QLatin1String("t")) {
                inText = inItem && phoneticDepth == 0;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QStringView name = xml.name();
            if (name == QLatin1String("si")) {
                inItem = false;
                m_offsets.push_back(m_text.size());
            } else if (name == QLatin1String("rPh")) {
                --phoneticDepth;
            } else if (name == QLatin1String("t")) {
                inText = false;
            }
        } else if (token == QXmlStreamReader::Characters && inText) {
            const QByteArray text = xml.text().toUtf8();
            if (m_text.size() - itemStart + static_cast<std::size_t>(text.size()) > kMaxStringBytes)
                part.fail(QStringLiteral("shared string #%1 is longer than %2 bytes")
                                  .arg(m_offsets.size()).arg(kMaxStringBytes));
            m_text.append(text.constData(), static_cast<std::size_t>(text.size()));
        }
    }
}

std::string_view XlsxSharedStrings::at(std::int64_t index, bool &valid) const
{
    valid = index >= 0 && static_cast<std::uint64_t>(index) < size();
    if (!valid)
        return {};
    const auto i = static_cast<std::size_t>(index);
    return std::string_view(m_text).substr(m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
}

} // namespace fundtrace::import
