#include "DetailPages.h"

#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fundtrace::ui {

QWidget *makeBusyPage(QLabel *text, QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *bar = new QProgressBar(page);
    bar->setRange(0, 0);
    bar->setMaximumWidth(320);
    text->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addWidget(bar, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

DetailPages::DetailPages(const QString &busyText, QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedWidget(this))
    , m_busyText(new QLabel(busyText, this))
    , m_refreshBar(new QProgressBar(this))
    , m_scroll(new QScrollArea(this))
{
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_pages->addWidget(makeBusyPage(m_busyText, m_pages));
    m_pages->addWidget(m_scroll);

    m_refreshBar->setRange(0, 0);
    m_refreshBar->setMaximumHeight(4);
    m_refreshBar->setTextVisible(false);
    m_refreshBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_refreshBar);
    layout->addWidget(m_pages);
}

void DetailPages::setRefreshing(bool refreshing)
{
    m_refreshBar->setVisible(refreshing);
}

void DetailPages::showFailure(const QString &text)
{
    m_busyText->setText(text);
}

void DetailPages::setContent(QWidget *content)
{
    const int scrolled = m_scroll->verticalScrollBar()->value();
    m_scroll->setWidget(content); // deletes the previous content
    m_scroll->verticalScrollBar()->setValue(scrolled);
    m_pages->setCurrentWidget(m_scroll);
}

QTableWidget *DetailPages::table(const QString &objectName) const
{
    return m_scroll->widget() ? m_scroll->widget()->findChild<QTableWidget *>(objectName) : nullptr;
}

} // namespace fundtrace::ui
