#pragma once

#include "demo/DemoLedger.h"

#include <vector>

namespace fundtrace::demo {

// The invented organisations of the demo's Almaty: employers, utilities and shops that ordinary
// people pay. Built from its own random stream, so it is the same at every scale.
class CityDirectory {
public:
    struct Utility {
        int account = -1;
        QString purpose;     // with %1 = personal account number, %2 = period "03.2024"
        qint64 median = 0;   // minor units per month
        bool winterHeavy = false;
    };
    struct Merchant {
        int account = -1;
        QString descriptor;  // card-terminal text: "BEREKE MARKET ALMATY KZ"
        qint64 median = 0;
        int weight = 1;      // how often people shop there
    };

    CityDirectory(DemoLedger &ledger, quint64 seed);

    const std::vector<int> &employers() const { return m_employers; }
    const std::vector<Utility> &utilities() const { return m_utilities; }
    const std::vector<Merchant> &merchants() const { return m_merchants; }
    const std::vector<int> &merchantWeights() const { return m_merchantWeights; }
    int pensionPayer() const { return m_pensionPayer; }
    int loanAccount() const { return m_loanAccount; }
    int wholesaler() const { return m_wholesaler; }   // also sells the fund its food parcels
    int officeLandlord() const { return m_officeLandlord; }

private:
    int addOrganisation(DemoLedger &ledger, DemoRandom &rng, const QString &name, const QString &bankKey,
                        int registeredYear);

    std::vector<int> m_employers;
    std::vector<Utility> m_utilities;
    std::vector<Merchant> m_merchants;
    std::vector<int> m_merchantWeights;
    int m_pensionPayer = -1;
    int m_loanAccount = -1;
    int m_wholesaler = -1;
    int m_officeLandlord = -1;
};

} // namespace fundtrace::demo
