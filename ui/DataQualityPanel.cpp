#include "DataQualityPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fundtrace::ui {

DataQualityPanel::DataQualityPanel(QWidget *parent)
    : QWidget(parent)
    , m_empty(new QLabel(tr("No data-quality findings: every statement with balances reconciles and "
                            "consecutive statements leave no gaps."), this))
    , m_table(new QTableWidget(0, 3, this))
{
    m_empty->setWordWrap(true);
    m_empty->setMargin(8);
    m_table->setObjectName(QStringLiteral("dataQualityTable"));
    m_table->setHorizontalHeaderLabels({ tr("Severity"), tr("Source"), tr("Finding") });
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(m_table);
    setFindings({});
}

void DataQualityPanel::setFindings(const std::vector<query::DataQualityFinding> &findings)
{
    m_table->setRowCount(static_cast<int>(findings.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const query::DataQualityFinding &finding = findings[static_cast<std::size_t>(row)];
        auto *severity = new QTableWidgetItem(finding.severity);
        if (finding.severity != QLatin1String("info"))
            severity->setForeground(finding.severity == QLatin1String("error") ? QColor(0xa8, 0x32, 0x32)
                                                                               : QColor(0xa8, 0x6a, 0x00));
        m_table->setItem(row, 0, severity);
        m_table->setItem(row, 1, new QTableWidgetItem(QStringLiteral("#%1 %2").arg(finding.sourceId).arg(finding.sourceFile)));
        auto *message = new QTableWidgetItem(finding.message);
        message->setToolTip(finding.message);
        m_table->setItem(row, 2, message);
    }
    m_table->resizeRowsToContents();
    m_empty->setVisible(findings.empty());
    m_table->setVisible(!findings.empty());
}

int DataQualityPanel::findingCount() const
{
    return m_table->rowCount();
}

} // namespace fundtrace::ui
