#include "LinkChartView.h"

#include "graph/GraphError.h"
#include "model/Currency.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace fundtrace::ui {
namespace {

constexpr double kPickTolerance = 4.0; // screen pixels around a node or edge that still hit it
constexpr double kKeyPan = 60.0;       // screen pixels per arrow key
constexpr double kKeyZoom = 1.25;
constexpr double kFitMargin = 40.0;

QString dateOf(std::int64_t utcSeconds)
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

LinkChartView::LinkChartView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Link chart"));
}

void LinkChartView::setScene(graph::GraphScene scene)
{
    m_scene = std::move(scene);
    m_drag = Drag::None;
    m_fitPending = true;
    fitToView();
}

void LinkChartView::editScene(const std::function<void(graph::GraphScene &)> &edit)
{
    edit(m_scene);
    invalidate();
}

void LinkChartView::setPositions(std::vector<QPointF> positions)
{
    m_scene.setPositions(std::move(positions));
    invalidate();
}

QList<qint64> LinkChartView::pinnedIds() const
{
    QList<qint64> ids;
    for (std::int32_t i = 0; i < m_scene.nodeCount(); ++i) {
        if (m_scene.isPinned(i))
            ids.append(m_scene.graph().nodes()[std::size_t(i)].id);
    }
    return ids;
}

void LinkChartView::setPinnedIds(const QList<qint64> &ids)
{
    const QSet<qint64> wanted(ids.begin(), ids.end());
    for (std::int32_t i = 0; i < m_scene.nodeCount(); ++i)
        m_scene.setPinned(i, wanted.contains(m_scene.graph().nodes()[std::size_t(i)].id));
    invalidate();
}

QList<qint64> LinkChartView::selectedIds() const
{
    QList<qint64> ids;
    for (const std::int32_t node : m_scene.selectedNodes())
        ids.append(m_scene.graph().nodes()[std::size_t(node)].id);
    return ids;
}

void LinkChartView::setSelectedIds(const QList<qint64> &ids)
{
    m_scene.clearSelection();
    for (const qint64 id : ids) {
        const std::int32_t node = m_scene.graph().indexOf(id);
        if (node >= 0)
            m_scene.setSelected(node, true);
    }
    invalidate();
}

void LinkChartView::setView(QPointF centre, double zoom)
{
    m_centre = centre;
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_fitPending = false;
    invalidate();
}

void LinkChartView::zoomBy(double factor, QPointF anchor)
{
    const QPointF before = mapToScene(anchor);
    m_zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    // Keep the scene point under the anchor where it was.
    m_centre += before - mapToScene(anchor);
    m_fitPending = false;
    invalidate();
}

void LinkChartView::fitToView()
{
    const QRectF bounds = m_scene.boundingRect();
    if (bounds.isEmpty() || width() <= 2 * kFitMargin || height() <= 2 * kFitMargin) {
        m_centre = bounds.isEmpty() ? QPointF() : bounds.center();
        invalidate();
        return;
    }
    const double zoom = std::min((width() - 2 * kFitMargin) / bounds.width(), (height() - 2 * kFitMargin) / bounds.height());
    m_centre = bounds.center();
    m_zoom = std::clamp(std::min(zoom, 1.5), kMinZoom, kMaxZoom);
    invalidate();
}

QTransform LinkChartView::sceneToWidget() const
{
    QTransform transform;
    transform.translate(width() / 2.0, height() / 2.0);
    transform.scale(m_zoom, m_zoom);
    transform.translate(-m_centre.x(), -m_centre.y());
    return transform;
}

QPointF LinkChartView::mapToScene(QPointF widgetPoint) const
{
    return (widgetPoint - QPointF(width() / 2.0, height() / 2.0)) / m_zoom + m_centre;
}

QPointF LinkChartView::mapFromScene(QPointF scenePoint) const
{
    return (scenePoint - m_centre) * m_zoom + QPointF(width() / 2.0, height() / 2.0);
}

QRectF LinkChartView::visibleSceneRect() const
{
    return QRectF(mapToScene(QPointF(0, 0)), mapToScene(QPointF(width(), height())));
}

bool LinkChartView::exportTo(const QString &path, QString *error, const graph::ExportOptions &options) const
{
    try {
        graph::GraphExport::write(m_scene, path, options);
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

void LinkChartView::invalidate()
{
    m_cacheValid = false;
    update();
}

void LinkChartView::renderCache()
{
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * ratio).toSize();
    if (m_cache.size() != pixels)
        m_cache = QPixmap(pixels);
    m_cache.setDevicePixelRatio(ratio);
    QPainter painter(&m_cache);
    painter.fillRect(rect(), graph::GraphRenderer::backgroundColour());
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    m_renderer.paint(painter, m_scene, sceneToWidget(), visibleSceneRect());
    m_cacheValid = true;
    m_cacheRevision = m_scene.revision();
}

void LinkChartView::paintEvent(QPaintEvent *)
{
    if (m_fitPending && isVisible()) {
        m_fitPending = false;
        fitToView();
    }
    if (!m_cacheValid || m_cacheRevision != m_scene.revision())
        renderCache();
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_cache);
    if (m_renderer.skippedEdges() > 0) {
        // Say so when the frame budget left weak flows out, so nobody reads absence into it.
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 0, -8, -6), Qt::AlignLeft | Qt::AlignBottom,
                         tr("%n weaker flow(s) not drawn at this zoom: zoom in or filter to see them.", nullptr,
                            m_renderer.skippedEdges()));
    }
    if (m_scene.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No chart yet: start from a subject, an alert or a selection."));
    }
    if (m_drag == Drag::RubberBand) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(40);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        painter.setBrush(fill);
        painter.drawRect(m_rubberBand.normalized());
    }
}

void LinkChartView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitPending)
        fitToView();
    invalidate();
}

std::int32_t LinkChartView::nodeAtWidget(QPointF widgetPoint) const
{
    return m_scene.nodeAt(mapToScene(widgetPoint), kPickTolerance / m_zoom);
}

void LinkChartView::selectOnly(std::int32_t node)
{
    m_scene.clearSelection();
    if (node >= 0)
        m_scene.setSelected(node, true);
}

void LinkChartView::emitSelection()
{
    invalidate();
    emit selectionChanged(selectedIds());
}

void LinkChartView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

void LinkChartView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_dragMoved = false;
    if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    const bool extend = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    const std::int32_t node = nodeAtWidget(event->position());
    if (node >= 0) {
        if (extend) {
            m_scene.setSelected(node, !m_scene.isSelected(node));
            emitSelection();
            m_drag = Drag::None;
            return;
        }
        if (!m_scene.isSelected(node)) {
            selectOnly(node);
            emitSelection();
        }
        m_drag = Drag::Node;
        m_pressedNode = node;
        m_movingNodes = m_scene.selectedNodes();
        return;
    }
    if (extend) {
        m_drag = Drag::RubberBand;
        m_rubberBand = QRectF(event->position(), QSizeF());
        return;
    }
    m_drag = Drag::Pan;
    setCursor(Qt::ClosedHandCursor);
}

void LinkChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!m_dragMoved && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    m_dragMoved = true;
    const QPointF delta = pos - m_lastPos;
    m_lastPos = pos;
    switch (m_drag) {
    case Drag::Pan:
        m_centre -= delta / m_zoom;
        invalidate();
        break;
    case Drag::Node:
        for (const std::int32_t node : m_movingNodes) {
            m_scene.setPosition(node, m_scene.position(node) + delta / m_zoom);
            m_scene.setPinned(node, true);
        }
        invalidate();
        break;
    case Drag::RubberBand:
        m_rubberBand.setBottomRight(pos);
        update();
        break;
    case Drag::None:
        break;
    }
}

void LinkChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (drag == Drag::Node && m_dragMoved) {
        for (const std::int32_t node : m_movingNodes)
            emit nodeMoved(m_scene.graph().nodes()[std::size_t(node)].id, m_scene.position(node));
    } else if (drag == Drag::Node && m_scene.selectedNodes().size() > 1) {
        // A plain click on one of several selected nodes narrows the selection to it.
        selectOnly(m_pressedNode);
        emitSelection();
    } else if (drag == Drag::Pan && !m_dragMoved && event->button() == Qt::LeftButton && m_scene.hasSelection()) {
        // A click on empty space clears the selection.
        m_scene.clearSelection();
        emitSelection();
    } else if (drag == Drag::RubberBand) {
        // Shift-drag adds what the band covers to the selection.
        const QRectF area(mapToScene(m_rubberBand.normalized().topLeft()), mapToScene(m_rubberBand.normalized().bottomRight()));
        for (const std::int32_t node : m_scene.nodesIn(area))
            m_scene.setSelected(node, true);
        emitSelection();
    }
    m_movingNodes.clear();
    update();
}

void LinkChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const std::int32_t node = nodeAtWidget(event->position());
    if (node >= 0 && event->button() == Qt::LeftButton)
        emit nodeActivated(m_scene.graph().nodes()[std::size_t(node)].id);
}

void LinkChartView::keyPressEvent(QKeyEvent *event)
{
    const QPointF middle(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kKeyZoom, middle);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / kKeyZoom, middle);
        return;
    case Qt::Key_0:
        fitToView();
        return;
    case Qt::Key_Left:
        m_centre.rx() -= kKeyPan / m_zoom;
        break;
    case Qt::Key_Right:
        m_centre.rx() += kKeyPan / m_zoom;
        break;
    case Qt::Key_Up:
        m_centre.ry() -= kKeyPan / m_zoom;
        break;
    case Qt::Key_Down:
        m_centre.ry() += kKeyPan / m_zoom;
        break;
    case Qt::Key_Escape:
        if (m_scene.hasSelection()) {
            m_scene.clearSelection();
            emitSelection();
        }
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    invalidate();
}

void LinkChartView::contextMenuEvent(QContextMenuEvent *event)
{
    const std::int32_t node = nodeAtWidget(event->pos());
    if (node >= 0 && !m_scene.isSelected(node)) {
        selectOnly(node);
        emitSelection();
    }
    emit contextMenuRequested(selectedIds(), event->globalPos());
}

bool LinkChartView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    QString text;
    const std::int32_t node = nodeAtWidget(help->pos());
    if (node >= 0) {
        text = nodeToolTip(node);
    } else {
        const std::int32_t edge = m_scene.edgeAt(mapToScene(help->pos()), kPickTolerance / m_zoom);
        if (edge >= 0)
            text = edgeToolTip(edge);
    }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

QString LinkChartView::nodeToolTip(std::int32_t index) const
{
    const graph::GraphNode &node = m_scene.graph().nodes()[std::size_t(index)];
    QString text = QStringLiteral("<b>%1</b><br>%2").arg(node.label.toHtmlEscaped(), graph::GraphRenderer::kindTitle(node.kind));
    if (node.seed)
        text += tr(" · starting point");
    else if (node.hop > 0)
        text += tr(" · %n hop(s) from the start", nullptr, node.hop);
    text += tr("<br>Risk %1 · alerts %2 · screening hits %3 · notes %4")
                .arg(node.marks.risk)
                .arg(node.marks.alerts)
                .arg(node.marks.hits)
                .arg(node.marks.annotations);
    if (m_scene.isPinned(index))
        text += tr("<br><i>Pinned</i>");
    return text;
}

QString LinkChartView::edgeToolTip(std::int32_t index) const
{
    const graph::GraphEdge &edge = m_scene.graph().edges()[std::size_t(index)];
    const auto &nodes = m_scene.graph().nodes();
    QString text = QStringLiteral("<b>%1 → %2</b>")
                       .arg(nodes[std::size_t(edge.from)].label.toHtmlEscaped(), nodes[std::size_t(edge.to)].label.toHtmlEscaped());
    for (const graph::CurrencyAmount &total : edge.totals)
        text += QStringLiteral("<br>") + model::formatAmount(total.amountMinor, total.currency.toStdString());
    text += tr("<br>%n transfer(s), %1 to %2", nullptr, int(std::min<std::int64_t>(edge.count, INT32_MAX)))
                .arg(dateOf(edge.firstAt), dateOf(edge.lastAt));
    return text;
}

} // namespace fundtrace::ui
