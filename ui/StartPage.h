#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace fundtrace::ui {

// What the main window shows while no case is open: start a case, open one, open the demo, or
// pick up a recent case.
class StartPage : public QWidget {
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    void setRecentCases(const QStringList &paths);

signals:
    void newCaseRequested();
    void openCaseRequested();
    void openDemoRequested();
    void recentCaseRequested(const QString &path);

private:
    QListWidget *m_recent;
    QStackedWidget *m_recentStack;
};

} // namespace fundtrace::ui
