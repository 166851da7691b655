#pragma once

#include "demo/DemoRandom.h"

#include <QDate>
#include <QSet>
#include <QString>
#include <vector>

namespace fundtrace::demo {

// How money moved, spelled as the importer's channel values.
enum class Channel { Transfer, Cash, Card, Wallet, Agent };
QString channelCode(Channel channel); // "transfer", "cash", "card", "wallet", "agent"

// Which records show a movement: bank statements, or the wallet operator's transfer registry.
enum class Ledger { Bank, Wallet };

struct DemoParty {
    QString name;        // as Kazakh records print it: "Жумабаев Арман Серикович", "ТОО «...»"
    QString latinName;   // foreign parties, SWIFT messages
    QString taxId;       // IIN/BIN; empty abroad
    bool organisation = false;
    QString city;
    QString country = QStringLiteral("KZ");
};

struct DemoAccount {
    QString id;          // IBAN, or wallet id ("TZP" + phone number)
    int party = -1;
    QString bankKey;     // DemoBanks key
    bool wallet = false;
    qint64 openingFloor = 0; // smallest opening balance wanted (minor units)
    qint64 opening = 0;      // set by DemoLedger::finish so no balance goes below zero
};

// One movement of money. Accounts are indices into the ledger; -1 means cash or a party without
// an account in the case (then fromParty/toParty say who).
struct DemoTransfer {
    qint64 minute = 0;   // Almaty wall clock, see DemoClock
    int seconds = 0;
    int from = -1;
    int to = -1;
    int fromParty = -1;
    int toParty = -1;
    qint64 amount = 0;   // minor units of `currency`, always positive
    QString currency = QStringLiteral("KZT");
    qint64 amount2 = 0;  // amount paid out abroad, in currency2
    QString currency2;
    QString purpose;
    Channel channel = Channel::Transfer;
    Ledger ledger = Ledger::Bank;
    QString place;       // ATM, branch or card-terminal text for rows without a counterparty account
    QString payoutCity;
    QString payoutAgent;
    bool dateOnly = false; // the bank prints only the date (fee postings in 1C-style exports)
    QString debitRef;    // reference of the posting on the paying account
    QString creditRef;   // reference of the posting on the receiving account
    int sequence = 0;    // creation order, breaks ties between equal times
};

// Everything that happens in the demo world, before it is cut into the banks' files.
class DemoLedger {
public:
    int addParty(const DemoParty &party);
    int addAccount(const DemoAccount &account);
    void addTransfer(DemoTransfer transfer);

    const std::vector<DemoParty> &parties() const { return m_parties; }
    const std::vector<DemoAccount> &accounts() const { return m_accounts; }
    const std::vector<DemoTransfer> &transfers() const { return m_transfers; }
    const DemoParty &party(int index) const { return m_parties[static_cast<size_t>(index)]; }
    const DemoAccount &account(int index) const { return m_accounts[static_cast<size_t>(index)]; }
    const DemoParty &holder(int account) const { return party(this->account(account).party); }
    int findAccount(const QString &id) const;

    // Identifiers that never repeat within the case.
    QString uniqueIin(DemoRandom &rng, const QDate &birthDate, bool male);
    QString uniqueBin(DemoRandom &rng, int year, int month);
    QString uniqueKzIban(DemoRandom &rng, const QString &bankKey);
    QString uniqueForeignIban(DemoRandom &rng, const QString &bankKey);
    QString uniqueWalletId(DemoRandom &rng);
    QString uniqueReference(DemoRandom &rng, const QString &prefix, int digits);

    // Sorts the movements by time and sets opening balances; call once after generating.
    void finish();
    // Indices of the transfers touching an account, in time order (after finish()).
    std::vector<int> transfersOf(int account) const;

private:
    std::vector<DemoParty> m_parties;
    std::vector<DemoAccount> m_accounts;
    std::vector<DemoTransfer> m_transfers;
    QSet<QString> m_used;
    int m_nextSequence = 0;
};

} // namespace fundtrace::demo
