#pragma once

#include <QVector>
#include <QWidget>
#include <cstdint>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fundtrace::ui {

class SubjectTableModel;

// The subjects dock: every resolved subject with money in and out, found by any spelling or
// identifier typed in the search box (applied after a short pause) and narrowed by kind.
// Activating a row (Enter or double-click) asks to open its profile; several selected rows can
// be merged.
class SubjectsPanel : public QWidget {
    Q_OBJECT

public:
    explicit SubjectsPanel(QWidget *parent = nullptr);

    SubjectTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    void setCasePath(const QString &path);
    void focusSearch();
    QVector<std::int64_t> selectedSubjects() const;
    // Selects the rows of these subjects that are loaded, without emitting subjectsSelected
    // (the link chart's selection mirrored here).
    void selectSubjects(const QList<qint64> &subjectIds);

signals:
    void openProfileRequested(std::int64_t subjectId);
    void mergeRequested(const QVector<std::int64_t> &subjectIds);
    void subjectsSelected(const QList<qint64> &subjectIds);
    void linkChartRequested(const QList<qint64> &subjectIds);
    void traceRequested(qint64 subjectId);
    void activityRequested(const QList<qint64> &subjectIds, const QString &title);

private:
    void applyKind();
    void updateStatus();
    void showContextMenu(const QPoint &position);

    SubjectTableModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_kind;
    QTableView *m_view;
    bool m_mirroring = false;
    QLabel *m_status;
    QPushButton *m_merge;
    QTimer *m_debounce;
};

} // namespace fundtrace::ui
