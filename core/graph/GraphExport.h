#pragma once

#include "graph/GraphScene.h"

#include <QString>

namespace fundtrace::graph {

// What goes on an exported chart besides the graph.
struct ExportOptions {
    QString title;         // drawn at the top when not empty (PDF always has one)
    QString dateLine;      // under the title; empty = "Exported <UTC date and time>"
    bool legend = true;
    int dpi = 150;         // PNG: dots per inch written in the file and used for line widths and fonts
    int maxPixelSide = 6000; // PNG: the longer side at most; the chart is fitted to it
};

// Writes a link chart to PNG, SVG or PDF, chosen by the file's suffix. The whole scene is drawn
// fitted to the picture (a PDF page, A4 landscape), with full detail (labels, arrows, badges)
// when the chart is small enough to read and the on-screen level of detail otherwise. Needs a
// QGuiApplication (fonts). Throws GraphError with a plain message for an unknown suffix, an
// empty chart or a file that cannot be written.
class GraphExport {
public:
    static void write(const GraphScene &scene, const QString &path, const ExportOptions &options = {});
    static QStringList suffixes(); // png, svg, pdf
};

} // namespace fundtrace::graph
