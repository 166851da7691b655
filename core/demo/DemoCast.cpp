#include "demo/DemoCast.h"

#include <algorithm>

namespace fundtrace::demo {

int DemoCast::accountAt(const DemoLedger &ledger, const QString &bankKey) const
{
    for (int i = storyBegin; i < storyEnd; ++i) {
        if (ledger.account(i).bankKey == bankKey)
            return i;
    }
    return -1;
}

std::vector<int> DemoCast::bankDonors(const DemoLedger &ledger) const
{
    std::vector<int> donors;
    for (const DemoTransfer &t : ledger.transfers()) {
        if (t.to == charity && t.ledger == Ledger::Bank && t.from >= storyBegin && t.from < storyEnd
            && !ledger.account(t.from).wallet && ledger.account(t.from).bankKey != u"tezpay")
            donors.push_back(t.from);
    }
    std::sort(donors.begin(), donors.end());
    donors.erase(std::unique(donors.begin(), donors.end()), donors.end());
    return donors;
}

int DemoCast::partyNamed(const DemoLedger &ledger, const QString &prefix) const
{
    for (int i = storyBegin; i < storyEnd; ++i) {
        if (ledger.holder(i).name.startsWith(prefix))
            return ledger.account(i).party;
    }
    return -1;
}

} // namespace fundtrace::demo
