#pragma once

#include <QString>
#include <vector>

namespace fundtrace::demo {

// A fictional institution of the demo. The names, BICs and IBAN bank codes are invented; a code
// may coincide with a real bank's, the names do not.
struct DemoBank {
    QString key;
    QString name;       // as Kazakh statements print it
    QString latinName;
    QString bic;
    QString ibanCode;   // the bank code inside the IBAN (3 digits in KZ/AE, 5 in TR); "TZP" for wallets
    QString country;    // ISO 3166 alpha-2
};

// The institutions that appear in the demo case.
class DemoBanks {
public:
    static const std::vector<DemoBank> &all();
    static const DemoBank &byKey(const QString &key); // the first bank for an unknown key
    // Kazakh banks that hold the accounts of donors and background counterparties.
    static const std::vector<QString> &domesticKeys();
};

} // namespace fundtrace::demo
