#pragma once

#include "demo/CityDirectory.h"
#include "demo/DemoFacts.h"
#include "demo/DemoLedger.h"
#include "demo/PersonName.h"

#include <vector>

namespace fundtrace::demo {

// Ordinary life around the story: 40 x scale Dala Bank customers (salaries, pensions, utilities,
// shopping, rent, loans, family transfers) and 50 x scale wallet users sending each other money.
// Among the first 40 are decoys an investigator must not flag: small regular donors to the fund,
// a migrant worker remitting to Uzbekistan, a trader depositing large cash takings openly.
// Every person draws from a random stream of their own, so scale only adds people.
class BackgroundActivity {
public:
    BackgroundActivity(DemoLedger &ledger, const CityDirectory &city, int charityAccount, quint64 seed, int scale);

    void generate(DemoFacts &facts);
    // The people's Dala Bank accounts (part of the bank1 statement).
    const std::vector<int> &dalaAccounts() const { return m_dalaAccounts; }

private:
    enum class Kind { Ordinary, RegularDonor, MigrantSender, CashTrader };
    struct Person {
        PersonName name;
        Kind kind = Kind::Ordinary;
        int party = -1;
        int account = -1;
        int wallet = -1;
        int head = 0;             // index of the household's first member
        bool family = false;      // household members are relatives
        int employer = -1;        // account; -1 = none
        bool pensioner = false;
        qint64 salary = 0;
        int payday = 10;
        bool advance = false;
        int landlord = -1;        // account of the person they rent from
        qint64 rent = 0;
        qint64 loanPayment = 0;
        QString loanContract;
        std::vector<int> utilities; // indices into CityDirectory::utilities()
        QString utilityNumber;
        QString phone;
        int relativeAbroad = -1;  // party (migrant's mother)
    };

    void createPerson(int index);
    void live(int index, DemoFacts &facts);
    void liveMonth(int index, int month, DemoRandom &rng);
    void payUtilities(const Person &p, int month, DemoRandom &rng);
    void shop(const Person &p, int month, DemoRandom &rng);
    void remit(const Person &p, int month, DemoRandom &rng);
    void depositTakings(const Person &p, int month, DemoRandom &rng);
    void add(DemoTransfer t, DemoRandom &rng);
    void walletCrowd();
    QString reference(DemoRandom &rng, qint64 minute);
    static qint64 minuteIn(DemoRandom &rng, const QDate &date, int fromHour, int toHour);

    DemoLedger &m_ledger;
    const CityDirectory &m_city;
    int m_charity;
    quint64 m_seed;
    int m_scale;
    std::vector<Person> m_people;
    std::vector<int> m_dalaAccounts;
};

} // namespace fundtrace::demo
