// libFuzzer target for the 1C ClientBankExchange reader: the bytes become a file, which is decoded (UTF-8/1251), structure-checked and read to the end as the importer does.
// ImportError is the expected outcome for most inputs; crashes, leaks, hangs, unbounded memory
// and sanitizer reports are the findings. Build and run: see tests/fuzz/README.md.

#include "import/ImportPreview.h"
#include "import/bank/OneCRowSource.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("statement.txt"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    try {
        fundtrace::import::OneCRowSource reader(path, QTimeZone(QByteArrayLiteral("Asia/Almaty")), "KZT");
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
