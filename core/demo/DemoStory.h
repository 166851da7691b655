#pragma once

#include "demo/CityDirectory.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"

#include <QDate>
#include <vector>

namespace fundtrace::demo {

// The planted terrorist-financing scheme: a public fund collects crowdfunded donations, passes
// them within a day or two to three private "collectors", who take the money out as cash, send it
// through a wallet operator's cash pick-up agents near the Syrian border, or wire it abroad after
// structuring cash deposits under the reporting threshold. Everything here is invented.
// Draws only from its own random stream, so the story is identical at every scale.
class DemoStory {
public:
    // The demo's reporting threshold for cash deposits (minor units): illustrative, see docs.
    static constexpr qint64 kThreshold = 2'000'000'00;

    DemoStory(DemoLedger &ledger, const CityDirectory &city, quint64 seed);

    // Creates the fund, the collectors, the recipients abroad and the donors.
    void createActors();
    // Generates the money flows; call after background activity so the fund's balance includes
    // the background people who donate to it.
    void generate(DemoFacts &facts);

    int charityAccount() const { return m_charity; }
    // The collectors' accounts at Dala Bank (part of the bank1 statement).
    std::vector<int> dalaAccounts() const;

private:
    struct Collector {
        QString key;
        int party = -1;
        int account = -1;
        int wallet = -1;
    };
    struct Recipient {
        QString key;
        int party = -1;
        int account = -1;     // -1: cash pick-up
        QString city;
        QString agent;
        QString currency;     // payout currency
    };

    int addPerson(const QString &name, const QDate &birth, bool male, const QString &city);
    int addAccount(int party, const QString &bankKey, qint64 openingFloor);
    void addRecipients();
    void addDonors();
    qint64 randomMinute(const QDate &date, int fromHour, int toHour);
    QString bankRef(qint64 minute);
    QString registryId();
    QString fundDocument();
    QString incomingDocument();

    void generateDonations();
    void generateSettlements(DemoFacts &facts);
    void generateFundExpenses();
    void generatePayouts(DemoFacts &facts);
    void payOut(const Collector &collector, qint64 minute, qint64 amount, DemoFacts &facts);
    void cashOut(qint64 after, qint64 received, DemoFacts &facts);
    void sendThroughWallet(qint64 after, qint64 received, DemoFacts &facts);
    void forwardBySwift(qint64 after, qint64 received, DemoFacts &facts);
    void wireAbroad(const Recipient &recipient, qint64 minute, qint64 amount, const QString &purpose,
                    DemoFacts &facts, const QString &reason);
    void generateStructuring(DemoFacts &facts);
    void generateCollectorsLife();
    void generateTimezoneProbes(DemoFacts &facts);
    void describe(DemoFacts &facts) const;

    DemoLedger &m_ledger;
    const CityDirectory &m_city;
    DemoRandom m_rng;
    int m_charityParty = -1;
    int m_charity = -1;
    int m_tezpaySettlement = -1;
    int m_saryarkaFees = -1;
    int m_dalaFees = -1;
    Collector m_cashOut;
    Collector m_walletSender;
    Collector m_structurer;
    std::vector<Recipient> m_recipients;
    std::vector<int> m_donorAccounts;      // bank accounts and wallets of the crowd
    std::vector<int> m_bigDonorAccounts;
    std::vector<std::pair<qint64, qint64>> m_charityFlows; // (minute, signed amount) of the fund
    int m_nextFundDocument = 87;
    qint64 m_donationTotal = 0;
    int m_donationCount = 0;
    qint64 m_payoutTotal = 0;
    qint64 m_cashTotal = 0;
    qint64 m_abroadTotal = 0;
};

} // namespace fundtrace::demo
