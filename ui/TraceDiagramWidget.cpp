#include "TraceDiagramWidget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <algorithm>

namespace fundtrace::ui {

namespace {

// Narrower columns cut every label to a few letters.
constexpr int kMinColumnWidth = 210;

} // namespace

TraceDiagramWidget::TraceDiagramWidget(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollBar(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("traceDiagram"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_scroll->hide();
    connect(m_scroll, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
}

int TraceDiagramWidget::diagramWidth() const
{
    const int columns = m_diagram ? m_diagram->columnCount() : 1;
    return std::max(width(), 300 + kMinColumnWidth * std::max(columns - 1, 1));
}

void TraceDiagramWidget::updateScrollBar()
{
    const int overflow = diagramWidth() - width();
    m_scroll->setVisible(m_diagram && overflow > 0);
    m_scroll->setRange(0, std::max(overflow, 0));
    m_scroll->setPageStep(width());
    m_scroll->setSingleStep(kMinColumnWidth / 4);
    const int height = m_scroll->sizeHint().height();
    m_scroll->setGeometry(0, this->height() - height, width(), height);
}

void TraceDiagramWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateScrollBar();
}

void TraceDiagramWidget::setDiagram(std::shared_ptr<graph::TraceDiagram> diagram)
{
    m_diagram = std::move(diagram);
    m_scroll->setValue(0);
    updateScrollBar();
    update();
}

void TraceDiagramWidget::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

void TraceDiagramWidget::setHighlightedPath(int path)
{
    if (!m_diagram || m_diagram->highlightedPath() == path)
        return;
    m_diagram->setHighlightedPath(path);
    update();
}

QSize TraceDiagramWidget::sizeHint() const
{
    // Not the diagram's preferred size: the paths table below needs its share of the page.
    return { 900, 480 };
}

QSize TraceDiagramWidget::minimumSizeHint() const
{
    return { 480, 280 };
}

void TraceDiagramWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_diagram) {
        // Long trails (money that went round loops) keep readable columns and scroll sideways.
        const int bottom = m_scroll->isVisible() ? m_scroll->geometry().top() : height();
        m_diagram->paint(painter, QRectF(-m_scroll->value(), 0, diagramWidth(), bottom));
        return;
    }
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

bool TraceDiagramWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_diagram ? m_diagram->toolTip(m_diagram->hitTest(help->pos())) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

int TraceDiagramWidget::largestPathThrough(int node) const
{
    // Paths are largest first, so the smallest index on any band at the box is the largest.
    int best = -1;
    for (const graph::TraceDiagram::Band &band : m_diagram->bands()) {
        if (band.from != node && band.to != node)
            continue;
        for (const auto &share : band.paths) {
            if (best < 0 || share.first < best)
                best = share.first;
        }
    }
    return best;
}

void TraceDiagramWidget::mousePressEvent(QMouseEvent *event)
{
    if (!m_diagram || event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const graph::TraceDiagram::Hit hit = m_diagram->hitTest(event->position());
    const int path = hit.path >= 0 ? hit.path : hit.node >= 0 ? largestPathThrough(hit.node) : -1;
    if (path >= 0)
        emit pathClicked(path);
}

void TraceDiagramWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_diagram || event->button() != Qt::LeftButton)
        return QWidget::mouseDoubleClickEvent(event);
    const graph::TraceDiagram::Hit hit = m_diagram->hitTest(event->position());
    if (hit.node < 0)
        return;
    const graph::TraceDiagram::Node &node = m_diagram->nodes()[std::size_t(hit.node)];
    if ((node.kind == graph::TraceDiagram::NodeKind::Account || node.kind == graph::TraceDiagram::NodeKind::Anchor)
        && !node.accounts.empty())
        emit accountActivated(m_diagram->accountId(node.accounts.front()));
}

} // namespace fundtrace::ui
