#pragma once

#include "graph/GraphScene.h"

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QRectF>
#include <QTransform>
#include <vector>

class QPainter;

namespace fundtrace::graph {

// Paints a GraphScene with QPainter onto any device (widget, image, SVG, PDF). Nodes take a shape
// and colour by subject kind (Okabe-Ito palette, safe for colour-blind readers), a red ring by
// risk and badges for alerts, screening hits and notes; edges are lines as wide as the log of
// their amount with an arrowhead at the receiver. Level of detail keeps big charts fluid: when
// zoomed out there are no labels, arrows or badges and the edges go out in a few batched
// drawLines calls. Only what lies in the visible rectangle is drawn, found through the scene's
// grids; the renderer keeps its buffers between frames, so reuse one renderer per view.
class GraphRenderer {
public:
    enum class Detail {
        Auto, // by zoom: arrows, then badges, then labels as the chart is zoomed in
        Full, // everything whatever the zoom (exports of small charts)
    };
    struct Options {
        Detail detail = Detail::Auto;
        // Device units per screen pixel: line widths, fonts and badges are multiplied by it
        // (1 on screen, dpi / 96 for an image or page at dpi).
        double pixelRatio = 1.0;
        // Screen pixels of line (length x width) a frame may draw before the weakest flows are
        // thinned out; 0 = draw every flow (exports).
        double edgePixelBudget = 3.0e6;
    };

    // Zoom levels (screen pixels per scene unit) at which detail appears.
    static constexpr double kArrowZoom = 0.3;
    static constexpr double kBadgeZoom = 0.45;
    static constexpr double kLabelZoom = 0.6;
    static constexpr double kBadgeCountZoom = 0.9;
    static constexpr int kMaxLabels = 600; // more nodes in view than this: too dense to label
    static constexpr int kMaxLabelChars = 28; // longer labels are cut with an ellipsis

    // Paints the scene's part inside `visibleRect` (scene units); `transform` maps scene units to
    // the painter's coordinates (uniform scale plus translation). Does not fill the background.
    void paint(QPainter &painter, const GraphScene &scene, const QTransform &transform, const QRectF &visibleRect,
               const Options &options);
    void paint(QPainter &painter, const GraphScene &scene, const QTransform &transform, const QRectF &visibleRect)
    {
        paint(painter, scene, transform, visibleRect, Options {});
    }

    // Flows in view that the last paint() left out to stay within the edge budget.
    int skippedEdges() const { return m_skippedEdges; }

    static QColor backgroundColour();
    static QColor kindColour(const QString &kind);
    static QString kindTitle(const QString &kind); // "Person", "Organisation", ...
    static QFont labelFont(double pixelRatio = 1.0);

    // A key to the drawing: kinds and their shapes, the risk ring, badges and flows.
    static QSizeF legendSize(double pixelRatio = 1.0);
    static void paintLegend(QPainter &painter, QPointF topLeft, double pixelRatio = 1.0);

private:
    struct LineBucket {
        QColor colour;
        double width = 1;
        std::vector<QLineF> lines;
    };
    struct RectBucket {
        QColor colour;
        std::vector<QRectF> rects;
    };
    void paintEdges(QPainter &painter, const GraphScene &scene, const QTransform &transform, const QRectF &visibleRect,
                    double zoom, const Options &options, bool detailed);
    void paintNodes(QPainter &painter, const GraphScene &scene, const QTransform &transform, double zoom,
                    const Options &options);
    void updateStyles(const GraphScene &scene);
    void paintLabels(QPainter &painter, const GraphScene &scene, const QTransform &transform, double zoom,
                     const Options &options);

    std::vector<std::int32_t> m_nodes;
    std::vector<std::int32_t> m_edges;
    std::vector<LineBucket> m_lineBuckets;
    std::vector<RectBucket> m_rectBuckets;
    int m_skippedEdges = 0;
    // Fill and shape per node, worked out from kinds and overrides once per scene revision.
    const GraphScene *m_styledScene = nullptr;
    std::uint64_t m_styledRevision = 0;
    std::vector<QRgb> m_fills;
    std::vector<std::uint8_t> m_shapes;
};

} // namespace fundtrace::graph
