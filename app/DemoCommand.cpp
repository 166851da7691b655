#include "DemoCommand.h"

#include "CliCommands.h"
#include "CliSupport.h"
#include "db/CaseFile.h"
#include "demo/BenchmarkCsvGenerator.h"
#include "demo/DemoCaseGenerator.h"
#include "import/CsvImporter.h"
#include "import/ImportPreview.h"
#include "import/RejectsReport.h"
#include "query/CaseSummary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace fundtrace::cli {
namespace {

bool parseNumber(const QString &text, quint64 &value)
{
    bool ok = false;
    value = text.toULongLong(&ok);
    return ok;
}

} // namespace

int commandDemo(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("demo"),
                    QStringLiteral("Generate the demo case: bank exports in several layouts and encodings, imported "
                                   "into OUTDIR/demo.ftcase, with OUTDIR/rejects.csv and OUTDIR/summary.json."));
    cli.parser.addPositionalArgument(QStringLiteral("OUTDIR"), QStringLiteral("Directory to write into (created)."));
    cli.parser.addOption({ QStringLiteral("scale"), QStringLiteral("Multiply background activity by N (default 1)."),
                           QStringLiteral("N"), QStringLiteral("1") });
    cli.parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed (default 20241105)."), QStringLiteral("S"),
                           QStringLiteral("20241105") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    quint64 scale = 0, seed = 0;
    if (!parseNumber(cli.parser.value(QStringLiteral("scale")), scale) || scale < 1 || scale > 10000
        || !parseNumber(cli.parser.value(QStringLiteral("seed")), seed)) {
        err() << "fundtrace-cli demo: --scale must be 1..10000 and --seed a whole number\n";
        return UsageError;
    }

    const QDir outDir(cli.parser.positionalArguments().at(0));
    const QString dataDir = outDir.filePath(QStringLiteral("data"));
    if (!QDir().mkpath(dataDir)) {
        err() << "fundtrace-cli demo: cannot create " << dataDir << "\n";
        return InputError;
    }
    QElapsedTimer timer;
    timer.start();
    std::vector<demo::DemoFile> files;
    try {
        files = demo::DemoCaseGenerator(seed, int(scale)).writeTo(dataDir);
    } catch (const std::runtime_error &error) {
        err() << "fundtrace-cli demo: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    }

    const QString casePath = outDir.filePath(QStringLiteral("demo.ftcase"));
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(casePath + suffix);

    int exitCode = Success;
    QJsonArray fileResults;
    std::vector<import::Reject> rejects;
    try {
        db::CaseFile caseFile = db::CaseFile::create(casePath, QStringLiteral("Demo: Meyirim Zholy public fund"));
        for (const demo::DemoFile &file : files) {
            import::ImportOptions options;
            if (!file.mappingFileName.isEmpty())
                options.mapping = import::ImportMapping::load(QDir(dataDir).filePath(file.mappingFileName));
            const QString path = QDir(dataDir).filePath(file.fileName);
            const import::ImportResult result = import::CsvImporter(caseFile, options).importFile(path);
            rejects.insert(rejects.end(), result.rejects.begin(), result.rejects.end());
            const bool imported = result.status == import::ImportResult::Status::Imported;
            if (!imported) {
                err() << "fundtrace-cli demo: " << result.message << "\n";
                exitCode = InputError;
            }
            out() << "  " << file.fileName << " (" << file.description << "): " << result.rowsImported
                  << " rows imported, " << result.rowsRejected << " rejected\n";
            fileResults.append(QJsonObject { { QStringLiteral("file"), file.fileName },
                                             { QStringLiteral("format"), file.format },
                                             { QStringLiteral("mapping"), file.mappingFileName },
                                             { QStringLiteral("description"), file.description },
                                             { QStringLiteral("encoding"), result.encoding },
                                             { QStringLiteral("rows_imported"), qint64(result.rowsImported) },
                                             { QStringLiteral("rows_rejected"), qint64(result.rowsRejected) } });
        }
        import::writeRejectsReport(outDir.filePath(QStringLiteral("rejects.csv")), rejects);
        QJsonObject summary = query::CaseSummary::of(caseFile).toJson();
        summary.insert(QStringLiteral("files"), fileResults);
        QSaveFile summaryFile(outDir.filePath(QStringLiteral("summary.json")));
        if (!summaryFile.open(QIODevice::WriteOnly)
            || summaryFile.write(QJsonDocument(summary).toJson(QJsonDocument::Indented)) < 0 || !summaryFile.commit()) {
            err() << "fundtrace-cli demo: cannot write summary.json: " << summaryFile.errorString() << "\n";
            return InputError;
        }
        const query::CaseSummary figures = query::CaseSummary::of(caseFile);
        out() << "Demo case written to " << casePath << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1)
              << " s: " << figures.transactions << " transactions, " << figures.accounts << " accounts, "
              << figures.sources << " sources, " << figures.rejects << " rejected rows (see "
              << outDir.filePath(QStringLiteral("rejects.csv")) << ")\n"
              << "Also written: " << outDir.filePath(QStringLiteral("summary.json")) << ", the source files in " << dataDir
              << " (truth.json describes the planted story)\n";
    } catch (const db::CaseError &error) {
        err() << "fundtrace-cli demo: " << QString::fromUtf8(error.what()) << "\n";
        return CaseError;
    } catch (const import::MappingError &error) {
        err() << "fundtrace-cli demo: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    } catch (const import::ImportError &error) {
        err() << "fundtrace-cli demo: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    }
    return exitCode;
}

int commandGenerateBenchCsv(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("generate-bench-csv"),
                    QStringLiteral("Write a large synthetic bank CSV (UTF-8, comma, recognised headers) for benchmarks."));
    cli.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Output CSV."));
    cli.parser.addOption({ QStringLiteral("rows"), QStringLiteral("Number of data rows."), QStringLiteral("N"),
                           QStringLiteral("1000000") });
    cli.parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"), QStringLiteral("7") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    quint64 rows = 0, seed = 0;
    if (!parseNumber(cli.parser.value(QStringLiteral("rows")), rows) || !parseNumber(cli.parser.value(QStringLiteral("seed")), seed)) {
        err() << "fundtrace-cli generate-bench-csv: --rows and --seed must be whole numbers\n";
        return UsageError;
    }
    QElapsedTimer timer;
    timer.start();
    const QString path = cli.parser.positionalArguments().at(0);
    qint64 written = 0;
    try {
        written = demo::BenchmarkCsvGenerator::writeBenchmarkCsv(path, qint64(rows), seed);
    } catch (const std::runtime_error &error) {
        err() << "fundtrace-cli generate-bench-csv: " << QString::fromUtf8(error.what()) << "\n";
        return InputError;
    }
    out() << "wrote " << written << " rows to " << path << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 1)
          << " s\n";
    return Success;
}

} // namespace fundtrace::cli
