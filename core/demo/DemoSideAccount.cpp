#include "demo/DemoSideAccount.h"

#include "demo/DemoClock.h"

#include <algorithm>

namespace fundtrace::demo {

void DemoSideAccount::finish(qint64 floor)
{
    std::stable_sort(entries.begin(), entries.end(),
                     [](const SideEntry &a, const SideEntry &b) { return a.minute < b.minute; });
    qint64 running = 0;
    qint64 lowest = 0;
    for (const SideEntry &e : entries) {
        running += e.amount;
        lowest = std::min(lowest, running);
    }
    opening = floor - lowest;
}

std::vector<DemoSideAccount::Period> DemoSideAccount::monthly(const QDate &from, const QDate &to) const
{
    std::vector<Period> periods;
    qint64 balance = opening;
    size_t next = 0;
    for (QDate start = from; start <= to;) {
        Period p;
        p.from = start;
        p.to = std::min(to, QDate(start.year(), start.month(), start.daysInMonth()));
        p.opening = balance;
        for (; next < entries.size() && DemoClock::dateOf(entries[next].minute) <= p.to; ++next) {
            const SideEntry &e = entries[next];
            balance += e.amount;
            if (e.missing)
                continue;
            p.entries.push_back(static_cast<int>(next));
            (e.amount > 0 ? p.credits : p.debits) += std::abs(e.amount);
        }
        p.closing = p.opening + p.credits - p.debits;
        periods.push_back(p);
        start = p.to.addDays(1);
    }
    return periods;
}

qint64 DemoSideAccount::closing() const
{
    qint64 balance = opening;
    for (const SideEntry &e : entries)
        balance += e.amount;
    return balance;
}

} // namespace fundtrace::demo
