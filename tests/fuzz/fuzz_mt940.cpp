// libFuzzer target for the MT940 reader: the bytes become a file, which is streamed field by field to the end as the importer does (:61: parsing, :86: layouts, balances).
// ImportError is the expected outcome for most inputs; crashes, leaks, hangs, unbounded memory
// and sanitizer reports are the findings. Build and run: see tests/fuzz/README.md.

#include "import/ImportPreview.h"
#include "import/bank/Mt940RowSource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("statement.sta"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    try {
        fundtrace::import::Mt940RowSource reader(path, QTimeZone(QByteArrayLiteral("Asia/Almaty")));
        fundtrace::import::RowSource::Row row;
        fundtrace::import::ParsedTransaction parsed;
        fundtrace::import::RowProblem problem;
        while (reader.next(row, parsed, problem)) {
        }
        (void)reader.statements();
    } catch (const fundtrace::import::ImportError &) {
    }
    return 0;
}
