#include "graph/GraphRenderer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace fundtrace::graph {
namespace {

constexpr int kWidthBuckets = 4;
constexpr int kMaxRectBuckets = 24;
constexpr double kTinyNode = 3.0; // device pixels of radius below which nodes are plain squares

// Colours are opaque on purpose: the raster engine blends translucent lines and spans an order
// of magnitude slower (and per-span threading makes it worse), which a 50k-edge frame cannot pay.
constexpr int kMaxAntialiasedEdges = 1500;
constexpr int kMaxArrowEdges = 4000; // more flows in view: arrows would be noise and cost
const QColor kEdgeColour(176, 183, 191);
const QColor kEdgeHighlight(24, 64, 112);
const QColor kArrowColour(128, 138, 150);
const QColor kRiskColour(213, 94, 0);       // vermillion
const QColor kRiskMediumColour(236, 166, 112);
const QColor kAlertColour(213, 94, 0);
const QColor kHitColour(68, 34, 136);       // indigo
const QColor kNoteColour(240, 228, 66);     // yellow
const QColor kSelectionColour(17, 17, 17);
const QColor kLabelColour(33, 37, 41);

QColor outlineOf(const QColor &fill)
{
    return fill.darker(170);
}

enum class Shape { Circle, Square, Diamond, Hexagon, Triangle, Group };

Shape shapeOf(const QString &kind)
{
    if (kind == u"organisation")
        return Shape::Square;
    if (kind == u"npo")
        return Shape::Diamond;
    if (kind == u"institution")
        return Shape::Hexagon;
    if (kind == u"agent")
        return Shape::Triangle;
    if (kind == u"group")
        return Shape::Group;
    return Shape::Circle;
}

// Shapes of about the same area as the circle of radius r, so no kind looks more important.
void drawShape(QPainter &painter, Shape shape, QPointF c, double r)
{
    switch (shape) {
    case Shape::Circle:
        painter.drawEllipse(c, r, r);
        return;
    case Shape::Square: {
        const double h = r * 0.89;
        painter.drawRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h));
        return;
    }
    case Shape::Diamond: {
        const double h = r * 1.25;
        const std::array<QPointF, 4> points { QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
                                              QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y()) };
        painter.drawPolygon(points.data(), int(points.size()));
        return;
    }
    case Shape::Hexagon: {
        std::array<QPointF, 6> points;
        const double h = r * 1.1;
        for (int k = 0; k < 6; ++k) {
            const double a = std::numbers::pi / 3 * k;
            points[std::size_t(k)] = QPointF(c.x() + h * std::cos(a), c.y() + h * std::sin(a));
        }
        painter.drawPolygon(points.data(), int(points.size()));
        return;
    }
    case Shape::Triangle: {
        const double h = r * 1.35;
        const std::array<QPointF, 3> points { QPointF(c.x(), c.y() - h), QPointF(c.x() + h * 0.866, c.y() + h * 0.5),
                                              QPointF(c.x() - h * 0.866, c.y() + h * 0.5) };
        painter.drawPolygon(points.data(), int(points.size()));
        return;
    }
    case Shape::Group: {
        const double h = r * 0.95;
        painter.drawRoundedRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h), h * 0.35, h * 0.35);
        return;
    }
    }
}

// Screen pixels of an edge by its strength 0-1, thicker as the chart is zoomed in.
// The transform is a uniform scale plus a translation; mapping by hand skips QTransform's
// general path, which shows up at 60 000 points a frame.
QPointF toDevice(const QTransform &transform, QPointF p)
{
    return QPointF(p.x() * transform.m11() + transform.dx(), p.y() * transform.m22() + transform.dy());
}

double edgeWidth(double strength, double zoom)
{
    const double zoomFactor = std::clamp(zoom / 0.6, 0.6, 1.5);
    return (0.6 + 2.8 * strength) * zoomFactor;
}

void drawBadge(QPainter &painter, QPointF centre, double radius, const QColor &colour, int count, bool withCount,
               const QFont &font)
{
    painter.setPen(QPen(Qt::white, std::max(1.0, radius * 0.25)));
    painter.setBrush(colour);
    painter.drawEllipse(centre, radius, radius);
    if (!withCount)
        return;
    painter.setFont(font);
    painter.setPen(colour.lightness() > 160 ? QColor(Qt::black) : QColor(Qt::white));
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    painter.drawText(QRectF(centre.x() - radius * 1.5, centre.y() - radius, radius * 3, radius * 2), Qt::AlignCenter, text);
}

} // namespace

QColor GraphRenderer::backgroundColour()
{
    return QColor(250, 250, 248);
}

QColor GraphRenderer::kindColour(const QString &kind)
{
    if (kind == u"person")
        return QColor(0, 114, 178); // blue
    if (kind == u"organisation")
        return QColor(230, 159, 0); // orange
    if (kind == u"npo")
        return QColor(0, 158, 115); // bluish green
    if (kind == u"institution")
        return QColor(204, 121, 167); // reddish purple
    if (kind == u"agent")
        return QColor(86, 180, 233); // sky blue
    if (kind == u"group")
        return QColor(190, 190, 200);
    return QColor(160, 160, 160); // unknown
}

QString GraphRenderer::kindTitle(const QString &kind)
{
    if (kind == u"person")
        return QStringLiteral("Person");
    if (kind == u"organisation")
        return QStringLiteral("Organisation");
    if (kind == u"npo")
        return QStringLiteral("Non-profit");
    if (kind == u"institution")
        return QStringLiteral("Institution");
    if (kind == u"agent")
        return QStringLiteral("Agent");
    if (kind == u"group")
        return QStringLiteral("Group");
    return QStringLiteral("Unknown");
}

QFont GraphRenderer::labelFont(double pixelRatio)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(1, int(std::lround(11 * pixelRatio))));
    return font;
}

void GraphRenderer::paint(QPainter &painter, const GraphScene &scene, const QTransform &transform,
                          const QRectF &visibleRect, const Options &options)
{
    if (scene.isEmpty())
        return;
    const double zoom = std::abs(transform.m11()) / std::max(options.pixelRatio, 1e-6); // screen px per unit
    updateStyles(scene);
    const bool full = options.detail == Detail::Full;
    painter.save();
    scene.collectEdges(visibleRect, m_edges);
    scene.collectNodes(visibleRect, m_nodes);
    paintEdges(painter, scene, transform, visibleRect, zoom, options, full || zoom >= kArrowZoom);
    paintNodes(painter, scene, transform, zoom, options);
    if (full || (zoom >= kLabelZoom && int(m_nodes.size()) <= kMaxLabels))
        paintLabels(painter, scene, transform, zoom, options);
    painter.restore();
}

void GraphRenderer::paintEdges(QPainter &painter, const GraphScene &scene, const QTransform &transform,
                               const QRectF &visibleRect, double zoom, const Options &options, bool detailed)
{
    const std::vector<GraphEdge> &edges = scene.graph().edges();
    const std::vector<QPointF> &positions = scene.positions();
    const double ratio = options.pixelRatio;

    // Buckets: kWidthBuckets widths in the muted colour, then the same for edges of selected nodes.
    m_lineBuckets.resize(2 * kWidthBuckets);
    for (int b = 0; b < 2 * kWidthBuckets; ++b) {
        LineBucket &bucket = m_lineBuckets[std::size_t(b)];
        bucket.lines.clear();
        bucket.colour = b < kWidthBuckets ? kEdgeColour : kEdgeHighlight;
        bucket.width = edgeWidth((b % kWidthBuckets + 0.5) / kWidthBuckets, zoom) * ratio;
    }
    const bool anySelected = scene.hasSelection();
    const QRectF deviceRect = transform.mapRect(visibleRect).adjusted(-8 * ratio, -8 * ratio, 8 * ratio, 8 * ratio);
    for (const std::int32_t e : m_edges) {
        const GraphEdge &edge = edges[std::size_t(e)];
        const bool highlight = anySelected && (scene.isSelected(edge.from) || scene.isSelected(edge.to));
        const int widthBucket = std::min(kWidthBuckets - 1, int(scene.edgeStrength(e) * kWidthBuckets));
        QPointF a = toDevice(transform, positions[std::size_t(edge.from)]);
        QPointF b = toDevice(transform, positions[std::size_t(edge.to)]);
        if (edge.from == edge.to)
            continue; // a node paying itself has nothing to draw between
        if (detailed && scene.hasReverseEdge(e)) {
            // Money both ways: each direction on its own side of the centre line.
            const QPointF d = b - a;
            const double length = std::hypot(d.x(), d.y());
            if (length > 0) {
                const QPointF offset = QPointF(-d.y(), d.x()) / length * (2.5 * ratio);
                a += offset;
                b += offset;
            }
        }
        // Only the part in view is drawn and counted against the budget.
        if ((deviceRect.contains(a) && deviceRect.contains(b)) || GraphScene::clipSegment(a, b, deviceRect))
            m_lineBuckets[std::size_t((highlight ? kWidthBuckets : 0) + widthBucket)].lines.emplace_back(a, b);
    }

    // A frame's cost grows with the pixels its lines cover. Past the budget, the weakest flows
    // are thinned out evenly (flows of selected nodes and the strongest are drawn first), so a
    // hairball of 50k long edges still pans smoothly; the count left out is reported.
    m_skippedEdges = 0;
    if (options.edgePixelBudget > 0) {
        double budget = options.edgePixelBudget * ratio * ratio;
        for (int b = 2 * kWidthBuckets - 1; b >= 0; --b) {
            LineBucket &bucket = m_lineBuckets[std::size_t(b)];
            double cost = 0;
            for (const QLineF &line : bucket.lines)
                cost += std::abs(line.dx()) + std::abs(line.dy());
            cost *= std::max(bucket.width, 1.0);
            if (cost <= budget) {
                budget -= cost;
                continue;
            }
            const double keep = std::max(budget, 0.0) / cost;
            std::size_t kept = 0;
            for (std::size_t k = 0; k < bucket.lines.size(); ++k) {
                if (std::floor(double(k + 1) * keep) > std::floor(double(k) * keep))
                    bucket.lines[kept++] = bucket.lines[k];
            }
            m_skippedEdges += int(bucket.lines.size() - kept);
            bucket.lines.resize(kept);
            budget = 0;
        }
    }

    painter.setBrush(Qt::NoBrush);
    // Antialiasing thousands of lines costs more than it shows; it is for close-ups.
    painter.setRenderHint(QPainter::Antialiasing, m_edges.size() <= std::size_t(kMaxAntialiasedEdges));
    for (const LineBucket &bucket : m_lineBuckets) {
        if (bucket.lines.empty())
            continue;
        QPen pen(bucket.colour, bucket.width);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLines(bucket.lines.data(), int(bucket.lines.size()));
    }
    // No arrows on a thinned frame: some would point along lines that are not drawn.
    if (!detailed || m_skippedEdges > 0 || (options.detail == Detail::Auto && m_edges.size() > std::size_t(kMaxArrowEdges)))
        return;

    // Arrowheads at the receiver's rim, as wide as the line they end.
    painter.setPen(Qt::NoPen);
    for (const std::int32_t e : m_edges) {
        const GraphEdge &edge = edges[std::size_t(e)];
        if (edge.from == edge.to)
            continue;
        const bool highlight = anySelected && (scene.isSelected(edge.from) || scene.isSelected(edge.to));
        const int widthBucket = std::min(kWidthBuckets - 1, int(scene.edgeStrength(e) * kWidthBuckets));
        const LineBucket &bucket = m_lineBuckets[std::size_t((highlight ? kWidthBuckets : 0) + widthBucket)];
        QPointF a = toDevice(transform, positions[std::size_t(edge.from)]);
        QPointF b = toDevice(transform, positions[std::size_t(edge.to)]);
        const QPointF d = b - a;
        const double length = std::hypot(d.x(), d.y());
        const double size = (5.0 + 1.6 * bucket.width / ratio) * ratio;
        const double targetRadius = scene.radius(edge.to) * std::abs(transform.m11());
        if (length < targetRadius + size * 1.5)
            continue;
        const QPointF unit = d / length;
        const QPointF normal(-unit.y(), unit.x());
        if (scene.hasReverseEdge(e))
            b += normal * (2.5 * ratio);
        const QPointF tip = b - unit * (targetRadius + 1.5 * ratio);
        const QPointF base = tip - unit * size;
        const std::array<QPointF, 3> head { tip, base + normal * (size * 0.45), base - normal * (size * 0.45) };
        painter.setBrush(highlight ? kEdgeHighlight : kArrowColour);
        painter.drawPolygon(head.data(), int(head.size()));
    }
}

void GraphRenderer::updateStyles(const GraphScene &scene)
{
    if (m_styledScene == &scene && m_styledRevision == scene.revision() && m_fills.size() == std::size_t(scene.nodeCount()))
        return;
    const std::vector<GraphNode> &nodes = scene.graph().nodes();
    m_fills.resize(nodes.size());
    m_shapes.resize(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const QColor override = scene.colourOverride(std::int32_t(i));
        QColor fill = override.isValid() ? override : kindColour(nodes[i].kind);
        if (!override.isValid() && nodes[i].kind == u"unknown")
            fill = fill.lighter(125);
        m_fills[i] = fill.rgb();
        m_shapes[i] = std::uint8_t(shapeOf(nodes[i].kind));
    }
    m_styledScene = &scene;
    m_styledRevision = scene.revision();
}

void GraphRenderer::paintNodes(QPainter &painter, const GraphScene &scene, const QTransform &transform, double zoom,
                               const Options &options)
{
    const std::vector<GraphNode> &nodes = scene.graph().nodes();
    const double ratio = options.pixelRatio;
    const double scale = std::abs(transform.m11());
    const bool full = options.detail == Detail::Full;
    const bool badges = full || zoom >= kBadgeZoom;
    const bool badgeCounts = full || zoom >= kBadgeCountZoom;
    const QFont badgeFont = [&] {
        QFont font = labelFont(ratio);
        font.setPixelSize(std::max(1, int(std::lround(8 * ratio))));
        font.setBold(true);
        return font;
    }();

    // Tiny nodes (zoomed far out) become squares batched by colour: a few drawRects calls.
    for (RectBucket &bucket : m_rectBuckets)
        bucket.rects.clear();
    const auto bucketFor = [&](const QColor &colour) -> RectBucket * {
        for (RectBucket &bucket : m_rectBuckets) {
            if (bucket.colour == colour)
                return &bucket;
        }
        if (m_rectBuckets.size() >= std::size_t(kMaxRectBuckets))
            return nullptr;
        m_rectBuckets.push_back(RectBucket { colour, {} });
        return &m_rectBuckets.back();
    };

    painter.setRenderHint(QPainter::Antialiasing, true);
    // Selected nodes last, so they are never under another node.
    for (int pass = 0; pass < 2; ++pass) {
        for (const std::int32_t i : m_nodes) {
            if (scene.isSelected(i) != (pass == 1))
                continue;
            const GraphNode &node = nodes[std::size_t(i)];
            const QPointF c = toDevice(transform, scene.position(i));
            const double r = std::max(scene.radius(i) * scale, 1.5 * ratio);
            const QColor fill = QColor::fromRgb(m_fills[std::size_t(i)]);
            const Shape shape = Shape(m_shapes[std::size_t(i)]);
            if (r < kTinyNode * ratio && pass == 0) {
                if (RectBucket *bucket = bucketFor(fill)) {
                    bucket->rects.emplace_back(c.x() - r, c.y() - r, 2 * r, 2 * r);
                    continue;
                }
            }
            if (scene.isSelected(i)) {
                painter.setPen(QPen(kSelectionColour, 2.5 * ratio));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(c, r * 1.45 + 4 * ratio, r * 1.45 + 4 * ratio);
            }
            if (node.marks.risk >= 40) {
                // The ring grows and darkens with risk: 40-69 thin and pale, 70+ thick and strong.
                const QColor ring = node.marks.risk >= 70 ? kRiskColour : kRiskMediumColour;
                const double width = (node.marks.risk >= 70 ? 3.5 : 2.0) * ratio;
                painter.setPen(QPen(ring, width));
                painter.setBrush(Qt::NoBrush);
                const double ringRadius = r * 1.3 + width / 2 + 1.0 * ratio;
                painter.drawEllipse(c, ringRadius, ringRadius);
            }
            painter.setPen(QPen(outlineOf(fill), (node.seed ? 2.5 : 1.0) * ratio));
            painter.setBrush(fill);
            drawShape(painter, shape, c, r);

            if (!badges || r < 5 * ratio)
                continue;
            if (scene.isPinned(i)) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(60, 60, 60));
                const double s = 2.5 * ratio;
                painter.drawRect(QRectF(c.x() - r - s, c.y() - r - s, 2 * s, 2 * s));
            }
            const double badgeRadius = (badgeCounts ? 6.5 : 3.5) * ratio;
            int slot = 0;
            const auto badge = [&](int count, const QColor &colour) {
                if (count <= 0)
                    return;
                const double angle = -std::numbers::pi / 4 + slot * 0.75;
                const QPointF at = c + QPointF(std::cos(angle), std::sin(angle)) * (r + badgeRadius * 0.4);
                drawBadge(painter, at, badgeRadius, colour, count, badgeCounts, badgeFont);
                ++slot;
            };
            badge(node.marks.alerts, kAlertColour);
            badge(node.marks.hits, kHitColour);
            badge(node.marks.annotations, kNoteColour);
        }
        if (pass == 0) {
            painter.setPen(Qt::NoPen);
            for (const RectBucket &bucket : m_rectBuckets) {
                if (bucket.rects.empty())
                    continue;
                painter.setBrush(bucket.colour);
                painter.drawRects(bucket.rects.data(), int(bucket.rects.size()));
            }
        }
    }
}

void GraphRenderer::paintLabels(QPainter &painter, const GraphScene &scene, const QTransform &transform, double,
                                const Options &options)
{
    const std::vector<GraphNode> &nodes = scene.graph().nodes();
    const double ratio = options.pixelRatio;
    const double scale = std::abs(transform.m11());
    const QFont font = labelFont(ratio);
    const QFontMetricsF metrics(font, painter.device());
    painter.setFont(font);
    for (const std::int32_t i : m_nodes) {
        const GraphNode &node = nodes[std::size_t(i)];
        if (node.label.isEmpty())
            continue;
        const QString text = node.label.size() > kMaxLabelChars ? node.label.left(kMaxLabelChars - 1) + QChar(0x2026) : node.label;
        const QPointF c = toDevice(transform, scene.position(i));
        const double r = scene.radius(i) * scale;
        const double width = metrics.horizontalAdvance(text);
        const QRectF box(c.x() - width / 2 - 3 * ratio, c.y() + r * 1.35 + 2 * ratio, width + 6 * ratio,
                         metrics.height() + 2 * ratio);
        // A pale plate keeps labels readable over edges.
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(Qt::white));
        painter.drawRect(box);
        painter.setPen(scene.isSelected(i) ? QColor(Qt::black) : kLabelColour);
        painter.drawText(box, Qt::AlignCenter, text);
    }
}

QSizeF GraphRenderer::legendSize(double pixelRatio)
{
    const QFontMetricsF metrics(labelFont(pixelRatio));
    const double row = std::max(metrics.height(), 16 * pixelRatio) + 4 * pixelRatio;
    double widest = metrics.horizontalAdvance(QStringLiteral("Screening hits (count)"));
    widest = std::max(widest, metrics.horizontalAdvance(QStringLiteral("Flow: width by amount, arrow to receiver")));
    const int rows = 12; // title, six kinds, risk, alerts, hits, notes, flow
    return QSizeF(widest + 44 * pixelRatio, rows * row + 8 * pixelRatio);
}

void GraphRenderer::paintLegend(QPainter &painter, QPointF topLeft, double pixelRatio)
{
    const double p = pixelRatio;
    const QFont font = labelFont(p);
    const QFontMetricsF metrics(font);
    const double row = std::max(metrics.height(), 16 * p) + 4 * p;
    const QSizeF size = legendSize(p);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor(200, 200, 200), 1 * p));
    painter.setBrush(QColor(Qt::white));
    painter.drawRoundedRect(QRectF(topLeft, size), 4 * p, 4 * p);
    painter.setFont(font);

    double y = topLeft.y() + 4 * p;
    const double iconX = topLeft.x() + 16 * p;
    const double textX = topLeft.x() + 32 * p;
    const auto text = [&](const QString &line, bool bold = false) {
        QFont f = font;
        f.setBold(bold);
        painter.setFont(f);
        painter.setPen(kLabelColour);
        painter.drawText(QRectF(textX, y, size.width() - 36 * p, row), Qt::AlignVCenter | Qt::AlignLeft, line);
    };
    {
        QFont f = font;
        f.setBold(true);
        painter.setFont(f);
        painter.setPen(kLabelColour);
        painter.drawText(QRectF(topLeft.x() + 8 * p, y, size.width(), row), Qt::AlignVCenter | Qt::AlignLeft,
                         QStringLiteral("Legend"));
        y += row;
    }
    const double r = 6 * p;
    for (const char *kind : { "person", "organisation", "npo", "institution", "agent", "unknown" }) {
        const QString name = QLatin1String(kind);
        const QColor fill = kindColour(name);
        const QPointF c(iconX, y + row / 2);
        painter.setPen(QPen(outlineOf(fill), 1 * p));
        painter.setBrush(name == u"unknown" ? fill.lighter(125) : fill);
        drawShape(painter, shapeOf(name), c, r);
        text(kindTitle(name));
        y += row;
    }
    {
        const QPointF c(iconX, y + row / 2);
        painter.setPen(QPen(kRiskColour, 3 * p));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r * 1.3 + 2 * p, r * 1.3 + 2 * p);
        painter.setPen(QPen(outlineOf(kindColour(QStringLiteral("person"))), 1 * p));
        painter.setBrush(kindColour(QStringLiteral("person")));
        painter.drawEllipse(c, r, r);
        text(QStringLiteral("High risk (ring; thin = medium)"));
        y += row;
    }
    QFont badgeFont = font;
    badgeFont.setPixelSize(std::max(1, int(std::lround(8 * p))));
    badgeFont.setBold(true);
    const std::array<std::pair<QColor, QString>, 3> badges { std::pair { kAlertColour, QStringLiteral("Alerts (count)") },
                                                             std::pair { kHitColour, QStringLiteral("Screening hits (count)") },
                                                             std::pair { kNoteColour, QStringLiteral("Notes (count)") } };
    for (const auto &[colour, title] : badges) {
        drawBadge(painter, QPointF(iconX, y + row / 2), 6.5 * p, colour, 2, true, badgeFont);
        text(title);
        y += row;
    }
    {
        painter.setPen(QPen(kEdgeColour, 2.5 * p));
        const QPointF a(iconX - 10 * p, y + row / 2), b(iconX + 6 * p, y + row / 2);
        painter.drawLine(a, b);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kEdgeColour);
        const std::array<QPointF, 3> head { b + QPointF(4 * p, 0), b + QPointF(-3 * p, -4 * p), b + QPointF(-3 * p, 4 * p) };
        painter.drawPolygon(head.data(), int(head.size()));
        text(QStringLiteral("Flow: width by amount, arrow to receiver"));
    }
    painter.restore();
}

} // namespace fundtrace::graph
