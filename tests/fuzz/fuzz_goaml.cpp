// libFuzzer target for the goAML report reader: the bytes become an XML file, which is streamed to
// the end as the importer does (every transaction converted, parties merged, deviations noted).
// ImportError is the expected outcome for most inputs; crashes, leaks, hangs, unbounded memory
// and sanitizer reports are the findings. Build and run: see tests/fuzz/README.md.

#include "import/ImportPreview.h"
#include "import/goaml/GoAmlReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.xml"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    try {
        fundtrace::import::GoAmlReader reader(path, QTimeZone(QByteArrayLiteral("Asia/Almaty")), QStringLiteral("KZT"));
        fundtrace::import::RowSource::Row row;
        fundtrace::import::ParsedTransaction parsed;
        fundtrace::import::RowProblem problem;
        while (reader.next(row, parsed, problem)) {
        }
        (void)reader.deviations();
        (void)reader.missingHeaderElements();
    } catch (const fundtrace::import::ImportError &) {
    }
    return 0;
}
