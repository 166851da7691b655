#include "TransactionDetailsPanel.h"

#include "model/Currency.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fundtrace::ui {
namespace {

QString money(std::int64_t minor, const QString &currency)
{
    return model::formatAmount(minor, currency.toStdString());
}

} // namespace

TransactionDetailsPanel::TransactionDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_hint(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_hint->setText(tr("Select a transaction to see all its fields and the file and row it came from."));
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setMargin(16);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Field"), tr("Value") });
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(8);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, m_tree->fontMetrics().horizontalAdvance(QStringLiteral("Counterparty tax ID ")) + 16);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &TransactionDetailsPanel::showContextMenu);

    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QTreeWidgetItem *TransactionDetailsPanel::addGroup(const QString &title)
{
    auto *group = new QTreeWidgetItem(m_tree, { title });
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    group->setFirstColumnSpanned(true);
    group->setFlags(Qt::ItemIsEnabled);
    group->setExpanded(true);
    return group;
}

void TransactionDetailsPanel::addField(QTreeWidgetItem *group, const QString &label, const QString &value)
{
    auto *item = new QTreeWidgetItem(group, { label, value.isEmpty() ? QStringLiteral("—") : value });
    item->setToolTip(1, value);
    if (value.isEmpty())
        item->setForeground(1, m_tree->palette().placeholderText());
}

void TransactionDetailsPanel::setTransaction(const std::optional<query::TransactionRow> &row)
{
    m_row = row;
    m_tree->clear();
    if (!row) {
        m_stack->setCurrentWidget(m_hint);
        return;
    }
    const query::TransactionRow &tx = *row;
    const QDateTime booked = QDateTime::fromSecsSinceEpoch(tx.bookedAt, m_zone);

    QTreeWidgetItem *main = addGroup(tr("Transaction"));
    addField(main, tr("Booked"), tr("%1 (%2)").arg(booked.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                                  QString::fromUtf8(m_zone.id())));
    addField(main, tr("Booked, UTC"), booked.toUTC().toString(Qt::ISODate));
    addField(main, tr("Direction"), tx.direction == QLatin1String("C") ? tr("Credit (money in)")
                                                                      : tr("Debit (money out)"));
    addField(main, tr("Amount"), money(tx.amountMinor, tx.currency));
    if (tx.amount2Minor)
        addField(main, tr("Second amount"), money(*tx.amount2Minor, tx.currency2));
    addField(main, tr("Channel"), tx.channel);
    addField(main, tr("Purpose"), tx.purpose);
    addField(main, tr("Balance after"), tx.balanceAfterMinor ? money(*tx.balanceAfterMinor, tx.currency) : QString());
    addField(main, tr("Bank reference"), tx.externalId);

    QTreeWidgetItem *own = addGroup(tr("Account"));
    addField(own, tr("Account"), tx.account);
    addField(own, tr("Holder"), tx.accountHolder);

    QTreeWidgetItem *counterparty = addGroup(tr("Counterparty"));
    addField(counterparty, tr("Name"), tx.counterpartyName);
    addField(counterparty, tr("Account"), tx.counterpartyAccount);
    addField(counterparty, tr("Tax ID (IIN/BIN)"), tx.counterpartyTaxId);
    addField(counterparty, tr("Bank"), tx.counterpartyBank);
    addField(counterparty, tr("Country"), tx.counterpartyCountry);

    QTreeWidgetItem *provenance = addGroup(tr("Provenance"));
    addField(provenance, tr("Source file"), tx.sourceFile);
    addField(provenance, tr("Row in file"), QString::number(tx.sourceRow));
    addField(provenance, tr("Date as written"), tx.bookedText);
    addField(provenance, tr("Source ID"), QString::number(tx.sourceId));
    addField(provenance, tr("Transaction ID"), QString::number(tx.id));

    m_stack->setCurrentWidget(m_tree);
}

QString TransactionDetailsPanel::valueOf(const QString &label) const
{
    const auto items = m_tree->findItems(label, Qt::MatchExactly | Qt::MatchRecursive, 0);
    for (const QTreeWidgetItem *item : items) {
        if (item->parent())
            return item->text(1);
    }
    return {};
}

void TransactionDetailsPanel::showContextMenu(const QPoint &position)
{
    if (!m_row)
        return;
    QMenu menu(this);
    menu.addAction(tr("Copy value"), this, [this, position] {
        if (const QTreeWidgetItem *item = m_tree->itemAt(position))
            QApplication::clipboard()->setText(item->text(1));
    });
    menu.addAction(tr("Copy all fields"), this, [this] {
        QStringList lines;
        for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
            const QTreeWidgetItem *group = m_tree->topLevelItem(g);
            lines << group->text(0);
            for (int i = 0; i < group->childCount(); ++i)
                lines << QStringLiteral("  %1\t%2").arg(group->child(i)->text(0), group->child(i)->text(1));
        }
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace fundtrace::ui
