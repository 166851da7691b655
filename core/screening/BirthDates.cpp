#include "screening/BirthDates.h"

#include <algorithm>
#include <cstdlib>

namespace fundtrace::screening {

namespace {

// All 4-digit numbers between 1800 and 2100 in the text, in order.
QVector<int> yearsIn(const QString &text)
{
    QVector<int> years;
    for (qsizetype i = 0; i + 4 <= text.size(); ++i) {
        if ((i > 0 && text[i - 1].isDigit()) || !text[i].isDigit())
            continue;
        qsizetype j = i;
        while (j < text.size() && text[j].isDigit())
            ++j;
        if (j - i == 4) {
            const int y = text.mid(i, 4).toInt();
            if (y >= 1800 && y <= 2100)
                years << y;
        }
        i = j;
    }
    return years;
}

QDate exactDate(const QString &t)
{
    for (const char *format : { "yyyy-MM-dd", "dd.MM.yyyy", "d MMM yyyy", "dd MMM yyyy", "MM/dd/yyyy", "d.M.yyyy" }) {
        const QDate d = QDate::fromString(t, QLatin1String(format));
        if (d.isValid())
            return d;
    }
    return {};
}

} // namespace

BirthDates::BirthDates(const QStringList &written)
{
    for (const QString &raw : written) {
        const QString t = raw.trimmed();
        const QVector<int> years = yearsIn(t);
        if (years.isEmpty())
            continue;
        Range r;
        if (years.size() >= 2) {
            r.from = *std::min_element(years.begin(), years.end());
            r.to = *std::max_element(years.begin(), years.end());
        } else {
            r.from = r.to = years.front();
            r.date = exactDate(t);
        }
        m_ranges << r;
    }
}

BirthDates::Agreement BirthDates::compare(const QString &query) const
{
    const QVector<int> years = yearsIn(query);
    if (m_ranges.isEmpty() || years.isEmpty())
        return Agreement::Unknown;
    const int year = years.front();
    const QDate date = QDate::fromString(query.trimmed(), QStringLiteral("yyyy-MM-dd"));
    Agreement best = Agreement::Differs;
    for (const Range &r : m_ranges) {
        if (r.date.isValid() && date.isValid() && r.date == date)
            return Agreement::SameDate;
        if (year >= r.from && year <= r.to)
            best = Agreement::SameYear;
        else if (best == Agreement::Differs && (std::abs(year - r.from) <= 1 || std::abs(year - r.to) <= 1))
            best = Agreement::NearYear;
    }
    return best;
}

} // namespace fundtrace::screening
