#include "import/xlsx/XlsxRowSource.h"

#include "import/xlsx/XlsxCellRef.h"

namespace fundtrace::import {

XlsxRowSource::XlsxRowSource(XlsxTable &table, RowConverter &converter, qint64 bytesTotal)
    : m_table(table)
    , m_converter(converter)
    , m_bytesTotal(bytesTotal)
{
}

bool XlsxRowSource::next(Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    if (!m_table.next(m_row))
        return false;
    row.number = m_row.number;
    row.line = m_row.number;
    m_record.number = m_row.number;
    m_record.line = m_row.number;
    m_record.fields.clear();
    for (int i = 0; i < m_row.width; ++i)
        m_record.fields.emplace_back(m_row.cells[static_cast<std::size_t>(i)]);
    if (!m_row.problem.isEmpty()) {
        row.ok = false;
        problem.column = QStringLiteral("%1!%2").arg(m_table.sheetName(), m_table.columnLabel(m_row.problemColumn));
        problem.value.clear();
        problem.reason = m_row.problem;
        return true;
    }
    row.ok = m_converter.convert(m_record, parsed, problem);
    if (!row.ok)
        problem.column = locate(problem.column);
    return true;
}

// The converter names a column by its header; the analyst looks for a sheet and a cell letter.
QString XlsxRowSource::locate(const QString &converterColumn) const
{
    const QStringList &headers = m_table.headers();
    for (qsizetype i = 0; i < headers.size(); ++i)
        if (!headers[i].isEmpty() && headers[i] == converterColumn)
            return QStringLiteral("%1!%2").arg(m_table.sheetName(), m_table.columnLabel(static_cast<int>(i)));
    if (converterColumn.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const int index = converterColumn.mid(1).toInt(&ok) - 1;
        if (ok && index >= 0)
            return QStringLiteral("%1!%2").arg(m_table.sheetName(), XlsxCellRef::columnName(index));
    }
    return QStringLiteral("%1: %2").arg(m_table.sheetName(), converterColumn);
}

} // namespace fundtrace::import
