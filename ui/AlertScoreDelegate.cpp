#include "AlertScoreDelegate.h"

#include "AlertTableModel.h"

#include <QApplication>
#include <QPainter>

namespace fundtrace::ui {

void AlertScoreDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const int score = std::clamp(index.data(AlertTableModel::kScoreRole).toInt(), 0, 100);
    const bool active = index.data(AlertTableModel::kActiveRole).toBool();
    QColor colour = AlertTableModel::scoreColour(score);
    if (!active)
        colour = QColor(0xbd, 0xc3, 0xc7);
    const QRect area = option.rect.adjusted(4, 4, -4, -4);
    const int width = std::max(area.height(), area.width() * score / 100);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xec, 0xef, 0xf1));
    painter->drawRoundedRect(area, 3, 3);
    painter->setBrush(colour);
    painter->drawRoundedRect(QRect(area.topLeft(), QSize(width, area.height())), 3, 3);
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(score >= 40 && active ? Qt::white : QColor(0x1f, 0x29, 0x37));
    painter->drawText(area.adjusted(6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, QString::number(score));
    painter->restore();
}

QSize AlertScoreDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("000")) * 3));
    return size;
}

} // namespace fundtrace::ui
