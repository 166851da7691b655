#include "import/xlsx/XlsxTable.h"

#include "import/xlsx/XlsxCellRef.h"
#include "import/xlsx/XlsxWorkbook.h"

namespace fundtrace::import {
namespace {

QStringList headerTexts(const XlsxSheetRow &row)
{
    QStringList headers;
    for (int i = 0; i < row.width; ++i) {
        const std::string &cell = row.cells[static_cast<std::size_t>(i)];
        headers << QString::fromUtf8(cell.data(), static_cast<qsizetype>(cell.size())).trimmed();
    }
    return headers;
}

int columnOf(const ColumnRef &ref, const QStringList &headers)
{
    if (ref.header.isEmpty())
        return ref.index;
    int seen = 0;
    for (qsizetype i = 0; i < headers.size(); ++i)
        if (headers[i].simplified().compare(ref.header.simplified(), Qt::CaseInsensitive) == 0 && ++seen == ref.occurrence)
            return static_cast<int>(i);
    return -1;
}

bool namesColumns(const ImportMapping &mapping)
{
    for (const auto &[field, source] : mapping.fields)
        for (const ColumnRef &ref : source.columns)
            if (!ref.header.isEmpty())
                return true;
    return false;
}

bool mappingFits(const ImportMapping &mapping, const QStringList &headers)
{
    bool named = false;
    for (const auto &[field, source] : mapping.fields)
        for (const ColumnRef &ref : source.columns) {
            if (ref.header.isEmpty())
                continue;
            named = true;
            if (columnOf(ref, headers) < 0)
                return false;
        }
    return named;
}

bool guessFits(const QStringList &headers)
{
    const ImportMapping guess = guessMapping(headers);
    const auto has = [&](Field field) { return guess.fields.count(field) != 0; };
    return has(Field::Date) && (has(Field::Amount) || has(Field::Debit) || has(Field::Credit));
}

} // namespace

XlsxTable::XlsxTable(XlsxWorkbook &workbook, const XlsxSheetInfo &sheet, const std::optional<ImportMapping> &mapping)
    : m_reader(workbook, sheet)
    , m_sheetName(sheet.name)
{
    const bool fixedRow = mapping && (mapping->skipRows > 0 || !mapping->hasHeader || !namesColumns(*mapping));
    XlsxSheetRow row;
    if (fixedRow) {
        while (readNonBlank(row)) {
            if (row.number <= mapping->skipRows)
                continue;
            if (mapping->hasHeader) {
                m_found = true;
                m_headerRow = row.number;
                m_headers = headerTexts(row);
            } else {
                m_found = true;
                m_pending.push_back(row);
            }
            break;
        }
    } else {
        // Rows read while searching are kept: those under the header are data.
        std::deque<XlsxSheetRow> seen;
        while (static_cast<int>(seen.size()) < kHeaderSearchRows && readNonBlank(row)) {
            seen.push_back(row);
            const QStringList headers = headerTexts(row);
            if (mapping ? mappingFits(*mapping, headers) : guessFits(headers)) {
                m_found = true;
                m_headerRow = row.number;
                m_headers = headers;
                break;
            }
        }
        if (!m_found && !seen.empty()) {
            m_headerRow = seen.front().number;
            m_headers = headerTexts(seen.front());
            seen.pop_front();
            m_pending = std::move(seen);
        }
    }
    settleMapping(mapping);
}

void XlsxTable::settleMapping(const std::optional<ImportMapping> &given)
{
    m_mapping = given ? *given : guessMapping(m_headers);
    if (!given)
        m_mapping.skipRows = std::max(0, m_headerRow - 1);

    // A merged amount is one amount: spreading it down the rows it covers would repeat it.
    for (const Field field : { Field::Amount, Field::Debit, Field::Credit, Field::Amount2, Field::Balance }) {
        const auto it = m_mapping.fields.find(field);
        if (it == m_mapping.fields.end())
            continue;
        for (const ColumnRef &ref : it->second.columns) {
            const int column = columnOf(ref, m_headers);
            if (column < 0 || column >= XlsxCellRef::kMaxColumns)
                continue;
            if (m_noFill.size() <= static_cast<std::size_t>(column))
                m_noFill.resize(static_cast<std::size_t>(column) + 1);
            m_noFill[static_cast<std::size_t>(column)] = true;
        }
    }
    // Rows read ahead during the search were filled before the money columns were known.
    for (XlsxSheetRow &row : m_pending)
        for (std::size_t c = 0; c < m_noFill.size() && c < static_cast<std::size_t>(row.width); ++c)
            if (m_noFill[c] && row.filled[c])
                row.cells[c].clear();
    m_reader.setNoFillColumns(m_noFill);
}

bool XlsxTable::readNonBlank(XlsxSheetRow &row)
{
    while (m_reader.next(row))
        if (!row.isBlank())
            return true;
    return false;
}

bool XlsxTable::next(XlsxSheetRow &row)
{
    if (!m_pending.empty()) {
        row = std::move(m_pending.front());
        m_pending.pop_front();
        return true;
    }
    return readNonBlank(row);
}

QString XlsxTable::columnLabel(int column) const
{
    const QString letter = XlsxCellRef::columnName(column);
    if (column >= 0 && column < m_headers.size() && !m_headers[column].isEmpty())
        return QStringLiteral("%1 (%2)").arg(letter, m_headers[column]);
    return letter;
}

} // namespace fundtrace::import
