#include "LogPanel.h"

#include "Icons.h"
#include "LogModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fundtrace::ui {

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_level(new QComboBox(this))
    , m_view(new QTableView(this))
{
    m_level->addItem(tr("Debug and above"), int(spdlog::level::debug));
    m_level->addItem(tr("Info and above"), int(spdlog::level::info));
    m_level->addItem(tr("Warnings and errors"), int(spdlog::level::warn));
    m_level->addItem(tr("Errors only"), int(spdlog::level::err));
    m_level->setCurrentIndex(1);
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setMinimumLevel(static_cast<spdlog::level::level_enum>(m_level->currentData().toInt()));
    });

    auto *clear = new QToolButton(this);
    clear->setIcon(icon("clear"));
    clear->setToolTip(tr("Clear the log view"));
    clear->setAutoRaise(true);
    connect(clear, &QToolButton::clicked, m_model, &LogModel::clear);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(LogModel::Time, digit * 14);
    m_view->setColumnWidth(LogModel::Level, digit * 10);
    m_view->setColumnWidth(LogModel::Area, digit * 9);

    // Follow new messages only while the user is looking at the newest ones.
    connect(m_model, &LogModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        const bool atBottom = bar->value() >= bar->maximum() - 2;
        if (atBottom)
            QMetaObject::invokeMethod(m_view, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_level);
    bar->addStretch();
    bar->addWidget(clear);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view);
}

} // namespace fundtrace::ui
