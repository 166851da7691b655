// libFuzzer target for the sanctions-list readers: the first byte picks the format (UN, OFAC XML,
// OFAC CSV, EU, FtM JSON lines, national CSV), the rest becomes the file, which is read entry by
// entry to the end. ImportError is the expected outcome for most inputs; crashes, leaks, hangs,
// unbounded memory and sanitizer reports are the findings. Build and run: see tests/fuzz/README.md.

#include "import/ImportFormat.h"
#include "import/ImportPreview.h"
#include "import/sanctions/OpenListReader.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using fundtrace::import::ImportFormat;
    static const ImportFormat kFormats[] = { ImportFormat::UnList, ImportFormat::OfacSdnXml, ImportFormat::OfacSdnCsv,
                                             ImportFormat::EuList, ImportFormat::FtmJson, ImportFormat::NationalList };
    if (size == 0)
        return 0;
    const ImportFormat format = kFormats[data[0] % 6];
    static QTemporaryDir dir;
    // OFAC CSV looks for alt.csv and add.csv beside sdn.csv; the fuzzer leaves them absent.
    const QString path = dir.filePath(format == ImportFormat::OfacSdnCsv ? QStringLiteral("sdn.csv")
                                                                         : QStringLiteral("list.input"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data + 1), static_cast<qint64>(size - 1));
    }
    try {
        auto reader = fundtrace::import::openListReader(format, path);
        fundtrace::import::SanctionEntry entry;
        while (reader->next(entry)) {
        }
        (void)reader->versionDate();
        (void)reader->defaultListName();
    } catch (const fundtrace::import::ImportError &) {
    }
    return 0;
}
