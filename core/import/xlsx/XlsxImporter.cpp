#include "import/xlsx/XlsxImporter.h"

#include "import/CaseTimeZone.h"
#include "import/ImportPreview.h"
#include "import/ImportSession.h"
#include "import/RowConverter.h"
#include "import/xlsx/XlsxRowSource.h"
#include "import/xlsx/XlsxTable.h"
#include "import/xlsx/XlsxWorkbook.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fundtrace::import {
XlsxImporter::XlsxImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult XlsxImporter::importFile(const QString &path, const ProgressCallback &progress,
                                      const CancelFlag *cancel)
{
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, QStringLiteral("xlsx"), [&](ImportContext &context) {
        XlsxWorkbook workbook(path);
        std::vector<const XlsxSheetInfo *> sheets;
        if (m_options.sheet.isEmpty())
            for (const XlsxSheetInfo &sheet : workbook.sheets())
                sheets.push_back(&sheet);
        else
            sheets.push_back(&workbook.sheet(m_options.sheet));
        // With one sheet to import, its problems are the file's; with several, a sheet that is not
        // a statement (a summary, a list of codes) is skipped rather than failing the workbook.
        const bool skipUnrecognised = sheets.size() > 1;

        QJsonArray mappings;
        QStringList skipped;
        const QString currency = m_case.meta(QStringLiteral("base_currency"), QStringLiteral("KZT"));
        for (const XlsxSheetInfo *sheet : sheets) {
            XlsxTable table(workbook, *sheet, m_options.mapping);
            if (!table.headerFound() && skipUnrecognised) {
                skipped << sheet->name;
                continue;
            }
            std::optional<RowConverter> converter;
            try {
                converter.emplace(table.mapping(), table.headers(), caseTimeZone(m_case, table.mapping().timezone), currency);
            } catch (const ImportError &error) {
                if (skipUnrecognised) {
                    skipped << sheet->name;
                    continue;
                }
                throw ImportError(QStringLiteral("%1, sheet \"%2\", header row %3: %4%5")
                                          .arg(path, sheet->name)
                                          .arg(table.headerRow())
                                          .arg(QString::fromUtf8(error.what()),
                                               m_options.mapping ? QString()
                                                                 : QStringLiteral(". No row among the first %1 has "
                                                                                  "recognisable date and amount "
                                                                                  "headers; write a mapping file "
                                                                                  "(see docs/mapping.md) or use the "
                                                                                  "import wizard")
                                                                           .arg(XlsxTable::kHeaderSearchRows)));
            }
            QJsonObject entry;
            entry.insert(QStringLiteral("sheet"), sheet->name);
            entry.insert(QStringLiteral("headerRow"), table.headerRow());
            entry.insert(QStringLiteral("mapping"), table.mapping().toJson());
            mappings.append(entry);
            context.setMappingJson(QString::fromUtf8(QJsonDocument(mappings).toJson(QJsonDocument::Compact)));

            const std::int64_t before = context.result.rowsRead;
            XlsxRowSource rows(table, *converter, workbook.archive().uncompressedSize(sheet->entry));
            context.importRows(rows);
            context.addNote(QStringLiteral("sheet \"%1\": header on row %2, %3 rows read")
                                    .arg(sheet->name)
                                    .arg(table.headerRow())
                                    .arg(context.result.rowsRead - before));
        }
        if (!skipped.isEmpty())
            context.addNote(QStringLiteral("sheets skipped (no row with date and amount headers in the "
                                           "first %1): %2")
                                    .arg(XlsxTable::kHeaderSearchRows)
                                    .arg(skipped.join(QStringLiteral(", "))));
        if (mappings.isEmpty())
            throw ImportError(QStringLiteral("%1: no sheet has a header row with date and amount columns "
                                             "among its first %2 rows (sheets: %3); write a mapping file "
                                             "(see docs/mapping.md) or choose a sheet")
                                      .arg(path)
                                      .arg(XlsxTable::kHeaderSearchRows)
                                      .arg(skipped.join(QStringLiteral(", "))));
    }, progress, cancel);
}

} // namespace fundtrace::import
