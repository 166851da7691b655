#include "CasePropertiesDialog.h"

#include "Icons.h"
#include "model/Currency.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>

namespace fundtrace::ui {
namespace {

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text.isEmpty() ? QStringLiteral("—") : text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString localTime(std::int64_t seconds, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(seconds, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

CasePropertiesDialog::CasePropertiesDialog(const query::CaseSummary &summary, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Case Properties"));
    setWindowIcon(icon("properties"));
    const QLocale locale;
    const QTimeZone zone(summary.timezone.toUtf8());

    auto *caseBox = new QGroupBox(tr("Case"), this);
    auto *caseForm = new QFormLayout(caseBox);
    caseForm->addRow(tr("Title:"), valueLabel(summary.title, this));
    caseForm->addRow(tr("File:"), valueLabel(QFileInfo(summary.path).absoluteFilePath(), this));
    const QDateTime created = QDateTime::fromString(summary.createdAt, Qt::ISODate);
    caseForm->addRow(tr("Created:"),
                     valueLabel(created.isValid() ? created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                  : summary.createdAt,
                                this));
    caseForm->addRow(tr("Created by:"), valueLabel(summary.createdBy, this));
    caseForm->addRow(tr("Time zone:"), valueLabel(summary.timezone, this));
    caseForm->addRow(tr("Case format:"), valueLabel(tr("version %1").arg(summary.schemaVersion), this));

    auto *countBox = new QGroupBox(tr("Contents"), this);
    auto *countForm = new QFormLayout(countBox);
    countForm->addRow(tr("Transactions:"), valueLabel(locale.toString(qint64(summary.transactions)), this));
    countForm->addRow(tr("Accounts:"), valueLabel(locale.toString(qint64(summary.accounts)), this));
    countForm->addRow(tr("Subjects:"), valueLabel(locale.toString(qint64(summary.subjects)), this));
    countForm->addRow(tr("Sources:"), valueLabel(locale.toString(qint64(summary.sources)), this));
    countForm->addRow(tr("Rejected rows:"), valueLabel(locale.toString(qint64(summary.rejects)), this));
    countForm->addRow(tr("Annotations:"), valueLabel(locale.toString(qint64(summary.annotations)), this));
    if (summary.firstBookedAt && summary.lastBookedAt && zone.isValid())
        countForm->addRow(tr("Period:"),
                          valueLabel(tr("%1 – %2").arg(localTime(*summary.firstBookedAt, zone),
                                                       localTime(*summary.lastBookedAt, zone)),
                                     this));

    auto *totals = new QTableWidget(static_cast<int>(summary.totals.size()), 4, this);
    totals->setHorizontalHeaderLabels({ tr("Currency"), tr("Transactions"), tr("Credits (in)"), tr("Debits (out)") });
    totals->verticalHeader()->hide();
    totals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    totals->setSelectionBehavior(QAbstractItemView::SelectRows);
    totals->setShowGrid(false);
    totals->setAlternatingRowColors(true);
    for (int column = 1; column < 4; ++column)
        totals->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    totals->setFocusPolicy(Qt::NoFocus);
    totals->setSelectionMode(QAbstractItemView::NoSelection);
    totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    totals->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int row = 0; row < static_cast<int>(summary.totals.size()); ++row) {
        const query::CurrencyTotals &total = summary.totals[static_cast<std::size_t>(row)];
        const std::string code = total.currency.toStdString();
        const QStringList cells = { total.currency, locale.toString(qint64(total.count)),
                                    model::formatAmount(total.creditMinor, code, model::AmountStyle::Cis, false),
                                    model::formatAmount(total.debitMinor, code, model::AmountStyle::Cis, false) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            totals->setItem(row, column, item);
        }
    }
    // As tall as its rows (a case holds a handful of currencies), up to a scrolling limit.
    const int visibleRows = std::clamp(static_cast<int>(summary.totals.size()), 1, 8);
    totals->setFixedHeight(totals->horizontalHeader()->sizeHint().height()
                           + visibleRows * totals->verticalHeader()->defaultSectionSize() + 2 * totals->frameWidth());
    auto *totalsBox = new QGroupBox(tr("Totals by currency"), this);
    auto *totalsLayout = new QVBoxLayout(totalsBox);
    totalsLayout->addWidget(totals);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(caseBox, 3);
    top->addWidget(countBox, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(totalsBox);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(760);
}

} // namespace fundtrace::ui
