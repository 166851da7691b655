#include "demo/BackgroundActivity.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/NamePool.h"

#include <QJsonArray>
#include <algorithm>

namespace fundtrace::demo {

namespace {

constexpr int kPeoplePerScale = 40;
constexpr int kWalletUsersPerScale = 50;
constexpr quint64 kPersonStream = 0xB6;
constexpr quint64 kLifeStream = 0xB7;
constexpr quint64 kWalletStream = 0xB8;

constexpr qint64 kzt(qint64 tenge)
{
    return tenge * 100;
}

QString monthName(int month)
{
    static const char *names[] = { "январь", "февраль", "март", "апрель", "май", "июнь",
                                   "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь" };
    return QString::fromUtf8(names[(month + 11) % 12]);
}

bool inPeriod(const QDate &date)
{
    return date >= DemoClock::periodStart() && date <= DemoClock::periodEnd();
}

QDate workday(QDate date)
{
    while (date.dayOfWeek() > 5)
        date = date.addDays(-1);
    return date;
}

QDate dayOfMonth(int month, int day)
{
    const QDate first(2024, month, 1);
    return QDate(2024, month, std::min(day, first.daysInMonth()));
}

} // namespace

BackgroundActivity::BackgroundActivity(DemoLedger &ledger, const CityDirectory &city, int charityAccount,
                                       quint64 seed, int scale)
    : m_ledger(ledger)
    , m_city(city)
    , m_charity(charityAccount)
    , m_seed(seed)
    , m_scale(std::max(1, scale))
{
}

qint64 BackgroundActivity::minuteIn(DemoRandom &rng, const QDate &date, int fromHour, int toHour)
{
    return DemoClock::avoidRepeatedHour(DemoClock::minuteOf(date, 0, 0) + rng.uniform(fromHour * 60, toHour * 60 - 1));
}

QString BackgroundActivity::reference(DemoRandom &rng, qint64 minute)
{
    return m_ledger.uniqueReference(rng, QStringLiteral("DB") + DemoClock::dateOf(minute).toString(QStringLiteral("yyMMdd")), 8);
}

void BackgroundActivity::add(DemoTransfer t, DemoRandom &rng)
{
    if (!inPeriod(DemoClock::dateOf(t.minute)))
        return;
    t.minute = DemoClock::avoidRepeatedHour(t.minute);
    if (t.ledger == Ledger::Bank) {
        if (t.from >= 0)
            t.debitRef = reference(rng, t.minute);
        if (t.to >= 0 || t.channel == Channel::Cash)
            t.creditRef = reference(rng, t.minute);
    } else {
        t.debitRef = m_ledger.uniqueReference(rng, QStringLiteral("TZ"), 12);
    }
    m_ledger.addTransfer(t);
}

void BackgroundActivity::createPerson(int index)
{
    DemoRandom rng(DemoRandom::streamSeed(m_seed, kPersonStream, static_cast<quint64>(index)));
    Person p;
    p.head = index - index % 3;
    const bool male = rng.chance(500);
    if (index == p.head) {
        p.family = rng.chance(600);
        p.name = NamePool::person(rng, male);
    } else {
        const Person &head = m_people[static_cast<size_t>(p.head)];
        p.family = head.family;
        p.name = p.family ? NamePool::relative(rng, head.name, male) : NamePool::person(rng, male);
    }
    const int block = index % kPeoplePerScale;
    const bool firstBlock = index < kPeoplePerScale;
    if (firstBlock && block == 7) {
        p.kind = Kind::MigrantSender;
        p.name = NamePool::person(rng, true, NamePool::Origin::Uzbek);
    } else if (firstBlock && block == 12) {
        p.kind = Kind::CashTrader;
    } else if (firstBlock && block % 10 == 3) {
        p.kind = Kind::RegularDonor;
    }
    // The decoys are working-age: a migrant worker and a trader.
    const QDate birth = p.kind == Kind::MigrantSender || p.kind == Kind::CashTrader
        ? QDate(1984, 1, 1).addDays(rng.uniform(0, 12 * 365))
        : QDate(1955, 1, 1).addDays(rng.uniform(0, 49 * 365));
    DemoParty party;
    party.name = p.name.full();
    party.city = QStringLiteral("Алматы");
    party.taxId = m_ledger.uniqueIin(rng, birth, p.name.male);
    p.party = m_ledger.addParty(party);

    DemoAccount account;
    account.party = p.party;
    account.bankKey = QStringLiteral("dala");
    account.id = m_ledger.uniqueKzIban(rng, account.bankKey);
    account.openingFloor = rng.logNormal(kzt(150'000), 16);
    p.account = m_ledger.addAccount(account);
    m_dalaAccounts.push_back(p.account);

    p.pensioner = birth.year() < 1962;
    const bool student = birth.year() > 2002;
    if (!p.pensioner && !student) {
        p.employer = rng.pick(m_city.employers());
        p.salary = std::clamp<qint64>(rng.logNormal(kzt(380'000), 10) / 100 * 100, kzt(120'000), kzt(2'500'000));
        p.payday = rng.pick(std::vector<int> { 5, 10, 15, 25 });
        p.advance = rng.chance(350);
    } else if (p.pensioner) {
        p.salary = kzt(rng.uniform(95, 190) * 1000);
    }
    if (index == p.head) {
        p.utilities = { 0, 1 };
        for (int u = 2; u < static_cast<int>(m_city.utilities().size()) - 1; ++u) {
            if (rng.chance(550))
                p.utilities.push_back(u);
        }
        p.utilityNumber = rng.digits(8);
        if (rng.chance(250)) {
            DemoParty owner;
            owner.name = NamePool::person(rng, rng.chance(500)).full();
            owner.city = QStringLiteral("Алматы");
            const QDate ownerBirth = QDate(1960, 1, 1).addDays(rng.uniform(0, 25 * 365));
            owner.taxId = m_ledger.uniqueIin(rng, ownerBirth, rng.chance(500));
            DemoAccount ownerAccount;
            ownerAccount.party = m_ledger.addParty(owner);
            ownerAccount.bankKey = rng.pick(DemoBanks::domesticKeys());
            ownerAccount.id = m_ledger.uniqueKzIban(rng, ownerAccount.bankKey);
            p.landlord = m_ledger.addAccount(ownerAccount);
            p.rent = kzt(rng.uniform(15, 25) * 10'000);
        }
    }
    if (p.employer >= 0 && rng.chance(300)) {
        p.loanPayment = kzt(rng.uniform(25, 90) * 1000);
        p.loanPayment += rng.uniform(0, 99) * 100;
        p.loanContract = QStringLiteral("%1-%2/2023").arg(rng.uniform(100000, 999999)).arg(rng.uniform(1, 12), 2, 10, QLatin1Char('0'));
    }
    p.phone = QStringLiteral("7") + rng.pick(QStringList { QStringLiteral("701"), QStringLiteral("707"), QStringLiteral("747"), QStringLiteral("777") });
    p.phone += rng.digits(7);

    if (p.kind == Kind::MigrantSender) {
        DemoAccount wallet;
        wallet.party = p.party;
        wallet.bankKey = QStringLiteral("tezpay");
        wallet.wallet = true;
        wallet.id = m_ledger.uniqueWalletId(rng);
        p.wallet = m_ledger.addAccount(wallet);
        DemoParty mother;
        PersonName motherName = NamePool::person(rng, false, NamePool::Origin::Uzbek);
        motherName.surname = NamePool::inflectSurname(p.name.surname, false);
        mother.name = motherName.full();
        mother.city = QStringLiteral("Ташкент");
        mother.country = QStringLiteral("UZ");
        p.relativeAbroad = m_ledger.addParty(mother);
    }
    m_people.push_back(p);
}

void BackgroundActivity::generate(DemoFacts &facts)
{
    const int count = kPeoplePerScale * m_scale;
    for (int i = 0; i < count; ++i)
        createPerson(i);
    for (int i = 0; i < count; ++i)
        live(i, facts);
    walletCrowd();
}

void BackgroundActivity::live(int index, DemoFacts &facts)
{
    DemoRandom rng(DemoRandom::streamSeed(m_seed, kLifeStream, static_cast<quint64>(index)));
    for (int month = 1; month <= 7; ++month)
        liveMonth(index, month, rng);

    const Person &p = m_people[static_cast<size_t>(index)];
    const QString account = m_ledger.account(p.account).id;
    if (p.kind == Kind::RegularDonor) {
        facts.addDecoy(QJsonObject { { QStringLiteral("name"), p.name.full() }, { QStringLiteral("account"), account },
                                     { QStringLiteral("why"), QStringLiteral("Small monthly donation to the fund from "
                                                                             "salary: an ordinary donor.") } });
    } else if (p.kind == Kind::MigrantSender) {
        facts.addDecoy(QJsonObject { { QStringLiteral("name"), p.name.full() }, { QStringLiteral("account"), account },
                                     { QStringLiteral("wallet"), m_ledger.account(p.wallet).id },
                                     { QStringLiteral("why"), QStringLiteral("Sends part of his salary to his mother's "
                                                                             "card in Tashkent every month: a migrant "
                                                                             "remittance, not the scheme.") } });
    } else if (p.kind == Kind::CashTrader) {
        facts.addDecoy(QJsonObject { { QStringLiteral("name"), p.name.full() }, { QStringLiteral("account"), account },
                                     { QStringLiteral("why"), QStringLiteral("Market trader depositing weekly cash takings "
                                                                             "well above the threshold (reported, not "
                                                                             "split) and paying a wholesaler.") } });
    }
}

void BackgroundActivity::liveMonth(int index, int month, DemoRandom &rng)
{
    const Person &p = m_people[static_cast<size_t>(index)];
    const auto transfer = [&](int from, int to, qint64 amount, const QString &purpose, qint64 minute) {
        DemoTransfer t;
        t.minute = minute;
        t.from = from;
        t.to = to;
        t.amount = amount;
        t.purpose = purpose;
        add(t, rng);
    };

    if (p.employer >= 0) {
        const qint64 pay = p.salary * rng.uniform(97, 104) / 100 / 100 * 100;
        const int forMonth = p.payday <= 15 ? month - 1 : month;
        if (p.advance) {
            const qint64 advance = p.salary * 40 / 100 / 100 * 100;
            transfer(p.employer, p.account, advance, QStringLiteral("Аванс за %1 2024 г.").arg(monthName(month)),
                     minuteIn(rng, workday(dayOfMonth(month, p.payday <= 15 ? 25 : 12)), 10, 18));
            transfer(p.employer, p.account, pay - advance,
                     QStringLiteral("Заработная плата за %1 2024 г. (окончательный расчет)").arg(monthName(forMonth)),
                     minuteIn(rng, workday(dayOfMonth(month, p.payday)), 10, 18));
        } else {
            transfer(p.employer, p.account, pay, QStringLiteral("Заработная плата за %1 2024 г.").arg(monthName(forMonth)),
                     minuteIn(rng, workday(dayOfMonth(month, p.payday)), 10, 18));
        }
    } else if (p.pensioner) {
        transfer(m_city.pensionPayer(), p.account, p.salary,
                 QStringLiteral("Пенсионные выплаты за %1 2024 г.").arg(monthName(month)),
                 minuteIn(rng, workday(dayOfMonth(month, 18)), 8, 12));
    }

    if (index == p.head)
        payUtilities(p, month, rng);
    shop(p, month, rng);

    const int atm = static_cast<int>(rng.uniform(0, 3));
    for (int i = 0; i < atm; ++i) {
        static const QStringList atms = { QStringLiteral("ATM DALA BANK ALMATY ABAYA 52"),
                                          QStringLiteral("ATM DALA BANK ALMATY SAMAL-2 58"),
                                          QStringLiteral("ATM DALA BANK ALMATY MEGA ROZYBAKIEVA 247"),
                                          QStringLiteral("ATM DALA BANK ALMATY TOLE BI 286") };
        DemoTransfer t;
        t.minute = minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(1, 28))), 8, 22);
        t.from = p.account;
        t.amount = kzt(rng.uniform(1, 6) * 10'000);
        t.channel = Channel::Cash;
        t.place = rng.pick(atms);
        t.purpose = QStringLiteral("Снятие наличных");
        add(t, rng);
    }

    if (p.landlord >= 0) {
        const QString purpose = rng.chance(300) ? QString() : QStringLiteral("Аренда квартиры за %1").arg(monthName(month));
        transfer(p.account, p.landlord, p.rent, purpose, minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(1, 5))), 9, 22));
    }
    if (p.loanPayment > 0) {
        transfer(p.account, m_city.loanAccount(), p.loanPayment,
                 QStringLiteral("Погашение займа по договору №%1").arg(p.loanContract),
                 minuteIn(rng, dayOfMonth(month, 20), 9, 20));
    }

    static const QStringList familyPurposes = { QString(), QString(), QStringLiteral("на продукты"), QStringLiteral("Перевод"),
                                                QStringLiteral("маме"), QStringLiteral("на расходы"), QStringLiteral("за коммуналку"),
                                                QStringLiteral("на учебу") };
    if (p.family) {
        const int transfers = static_cast<int>(rng.uniform(0, 3));
        for (int i = 0; i < transfers; ++i) {
            const int other = p.head + static_cast<int>(rng.uniform(0, 2));
            if (other == index || other >= static_cast<int>(m_people.size()))
                continue;
            const qint64 amount = kzt(rng.uniform(5, 100) * 1000);
            const QString purpose = rng.pick(familyPurposes);
            transfer(p.account, m_people[static_cast<size_t>(other)].account, amount, purpose,
                     minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(1, 28))), 8, 23));
        }
    }
    static const QStringList friendPurposes = { QString(), QStringLiteral("Перевод"), QStringLiteral("долг"),
                                                QStringLiteral("на подарок"), QStringLiteral("Возврат"), QStringLiteral("за билеты") };
    if (rng.chance(450)) {
        const int blockStart = index / kPeoplePerScale * kPeoplePerScale;
        const int other = blockStart + static_cast<int>(rng.uniform(0, kPeoplePerScale - 1));
        if (other != index) {
            const qint64 amount = kzt(rng.uniform(2, 30) * 1000);
            const QString purpose = rng.pick(friendPurposes);
            transfer(p.account, m_people[static_cast<size_t>(other)].account, amount, purpose,
                     minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(1, 28))), 8, 23));
        }
    }

    if (p.kind == Kind::RegularDonor) {
        const qint64 amount = kzt(rng.uniform(2, 5) * 1000);
        const QString purpose = rng.chance(500) ? QStringLiteral("Пожертвование") : QStringLiteral("Садака");
        transfer(p.account, m_charity, amount, purpose, minuteIn(rng, dayOfMonth(month, 12), 12, 21));
    } else if (p.kind == Kind::MigrantSender) {
        remit(p, month, rng);
    } else if (p.kind == Kind::CashTrader) {
        depositTakings(p, month, rng);
    }
}

void BackgroundActivity::payUtilities(const Person &p, int month, DemoRandom &rng)
{
    for (int u : p.utilities) {
        const CityDirectory::Utility &utility = m_city.utilities()[static_cast<size_t>(u)];
        qint64 median = utility.median;
        if (utility.winterHeavy && month <= 3)
            median = median * 9 / 5;
        DemoTransfer t;
        t.minute = minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(10, 25))), 9, 23);
        t.from = p.account;
        t.to = utility.account;
        t.amount = rng.logNormal(median, 5) / 100 * 100;
        t.amount += rng.uniform(0, 99);
        const QString period = month == 1 ? QStringLiteral("12.2023")
                                          : QStringLiteral("%1.2024").arg(month - 1, 2, 10, QLatin1Char('0'));
        t.purpose = utility.purpose.arg(p.utilityNumber, period);
        add(t, rng);
    }
    const CityDirectory::Utility &mobile = m_city.utilities().back();
    DemoTransfer t;
    t.minute = minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(1, 28))), 8, 23);
    t.from = p.account;
    t.to = mobile.account;
    t.amount = kzt(rng.uniform(2, 6) * 1000);
    t.purpose = mobile.purpose.arg(p.phone);
    add(t, rng);
}

void BackgroundActivity::shop(const Person &p, int month, DemoRandom &rng)
{
    int purchases = static_cast<int>(rng.uniform(5, 9));
    if (p.salary > kzt(500'000))
        purchases += static_cast<int>(rng.uniform(2, 6));
    for (int i = 0; i < purchases; ++i) {
        const int which = rng.weighted(m_city.merchantWeights());
        const CityDirectory::Merchant &m = m_city.merchants()[static_cast<size_t>(which)];
        DemoTransfer t;
        t.minute = minuteIn(rng, dayOfMonth(month, static_cast<int>(rng.uniform(1, 31))), 8, 23);
        t.from = p.account;
        t.to = m.account;
        t.amount = rng.logNormal(m.median, 12) / 100 * 100 + 100;
        t.channel = Channel::Card;
        t.place = m.descriptor;
        t.purpose = QStringLiteral("Покупка");
        add(t, rng);
    }
}

void BackgroundActivity::remit(const Person &p, int month, DemoRandom &rng)
{
    const QDate day = dayOfMonth(month, static_cast<int>(rng.uniform(3, 8)));
    const qint64 amount = kzt(rng.uniform(6, 12) * 10'000);
    DemoTransfer load;
    load.minute = minuteIn(rng, day, 19, 22);
    load.from = p.account;
    load.to = p.wallet;
    load.amount = amount + kzt(1'000);
    load.channel = Channel::Wallet;
    load.purpose = QStringLiteral("Пополнение кошелька TezPay");
    const qint64 loaded = load.minute;
    add(load, rng);

    DemoTransfer send;
    send.minute = loaded + rng.uniform(3, 40);
    send.seconds = static_cast<int>(rng.uniform(0, 59));
    send.from = p.wallet;
    send.toParty = p.relativeAbroad;
    send.amount = amount;
    send.currency2 = QStringLiteral("UZS");
    send.amount2 = amount * 2740 / 100; // about 27.4 sum per tenge in 2024
    send.channel = Channel::Card;
    send.ledger = Ledger::Wallet;
    send.place = QStringLiteral("8600 49** **** 4521");
    send.payoutCity = QStringLiteral("Ташкент");
    send.payoutAgent = QStringLiteral("Uzcard");
    send.purpose = rng.chance(500) ? QStringLiteral("Маме") : QStringLiteral("Для мамы на лекарства");
    add(send, rng);
}

void BackgroundActivity::depositTakings(const Person &p, int month, DemoRandom &rng)
{
    for (int day = 1; day <= QDate(2024, month, 1).daysInMonth(); ++day) {
        const QDate date(2024, month, day);
        if (date.dayOfWeek() != 1)
            continue;
        DemoTransfer t;
        t.minute = minuteIn(rng, date, 10, 12);
        t.to = p.account;
        t.fromParty = p.party;
        t.amount = kzt(rng.uniform(240, 480) * 10'000);
        t.channel = Channel::Cash;
        t.place = QStringLiteral("Касса: Алматинский филиал, отделение №4, ул. Жибек Жолы 115");
        t.purpose = QStringLiteral("Взнос наличных: торговая выручка");
        add(t, rng);
    }
    for (int day : { 8, 22 }) {
        DemoTransfer t;
        t.minute = minuteIn(rng, workday(dayOfMonth(month, day)), 11, 16);
        t.from = p.account;
        t.to = m_city.wholesaler();
        t.amount = kzt(rng.uniform(30, 80) * 100'000);
        t.purpose = QStringLiteral("Оплата за товар по счету на оплату №%1, без НДС").arg(rng.uniform(1000, 9999));
        add(t, rng);
    }
}

void BackgroundActivity::walletCrowd()
{
    const int count = kWalletUsersPerScale * m_scale;
    std::vector<int> wallets;
    std::vector<DemoRandom> streams;
    for (int i = 0; i < count; ++i) {
        DemoRandom rng(DemoRandom::streamSeed(m_seed, kWalletStream, static_cast<quint64>(i)));
        const bool male = rng.chance(500);
        DemoParty party;
        party.name = NamePool::person(rng, male).full();
        party.city = QStringLiteral("Алматы");
        party.taxId = m_ledger.uniqueIin(rng, QDate(1965, 1, 1).addDays(rng.uniform(0, 38 * 365)), male);
        DemoAccount wallet;
        wallet.party = m_ledger.addParty(party);
        wallet.bankKey = QStringLiteral("tezpay");
        wallet.wallet = true;
        wallet.id = m_ledger.uniqueWalletId(rng);
        wallet.openingFloor = kzt(rng.uniform(5, 80) * 1000);
        wallets.push_back(m_ledger.addAccount(wallet));
        streams.push_back(rng);
    }
    static const QStringList purposes = { QString(), QString(), QStringLiteral("Перевод"), QStringLiteral("долг"),
                                          QStringLiteral("На подарок"), QStringLiteral("за обед"), QStringLiteral("Возврат долга"),
                                          QStringLiteral("на день рождения"), QStringLiteral("за такси") };
    const int days = static_cast<int>(DemoClock::periodStart().daysTo(DemoClock::periodEnd()));
    for (int i = 0; i < count; ++i) {
        DemoRandom &rng = streams[static_cast<size_t>(i)];
        const int transfers = static_cast<int>(rng.uniform(2, 6));
        const int blockStart = i / kWalletUsersPerScale * kWalletUsersPerScale;
        for (int k = 0; k < transfers; ++k) {
            const int other = blockStart + static_cast<int>(rng.uniform(0, kWalletUsersPerScale - 1));
            if (other == i)
                continue;
            DemoTransfer t;
            t.minute = minuteIn(rng, DemoClock::periodStart().addDays(rng.uniform(0, days)), 8, 24);
            t.seconds = static_cast<int>(rng.uniform(0, 59));
            t.from = wallets[static_cast<size_t>(i)];
            t.to = wallets[static_cast<size_t>(other)];
            t.amount = std::max(kzt(500), rng.logNormal(kzt(8'000), 16) / kzt(500) * kzt(500));
            t.channel = Channel::Wallet;
            t.ledger = Ledger::Wallet;
            t.purpose = rng.pick(purposes);
            add(t, rng);
        }
    }
}

} // namespace fundtrace::demo
