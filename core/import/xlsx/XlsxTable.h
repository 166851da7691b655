#pragma once

#include "import/ImportMapping.h"
#include "import/xlsx/XlsxSheetReader.h"

#include <QStringList>
#include <deque>
#include <optional>

namespace fundtrace::import {

// A worksheet seen as a table: finds the header row below a statement's title block, then hands
// out the non-blank rows under it. The header is the mapping's row (skipRows + 1) when a mapping
// sets skipRows; else the first of the first kHeaderSearchRows non-blank rows that the mapping's
// column names all match or, with no mapping, that guessMapping maps to a date and an amount.
class XlsxTable {
public:
    static constexpr int kHeaderSearchRows = 30;

    XlsxTable(XlsxWorkbook &workbook, const XlsxSheetInfo &sheet, const std::optional<ImportMapping> &mapping);

    // False when no row qualified: headers() then holds the first row, for the error message.
    bool headerFound() const { return m_found; }
    int headerRow() const { return m_headerRow; }           // 0 without a header
    const QStringList &headers() const { return m_headers; }
    // The mapping given, or the one guessed from the header row.
    const ImportMapping &mapping() const { return m_mapping; }
    const QString &sheetName() const { return m_sheetName; }
    // "C" or "C (Сумма)" for a 0-based column.
    QString columnLabel(int column) const;

    bool next(XlsxSheetRow &row);
    qint64 bytesRead() const { return m_reader.bytesRead(); }

private:
    bool readNonBlank(XlsxSheetRow &row);
    void settleMapping(const std::optional<ImportMapping> &given);

    XlsxSheetReader m_reader;
    QString m_sheetName;
    ImportMapping m_mapping;
    QStringList m_headers;
    std::deque<XlsxSheetRow> m_pending;
    std::vector<bool> m_noFill;
    int m_headerRow = 0;
    bool m_found = false;
};

} // namespace fundtrace::import
