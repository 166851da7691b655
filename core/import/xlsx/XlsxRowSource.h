#pragma once

#include "import/RowConverter.h"
#include "import/RowSource.h"
#include "import/xlsx/XlsxTable.h"

namespace fundtrace::import {

// One worksheet as the import pipeline's row source. Row numbers are sheet row numbers, and
// rejects name the sheet and cell column ("Выписка!D (Сумма)") so the analyst can find them.
class XlsxRowSource : public RowSource {
public:
    // The table must outlive the source; the converter is built from its headers and mapping.
    XlsxRowSource(XlsxTable &table, RowConverter &converter, qint64 bytesTotal);

    bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) override;
    std::int64_t bytesConsumed() const override { return m_table.bytesRead(); }
    std::int64_t bytesTotal() const override { return m_bytesTotal; }

private:
    QString locate(const QString &converterColumn) const;

    XlsxTable &m_table;
    RowConverter &m_converter;
    qint64 m_bytesTotal;
    XlsxSheetRow m_row;
    CsvRecord m_record;
};

} // namespace fundtrace::import
