// Throughput and peak memory of XLSX import: has xlsx_statement_writer (libxlsxwriter) write a
// statement workbook, in its own process so its memory is not counted, then imports it into a new
// case and prints rows/s and the peak RSS.
//
// Usage: bench_xlsx_import [rows]   (default 200000)

#include "db/CaseFile.h"
#include "import/xlsx/XlsxImporter.h"
#include "import/xlsx/XlsxSheetReader.h"
#include "import/xlsx/XlsxWorkbook.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <string>

using namespace fundtrace;

namespace {

long peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::atoi(argv[1]) : 200000;
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("statement.xlsx")).toStdString();

    QElapsedTimer timer;
    timer.start();
#ifdef XLSX_STATEMENT_WRITER
    const QString writer = QStringLiteral(XLSX_STATEMENT_WRITER);
#else
    const QString writer = QCoreApplication::applicationDirPath() + QStringLiteral("/xlsx_statement_writer");
#endif
    if (QProcess::execute(writer, { QString::fromStdString(path), QString::number(rows) }) != 0) {
        std::fprintf(stderr, "could not write the workbook with %s\n", qPrintable(writer));
        return 1;
    }
    std::printf("generated %d rows, %.1f MiB xlsx, in %.2f s\n", rows,
                QFileInfo(QString::fromStdString(path)).size() / 1048576.0, timer.elapsed() / 1000.0);

    // Reading alone (unzip, XML, shared strings, dates), to tell it apart from the case writes.
    timer.restart();
    std::int64_t sheetRows = 0;
    {
        import::XlsxWorkbook workbook(QString::fromStdString(path));
        import::XlsxSheetReader reader(workbook, workbook.sheets().front());
        import::XlsxSheetRow row;
        while (reader.next(row))
            ++sheetRows;
    }
    const double readSeconds = timer.elapsed() / 1000.0;
    std::printf("read %lld sheet rows in %.2f s: %.0f rows/s\n", static_cast<long long>(sheetRows), readSeconds,
                sheetRows / readSeconds);

    db::CaseFile caseFile = db::CaseFile::create(dir.filePath(QStringLiteral("bench.ftcase")), QStringLiteral("bench"));
    const long before = peakRssKiB();
    timer.restart();
    const import::ImportResult result = import::XlsxImporter(caseFile, {}).importFile(QString::fromStdString(path));
    const double seconds = timer.elapsed() / 1000.0;
    if (result.status != import::ImportResult::Status::Imported) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(result.message));
        return 1;
    }
    std::printf("imported %lld rows (%lld rejected) in %.2f s: %.0f rows/s\n",
                static_cast<long long>(result.rowsImported), static_cast<long long>(result.rowsRejected), seconds,
                result.rowsImported / seconds);
    std::printf("peak RSS %.1f MiB (%.1f MiB before the import)\n", peakRssKiB() / 1024.0, before / 1024.0);
    return 0;
}
