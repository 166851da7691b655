#pragma once

#include "query/SourceQuery.h"
#include "query/TransactionFilter.h"

#include <QTimeZone>
#include <QWidget>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace fundtrace::ui {

// The transaction filters of the filters dock. Typing applies after a short pause (or at once on
// Enter); choices in combo boxes and dates apply at once. Dates are days in the case's time zone.
class FilterPanel : public QWidget {
    Q_OBJECT

public:
    explicit FilterPanel(QWidget *parent = nullptr);

    void setTimeZone(const QTimeZone &zone);
    void setCurrencies(const QStringList &codes);
    void setSources(const std::vector<query::SourceRow> &sources);
    // Selects one source and applies, e.g. from the sources panel.
    void showSource(std::int64_t sourceId);
    // Sets the period (days in the case's zone; a null date leaves that end open) and applies,
    // e.g. from a period brushed on the timeline.
    void showPeriod(const QDate &from, const QDate &to);

    query::TransactionFilter filter() const;
    bool isEmpty() const { return filter().isEmpty(); }

public slots:
    void focusText();
    void clear();
    void apply();

signals:
    void filterChanged(const fundtrace::query::TransactionFilter &filter);

private:
    std::optional<std::int64_t> amountMinor(QLineEdit *edit) const;
    std::optional<std::int64_t> dayStartUtc(const QDateEdit *edit, int addDays) const;
    void scheduleApply(int delayMs);
    void updateState();

    QTimeZone m_zone = QTimeZone::utc();
    QLineEdit *m_text;
    QLineEdit *m_account;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_minAmount;
    QLineEdit *m_maxAmount;
    QComboBox *m_currency;
    QComboBox *m_direction;
    QComboBox *m_source;
    QLabel *m_state;
    QTimer *m_debounce;
    query::TransactionFilter m_applied;
};

} // namespace fundtrace::ui
