#pragma once

#include "demo/DemoCaseGenerator.h"
#include "import/ImportResult.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace fundtrace::demo {

// What building the demo case made, for the CLI to print and the GUI to open.
struct DemoCaseReport {
    QString casePath;
    QString dataDir;
    QString rejectsPath;
    QString summaryPath;
    std::vector<std::pair<DemoFile, import::ImportResult>> files;
    QJsonObject summary;
    bool allImported = true;
};

// Builds the demo case in `outDir`: writes the generated exports to outDir/data, replaces
// outDir/demo.ftcase with a new case, imports every file through the normal importers, and
// writes outDir/rejects.csv and outDir/summary.json. Shared by `fundtrace-cli demo` and the
// GUI's "Open demo case". Throws CaseError, MappingError, ImportError or std::runtime_error.
DemoCaseReport buildDemoCase(const QString &outDir, quint64 seed = 20241105, int scale = 1);

} // namespace fundtrace::demo
