#pragma once

#include "demo/DemoLedger.h"

namespace fundtrace::demo {

// Where the planted story's people sit in the ledger, for the writers of the extra files that look
// at the same story from other institutions. Story accounts are the index range
// [storyBegin, storyEnd): everything outside it is background and changes with the scale.
struct DemoCast {
    int charity = -1;
    int cashOut = -1;        // collector A's Dala Bank account
    int walletSender = -1;   // collector B's Dala Bank account
    int walletSenderWallet = -1;
    int structurer = -1;     // collector C's Dala Bank account
    int storyBegin = 0;
    int storyEnd = 0;

    // The story account of the given bank (the first one), or -1.
    int accountAt(const DemoLedger &ledger, const QString &bankKey) const;
    // Story accounts at domestic banks that gave to the fund by bank transfer, in account order.
    std::vector<int> bankDonors(const DemoLedger &ledger) const;
    // The story's party whose name starts with `prefix`, or -1.
    int partyNamed(const DemoLedger &ledger, const QString &prefix) const;
};

} // namespace fundtrace::demo
