#include "import/xlsx/XlsxWorkbook.h"

#include "import/ImportPreview.h"
#include "import/xlsx/XlsxXmlPart.h"

#include <QStringList>

namespace fundtrace::import {
namespace {

constexpr std::size_t kMaxSheets = 4096;

// A relationship target relative to the folder of the part that names it ("worksheets/sheet1.xml"
// from "xl/"), or absolute in the package ("/xl/worksheets/sheet1.xml").
QString resolveTarget(const QString &baseDir, const QString &target)
{
    const QString joined = target.startsWith(QLatin1Char('/')) ? target.mid(1) : baseDir + target;
    QStringList parts;
    for (const QString &segment : joined.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String(".."))
            parts.isEmpty() ? void() : parts.removeLast();
        else if (segment != QLatin1String("."))
            parts << segment;
    }
    return parts.join(QLatin1Char('/'));
}

QString folderOf(const QString &entry)
{
    const qsizetype slash = entry.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : entry.left(slash + 1);
}

QString relsOf(const QString &entry)
{
    const qsizetype slash = entry.lastIndexOf(QLatin1Char('/'));
    return folderOf(entry) + QStringLiteral("_rels/") + entry.mid(slash + 1) + QStringLiteral(".rels");
}

} // namespace

XlsxWorkbook::XlsxWorkbook(const QString &path)
    : m_archive(path)
{
    QString workbookEntry = QStringLiteral("xl/workbook.xml");
    if (m_archive.contains(QStringLiteral("_rels/.rels")))
        for (const Relationship &rel : readRelationships(QStringLiteral("_rels/.rels"), QString()))
            if (rel.type == QLatin1String("officeDocument"))
                workbookEntry = rel.target;
    if (!m_archive.contains(workbookEntry))
        throw ImportError(QStringLiteral("%1: not an Excel workbook (no %2 inside the zip; an .xls "
                                         "or .ods file must be saved as .xlsx first)")
                                  .arg(path, workbookEntry));

    std::vector<Relationship> rels;
    const QString workbookRels = relsOf(workbookEntry);
    if (m_archive.contains(workbookRels))
        rels = readRelationships(workbookRels, folderOf(workbookEntry));

    XlsxXmlPart workbook(m_archive, workbookEntry);
    for (;;) {
        const QXmlStreamReader::TokenType token = workbook.next();
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamReader &xml = workbook.xml();
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == QLatin1String("workbookPr")) {
            const QStringView value = attributes.value(QLatin1String("date1904"));
            m_date1904 = value == QLatin1String("1") || value == QLatin1String("true");
        } else if (xml.name() == QLatin1String("sheet")) {
            if (m_sheets.size() >= kMaxSheets)
                workbook.fail(QStringLiteral("more than %1 sheets").arg(kMaxSheets));
            QString relId;
            for (const QXmlStreamAttribute &attribute : attributes)
                if (attribute.name() == QLatin1String("id") && !attribute.namespaceUri().isEmpty())
                    relId = attribute.value().toString();
            XlsxSheetInfo info;
            info.name = attributes.value(QLatin1String("name")).toString();
            info.number = static_cast<int>(m_sheets.size()) + 1;
            info.hidden = attributes.value(QLatin1String("state")) != QLatin1String("visible")
                    && !attributes.value(QLatin1String("state")).isEmpty();
            for (const Relationship &rel : rels)
                if (rel.id == relId && rel.type == QLatin1String("worksheet"))
                    info.entry = rel.target;
            // Chart sheets and dialog sheets have no rows; they are left out.
            if (!info.entry.isEmpty() && m_archive.contains(info.entry))
                m_sheets.push_back(info);
        }
    }
    if (m_sheets.empty())
        throw ImportError(QStringLiteral("%1: the workbook has no worksheets").arg(path));

    QString stringsEntry;
    QString stylesEntry;
    for (const Relationship &rel : rels) {
        if (rel.type == QLatin1String("sharedStrings"))
            stringsEntry = rel.target;
        else if (rel.type == QLatin1String("styles"))
            stylesEntry = rel.target;
    }
    if (!stringsEntry.isEmpty() && m_archive.contains(stringsEntry)) {
        XlsxXmlPart strings(m_archive, stringsEntry);
        m_sharedStrings.load(strings);
    }
    if (!stylesEntry.isEmpty() && m_archive.contains(stylesEntry)) {
        XlsxXmlPart styles(m_archive, stylesEntry);
        m_styles.load(styles);
    }
}

std::vector<XlsxWorkbook::Relationship> XlsxWorkbook::readRelationships(const QString &relsEntry,
                                                                        const QString &baseDir)
{
    std::vector<Relationship> rels;
    XlsxXmlPart part(m_archive, relsEntry);
    for (;;) {
        const QXmlStreamReader::TokenType token = part.next();
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token != QXmlStreamReader::StartElement || part.xml().name() != QLatin1String("Relationship"))
            continue;
        const QXmlStreamAttributes attributes = part.xml().attributes();
        if (attributes.value(QLatin1String("TargetMode")) == QLatin1String("External"))
            continue;
        if (rels.size() >= kMaxSheets * 4)
            part.fail(QStringLiteral("too many relationships"));
        const QString type = attributes.value(QLatin1String("Type")).toString();
        rels.push_back({ attributes.value(QLatin1String("Id")).toString(),
                         type.mid(type.lastIndexOf(QLatin1Char('/')) + 1),
                         resolveTarget(baseDir, attributes.value(QLatin1String("Target")).toString()) });
    }
    return rels;
}

const XlsxSheetInfo &XlsxWorkbook::sheet(const QString &nameOrNumber) const
{
    for (const XlsxSheetInfo &info : m_sheets)
        if (info.name == nameOrNumber)
            return info;
    for (const XlsxSheetInfo &info : m_sheets)
        if (info.name.compare(nameOrNumber.trimmed(), Qt::CaseInsensitive) == 0)
            return info;
    bool isNumber = false;
    const int number = nameOrNumber.trimmed().toInt(&isNumber);
    if (isNumber && number >= 1 && static_cast<std::size_t>(number) <= m_sheets.size())
        return m_sheets[static_cast<std::size_t>(number) - 1];
    QStringList names;
    for (const XlsxSheetInfo &info : m_sheets)
        names << QStringLiteral("%1 \"%2\"").arg(info.number).arg(info.name);
    throw ImportError(QStringLiteral("%1: no sheet \"%2\" (the workbook has: %3)")
                              .arg(path(), nameOrNumber, names.join(QStringLiteral(", "))));
}

} // namespace fundtrace::import
