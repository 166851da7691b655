#pragma once

#include <QDate>
#include <QStringList>
#include <QVector>

namespace fundtrace::screening {

// The dates of birth a list gives for an entry, parsed from how lists write them: exact dates
// (ISO, dd.MM.yyyy, "14 Mar 1985"), bare years, year ranges ("1937-1945", "between 1937 and 1945").
class BirthDates {
public:
    enum class Agreement { Unknown, SameDate, SameYear, NearYear, Differs };

    BirthDates() = default;
    explicit BirthDates(const QStringList &written);

    bool isEmpty() const { return m_ranges.isEmpty(); }
    // query: "yyyy-MM-dd" or "yyyy". Unknown when either side has no usable date.
    Agreement compare(const QString &query) const;

private:
    struct Range {
        int from = 0;
        int to = 0;
        QDate date; // valid only for an exact date
    };
    QVector<Range> m_ranges;
};

} // namespace fundtrace::screening
