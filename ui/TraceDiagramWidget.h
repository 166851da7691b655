#pragma once

#include "graph/TraceDiagram.h"

#include <QWidget>
#include <memory>

class QScrollBar;

namespace fundtrace::ui {

// Paints a trace's flow diagram at the widget's size (wider, with a scroll bar, when a long trail
// needs more columns than fit), with a tooltip for the box or band under the mouse. A click on a band picks the path under the pointer, a click on a box the largest
// path through it; a double click on an account's box asks to open that account.
class TraceDiagramWidget : public QWidget {
    Q_OBJECT

public:
    explicit TraceDiagramWidget(QWidget *parent = nullptr);

    // Null shows `emptyText` instead.
    void setDiagram(std::shared_ptr<graph::TraceDiagram> diagram);
    const graph::TraceDiagram *diagram() const { return m_diagram.get(); }
    void setEmptyText(const QString &text);
    void setHighlightedPath(int path);
    int highlightedPath() const { return m_diagram ? m_diagram->highlightedPath() : -1; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void pathClicked(int path);
    void accountActivated(std::int64_t accountId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int largestPathThrough(int node) const;
    int diagramWidth() const;
    void updateScrollBar();

    std::shared_ptr<graph::TraceDiagram> m_diagram;
    QString m_emptyText;
    QScrollBar *m_scroll;
};

} // namespace fundtrace::ui
