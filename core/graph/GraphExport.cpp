#include "graph/GraphExport.h"

#include "graph/GraphError.h"
#include "graph/GraphRenderer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

namespace fundtrace::graph {
namespace {

constexpr int kFullDetailNodes = 400; // up to this many nodes an export shows every label
constexpr double kMaxZoom = 1.5;      // small charts are not blown up beyond this (screen px per unit)
constexpr int kPdfDpi = 300;

// Space around the nodes for badges, rings and the labels under them (as wide as the widest
// label at one pixel per unit, which is how exports are sized unless the chart is huge).
QRectF chartBounds(const GraphScene &scene)
{
    const QFontMetricsF metrics(GraphRenderer::labelFont());
    double halfLabel = 30;
    if (scene.nodeCount() <= kFullDetailNodes) {
        for (const GraphNode &node : scene.graph().nodes())
            halfLabel = std::max(halfLabel, metrics.horizontalAdvance(node.label.left(GraphRenderer::kMaxLabelChars)) / 2 + 8);
    }
    return scene.boundingRect().adjusted(-halfLabel, -30, halfLabel, 50);
}

QString dateLineOf(const GraphScene &scene, const ExportOptions &options)
{
    if (!options.dateLine.isEmpty())
        return options.dateLine;
    return QStringLiteral("Exported %1 UTC · %2 nodes, %3 flows")
        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
        .arg(scene.nodeCount())
        .arg(scene.edgeCount());
}

// Title, date line, the chart fitted into what is left and the legend on the right, all in
// device units with `ratio` device units per screen pixel.
class ChartPage {
public:
    ChartPage(const GraphScene &scene, const ExportOptions &options, double ratio, bool withTitle)
        : m_scene(scene)
        , m_options(options)
        , m_ratio(ratio)
        , m_withTitle(withTitle || !options.title.isEmpty())
    {
    }

    double margin() const { return 24 * m_ratio; }
    double titleHeight() const { return m_withTitle ? 52 * m_ratio : 0; }
    QSizeF legendSize() const { return m_options.legend ? GraphRenderer::legendSize(m_ratio) : QSizeF(); }
    double legendWidth() const { return m_options.legend ? legendSize().width() + margin() : 0; }

    // The page size that shows the chart at `zoom` screen pixels per scene unit.
    QSizeF sizeFor(double zoom) const
    {
        const QRectF bounds = chartBounds(m_scene);
        const double width = bounds.width() * zoom * m_ratio + legendWidth() + 2 * margin();
        const double height = std::max(bounds.height() * zoom * m_ratio, legendSize().height()) + titleHeight() + 2 * margin();
        return QSizeF(std::max(width, 480 * m_ratio), std::max(height, 320 * m_ratio));
    }

    // At one screen pixel per scene unit, smaller when that would exceed `maxSide` device units.
    QSizeF fittedSize(int maxSide) const
    {
        double zoom = 1.0;
        QSizeF size = sizeFor(zoom);
        while (std::max(size.width(), size.height()) > maxSide && zoom > 0.005) {
            zoom *= 0.85;
            size = sizeFor(zoom);
        }
        return size.boundedTo(QSizeF(maxSide, maxSide));
    }

    void paint(QPainter &painter, const QRectF &page) const
    {
        painter.fillRect(page, GraphRenderer::backgroundColour());
        double top = page.top() + margin();
        if (m_withTitle) {
            QFont titleFont = GraphRenderer::labelFont(m_ratio);
            titleFont.setPixelSize(std::max(1, int(std::lround(18 * m_ratio))));
            titleFont.setBold(true);
            painter.setFont(titleFont);
            painter.setPen(QColor(33, 37, 41));
            const QString title = m_options.title.isEmpty() ? QStringLiteral("Link chart") : m_options.title;
            painter.drawText(QRectF(page.left() + margin(), top, page.width() - 2 * margin(), 26 * m_ratio),
                             Qt::AlignLeft | Qt::AlignVCenter, title);
            painter.setFont(GraphRenderer::labelFont(m_ratio));
            painter.setPen(QColor(90, 96, 104));
            painter.drawText(QRectF(page.left() + margin(), top + 26 * m_ratio, page.width() - 2 * margin(), 18 * m_ratio),
                             Qt::AlignLeft | Qt::AlignVCenter, dateLineOf(m_scene, m_options));
            top += titleHeight();
        }
        const QRectF area(page.left() + margin(), top, page.width() - 2 * margin() - legendWidth(),
                          page.bottom() - margin() - top);
        const QRectF bounds = chartBounds(m_scene);
        const double scale = std::min({ area.width() / bounds.width(), area.height() / bounds.height(), kMaxZoom * m_ratio });
        QTransform transform;
        transform.translate(area.center().x(), area.center().y());
        transform.scale(scale, scale);
        transform.translate(-bounds.center().x(), -bounds.center().y());

        GraphRenderer::Options renderOptions;
        renderOptions.pixelRatio = m_ratio;
        renderOptions.edgePixelBudget = 0; // an export shows every flow
        renderOptions.detail = m_scene.nodeCount() <= kFullDetailNodes ? GraphRenderer::Detail::Full : GraphRenderer::Detail::Auto;
        painter.save();
        GraphRenderer().paint(painter, m_scene, transform, bounds, renderOptions);
        painter.restore();
        if (m_options.legend)
            GraphRenderer::paintLegend(painter, QPointF(area.right() + margin(), area.top()), m_ratio);
    }

private:
    const GraphScene &m_scene;
    const ExportOptions &m_options;
    double m_ratio;
    bool m_withTitle;
};

QString plainPath(const QString &path)
{
    return QFileInfo(path).fileName();
}

void openOrThrow(QSaveFile &file)
{
    if (!file.open(QIODevice::WriteOnly))
        throw GraphError(QStringLiteral("Cannot write the chart to %1: %2").arg(file.fileName(), file.errorString()));
}

void commitOrThrow(QSaveFile &file)
{
    if (!file.commit())
        throw GraphError(QStringLiteral("Cannot write the chart to %1: %2").arg(file.fileName(), file.errorString()));
}

void writePng(const GraphScene &scene, const QString &path, const ExportOptions &options)
{
    const double ratio = std::max(options.dpi, 24) / 96.0;
    const ChartPage page(scene, options, ratio, false);
    const QSizeF size = page.fittedSize(options.maxPixelSide);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw GraphError(QStringLiteral("The chart is too large for an image of %1 x %2 pixels.")
                             .arg(size.width(), 0, 'f', 0)
                             .arg(size.height(), 0, 'f', 0));
    const int dotsPerMeter = int(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        page.paint(painter, QRectF(QPointF(0, 0), size));
    }
    QSaveFile file(path);
    openOrThrow(file);
    if (!image.save(&file, "PNG"))
        throw GraphError(QStringLiteral("Cannot write the chart to %1: encoding the PNG image failed.").arg(path));
    commitOrThrow(file);
}

void writeSvg(const GraphScene &scene, const QString &path, const ExportOptions &options)
{
    const ChartPage page(scene, options, 1.0, false);
    const QSizeF size = page.fittedSize(options.maxPixelSide);
    QSaveFile file(path);
    openOrThrow(file);
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setTitle(options.title.isEmpty() ? QStringLiteral("Link chart") : options.title);
    generator.setDescription(dateLineOf(scene, options));
    {
        QPainter painter;
        if (!painter.begin(&generator))
            throw GraphError(QStringLiteral("Cannot write the chart to %1: the SVG writer did not start.").arg(path));
        page.paint(painter, QRectF(QPointF(0, 0), size));
    }
    commitOrThrow(file);
}

void writePdf(const GraphScene &scene, const QString &path, const ExportOptions &options)
{
    QSaveFile file(path);
    openOrThrow(file);
    {
        QPdfWriter writer(&file);
        writer.setResolution(kPdfDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(10, 10, 10, 10),
                                         QPageLayout::Millimeter));
        writer.setTitle(options.title.isEmpty() ? QStringLiteral("Link chart") : options.title);
        writer.setCreator(QStringLiteral("Fundtrace"));
        QPainter painter;
        if (!painter.begin(&writer))
            throw GraphError(QStringLiteral("Cannot write the chart to %1: the PDF writer did not start.").arg(path));
        const ChartPage page(scene, options, kPdfDpi / 96.0, true);
        page.paint(painter, QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height())));
    }
    commitOrThrow(file);
}

} // namespace

QStringList GraphExport::suffixes()
{
    return { QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf") };
}

void GraphExport::write(const GraphScene &scene, const QString &path, const ExportOptions &options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!suffixes().contains(suffix))
        throw GraphError(QStringLiteral("Cannot export the chart to %1: unknown file type \"%2\"; use .png, .svg or .pdf.")
                             .arg(plainPath(path), suffix.isEmpty() ? QStringLiteral("(none)") : suffix));
    if (scene.boundingRect().isEmpty())
        throw GraphError(QStringLiteral("Cannot export an empty chart: there are no nodes to draw."));
    if (suffix == u"png")
        writePng(scene, path, options);
    else if (suffix == u"svg")
        writeSvg(scene, path, options);
    else
        writePdf(scene, path, options);
}

} // namespace fundtrace::graph
