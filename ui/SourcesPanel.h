#pragma once

#include "query/SourceQuery.h"

#include <QWidget>
#include <cstdint>
#include <vector>

class QTableView;

namespace fundtrace::ui {

class SourceTableModel;

// The sources dock: every imported file with how it was read and what came of it. Activating a
// source (double-click or Enter) asks to show only its transactions.
class SourcesPanel : public QWidget {
    Q_OBJECT

public:
    explicit SourcesPanel(QWidget *parent = nullptr);

    void setSources(std::vector<query::SourceRow> sources);
    SourceTableModel *model() const { return m_model; }

signals:
    void showSourceRequested(std::int64_t sourceId);

private:
    void showContextMenu(const QPoint &position);

    SourceTableModel *m_model;
    QTableView *m_view;
};

} // namespace fundtrace::ui
