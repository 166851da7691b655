#pragma once

#include <QVector>
#include <QWidget>
#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace fundtrace::ui {

class AlertTableModel;

// The alerts dock: every alert of the case with its score, typology, subjects and state, narrowed
// by typology (with counts), minimum score, state, subject and whether closed alerts show.
// Activating a row asks to open the alert; the selected alerts can be triaged together. The
// panel only asks (signals); the window carries decisions out.
class AlertsPanel : public QWidget {
    Q_OBJECT

public:
    explicit AlertsPanel(QWidget *parent = nullptr);

    AlertTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setCasePath(const QString &path);
    // Only the alerts on this subject (any member id); 0 shows every subject's.
    void setSubject(std::int64_t subjectId, const QString &name);
    QVector<std::int64_t> selectedAlerts() const;

signals:
    void openAlertRequested(std::int64_t alertId);
    void triageRequested(const QVector<std::int64_t> &alertIds, const QString &state);
    void undoRequested();

private:
    void applyFilter();
    void updateTypologies();
    void updateStatus();
    void updateButtons();
    void showContextMenu(const QPoint &position);

    AlertTableModel *m_model;
    QComboBox *m_typology;
    QSpinBox *m_minScore;
    QToolButton *m_states;
    QCheckBox *m_showClosed;
    QWidget *m_subjectBox;
    QLabel *m_subjectLabel;
    QTableView *m_view;
    QLabel *m_status;
    QVector<QPushButton *> m_triageButtons;
    std::int64_t m_subjectId = 0;
};

} // namespace fundtrace::ui
