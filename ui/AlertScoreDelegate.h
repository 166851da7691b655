#pragma once

#include <QStyledItemDelegate>

namespace fundtrace::ui {

// Draws an alert's score as a coloured bar with the number on it, so the strongest alerts stand
// out when scanning the list (red from 80, orange from 60, yellow from 40, grey below).
class AlertScoreDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace fundtrace::ui
