// libFuzzer target for the XLSX reader: the bytes become a .xlsx file, which is opened as a
// workbook (zip, relationships, shared strings, styles) and every sheet is streamed to the end.
// ImportError is the expected outcome for most inputs; crashes, leaks, hangs and sanitizer reports
// are the findings. Build and run: see tests/fuzz/README.md.

#include "import/ImportPreview.h"
#include "import/xlsx/XlsxSheetReader.h"
#include "import/xlsx/XlsxWorkbook.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("input.xlsx"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    try {
        fundtrace::import::XlsxWorkbook workbook(path);
        for (const auto &sheet : workbook.sheets()) {
            fundtrace::import::XlsxSheetReader reader(workbook, sheet);
            fundtrace::import::XlsxSheetRow row;
            while (reader.next(row)) {
            }
        }
    } catch (const fundtrace::import::ImportError &) {
    }
    return 0;
}
