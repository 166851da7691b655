#pragma once

#include "import/xlsx/XlsxMergedRanges.h"
#include "import/xlsx/XlsxXmlPart.h"

#include <QString>
#include <string>
#include <vector>

namespace fundtrace::import {

class XlsxWorkbook;
struct XlsxSheetInfo;

// One sheet row as text: shared and inline strings resolved, date-styled serials written as
// "yyyy-MM-dd HH:mm:ss", numbers as Excel shows them, merged ranges filled in.
struct XlsxSheetRow {
    int number = 0;                  // sheet row number (1-based), the provenance of the row
    std::vector<std::string> cells;  // by 0-based column; only [0, width) belong to this row
    std::vector<bool> filled;        // true where the value came from a merged range
    int width = 0;
    QString problem;                 // non-empty: the row cannot be imported, and why
    int problemColumn = -1;

    bool isBlank() const;
};

// Streams a worksheet's rows with QXmlStreamReader: memory holds one row (and the workbook's
// shared strings), whatever the sheet's size. A cell over kMaxCellBytes, a row over kMaxRowBytes
// or a value beyond kMaxUsedColumns comes back as a row with a problem instead of its text.
class XlsxSheetReader {
public:
    static constexpr qsizetype kMaxCellBytes = 1 << 20;
    static constexpr std::size_t kMaxRowBytes = 8 << 20;
    // Every row costs time in proportion to its width, so a value far to the right (a one-cell
    // row at XFD) would let a small file cost hours; statements use a few dozen columns.
    static constexpr int kMaxUsedColumns = 1024;

    XlsxSheetReader(XlsxWorkbook &workbook, const XlsxSheetInfo &sheet); // throws ImportError

    // The next row present in the sheet (rows absent from the XML are skipped); false at the end.
    // Throws ImportError naming file, sheet and row for malformed XML or impossible addresses.
    bool next(XlsxSheetRow &row);
    // Columns that merged ranges must not fill from now on.
    void setNoFillColumns(std::vector<bool> columns) { m_noFill = std::move(columns); }

    qint64 bytesRead() const { return m_part.bytesRead(); }
    const QString &sheetName() const { return m_sheetName; }

private:
    [[noreturn]] void fail(const QString &reason) const;
    void readCell(XlsxSheetRow &row, std::size_t &rowBytes);

    XlsxWorkbook &m_workbook;
    QString m_sheetName;
    XlsxMergedRanges m_merges;
    XlsxXmlPart m_part;
    std::vector<bool> m_noFill;
    std::string m_value;
    int m_lastRow = 0;
    int m_lastColumn = -1;
    bool m_inSheetData = false;
    bool m_done = false;
};

} // namespace fundtrace::import
