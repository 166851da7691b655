#include "import/xlsx/XlsxSheetReader.h"

#include "import/ImportPreview.h"
#include "import/xlsx/XlsxCellRef.h"
#include "import/xlsx/XlsxValueText.h"
#include "import/xlsx/XlsxWorkbook.h"

namespace fundtrace::import {
namespace {

XlsxMergedRanges scanMerges(XlsxWorkbook &workbook, const XlsxSheetInfo &sheet)
{
    XlsxMergedRanges merges;
    merges.scan(workbook.archive(), sheet.entry);
    return merges;
}

std::string_view view(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

bool XlsxSheetRow::isBlank() const
{
    if (!problem.isEmpty())
        return false;
    for (int i = 0; i < width; ++i)
        for (const char c : cells[static_cast<std::size_t>(i)])
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                return false;
    return true;
}

XlsxSheetReader::XlsxSheetReader(XlsxWorkbook &workbook, const XlsxSheetInfo &sheet)
    : m_workbook(workbook)
    , m_sheetName(sheet.name)
    , m_merges(scanMerges(workbook, sheet))
    , m_part(workbook.archive(), sheet.entry)
{
}

void XlsxSheetReader::fail(const QString &reason) const
{
    m_part.fail(QStringLiteral("sheet \"%1\": %2").arg(m_sheetName, reason));
}

bool XlsxSheetReader::next(XlsxSheetRow &row)
{
    while (!m_done) {
        const QXmlStreamReader::TokenType token = m_part.next();
        if (token == QXmlStreamReader::EndDocument)
            break;
        QXmlStreamReader &xml = m_part.xml();
        if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("sheetData")) {
            m_done = true;
            break;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("sheetData")) {
            m_inSheetData = true;
            continue;
        }
        if (!m_inSheetData || xml.name() != QLatin1String("row")) {
            if (m_inSheetData)
                m_part.skipElement();
            continue;
        }

        const QStringView r = xml.attributes().value(QLatin1String("r"));
        int number = m_lastRow + 1;
        if (!r.isEmpty()) {
            bool ok = false;
            number = r.toInt(&ok);
            if (!ok || number < 1 || number > XlsxCellRef::kMaxRows)
                fail(QStringLiteral("row number \"%1\" is not valid").arg(r.toString()));
        }
        if (number <= m_lastRow)
            fail(QStringLiteral("row %1 comes after row %2 (rows out of order)").arg(number).arg(m_lastRow));
        m_lastRow = number;
        m_lastColumn = -1;

        row.number = number;
        row.width = 0;
        row.problem.clear();
        row.problemColumn = -1;
        std::size_t rowBytes = 0;
        for (;;) {
            const QXmlStreamReader::TokenType inner = m_part.next();
            if (inner == QXmlStreamReader::EndElement || inner == QXmlStreamReader::EndDocument)
                break;
            if (inner != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("c"))
                readCell(row, rowBytes);
            else
                m_part.skipElement();
        }
        if (row.filled.size() < row.cells.size())
            row.filled.resize(row.cells.size());
        std::fill(row.filled.begin(), row.filled.begin() + row.width, false);
        if (!m_merges.empty() && row.problem.isEmpty())
            m_merges.apply(row.number, row.cells, row.width, row.filled, m_noFill);
        return true;
    }
    m_done = true;
    return false;
}

void XlsxSheetReader::readCell(XlsxSheetRow &row, std::size_t &rowBytes)
{
    QXmlStreamReader &xml = m_part.xml();
    const QXmlStreamAttributes attributes = xml.attributes();
    const QStringView ref = attributes.value(QLatin1String("r"));
    int column = m_lastColumn + 1;
    if (!ref.isEmpty()) {
        XlsxCellRef cell;
        if (!XlsxCellRef::parse(ref, cell) || (cell.row != 0 && cell.row != row.number))
            fail(QStringLiteral("row %1: cell reference \"%2\" is not valid here").arg(row.number).arg(ref.toString()));
        column = cell.column;
    }
    if (column >= XlsxCellRef::kMaxColumns)
        fail(QStringLiteral("row %1: more than %2 columns").arg(row.number).arg(XlsxCellRef::kMaxColumns));
    m_lastColumn = column;
    const QStringView type = attributes.value(QLatin1String("t"));
    const int style = attributes.value(QLatin1String("s")).toInt();

    QByteArray raw;
    bool tooLong = false;
    for (;;) {
        const QXmlStreamReader::TokenType token = m_part.next();
        if (token == QXmlStreamReader::EndElement || token == QXmlStreamReader::EndDocument)
            break;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("v") || xml.name() == QLatin1String("is")) {
            bool longText = false;
            raw = m_part.elementText(kMaxCellBytes, longText);
            tooLong = tooLong || longText;
        } else {
            m_part.skipElement();
        }
    }

    // Named only when something is wrong: building the name for every cell costs as much as its value.
    const auto cellName = [&] { return XlsxCellRef::columnName(column) + QString::number(row.number); };
    auto problem = [&](const QString &reason) {
        if (row.problem.isEmpty()) {
            row.problem = reason;
            row.problemColumn = column;
        }
    };
    if (tooLong) {
        problem(QStringLiteral("cell %1 holds more than %2 MiB of text").arg(cellName()).arg(kMaxCellBytes >> 20));
        return;
    }
    if (raw.isEmpty())
        return;
    if (column >= kMaxUsedColumns) {
        problem(QStringLiteral("cell %1 lies beyond column %2; only the first %3 columns are read")
                        .arg(cellName(), XlsxCellRef::columnName(kMaxUsedColumns - 1))
                        .arg(kMaxUsedColumns));
        return;
    }

    m_value.clear();
    if (type == QLatin1String("s")) {
        bool valid = false;
        bool isNumber = false;
        const qint64 index = raw.trimmed().toLongLong(&isNumber);
        const std::string_view text = m_workbook.sharedStrings().at(isNumber ? index : -1, valid);
        if (!valid) {
            problem(QStringLiteral("cell %1 refers to shared string #%2, which the workbook does not have")
                            .arg(cellName(), QString::fromUtf8(raw.left(20))));
            return;
        }
        m_value.assign(text);
    } else if (type == QLatin1String("b")) {
        m_value = raw.trimmed() == "1" ? "TRUE" : "FALSE";
    } else if (type.isEmpty() || type == QLatin1String("n")) {
        const XlsxStyles::Kind kind = m_workbook.styles().kind(style);
        if (kind == XlsxStyles::Kind::Number
            || !XlsxValueText::serialToText(view(raw), m_workbook.date1904(), kind == XlsxStyles::Kind::Time, m_value))
            XlsxValueText::numberToText(view(raw), m_value);
    } else {
        // inlineStr, str (a formula's text result), e (an error such as #N/A), d (ISO 8601 date).
        m_value.assign(view(raw));
    }

    rowBytes += m_value.size();
    if (rowBytes > kMaxRowBytes) {
        problem(QStringLiteral("row %1 holds more than %2 MiB of text").arg(row.number).arg(kMaxRowBytes >> 20));
        return;
    }
    const auto c = static_cast<std::size_t>(column);
    if (row.cells.size() <= c)
        row.cells.resize(c + 1);
    for (int i = row.width; i < column; ++i)
        row.cells[static_cast<std::size_t>(i)].clear();
    if (column >= row.width)
        row.width = column + 1;
    row.cells[c].swap(m_value);
}

} // namespace fundtrace::import
