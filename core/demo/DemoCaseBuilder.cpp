#include "demo/DemoCaseBuilder.h"

#include "db/CaseFile.h"
#include "detect/DetectionRun.h"
#include "detect/RuleSet.h"
#include "entities/SubjectRefresh.h"
#include "import/FileImporter.h"
#include "import/ImportPreview.h"
#include "import/RejectsReport.h"
#include "query/CaseSummary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace fundtrace::demo {

DemoCaseReport buildDemoCase(const QString &outDir, quint64 seed, int scale)
{
    DemoCaseReport report;
    const QDir out(outDir);
    report.dataDir = out.filePath(QStringLiteral("data"));
    report.casePath = out.filePath(QStringLiteral("demo.ftcase"));
    report.rejectsPath = out.filePath(QStringLiteral("rejects.csv"));
    report.summaryPath = out.filePath(QStringLiteral("summary.json"));
    if (!QDir().mkpath(report.dataDir))
        throw std::runtime_error(QStringLiteral("cannot create %1").arg(report.dataDir).toStdString());

    const std::vector<DemoFile> files = DemoCaseGenerator(seed, scale).writeTo(report.dataDir);
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(report.casePath + suffix);

    db::CaseFile caseFile = db::CaseFile::create(report.casePath, QStringLiteral("Demo: Meyirim Zholy public fund"));
    std::vector<import::Reject> rejects;
    QJsonArray fileResults;
    for (const DemoFile &file : files) {
        import::ImportOptions options;
        options.format = file.importFormat;
        options.listName = file.listName;
        if (!file.mappingFileName.isEmpty())
            options.mapping = import::ImportMapping::load(QDir(report.dataDir).filePath(file.mappingFileName));
        const import::ImportResult result =
                import::FileImporter(caseFile, options).importFile(QDir(report.dataDir).filePath(file.fileName));
        report.allImported = report.allImported && result.status == import::ImportResult::Status::Imported;
        rejects.insert(rejects.end(), result.rejects.begin(), result.rejects.end());
        fileResults.append(QJsonObject { { QStringLiteral("file"), file.fileName },
                                         { QStringLiteral("format"), file.format },
                                         { QStringLiteral("mapping"), file.mappingFileName },
                                         { QStringLiteral("description"), file.description },
                                         { QStringLiteral("encoding"), result.encoding },
                                         { QStringLiteral("status"), result.message.isEmpty() ? QStringLiteral("imported") : result.message },
                                         { QStringLiteral("rows_imported"), qint64(result.rowsImported) },
                                         { QStringLiteral("rows_rejected"), qint64(result.rowsRejected) } });
        report.files.emplace_back(file, result);
    }
    import::writeRejectsReport(report.rejectsPath, rejects);
    const entities::SubjectRefresh refresh = entities::SubjectRefresh::run(caseFile);
    const detect::DetectionReport detection = detect::DetectionRun(caseFile, detect::RuleSet::fromDefault()).run();

    report.summary = query::CaseSummary::of(caseFile).toJson();
    report.summary.insert(QStringLiteral("files"), fileResults);
    report.summary.insert(QStringLiteral("subjects_refresh"), refresh.summary());
    report.summary.insert(QStringLiteral("alerts"), detection.created);
    QSaveFile summaryFile(report.summaryPath);
    if (!summaryFile.open(QIODevice::WriteOnly)
        || summaryFile.write(QJsonDocument(report.summary).toJson(QJsonDocument::Indented)) < 0 || !summaryFile.commit())
        throw std::runtime_error(QStringLiteral("cannot write %1: %2").arg(report.summaryPath, summaryFile.errorString()).toStdString());
    return report;
}

} // namespace fundtrace::demo
