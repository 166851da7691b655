#include "SourcesPanel.h"

#include "Icons.h"
#include "SourceTableModel.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QVBoxLayout>

namespace fundtrace::ui {

SourcesPanel::SourcesPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SourceTableModel(this))
    , m_view(new QTableView(this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(SourceTableModel::File, digit * 24);
    m_view->setColumnWidth(SourceTableModel::Format, digit * 7);
    m_view->setColumnWidth(SourceTableModel::Encoding, digit * 13);
    m_view->setColumnWidth(SourceTableModel::Imported, digit * 10);
    m_view->setColumnWidth(SourceTableModel::Rejected, digit * 9);
    m_view->setColumnWidth(SourceTableModel::Read, digit * 10);
    m_view->setColumnWidth(SourceTableModel::ImportedAt, digit * 17);
    m_view->setColumnWidth(SourceTableModel::ImportedBy, digit * 10);
    m_view->setColumnWidth(SourceTableModel::Size, digit * 10);
    m_view->setToolTip(tr("Double-click a file to show only its transactions"));

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const query::SourceRow *source = m_model->sourceAt(index.row()))
            emit showSourceRequested(source->id);
    });
    connect(m_view, &QTableView::customContextMenuRequested, this, &SourcesPanel::showContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void SourcesPanel::setSources(std::vector<query::SourceRow> sources)
{
    m_model->setSources(std::move(sources));
}

void SourcesPanel::showContextMenu(const QPoint &position)
{
    const query::SourceRow *source = m_model->sourceAt(m_view->indexAt(position).row());
    if (!source)
        return;
    const std::int64_t id = source->id;
    const QString path = source->filePath;
    const QString sha = source->sha256;
    QMenu menu(this);
    menu.addAction(icon("filter"), tr("Show only this source's transactions"), this,
                   [this, id] { emit showSourceRequested(id); });
    menu.addSeparator();
    menu.addAction(tr("Copy file path"), this, [path] { QApplication::clipboard()->setText(path); });
    menu.addAction(tr("Copy SHA-256"), this, [sha] { QApplication::clipboard()->setText(sha); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace fundtrace::ui
