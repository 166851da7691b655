#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QScrollArea;
class QStackedWidget;
class QTableWidget;

namespace fundtrace::ui {

// A page saying work is under way: `text` centred above an endless progress bar. `text` is
// reparented onto the page, so its owner can change it while the page shows.
QWidget *makeBusyPage(QLabel *text, QWidget *parent);

// The frame of a detail page loaded off the GUI thread (a subject's profile, an alert): a busy
// page until the first load arrives, then the scrolled content. A later reload keeps the content
// readable under a thin busy bar, and a rebuilt content keeps the reader's scroll position.
class DetailPages : public QWidget {
    Q_OBJECT

public:
    DetailPages(const QString &busyText, QWidget *parent = nullptr);

    // The thin bar over loaded content while it reloads.
    void setRefreshing(bool refreshing);
    // Replaces the busy text, for a first load that failed.
    void showFailure(const QString &text);
    // Shows `content` (taking it over and deleting the previous one) where the reader had scrolled.
    void setContent(QWidget *content);
    QTableWidget *table(const QString &objectName) const;

private:
    QStackedWidget *m_pages;
    QLabel *m_busyText;
    QProgressBar *m_refreshBar;
    QScrollArea *m_scroll;
};

} // namespace fundtrace::ui
