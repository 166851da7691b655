#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace fundtrace::ui {

class LogModel;

// The application log (all areas: db, import, ui, ...) with a level filter, for the log dock.
class LogPanel : public QWidget {
    Q_OBJECT

public:
    explicit LogPanel(QWidget *parent = nullptr);
    LogModel *model() const { return m_model; }

private:
    LogModel *m_model;
    QComboBox *m_level;
    QTableView *m_view;
};

} // namespace fundtrace::ui
