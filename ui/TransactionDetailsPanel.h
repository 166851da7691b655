#pragma once

#include "query/TransactionQuery.h"

#include <QTimeZone>
#include <QWidget>
#include <optional>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace fundtrace::ui {

// Every field of the selected transaction, grouped, with where it came from (source file and
// row, and the date as written there), for the details dock.
class TransactionDetailsPanel : public QWidget {
    Q_OBJECT

public:
    explicit TransactionDetailsPanel(QWidget *parent = nullptr);

    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    void setTransaction(const std::optional<query::TransactionRow> &row);
    const std::optional<query::TransactionRow> &transaction() const { return m_row; }
    // The value shown for a field label, for tests and copy.
    QString valueOf(const QString &label) const;

private:
    QTreeWidgetItem *addGroup(const QString &title);
    void addField(QTreeWidgetItem *group, const QString &label, const QString &value);
    void showContextMenu(const QPoint &position);

    QTimeZone m_zone = QTimeZone::utc();
    std::optional<query::TransactionRow> m_row;
    QStackedWidget *m_stack;
    QLabel *m_hint;
    QTreeWidget *m_tree;
};

} // namespace fundtrace::ui
