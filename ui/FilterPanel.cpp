#include "FilterPanel.h"

#include "Icons.h"
#include "model/Currency.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

namespace fundtrace::ui {
namespace {

// The "any date" state of a QDateEdit is its minimum date, shown as special text.
const QDate kAnyDate(1900, 1, 1);

// Long enough to finish a word, short enough to feel live.
constexpr int kTypingDelayMs = 400;

QDateEdit *makeDateEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(QObject::tr("any"));
    edit->setDate(kAnyDate);
    return edit;
}

} // namespace

FilterPanel::FilterPanel(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_account(new QLineEdit(this))
    , m_from(makeDateEdit(this))
    , m_to(makeDateEdit(this))
    , m_minAmount(new QLineEdit(this))
    , m_maxAmount(new QLineEdit(this))
    , m_currency(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_state(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setPlaceholderText(tr("Words in purpose or names"));
    m_text->setClearButtonEnabled(true);
    m_text->addAction(icon("search"), QLineEdit::LeadingPosition);
    m_text->setToolTip(tr("Full-text search in payment purposes and counterparty names.\n"
                          "Every word must occur; words match as prefixes (\"charit\" finds \"charity\")."));

    m_account->setObjectName(QStringLiteral("filterAccount"));
    m_account->setPlaceholderText(tr("IBAN, card or account number"));
    m_account->setClearButtonEnabled(true);
    m_account->setToolTip(tr("Matches the account on either side of a transaction; spaces, dashes and "
                             "case do not matter.\nEnd with * to match every account that starts so."));

    m_from->setObjectName(QStringLiteral("filterFrom"));
    m_to->setObjectName(QStringLiteral("filterTo"));
    m_to->setToolTip(tr("Inclusive: the whole day is included"));

    const auto *amountValidator = new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[0-9 \u00a0']*([.,][0-9]{0,3})?")), this);
    for (QLineEdit *edit : { m_minAmount, m_maxAmount }) {
        edit->setValidator(amountValidator);
        edit->setClearButtonEnabled(true);
        edit->setAlignment(Qt::AlignRight);
    }
    m_minAmount->setObjectName(QStringLiteral("filterMinAmount"));
    m_maxAmount->setObjectName(QStringLiteral("filterMaxAmount"));
    m_minAmount->setPlaceholderText(tr("min"));
    m_maxAmount->setPlaceholderText(tr("max"));

    m_currency->setObjectName(QStringLiteral("filterCurrency"));
    m_currency->addItem(tr("Any"), QString());
    m_direction->setObjectName(QStringLiteral("filterDirection"));
    m_direction->addItem(tr("Any"), QString());
    m_direction->addItem(tr("Credit (money in)"), QStringLiteral("C"));
    m_direction->addItem(tr("Debit (money out)"), QStringLiteral("D"));
    m_source->setObjectName(QStringLiteral("filterSource"));
    m_source->addItem(tr("All sources"), QVariant());
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(12);

    auto *amounts = new QHBoxLayout;
    amounts->setSpacing(4);
    amounts->addWidget(m_minAmount);
    amounts->addWidget(new QLabel(QStringLiteral("–"), this));
    amounts->addWidget(m_maxAmount);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("A&ccount:"), m_account);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("T&o:"), m_to);
    auto *amountLabel = new QLabel(tr("A&mount:"), this);
    amountLabel->setBuddy(m_minAmount);
    form->addRow(amountLabel, amounts);
    form->addRow(tr("C&urrency:"), m_currency);
    form->addRow(tr("&Direction:"), m_direction);
    form->addRow(tr("&Source:"), m_source);

    auto *applyButton = new QPushButton(icon("filter"), tr("&Apply"), this);
    applyButton->setToolTip(tr("Apply the filters now (Enter)"));
    auto *clearButton = new QPushButton(icon("clear"), tr("C&lear"), this);
    clearButton->setObjectName(QStringLiteral("filterClear"));
    clearButton->setToolTip(tr("Remove every filter"));
    connect(applyButton, &QPushButton::clicked, this, &FilterPanel::apply);
    connect(clearButton, &QPushButton::clicked, this, &FilterPanel::clear);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(clearButton);
    buttons->addWidget(applyButton);

    m_state->setWordWrap(true);
    m_state->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_state);
    layout->addStretch();

    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &FilterPanel::apply);
    for (QLineEdit *edit : { m_text, m_account, m_minAmount, m_maxAmount }) {
        connect(edit, &QLineEdit::textChanged, this, [this] { scheduleApply(kTypingDelayMs); });
        connect(edit, &QLineEdit::returnPressed, this, &FilterPanel::apply);
    }
    for (QDateEdit *edit : { m_from, m_to })
        connect(edit, &QDateEdit::dateChanged, this, [this] { scheduleApply(kTypingDelayMs); });
    for (QComboBox *combo : { m_currency, m_direction, m_source })
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { scheduleApply(0); });
    updateState();
}

void FilterPanel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::utc();
    const QString name = QString::fromUtf8(m_zone.id());
    m_from->setToolTip(tr("From the start of this day, %1 time").arg(name));
    m_to->setToolTip(tr("To the end of this day, %1 time (inclusive)").arg(name));
}

void FilterPanel::setCurrencies(const QStringList &codes)
{
    const QString current = m_currency->currentData().toString();
    const QSignalBlocker blocker(m_currency);
    m_currency->clear();
    m_currency->addItem(tr("Any"), QString());
    for (const QString &code : codes)
        m_currency->addItem(code, code);
    m_currency->setCurrentIndex(std::max(0, m_currency->findData(current)));
}

void FilterPanel::setSources(const std::vector<query::SourceRow> &sources)
{
    const QVariant current = m_source->currentData();
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    m_source->addItem(tr("All sources"), QVariant());
    for (const query::SourceRow &source : sources) {
        m_source->addItem(source.fileName, QVariant::fromValue<qint64>(source.id));
        m_source->setItemData(m_source->count() - 1, source.filePath, Qt::ToolTipRole);
    }
    m_source->setCurrentIndex(current.isValid() ? std::max(0, m_source->findData(current)) : 0);
}

void FilterPanel::showSource(std::int64_t sourceId)
{
    const int index = m_source->findData(QVariant::fromValue<qint64>(sourceId));
    if (index < 0)
        return;
    m_source->setCurrentIndex(index);
    apply();
}

void FilterPanel::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FilterPanel::clear()
{
    for (QWidget *widget : std::initializer_list<QWidget *> { m_text, m_account, m_from, m_to, m_minAmount,
                                                             m_maxAmount, m_currency, m_direction, m_source })
        widget->blockSignals(true);
    m_text->clear();
    m_account->clear();
    m_from->setDate(kAnyDate);
    m_to->setDate(kAnyDate);
    m_minAmount->clear();
    m_maxAmount->clear();
    m_currency->setCurrentIndex(0);
    m_direction->setCurrentIndex(0);
    m_source->setCurrentIndex(0);
    for (QWidget *widget : std::initializer_list<QWidget *> { m_text, m_account, m_from, m_to, m_minAmount,
                                                             m_maxAmount, m_currency, m_direction, m_source })
        widget->blockSignals(false);
    apply();
}

std::optional<std::int64_t> FilterPanel::amountMinor(QLineEdit *edit) const
{
    QString text = edit->text();
    text.remove(QLatin1Char(' ')).remove(QChar(0x00a0)).remove(QLatin1Char('\''));
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    if (text.isEmpty() || text == QLatin1String("."))
        return std::nullopt;
    // Minor units of the chosen currency; without one, the usual two decimals.
    const QString currency = m_currency->currentData().toString();
    const int digits = currency.isEmpty() ? 2 : model::minorDigits(currency.toStdString());
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    fraction = fraction.left(digits).leftJustified(digits, QLatin1Char('0'));
    bool ok = true;
    const qint64 major = whole.isEmpty() ? 0 : whole.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    qint64 scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    return major * scale + (fraction.isEmpty() ? 0 : fraction.toLongLong());
}

std::optional<std::int64_t> FilterPanel::dayStartUtc(const QDateEdit *edit, int addDays) const
{
    if (edit->date() == kAnyDate)
        return std::nullopt;
    return QDateTime(edit->date().addDays(addDays), QTime(0, 0), m_zone).toSecsSinceEpoch();
}

query::TransactionFilter FilterPanel::filter() const
{
    query::TransactionFilter filter;
    filter.text = m_text->text().trimmed();
    filter.account = m_account->text().trimmed();
    filter.fromUtc = dayStartUtc(m_from, 0);
    filter.toUtc = dayStartUtc(m_to, 1);
    filter.minAmountMinor = amountMinor(m_minAmount);
    filter.maxAmountMinor = amountMinor(m_maxAmount);
    filter.currency = m_currency->currentData().toString();
    filter.direction = m_direction->currentData().toString();
    if (const QVariant source = m_source->currentData(); source.isValid())
        filter.sourceId = source.toLongLong();
    return filter;
}

void FilterPanel::scheduleApply(int delayMs)
{
    m_debounce->start(delayMs);
}

void FilterPanel::showPeriod(const QDate &from, const QDate &to)
{
    for (QDateEdit *edit : { m_from, m_to })
        edit->blockSignals(true);
    m_from->setDate(from.isValid() ? from : kAnyDate);
    m_to->setDate(to.isValid() ? to : kAnyDate);
    for (QDateEdit *edit : { m_from, m_to })
        edit->blockSignals(false);
    apply();
}

void FilterPanel::apply()
{
    m_debounce->stop();
    m_applied = filter();
    updateState();
    emit filterChanged(m_applied);
}

void FilterPanel::updateState()
{
    const query::TransactionFilter &f = m_applied;
    const int active = int(!f.text.isEmpty()) + int(!f.account.isEmpty()) + int(f.fromUtc || f.toUtc)
            + int(f.minAmountMinor || f.maxAmountMinor) + int(!f.currency.isEmpty())
            + int(!f.direction.isEmpty()) + int(f.sourceId.has_value());
    m_state->setText(active == 0 ? tr("No filter: all transactions are shown.")
                     : active == 1 ? tr("1 filter active.")
                                   : tr("%1 filters active.").arg(active));
}

} // namespace fundtrace::ui
