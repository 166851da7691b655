#pragma once

#include "graph/GraphViewStore.h"
#include "graph/LinkChart.h"

#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;

namespace fundtrace::ui {

class GraphMetricsModel;
class LinkChartView;
class LinkChartWorker;

// The link chart as a page of the central tabs: who paid whom, drawn from a subject, an alert,
// a selection or the whole case, with the filters that shape it (node mode, hops, direction,
// dates, minimum amount), the hand edits an investigator makes (expand, hide, group, pin, move),
// node size and colour by analytics, a sortable table of the nodes' measures, named views kept
// in the case, and export to PNG, SVG and PDF. Charts are made off the GUI thread; a node keeps
// its place when the chart grows around it.
class LinkChartPanel : public QWidget {
    Q_OBJECT

public:
    explicit LinkChartPanel(QWidget *parent = nullptr);
    ~LinkChartPanel() override;

    // Empty closes.
    void setCasePath(const QString &path);
    // The case's data changed: draw the current chart again from it.
    void refresh();

    void showSubjects(const QList<qint64> &subjectIds);
    void showAccounts(const QList<qint64> &accountIds);
    void showAlert(qint64 alertId);
    void showWholeCase();
    bool openView(const QString &name);
    bool saveView(const QString &name, QString *error = nullptr);
    QStringList savedViews() const;
    bool exportChart(const QString &path, QString *error = nullptr) const;

    // Narrows the chart to a period (UTC; invalid = open), e.g. one brushed on the timeline.
    void setPeriod(const QDateTime &from, const QDateTime &to);
    // Draws these nodes as one (edges among them disappear, edges out are summed); false when
    // fewer than two of them are on the chart. Groups are not nested.
    bool groupNodes(const QList<qint64> &nodeIds, const QString &label);
    // Dissolves the groups with these node ids; false when none is a group.
    bool ungroup(const QList<qint64> &groupIds);
    // Selects the strongest money trail between the two selected nodes; false when there is none.
    bool selectStrongestPath();

    // Selects the nodes of these subjects (subject mode) without emitting selectionChanged.
    void selectSubjects(const QList<qint64> &subjectIds);

    bool isBusy() const;
    bool hasChart() const { return m_chart != nullptr; }
    const graph::LinkChart *chart() const { return m_chart.get(); }
    const graph::GraphView &currentView() const { return m_view; }
    LinkChartView *view() const { return m_chartView; }
    QTableView *metricsTable() const { return m_table; }

signals:
    void chartReady(const QString &summary);
    void chartFailed(const QString &message);
    // Double-click on a node: a subject (subject mode) or an account (account mode).
    void subjectActivated(qint64 subjectId);
    void accountActivated(qint64 accountId);
    // The subjects selected on the chart (subject mode only).
    void subjectsSelected(const QList<qint64> &subjectIds);
    void traceRequested(qint64 subjectId);

private:
    QWidget *buildToolBar();
    void createActions();
    void request(bool keepPositions);
    void start(const graph::GraphSeeds &seeds);
    void readFilter();
    void showChannelCount();
    void onReady(std::shared_ptr<const graph::LinkChart> chart, const graph::GraphView &view);
    void applyStyle();
    void onSelectionChanged(const QList<qint64> &ids);
    void onTableSelection();
    void onNodeActivated(qint64 id);
    void showContextMenu(const QList<qint64> &ids, const QPoint &globalPos);
    void rememberPositions();
    QList<qint64> selectedIds() const;
    void expandSelected();
    void hideSelected();
    void groupSelected();
    void ungroupSelected();
    void togglePinSelected();
    void relayout();
    void saveViewAs();
    void exportAs();
    void reloadViewList();
    void updateActions();

    QString m_casePath;
    graph::GraphView m_view;
    // One graph, shared by the metrics table and the scene.
    std::shared_ptr<const graph::LinkChart> m_chart;
    bool m_syncing = false;

    LinkChartWorker *m_worker;
    LinkChartView *m_chartView;
    GraphMetricsModel *m_metrics;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
    QLabel *m_status;
    QLabel *m_empty;
    QComboBox *m_mode;
    QComboBox *m_layout;
    QSpinBox *m_hops;
    QComboBox *m_direction;
    QDateEdit *m_since;
    QDateEdit *m_until;
    QDoubleSpinBox *m_minAmount;
    QToolButton *m_channels;
    QComboBox *m_sizeBy;
    QComboBox *m_colourBy;
    QComboBox *m_views;
    QAction *m_cancel;
    QAction *m_expand;
    QAction *m_hide;
    QAction *m_group;
    QAction *m_ungroup;
    QAction *m_pin;
    QAction *m_relayout;
    QAction *m_fit;
    QAction *m_save;
    QAction *m_export;
    QAction *m_trace;
    QAction *m_path;
};

} // namespace fundtrace::ui
