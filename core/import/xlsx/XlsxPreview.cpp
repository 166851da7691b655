#include "import/xlsx/XlsxPreview.h"

#include "import/RowConverter.h"
#include "import/xlsx/XlsxRowSource.h"
#include "import/xlsx/XlsxTable.h"
#include "import/xlsx/XlsxWorkbook.h"

#include <QDateTime>

namespace fundtrace::import {
namespace {

QString text(std::string_view view)
{
    return QString::fromUtf8(view.data(), static_cast<qsizetype>(view.size()));
}

} // namespace

ImportPreview previewXlsx(const QString &path, const std::optional<ImportMapping> &mapping,
                          const QString &sheetName, int maxRows)
{
    XlsxWorkbook workbook(path);
    const XlsxSheetInfo *sheet = &workbook.sheets().front();
    if (!sheetName.isEmpty()) {
        sheet = &workbook.sheet(sheetName);
    } else {
        for (const XlsxSheetInfo &candidate : workbook.sheets()) {
            if (XlsxTable(workbook, candidate, mapping).headerFound()) {
                sheet = &candidate;
                break;
            }
        }
    }
    XlsxTable table(workbook, *sheet, mapping);

    ImportPreview preview;
    preview.encoding = QStringLiteral("UTF-8");
    preview.delimiter = sheet->name;
    preview.headers = table.headers();
    preview.mapping = table.mapping();

    // Rows are shown even when the mapping is incomplete, so the wizard can show the raw table
    // while the user is still mapping columns.
    std::optional<RowConverter> converter;
    QString mappingProblem;
    try {
        const ImportMapping &used = table.mapping();
        const QTimeZone zone(used.timezone.isEmpty() ? QByteArrayLiteral("Asia/Almaty") : used.timezone.toUtf8());
        if (!zone.isValid())
            throw ImportError(QStringLiteral("unknown time zone \"%1\"").arg(used.timezone));
        converter.emplace(used, table.headers(), zone, QStringLiteral("KZT"));
    } catch (const ImportError &error) {
        mappingProblem = QString::fromUtf8(error.what());
    }

    XlsxSheetRow sheetRow;
    CsvRecord record;
    ParsedTransaction parsed;
    RowProblem problem;
    int widest = static_cast<int>(preview.headers.size());
    while (static_cast<int>(preview.rows.size()) < maxRows && table.next(sheetRow)) {
        PreviewRow row;
        row.row = sheetRow.number;
        record.number = record.line = sheetRow.number;
        record.fields.clear();
        for (int i = 0; i < sheetRow.width; ++i) {
            const std::string &cell = sheetRow.cells[static_cast<std::size_t>(i)];
            record.fields.emplace_back(cell);
            row.raw << text(cell);
        }
        widest = std::max(widest, sheetRow.width);
        if (!sheetRow.problem.isEmpty()) {
            row.reason = sheetRow.problem;
        } else if (!converter) {
            row.reason = mappingProblem;
        } else {
            describeConversion(row, converter->convert(record, parsed, problem), parsed, problem);
        }
        preview.rows.push_back(std::move(row));
    }
    for (qsizetype i = 0; i < widest; ++i) {
        if (i >= preview.headers.size())
            preview.headers << QString();
        if (preview.headers[i].isEmpty())
            preview.headers[i] = QStringLiteral("#%1").arg(i + 1);
    }
    return preview;
}

} // namespace fundtrace::import
