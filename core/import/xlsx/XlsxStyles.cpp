#include "import/xlsx/XlsxStyles.h"

#include "import/xlsx/XlsxXmlPart.h"

#include <map>

namespace fundtrace::import {
namespace {

// Excel has 65 430 possible formats per workbook; anything larger is hostile.
constexpr std::size_t kMaxStyles = 1 << 20;

} // namespace

XlsxStyles::Kind XlsxStyles::kindOfFormat(int numFmtId, const QString &formatCode)
{
    if ((numFmtId >= 14 && numFmtId <= 17) || (numFmtId >= 27 && numFmtId <= 36)
        || (numFmtId >= 50 && numFmtId <= 58))
        return Kind::Date;
    if (numFmtId == 22)
        return Kind::Date;
    if ((numFmtId >= 18 && numFmtId <= 21) || (numFmtId >= 45 && numFmtId <= 47))
        return Kind::Time;
    if (numFmtId < 164 || formatCode.isEmpty())
        return Kind::Number;

    // Only the first section (positive numbers) matters; quoted text, escaped characters and
    // [colour]/[$-locale] brackets are not format letters. [h], [m], [s] are elapsed time.
    bool date = false;
    bool time = false;
    bool inQuote = false;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode[i];
        if (inQuote) {
            inQuote = c != QLatin1Char('"');
            continue;
        }
        if (c == QLatin1Char('"')) {
            inQuote = true;
        } else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*')) {
            ++i;
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = formatCode.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                break;
            const QString inside = formatCode.mid(i + 1, close - i - 1).toLower();
            if (inside == QLatin1String("h") || inside == QLatin1String("hh") || inside == QLatin1String("m")
                || inside == QLatin1String("mm") || inside == QLatin1String("s") || inside == QLatin1String("ss"))
                time = true;
            i = close;
        } else if (c == QLatin1Char(';')) {
            break;
        } else {
            const char l = c.toLower().toLatin1();
            if (l == 'd' || l == 'y' || l == 'm')
                date = true;
            else if (l == 'h' || l == 's')
                time = true;
        }
    }
    // "mm" next to h or s is minutes, so a format with h/s and m but no d/y is a time.
    if (date && time) {
        const QString lower = formatCode.toLower();
        if (!lower.contains(QLatin1Char('d')) && !lower.contains(QLatin1Char('y')))
            return Kind::Time;
    }
    if (date)
        return Kind::Date;
    return time ? Kind::Time : Kind::Number;
}

void XlsxStyles::load(XlsxXmlPart &part)
{
    std::map<int, QString> customFormats;
    bool inCellXfs = false;
    for (;;) {
        const QXmlStreamReader::TokenType token = part.next();
        if (token == QXmlStreamReader::EndDocument)
            break;
        QXmlStreamReader &xml = part.xml();
        if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs")) {
            inCellXfs = false;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("numFmt")) {
            const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
            if (customFormats.size() < kMaxStyles)
                customFormats[id] = xml.attributes().value(QLatin1String("formatCode")).toString();
        } else if (name == QLatin1String("cellXfs")) {
            inCellXfs = true;
        } else if (name == QLatin1String("xf") && inCellXfs) {
            if (m_kinds.size() >= kMaxStyles)
                part.fail(QStringLiteral("more than %1 cell styles").arg(kMaxStyles));
            const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
            const auto custom = customFormats.find(id);
            m_kinds.push_back(kindOfFormat(id, custom == customFormats.end() ? QString() : custom->second));
            part.skipElement();
        }
    }
}

} // namespace fundtrace::import
