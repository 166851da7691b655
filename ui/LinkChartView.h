#pragma once

#include "graph/GraphExport.h"
#include "graph/GraphRenderer.h"
#include "graph/GraphScene.h"

#include <QList>
#include <QPixmap>
#include <QWidget>
#include <functional>

namespace fundtrace::ui {

// The link chart: draws a GraphScene in one painter pass (no item per node), zooms with the wheel
// around the cursor and with + / - / 0, pans by dragging empty space or with the arrow keys,
// selects by click, Shift-click and Shift-drag (rubber band), and moves nodes by dragging them,
// which pins them. The last frame is kept as a pixmap and redrawn only when the view or the
// scene changes; layouts are never run here. setSelectedIds() does not emit selectionChanged,
// so tables and the chart can follow each other without loops.
class LinkChartView : public QWidget {
    Q_OBJECT

public:
    explicit LinkChartView(QWidget *parent = nullptr);

    // A new chart, fitted to the view.
    void setScene(graph::GraphScene scene);
    const graph::GraphScene &scene() const { return m_scene; }
    // Applies an edit to the scene (sizes, colours, hidden nodes, positions) and redraws.
    void editScene(const std::function<void(graph::GraphScene &)> &edit);
    // New positions for the same graph (a finished layout); selection and pins are kept.
    void setPositions(std::vector<QPointF> positions);

    std::vector<QPointF> positions() const { return m_scene.positions(); }
    std::vector<QPointF> pinnedPositions() const { return m_scene.pinnedPositions(); } // NaN = free
    QList<qint64> pinnedIds() const;
    void setPinnedIds(const QList<qint64> &ids);
    QList<qint64> selectedIds() const;
    void setSelectedIds(const QList<qint64> &ids);

    // Screen pixels per scene unit, and the scene point shown at the middle of the widget.
    double zoom() const { return m_zoom; }
    QPointF centre() const { return m_centre; }
    void setView(QPointF centre, double zoom);
    void zoomBy(double factor, QPointF anchor); // anchor in widget coordinates stays put
    void fitToView();
    QPointF mapToScene(QPointF widgetPoint) const;
    QPointF mapFromScene(QPointF scenePoint) const;
    QRectF visibleSceneRect() const;

    // Writes the whole chart (not just what is in view) as PNG, SVG or PDF by the suffix.
    bool exportTo(const QString &path, QString *error, const graph::ExportOptions &options = {}) const;

    static constexpr double kMinZoom = 0.002;
    static constexpr double kMaxZoom = 8.0;

signals:
    void selectionChanged(const QList<qint64> &ids);
    void nodeActivated(qint64 id);
    void contextMenuRequested(const QList<qint64> &ids, const QPoint &globalPos);
    void nodeMoved(qint64 id, const QPointF &position);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    enum class Drag { None, Pan, Node, RubberBand };

    QTransform sceneToWidget() const;
    std::int32_t nodeAtWidget(QPointF widgetPoint) const;
    QString nodeToolTip(std::int32_t node) const;
    QString edgeToolTip(std::int32_t edge) const;
    void selectOnly(std::int32_t node);
    void emitSelection();
    void invalidate();
    void renderCache();

    graph::GraphScene m_scene;
    graph::GraphRenderer m_renderer;
    double m_zoom = 1.0;
    QPointF m_centre;
    bool m_fitPending = true; // fit once the widget has its real size

    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    bool m_dragMoved = false;
    std::int32_t m_pressedNode = -1;
    std::vector<std::int32_t> m_movingNodes;
    QRectF m_rubberBand; // widget coordinates

    QPixmap m_cache;
    bool m_cacheValid = false;
    std::uint64_t m_cacheRevision = 0;
};

} // namespace fundtrace::ui
