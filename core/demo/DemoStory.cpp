#include "demo/DemoStory.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/ExportText.h"
#include "demo/NamePool.h"

#include <QJsonArray>
#include <algorithm>
#include <map>

namespace fundtrace::demo {

namespace {

constexpr qint64 kzt(qint64 tenge)
{
    return tenge * 100;
}

constexpr qint64 roundDown(qint64 minor, qint64 step)
{
    return minor / step * step;
}

// Approximate 2024 market rates, KZT per unit x 100, by month (January = index 0).
qint64 usdRate(const QDate &date)
{
    static constexpr qint64 rates[] = { 45500, 45100, 44900, 44600, 44200, 45200, 47000 };
    return rates[std::clamp(date.month(), 1, 7) - 1];
}

qint64 tryRate(const QDate &date)
{
    static constexpr qint64 rates[] = { 1510, 1480, 1420, 1385, 1370, 1390, 1430 };
    return rates[std::clamp(date.month(), 1, 7) - 1];
}

qint64 aedRate(const QDate &date)
{
    return usdRate(date) * 10000 / 36725; // the dirham is pegged at 3.6725 per dollar
}

QString foreignAmount(qint64 minor, const QString &currency)
{
    return ExportText::pointAmount(minor) + QLatin1Char(' ') + currency;
}

bool isRamadan(const QDate &date)
{
    return date >= QDate(2024, 3, 11) && date <= QDate(2024, 4, 9);
}

QString monthNameRu(int month)
{
    static const char *names[] = { "январь", "февраль", "март", "апрель", "май", "июнь",
                                   "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь" };
    return QString::fromUtf8(names[month - 1]);
}

QJsonObject accountJson(const DemoLedger &ledger, int account)
{
    const DemoAccount &a = ledger.account(account);
    return QJsonObject { { QStringLiteral("id"), a.id },
                         { QStringLiteral("institution"), DemoBanks::byKey(a.bankKey).name },
                         { QStringLiteral("kind"), a.wallet ? QStringLiteral("wallet") : QStringLiteral("bank account") } };
}

} // namespace

DemoStory::DemoStory(DemoLedger &ledger, const CityDirectory &city, quint64 seed)
    : m_ledger(ledger)
    , m_city(city)
    , m_rng(DemoRandom::streamSeed(seed, 0x5702))
{
}

int DemoStory::addPerson(const QString &name, const QDate &birth, bool male, const QString &city)
{
    DemoParty party;
    party.name = name;
    party.city = city;
    party.taxId = m_ledger.uniqueIin(m_rng, birth, male);
    return m_ledger.addParty(party);
}

int DemoStory::addAccount(int party, const QString &bankKey, qint64 openingFloor)
{
    DemoAccount account;
    account.party = party;
    account.bankKey = bankKey;
    account.openingFloor = openingFloor;
    if (bankKey == u"tezpay") {
        account.wallet = true;
        account.id = m_ledger.uniqueWalletId(m_rng);
    } else if (DemoBanks::byKey(bankKey).country == u"KZ") {
        account.id = m_ledger.uniqueKzIban(m_rng, bankKey);
    } else {
        account.id = m_ledger.uniqueForeignIban(m_rng, bankKey);
    }
    return m_ledger.addAccount(account);
}

qint64 DemoStory::randomMinute(const QDate &date, int fromHour, int toHour)
{
    const qint64 minute = DemoClock::minuteOf(date, 0, 0) + m_rng.uniform(fromHour * 60, toHour * 60 - 1);
    return DemoClock::avoidRepeatedHour(minute);
}

QString DemoStory::bankRef(qint64 minute)
{
    return m_ledger.uniqueReference(m_rng, QStringLiteral("DB") + DemoClock::dateOf(minute).toString(QStringLiteral("yyMMdd")), 8);
}

QString DemoStory::registryId()
{
    return m_ledger.uniqueReference(m_rng, QStringLiteral("TZ"), 12);
}

QString DemoStory::fundDocument()
{
    return QString::number(m_nextFundDocument++);
}

QString DemoStory::incomingDocument()
{
    return m_ledger.uniqueReference(m_rng, QString::number(m_rng.uniform(1, 9)), 5);
}

void DemoStory::createActors()
{
    DemoParty fund;
    fund.name = QStringLiteral("ОФ «Мейірім Жолы»");
    fund.latinName = QStringLiteral("Meyirim Zholy Public Fund");
    fund.organisation = true;
    fund.city = QStringLiteral("Алматы");
    fund.taxId = m_ledger.uniqueBin(m_rng, 2022, 9);
    m_charityParty = m_ledger.addParty(fund);
    m_charity = addAccount(m_charityParty, QStringLiteral("saryarka"), kzt(m_rng.uniform(250, 450)) * 1000);

    DemoParty tezpay;
    tezpay.name = QStringLiteral("ТОО «TezPay»");
    tezpay.latinName = QStringLiteral("TezPay LLP");
    tezpay.organisation = true;
    tezpay.city = QStringLiteral("Алматы");
    tezpay.taxId = m_ledger.uniqueBin(m_rng, 2017, 4);
    m_tezpaySettlement = addAccount(m_ledger.addParty(tezpay), QStringLiteral("saryarka"), kzt(900'000'000));

    DemoParty saryarka;
    saryarka.name = DemoBanks::byKey(QStringLiteral("saryarka")).name;
    saryarka.organisation = true;
    saryarka.city = QStringLiteral("Астана");
    saryarka.taxId = m_ledger.uniqueBin(m_rng, 1998, 6);
    m_saryarkaFees = addAccount(m_ledger.addParty(saryarka), QStringLiteral("saryarka"), 0);

    DemoParty dala;
    dala.name = DemoBanks::byKey(QStringLiteral("dala")).name;
    dala.organisation = true;
    dala.city = QStringLiteral("Алматы");
    dala.taxId = m_ledger.uniqueBin(m_rng, 1999, 3);
    m_dalaFees = addAccount(m_ledger.addParty(dala), QStringLiteral("dala"), 0);

    const QString almaty = QStringLiteral("Алматы");
    m_cashOut.key = QStringLiteral("collectorA");
    m_cashOut.party = addPerson(QStringLiteral("Жумабаев Арман Серикович"), QDate(1991, 4, 17), true, almaty);
    m_cashOut.account = addAccount(m_cashOut.party, QStringLiteral("dala"), kzt(40'000));
    m_walletSender.key = QStringLiteral("collectorB");
    m_walletSender.party = addPerson(QStringLiteral("Исмаилова Динара Рустамовна"), QDate(1994, 9, 2), false, almaty);
    m_walletSender.account = addAccount(m_walletSender.party, QStringLiteral("dala"), kzt(25'000));
    m_walletSender.wallet = addAccount(m_walletSender.party, QStringLiteral("tezpay"), 0);
    m_structurer.key = QStringLiteral("collectorC");
    m_structurer.party = addPerson(QStringLiteral("Ахмедов Тимур Ильясович"), QDate(1987, 12, 5), true,
                                   QStringLiteral("Шымкент"));
    m_structurer.account = addAccount(m_structurer.party, QStringLiteral("dala"), kzt(60'000));

    addRecipients();
    addDonors();
}

void DemoStory::addRecipients()
{
    struct Spec {
        const char *key;
        const char *name;
        bool organisation;
        const char *city;
        const char *country;
        const char *bankKey; // empty: cash pick-up
        const char *agent;
        const char *currency;
    };
    const Spec specs[] = {
        { "recipientReyhanli", "Abdulkerim Haci Omer", false, "Reyhanlı", "TR", "", "Reyhanlı Döviz ve Transfer", "USD" },
        { "recipientKilis", "Muhammed Halil Seyho", false, "Kilis", "TR", "", "Kilis Sınır Döviz Ltd. Şti.", "USD" },
        { "recipientGaziantep", "Yusuf Hamdan", false, "Gaziantep", "TR", "gdkb", "Güneydoğu Katılım Bankası", "TRY" },
        { "recipientTradeCover", "Sam Gida Ithalat Ihracat Ltd. Sti.", true, "Gaziantep", "TR", "hatay", "", "USD" },
        { "recipientExchangeHouse", "Zarqa Gulf Exchange LLC", true, "Dubai", "AE", "gulf", "", "AED" },
        { "recipientSharjah", "Omar Faisal Al-Hamwi", false, "Sharjah", "AE", "", "Al Zarqa Exchange, Rolla Street", "AED" },
    };
    for (const Spec &spec : specs) {
        DemoParty party;
        party.name = QString::fromUtf8(spec.name);
        party.latinName = party.name;
        party.organisation = spec.organisation;
        party.city = QString::fromUtf8(spec.city);
        party.country = QString::fromUtf8(spec.country);
        Recipient r;
        r.key = QString::fromUtf8(spec.key);
        r.party = m_ledger.addParty(party);
        r.city = party.city;
        r.agent = QString::fromUtf8(spec.agent);
        r.currency = QString::fromUtf8(spec.currency);
        if (*spec.bankKey)
            r.account = addAccount(r.party, QString::fromUtf8(spec.bankKey), 0);
        m_recipients.push_back(r);
    }
}

void DemoStory::addDonors()
{
    static const QStringList cities = { QStringLiteral("Алматы"), QStringLiteral("Алматы"), QStringLiteral("Алматы"),
                                        QStringLiteral("Шымкент"), QStringLiteral("Шымкент"), QStringLiteral("Астана"),
                                        QStringLiteral("Тараз"), QStringLiteral("Туркестан"), QStringLiteral("Кызылорда"),
                                        QStringLiteral("Талдыкорган") };
    constexpr int crowd = 450;
    for (int i = 0; i < crowd; ++i) {
        const bool male = m_rng.chance(540);
        const PersonName name = NamePool::person(m_rng, male);
        const QDate birth = QDate(1958, 1, 1).addDays(m_rng.uniform(0, 47 * 365));
        const int party = addPerson(name.full(), birth, male, m_rng.pick(cities));
        const bool wallet = m_rng.chance(600);
        QString bank = m_rng.pick(DemoBanks::domesticKeys());
        m_donorAccounts.push_back(addAccount(party, wallet ? QStringLiteral("tezpay") : bank, kzt(200'000)));
    }
    // A few well-off donors give large sums by bank transfer.
    const char *bigDonors[] = { "ИП «Нуртазин Б.К.»", "ТОО «Ажар Строй Инвест»", "ТОО «Сауда Орталығы Береке»",
                                "ТОО \"Шанырак Авто Сервис\"" };
    for (const char *name : bigDonors) {
        DemoParty party;
        party.name = QString::fromUtf8(name);
        party.organisation = true;
        party.city = QStringLiteral("Алматы");
        const int year = static_cast<int>(m_rng.uniform(2008, 2021));
        const int month = static_cast<int>(m_rng.uniform(1, 12));
        party.taxId = m_ledger.uniqueBin(m_rng, year, month);
        m_bigDonorAccounts.push_back(addAccount(m_ledger.addParty(party), m_rng.pick(DemoBanks::domesticKeys()), kzt(20'000'000)));
    }
    const PersonName patron { QStringLiteral("Кенжебаев"), QStringLiteral("Мухтар"), QStringLiteral("Болатович"), true };
    const int patronParty = addPerson(patron.full(), QDate(1969, 2, 11), true, QStringLiteral("Алматы"));
    m_bigDonorAccounts.push_back(addAccount(patronParty, QStringLiteral("turan"), kzt(10'000'000)));
}

void DemoStory::generate(DemoFacts &facts)
{
    generateDonations();
    generateTimezoneProbes(facts);
    generateSettlements(facts);
    generateFundExpenses();
    generatePayouts(facts);
    generateStructuring(facts);
    generateCollectorsLife();
    describe(facts);
}

void DemoStory::generateDonations()
{
    const QDate start = DemoClock::periodStart();
    const int days = static_cast<int>(start.daysTo(DemoClock::periodEnd())) + 1;
    // Giving follows the religious calendar: Ramadan 2024 (11 March - 9 April), Oraza Ait
    // (10 April), Kurban Ait (16 June), and Fridays.
    std::vector<int> dayWeights;
    for (int d = 0; d < days; ++d) {
        const QDate date = start.addDays(d);
        int w = 10;
        if (isRamadan(date))
            w = 26;
        if (date == QDate(2024, 4, 10))
            w = 32;
        if (date >= QDate(2024, 6, 13) && date <= QDate(2024, 6, 17))
            w = 18;
        if (date.dayOfWeek() == 5)
            w += 6;
        if (d < 10) // the campaign was launched just before the period starts
            w += 4;
        dayWeights.push_back(w);
    }
    static const std::vector<int> hourWeights = { 0, 0, 0, 0, 0, 1, 1, 3, 5, 6, 6, 6, 7, 7, 6, 6, 6, 7, 8, 10, 11, 11, 9, 5 };
    static const QStringList walletPurposes = {
        QStringLiteral("Пожертвование"), QStringLiteral("Садака"), QStringLiteral("садака"), QStringLiteral("Sadaqa"),
        QStringLiteral("Помощь детям"), QStringLiteral("на лечение"), QStringLiteral("Zakat"), QStringLiteral("Зекет"),
        QStringLiteral("Закят"), QStringLiteral("Мейірім Жолы"), QStringLiteral("Аллах разы болсын"),
        QStringLiteral("для детей на операцию"), QStringLiteral("помощь"), QStringLiteral("sadaqa"), QString(), QString(),
    };
    static const QStringList ramadanPurposes = { QStringLiteral("Ораза садақа"), QStringLiteral("Пітір садақа"),
                                                 QStringLiteral("Фитр садака"), QStringLiteral("Рамадан, садака") };
    static const QStringList bankPurposes = {
        QStringLiteral("Благотворительная помощь"), QStringLiteral("Пожертвование на уставные цели фонда"),
        QStringLiteral("Добровольное пожертвование"), QStringLiteral("Помощь детям на лечение"),
        QStringLiteral("Благотворительный взнос"), QStringLiteral("Садака"), QStringLiteral("Пожертвование"),
    };

    const auto donate = [&](int account, const QDate &date, qint64 amount) {
        DemoTransfer t;
        int hour = m_rng.weighted(hourWeights);
        t.minute = randomMinute(date, hour, hour + 1);
        t.seconds = static_cast<int>(m_rng.uniform(0, 59));
        t.from = account;
        t.to = m_charity;
        t.amount = amount;
        const bool wallet = m_ledger.account(account).wallet;
        if (wallet) {
            t.ledger = Ledger::Wallet;
            t.channel = Channel::Wallet;
            t.purpose = isRamadan(date) && m_rng.chance(350) ? m_rng.pick(ramadanPurposes) : m_rng.pick(walletPurposes);
            t.debitRef = registryId();
        } else {
            t.purpose = m_rng.pick(bankPurposes);
            t.debitRef = m_ledger.uniqueReference(m_rng, QStringLiteral("PP"), 9);
            t.creditRef = incomingDocument();
            m_charityFlows.emplace_back(t.minute, amount);
        }
        m_donationTotal += amount;
        ++m_donationCount;
        m_ledger.addTransfer(t);
    };

    for (int account : m_donorAccounts) {
        const bool regular = m_rng.chance(80);
        int count = regular ? 6 : 1 + m_rng.weighted({ 40, 25, 15, 10, 6, 4 });
        const int dayOfMonth = static_cast<int>(m_rng.uniform(1, 28));
        qint64 usual = m_rng.logNormal(kzt(6'000), 18);
        usual = std::clamp<qint64>(usual, kzt(500), kzt(150'000));
        for (int i = 0; i < count; ++i) {
            const QDate date = regular ? QDate(2024, 2 + i, dayOfMonth) : start.addDays(m_rng.weighted(dayWeights));
            if (date > DemoClock::periodEnd())
                continue;
            qint64 amount = m_rng.chance(700) ? usual : m_rng.logNormal(usual, 10);
            // People give round sums: mostly whole thousands, sometimes 500s, rarely odd amounts.
            const int rounding = m_rng.weighted({ 70, 20, 10 });
            const qint64 step = rounding == 0 ? kzt(1'000) : rounding == 1 ? kzt(500) : kzt(100);
            amount = std::max(step, roundDown(amount, step));
            donate(account, date, amount);
        }
    }
    for (int account : m_bigDonorAccounts) {
        const int count = static_cast<int>(m_rng.uniform(2, 5));
        for (int i = 0; i < count; ++i) {
            const QDate date = start.addDays(m_rng.weighted(dayWeights));
            donate(account, date, roundDown(m_rng.logNormal(kzt(500'000), 14), kzt(50'000)) + kzt(50'000));
        }
    }
}

void DemoStory::generateTimezoneProbes(DemoFacts &facts)
{
    // Movements minutes before and after Almaty moved from UTC+6 to UTC+5 (2024-03-01 00:00).
    const qint64 before = DemoClock::minuteOf(QDate(2024, 2, 29), 22, 50);
    const qint64 after = DemoClock::minuteOf(QDate(2024, 3, 1), 0, 10);
    for (qint64 minute : { before, after }) {
        DemoTransfer taxi;
        taxi.minute = minute;
        taxi.from = m_cashOut.account;
        taxi.to = m_city.merchants()[6].account;
        taxi.amount = kzt(m_rng.uniform(14, 29) * 100);
        taxi.channel = Channel::Card;
        taxi.place = m_city.merchants()[6].descriptor;
        taxi.purpose = QStringLiteral("Покупка");
        taxi.debitRef = bankRef(minute);
        facts.addTimezoneCheck(QStringLiteral("bank1_statement_utf8.csv"), taxi.debitRef, DemoClock::isoMinutes(minute),
                               DemoClock::isoUtc(DemoClock::toUtcMinute(minute)));
        m_ledger.addTransfer(taxi);

        DemoTransfer gift;
        gift.minute = minute - 5;
        gift.from = m_donorAccounts[1];
        if (m_ledger.account(gift.from).wallet) {
            for (int account : m_donorAccounts) {
                if (!m_ledger.account(account).wallet) {
                    gift.from = account;
                    break;
                }
            }
        }
        gift.to = m_charity;
        gift.amount = kzt(5'000);
        gift.purpose = QStringLiteral("Пожертвование");
        gift.debitRef = m_ledger.uniqueReference(m_rng, QStringLiteral("PP"), 9);
        gift.creditRef = incomingDocument();
        m_charityFlows.emplace_back(gift.minute, gift.amount);
        m_donationTotal += gift.amount;
        ++m_donationCount;
        facts.addTimezoneCheck(QStringLiteral("bank2_vypiska_cp1251.csv"), gift.creditRef,
                               DemoClock::dottedMinutes(gift.minute), DemoClock::isoUtc(DemoClock::toUtcMinute(gift.minute)));
        m_ledger.addTransfer(gift);

        DemoTransfer sadaqa;
        sadaqa.minute = minute + 3;
        sadaqa.seconds = 41;
        for (int account : m_donorAccounts) {
            if (m_ledger.account(account).wallet) {
                sadaqa.from = account;
                break;
            }
        }
        sadaqa.to = m_charity;
        sadaqa.amount = kzt(2'000);
        sadaqa.purpose = QStringLiteral("Садака");
        sadaqa.channel = Channel::Wallet;
        sadaqa.ledger = Ledger::Wallet;
        sadaqa.debitRef = registryId();
        m_donationTotal += sadaqa.amount;
        ++m_donationCount;
        const qint64 utc = DemoClock::toUtcMinute(sadaqa.minute);
        facts.addTimezoneCheck(QStringLiteral("wallet_transfers.tsv"), sadaqa.debitRef, DemoClock::dottedSeconds(utc, 41),
                               DemoClock::isoUtc(utc).replace(QStringLiteral(":00Z"), QStringLiteral(":41Z")));
        m_ledger.addTransfer(sadaqa);
    }
}

void DemoStory::generateSettlements(DemoFacts &facts)
{
    // The wallet operator settles each day's donations to the fund's bank account next morning in
    // one credit: the individual donors are visible only in the wallet registry.
    std::map<QDate, std::pair<int, qint64>> byDay;
    for (const DemoTransfer &t : m_ledger.transfers()) {
        if (t.ledger == Ledger::Wallet && t.to == m_charity) {
            auto &day = byDay[DemoClock::dateOf(t.minute)];
            day.first += 1;
            day.second += t.amount;
        }
    }
    int settlements = 0;
    qint64 settled = 0;
    for (const auto &[date, day] : byDay) {
        const QDate when = date.addDays(1);
        if (when > DemoClock::periodEnd())
            continue;
        DemoTransfer t;
        t.minute = randomMinute(when, 9, 10);
        t.from = m_tezpaySettlement;
        t.to = m_charity;
        t.amount = day.second;
        t.purpose = QStringLiteral("Зачисление переводов TezPay за %1, реестр №%2, кол-во %3")
                        .arg(DemoClock::dottedDate(date))
                        .arg(m_rng.uniform(40000, 49999))
                        .arg(day.first);
        t.debitRef = m_ledger.uniqueReference(m_rng, QStringLiteral("TZS"), 8);
        t.creditRef = incomingDocument();
        m_charityFlows.emplace_back(t.minute, t.amount);
        m_ledger.addTransfer(t);
        ++settlements;
        settled += t.amount;
    }
    facts.setValue(QStringLiteral("walletSettlements"),
                   QJsonObject { { QStringLiteral("count"), settlements },
                                 { QStringLiteral("totalMinor"), settled },
                                 { QStringLiteral("note"),
                                   QStringLiteral("Each credit from ТОО «TezPay» in bank2 is the sum of the previous "
                                                  "day's wallet donations listed one by one in wallet_transfers.tsv; "
                                                  "do not count both as separate money. Donations of the last day "
                                                  "settle after the period.") } });
}

void DemoStory::generateFundExpenses()
{
    const auto pay = [this](qint64 minute, int to, qint64 amount, const QString &purpose, bool fee) {
        DemoTransfer t;
        t.minute = minute;
        t.from = m_charity;
        t.to = to;
        t.amount = amount;
        t.purpose = purpose;
        t.dateOnly = fee;
        t.debitRef = fee ? m_ledger.uniqueReference(m_rng, QStringLiteral("K"), 6) : fundDocument();
        t.creditRef = bankRef(minute);
        m_charityFlows.emplace_back(minute, -amount);
        m_ledger.addTransfer(t);
    };
    for (int month = 2; month <= 7; ++month) {
        QDate rentDay(2024, month, 5);
        while (rentDay.dayOfWeek() > 5)
            rentDay = rentDay.addDays(1);
        pay(randomMinute(rentDay, 10, 12), m_city.officeLandlord(), kzt(180'000),
            QStringLiteral("Аренда офиса по договору №14/23 от 01.10.2023 за %1 2024 г.").arg(monthNameRu(month - 1)), false);
    }
    for (int month = 1; month <= 6; ++month) {
        const QDate day(2024, month, 20);
        // The visible charitable work: food parcels, more of them in Ramadan.
        const qint64 amount = month == 3 ? kzt(m_rng.uniform(55, 70) * 10'000) : kzt(m_rng.uniform(15, 35) * 10'000);
        const QString purpose = QStringLiteral("Оплата за продуктовые наборы для малообеспеченных семей по счету на оплату №%1 от %2")
                                    .arg(m_rng.uniform(1000, 9999))
                                    .arg(DemoClock::dottedDate(day.addDays(-2)));
        pay(randomMinute(day, 11, 16), m_city.wholesaler(), amount, purpose, false);
        const QDate last(2024, month, QDate(2024, month, 1).daysInMonth());
        pay(DemoClock::minuteOf(last, 23, 0) - (month == 2 ? 120 : 0), m_saryarkaFees, kzt(2'500),
            QStringLiteral("Комиссия за ведение счета за %1 2024 г.").arg(monthNameRu(month)), true);
    }
}

void DemoStory::generatePayouts(DemoFacts &facts)
{
    for (const DemoTransfer &t : m_ledger.transfers()) { // background people who donate
        if (t.to == m_charity && t.ledger == Ledger::Bank && t.from >= 0
            && std::find(m_donorAccounts.begin(), m_donorAccounts.end(), t.from) == m_donorAccounts.end()
            && std::find(m_bigDonorAccounts.begin(), m_bigDonorAccounts.end(), t.from) == m_bigDonorAccounts.end()
            && t.from != m_tezpaySettlement)
            m_charityFlows.emplace_back(t.minute, t.amount);
    }
    const qint64 opening = m_ledger.account(m_charity).openingFloor;
    const qint64 reserve = kzt(300'000);
    const QDate start = DemoClock::periodStart().addDays(3);
    QDate lastPayout = start.addDays(-10);
    for (QDate day = start; day <= DemoClock::periodEnd().addDays(-3); day = day.addDays(1)) {
        if (day.dayOfWeek() == 7 || lastPayout.daysTo(day) < 3)
            continue;
        const qint64 dayStart = DemoClock::minuteOf(day, 0, 0);
        qint64 balance = opening;
        for (const auto &[minute, delta] : m_charityFlows) {
            if (minute < dayStart)
                balance += delta;
        }
        if (balance - reserve < kzt(700'000))
            continue;
        const qint64 total = roundDown((balance - reserve) * 9 / 10, kzt(10'000));
        std::vector<Collector> who = { m_cashOut, m_walletSender, m_structurer };
        const int count = 1 + m_rng.weighted({ 30, 40, 30 });
        for (int i = 2; i > 0; --i) // shuffle
            std::swap(who[static_cast<size_t>(i)], who[static_cast<size_t>(m_rng.uniform(0, i))]);
        std::vector<qint64> shares;
        qint64 shareSum = 0;
        for (int i = 0; i < count; ++i) {
            shares.push_back(m_rng.uniform(2, 5));
            shareSum += shares.back();
        }
        qint64 left = total;
        qint64 minute = randomMinute(day, 10, 17);
        for (int i = 0; i < count; ++i) {
            const qint64 amount = i + 1 == count ? left : roundDown(total * shares[static_cast<size_t>(i)] / shareSum, kzt(10'000));
            left -= amount;
            if (i > 0) // the next collector the same day or the day after
                minute = m_rng.chance(500) ? minute + m_rng.uniform(15, 120)
                                           : std::max(minute + 15, randomMinute(day.addDays(1), 10, 17));
            payOut(who[static_cast<size_t>(i)], minute, amount, facts);
        }
        lastPayout = DemoClock::dateOf(minute);
    }
}

void DemoStory::payOut(const Collector &collector, qint64 minute, qint64 amount, DemoFacts &facts)
{
    DemoTransfer t;
    t.minute = minute;
    t.from = m_charity;
    t.to = collector.account;
    t.amount = amount;
    t.debitRef = fundDocument();
    t.creditRef = bankRef(minute);
    if (collector.key == m_cashOut.key)
        t.purpose = QStringLiteral("Выдача под отчет на хозяйственные нужды, приказ №%1").arg(m_rng.uniform(11, 99));
    else if (collector.key == m_walletSender.key)
        t.purpose = QStringLiteral("Оплата по договору оказания услуг №7 от 15.01.2024 (координация волонтеров)");
    else
        t.purpose = QStringLiteral("Материальная помощь на лечение подопечных, авансовый отчет №%1").arg(m_rng.uniform(100, 400));
    m_charityFlows.emplace_back(minute, -amount);
    m_ledger.addTransfer(t);
    m_payoutTotal += amount;

    DemoTransfer fee;
    fee.minute = minute + 1;
    fee.from = m_charity;
    fee.to = m_saryarkaFees;
    fee.amount = kzt(350);
    fee.dateOnly = true;
    fee.purpose = QStringLiteral("Комиссия за перевод по п/п №%1").arg(t.debitRef);
    fee.debitRef = m_ledger.uniqueReference(m_rng, QStringLiteral("K"), 6);
    m_charityFlows.emplace_back(fee.minute, -fee.amount);
    m_ledger.addTransfer(fee);

    facts.addToList(QStringLiteral("payouts"),
                    QJsonObject { { QStringLiteral("time"), DemoClock::isoMinutes(minute) },
                                  { QStringLiteral("collector"), collector.key },
                                  { QStringLiteral("account"), m_ledger.account(collector.account).id },
                                  { QStringLiteral("amountMinor"), amount },
                                  { QStringLiteral("fundDocument"), t.debitRef },
                                  { QStringLiteral("collectorReference"), t.creditRef } });

    if (collector.key == m_cashOut.key)
        cashOut(minute, amount, facts);
    else if (collector.key == m_walletSender.key)
        sendThroughWallet(minute, amount, facts);
    else
        forwardBySwift(minute, amount, facts);
}

void DemoStory::cashOut(qint64 after, qint64 received, DemoFacts &facts)
{
    static const QStringList atms = {
        QStringLiteral("ATM DALA BANK ALMATY RAIYMBEK 221"), QStringLiteral("ATM DALA BANK ALMATY ABAYA 52"),
        QStringLiteral("ATM DALA BANK ALMATY ZHIBEK ZHOLY 115"), QStringLiteral("ATM DALA BANK ALMATY TOLE BI 286"),
        QStringLiteral("ATM DALA BANK SHYMKENT TAUKE KHAN 34"), QStringLiteral("ATM DALA BANK TURKESTAN SATTARKHANOV 12"),
    };
    qint64 left = roundDown(received * 95 / 100, kzt(10'000));
    qint64 minute = after + m_rng.uniform(45, 240);
    int today = 0;
    while (left > 0) {
        // ATMs pay out at most 500 000 KZT per withdrawal; three a day, then the next day.
        const qint64 amount = std::min(left, left > kzt(500'000) && m_rng.chance(300) ? kzt(m_rng.uniform(30, 49) * 10'000)
                                                                                  : kzt(500'000));
        if (today == 3 || DemoClock::minuteOfDay(minute) > 22 * 60) {
            minute = randomMinute(DemoClock::dateOf(minute).addDays(1), 9, 12);
            today = 0;
        }
        DemoTransfer t;
        t.minute = DemoClock::avoidRepeatedHour(minute);
        t.from = m_cashOut.account;
        t.amount = amount;
        t.channel = Channel::Cash;
        t.place = m_rng.pick(atms);
        t.purpose = QStringLiteral("Снятие наличных");
        t.debitRef = bankRef(t.minute);
        m_ledger.addTransfer(t);
        m_cashTotal += amount;
        facts.addToList(QStringLiteral("cashWithdrawals"),
                        QJsonObject { { QStringLiteral("time"), DemoClock::isoMinutes(t.minute) },
                                      { QStringLiteral("amountMinor"), amount },
                                      { QStringLiteral("atm"), t.place },
                                      { QStringLiteral("reference"), t.debitRef } });
        left -= amount;
        ++today;
        minute += m_rng.uniform(8, 95);
    }
}

void DemoStory::sendThroughWallet(qint64 after, qint64 received, DemoFacts &facts)
{
    const DemoAccount &wallet = m_ledger.account(m_walletSender.wallet);
    const QString phone = wallet.id.mid(3);
    const QString spokenPhone = QStringLiteral("+7 %1 %2 %3 %4").arg(phone.mid(1, 3), phone.mid(4, 3), phone.mid(7, 2), phone.mid(9, 2));
    qint64 toWallet = roundDown(received * 93 / 100, kzt(1'000));
    qint64 minute = after + m_rng.uniform(30, 180);
    qint64 loaded = 0;
    while (toWallet > 0) {
        const qint64 amount = std::min(toWallet, kzt(1'000'000));
        DemoTransfer t;
        t.minute = DemoClock::avoidRepeatedHour(minute);
        t.from = m_walletSender.account;
        t.to = m_walletSender.wallet;
        t.amount = amount;
        t.channel = Channel::Wallet;
        t.purpose = QStringLiteral("Пополнение кошелька TezPay %1").arg(spokenPhone);
        t.debitRef = bankRef(t.minute);
        m_ledger.addTransfer(t);
        toWallet -= amount;
        loaded += amount;
        minute += m_rng.uniform(4, 25);
    }

    static const QStringList purposes = {
        QStringLiteral("Помощь родственникам"), QStringLiteral("Материальная помощь"), QStringLiteral("Личный перевод"),
        QStringLiteral("Перевод родственнику"), QStringLiteral("for family"), QStringLiteral("Возврат долга"),
        QStringLiteral("help"), QStringLiteral("Помощь семье\nпо договоренности"), QStringLiteral("На лечение\nбрату"),
    };
    qint64 left = loaded;
    minute += m_rng.uniform(20, 120);
    while (left >= kzt(150'000)) {
        const int which = m_rng.weighted({ 30, 25, 25, 0, 0, 20 });
        const Recipient &r = m_recipients[static_cast<size_t>(which)];
        const QDate date = DemoClock::dateOf(minute);
        DemoTransfer t;
        t.from = m_walletSender.wallet;
        t.to = r.account;
        t.toParty = r.party;
        t.ledger = Ledger::Wallet;
        t.currency2 = r.currency;
        t.payoutCity = r.city;
        t.payoutAgent = r.agent;
        if (r.currency == u"USD") {
            qint64 dollars = m_rng.uniform(5, 15) * 100;
            dollars = std::min(dollars, left * 100 / usdRate(date) / 100 / 100 * 100);
            if (dollars < 300)
                break;
            t.amount2 = dollars * 100;
            t.amount = t.amount2 * usdRate(date) / 100;
            t.channel = Channel::Agent;
        } else if (r.currency == u"AED") {
            qint64 dirhams = m_rng.uniform(20, 60) * 100;
            dirhams = std::min(dirhams, left * 100 / aedRate(date) / 100 / 100 * 100);
            if (dirhams < 1000)
                break;
            t.amount2 = dirhams * 100;
            t.amount = t.amount2 * aedRate(date) / 100;
            t.channel = Channel::Agent;
        } else {
            t.amount = std::min(left, kzt(m_rng.uniform(20, 70) * 10'000));
            t.amount2 = t.amount * 100 / tryRate(date);
            t.channel = Channel::Wallet;
        }
        t.minute = DemoClock::avoidRepeatedHour(minute);
        t.seconds = static_cast<int>(m_rng.uniform(0, 59));
        t.purpose = m_rng.pick(purposes);
        t.debitRef = registryId();
        m_ledger.addTransfer(t);
        left -= t.amount;
        m_abroadTotal += t.amount;
        facts.addToList(QStringLiteral("abroadTransfers"),
                        QJsonObject { { QStringLiteral("time"), DemoClock::isoMinutes(t.minute) },
                                      { QStringLiteral("from"), m_walletSender.key },
                                      { QStringLiteral("fromAccount"), wallet.id },
                                      { QStringLiteral("to"), r.key },
                                      { QStringLiteral("amountMinor"), t.amount },
                                      { QStringLiteral("payoutMinor"), t.amount2 },
                                      { QStringLiteral("payoutCurrency"), t.currency2 },
                                      { QStringLiteral("channel"), channelCode(t.channel) },
                                      { QStringLiteral("file"), QStringLiteral("wallet_transfers.tsv") },
                                      { QStringLiteral("externalId"), t.debitRef } });
        minute += m_rng.chance(400) ? m_rng.uniform(600, 1800) : m_rng.uniform(10, 90);
        if (DemoClock::minuteOfDay(minute) < 8 * 60 || DemoClock::minuteOfDay(minute) > 22 * 60)
            minute = randomMinute(DemoClock::dateOf(minute).addDays(DemoClock::minuteOfDay(minute) > 22 * 60 ? 1 : 0), 9, 12);
    }
}

void DemoStory::forwardBySwift(qint64 after, qint64 received, DemoFacts &facts)
{
    const Recipient &recipient = m_recipients[m_rng.chance(600) ? 2 : 4];
    const QDate day = DemoClock::dateOf(after).addDays(m_rng.uniform(1, 2));
    wireAbroad(recipient, randomMinute(day, 10, 16), roundDown(received * 85 / 100, kzt(10'000)), QString(), facts,
               QStringLiteral("payout"));
}

void DemoStory::wireAbroad(const Recipient &recipient, qint64 minute, qint64 amount, const QString &purpose,
                           DemoFacts &facts, const QString &reason)
{
    const QDate date = DemoClock::dateOf(minute);
    DemoTransfer t;
    t.minute = minute;
    t.from = m_structurer.account;
    t.to = recipient.account;
    t.amount = amount;
    const qint64 usd = amount * 100 / usdRate(date);
    t.purpose = !purpose.isEmpty()
        ? purpose
        : QStringLiteral("Перевод в пользу нерезидента, личный перевод (материальная помощь), экв. %1")
              .arg(foreignAmount(usd, QStringLiteral("USD")));
    t.debitRef = bankRef(minute);
    m_ledger.addTransfer(t);
    m_abroadTotal += amount;

    DemoTransfer fee;
    fee.minute = minute + 1;
    fee.from = m_structurer.account;
    fee.to = m_dalaFees;
    fee.amount = std::max(kzt(5'000), roundDown(amount / 500, 100));
    fee.purpose = QStringLiteral("Комиссия за перевод SWIFT %1").arg(t.debitRef);
    fee.debitRef = bankRef(fee.minute);
    m_ledger.addTransfer(fee);

    facts.addToList(QStringLiteral("abroadTransfers"),
                    QJsonObject { { QStringLiteral("time"), DemoClock::isoMinutes(minute) },
                                  { QStringLiteral("from"), m_structurer.key },
                                  { QStringLiteral("fromAccount"), m_ledger.account(m_structurer.account).id },
                                  { QStringLiteral("to"), recipient.key },
                                  { QStringLiteral("toAccount"), m_ledger.account(recipient.account).id },
                                  { QStringLiteral("amountMinor"), amount },
                                  { QStringLiteral("channel"), QStringLiteral("transfer") },
                                  { QStringLiteral("fundedBy"), reason },
                                  { QStringLiteral("file"), QStringLiteral("bank1_statement_utf8.csv") },
                                  { QStringLiteral("externalId"), t.debitRef } });
}

void DemoStory::generateStructuring(DemoFacts &facts)
{
    static const QStringList branches = {
        QStringLiteral("Касса: Шымкентский филиал, отделение №3, пр. Тауке хана 34"),
        QStringLiteral("Касса: Шымкентский филиал, отделение №7, ул. Байтурсынова 51"),
        QStringLiteral("Касса: Алматинский филиал, отделение №12, пр. Райымбека 348"),
        QStringLiteral("Касса: Туркестанский филиал, отделение №1, ул. Саттарханова 12"),
    };
    const QDate episodes[] = { QDate(2024, 2, 19), QDate(2024, 4, 15), QDate(2024, 6, 3) };
    for (const QDate &base : episodes) {
        QDate day = base.addDays(m_rng.uniform(0, 2));
        const int deposits = static_cast<int>(m_rng.uniform(4, 6));
        const int doubleDay = static_cast<int>(m_rng.uniform(1, deposits - 1)); // two branches, one day
        qint64 sum = 0;
        qint64 minute = 0;
        QString lastBranch;
        for (int i = 0; i < deposits; ++i) {
            if (i > 0 && i != doubleDay) {
                day = day.addDays(1);
                while (day.dayOfWeek() == 7)
                    day = day.addDays(1);
            }
            minute = i == doubleDay ? minute + m_rng.uniform(70, 200) : randomMinute(day, 10, 13);
            // Always under the threshold: 1 900 000 - 1 990 000 KZT.
            const qint64 amount = kzt(1'900'000 + m_rng.uniform(0, 9) * 10'000);
            DemoTransfer t;
            t.minute = minute;
            t.to = m_structurer.account;
            t.fromParty = m_structurer.party;
            t.amount = amount;
            t.channel = Channel::Cash;
            t.place = m_rng.pick(branches);
            while (i == doubleDay && t.place == lastBranch) // the second deposit of a day: another branch
                t.place = m_rng.pick(branches);
            lastBranch = t.place;
            t.purpose = QStringLiteral("Взнос наличных на собственный счет");
            t.creditRef = bankRef(minute);
            m_ledger.addTransfer(t);
            sum += amount;
            facts.addToList(QStringLiteral("structuredDeposits"),
                            QJsonObject { { QStringLiteral("time"), DemoClock::isoMinutes(minute) },
                                          { QStringLiteral("amountMinor"), amount },
                                          { QStringLiteral("branch"), t.place },
                                          { QStringLiteral("account"), m_ledger.account(m_structurer.account).id },
                                          { QStringLiteral("reference"), t.creditRef } });
        }
        const QDate wireDay = day.addDays(m_rng.uniform(1, 3));
        const bool tradeCover = m_rng.chance(650);
        const Recipient &r = m_recipients[tradeCover ? 3 : 4];
        const qint64 amount = roundDown(sum * 98 / 100, kzt(10'000));
        const QString purpose = tradeCover
            ? QStringLiteral("Оплата за товар (сухофрукты, орехи) по контракту №%1/24 от %2, инвойс №%3, экв. %4")
                  .arg(m_rng.uniform(10, 60))
                  .arg(DemoClock::dottedDate(base.addDays(-m_rng.uniform(20, 40))))
                  .arg(m_rng.uniform(100, 999))
                  .arg(foreignAmount(amount * 100 / usdRate(wireDay), QStringLiteral("USD")))
            : QString();
        wireAbroad(r, randomMinute(wireDay, 10, 16), amount, purpose, facts, QStringLiteral("structuredCash"));
    }
}

void DemoStory::generateCollectorsLife()
{
    // Enough everyday spending that the collectors' accounts look lived-in.
    for (const Collector *c : { &m_cashOut, &m_walletSender, &m_structurer }) {
        for (QDate day = DemoClock::periodStart(); day <= DemoClock::periodEnd(); day = day.addDays(1)) {
            if (!m_rng.chance(230))
                continue;
            const int which = m_rng.weighted(m_city.merchantWeights());
            const CityDirectory::Merchant &m = m_city.merchants()[static_cast<size_t>(which)];
            DemoTransfer t;
            t.minute = randomMinute(day, 8, 22);
            t.from = c->account;
            t.to = m.account;
            t.amount = roundDown(m_rng.logNormal(m.median, 12), 100) + 100;
            t.channel = Channel::Card;
            t.place = m.descriptor;
            t.purpose = QStringLiteral("Покупка");
            t.debitRef = bankRef(t.minute);
            m_ledger.addTransfer(t);
        }
    }
}

std::vector<int> DemoStory::dalaAccounts() const
{
    return { m_cashOut.account, m_walletSender.account, m_structurer.account };
}

void DemoStory::describe(DemoFacts &facts) const
{
    const auto person = [this](const Collector &c, const QJsonArray &roles, const QString &note) {
        QJsonArray accounts { accountJson(m_ledger, c.account) };
        if (c.wallet >= 0)
            accounts.append(accountJson(m_ledger, c.wallet));
        const DemoParty &p = m_ledger.party(c.party);
        return QJsonObject { { QStringLiteral("key"), c.key }, { QStringLiteral("roles"), roles },
                             { QStringLiteral("name"), p.name }, { QStringLiteral("taxId"), p.taxId },
                             { QStringLiteral("city"), p.city }, { QStringLiteral("accounts"), accounts },
                             { QStringLiteral("note"), note } };
    };
    const DemoParty &fund = m_ledger.party(m_charityParty);
    facts.addSubject(QJsonObject {
        { QStringLiteral("key"), QStringLiteral("charity") },
        { QStringLiteral("roles"), QJsonArray { QStringLiteral("charity"), QStringLiteral("passThrough") } },
        { QStringLiteral("name"), fund.name },
        { QStringLiteral("latinName"), fund.latinName },
        { QStringLiteral("taxId"), fund.taxId },
        { QStringLiteral("city"), fund.city },
        { QStringLiteral("accounts"), QJsonArray { accountJson(m_ledger, m_charity) } },
        { QStringLiteral("note"), QStringLiteral("Registered public fund; collects crowdfunded donations and passes "
                                                 "about 90% to three private persons within 1-2 days.") } });
    facts.addSubject(person(m_cashOut, { QStringLiteral("collector"), QStringLiteral("cashOut") },
                            QStringLiteral("Withdraws what the fund pays him at ATMs within hours.")));
    facts.addSubject(person(m_walletSender, { QStringLiteral("collector"), QStringLiteral("passThrough"), QStringLiteral("walletSender") },
                            QStringLiteral("Loads her TezPay wallet and sends the money to cash pick-up agents in "
                                           "Reyhanlı and Kilis (Turkey, Syrian border), to Gaziantep and to Sharjah.")));
    facts.addSubject(person(m_structurer, { QStringLiteral("collector"), QStringLiteral("structuring"), QStringLiteral("wireAbroad") },
                            QStringLiteral("Deposits cash just under the threshold at several branches, then wires "
                                           "it abroad as payment for goods; also forwards fund payouts by SWIFT.")));
    for (const Recipient &r : m_recipients) {
        const DemoParty &p = m_ledger.party(r.party);
        QJsonObject subject { { QStringLiteral("key"), r.key },
                              { QStringLiteral("roles"), QJsonArray { QStringLiteral("abroadRecipient") } },
                              { QStringLiteral("name"), p.name },
                              { QStringLiteral("city"), r.city },
                              { QStringLiteral("country"), p.country },
                              { QStringLiteral("payoutCurrency"), r.currency } };
        if (r.account >= 0)
            subject.insert(QStringLiteral("accounts"), QJsonArray { accountJson(m_ledger, r.account) });
        if (!r.agent.isEmpty())
            subject.insert(QStringLiteral("payoutAgent"), r.agent);
        facts.addSubject(subject);
    }
    const DemoParty &tezpay = m_ledger.holder(m_tezpaySettlement);
    facts.addSubject(QJsonObject { { QStringLiteral("key"), QStringLiteral("walletOperator") },
                                   { QStringLiteral("roles"), QJsonArray { QStringLiteral("paymentOperator") } },
                                   { QStringLiteral("name"), tezpay.name },
                                   { QStringLiteral("taxId"), tezpay.taxId },
                                   { QStringLiteral("accounts"), QJsonArray { accountJson(m_ledger, m_tezpaySettlement) } },
                                   { QStringLiteral("note"), QStringLiteral("Settlement account: legitimate, but its daily "
                                                                            "credits hide the individual wallet donors.") } });

    facts.setValue(QStringLiteral("donations"),
                   QJsonObject { { QStringLiteral("count"), m_donationCount },
                                 { QStringLiteral("totalMinor"), m_donationTotal },
                                 { QStringLiteral("crowdDonors"), static_cast<int>(m_donorAccounts.size()) },
                                 { QStringLiteral("largeDonors"), static_cast<int>(m_bigDonorAccounts.size()) },
                                 { QStringLiteral("note"), QStringLiteral("Excludes the background people who donate "
                                                                          "(see decoys).") } });
    facts.setValue(QStringLiteral("totals"),
                   QJsonObject { { QStringLiteral("payoutsToCollectorsMinor"), m_payoutTotal },
                                 { QStringLiteral("cashWithdrawnMinor"), m_cashTotal },
                                 { QStringLiteral("sentAbroadMinor"), m_abroadTotal } });
    facts.setValue(QStringLiteral("threshold"),
                   QJsonObject { { QStringLiteral("amountMinor"), kThreshold },
                                 { QStringLiteral("currency"), QStringLiteral("KZT") },
                                 { QStringLiteral("note"), QStringLiteral("Illustrative reporting threshold for cash "
                                                                          "deposits assumed by this demo; real thresholds "
                                                                          "are set by law and change.") } });

    facts.addFinding(QStringLiteral("ОФ «Мейірім Жолы» (BIN %1) collects %2 donations from %3 crowd donors and a few "
                                    "businesses; most wallet donations reach its account as one daily TezPay "
                                    "settlement credit.")
                         .arg(fund.taxId)
                         .arg(m_donationCount)
                         .arg(m_donorAccounts.size()));
    facts.addFinding(QStringLiteral("Within 1-2 days of money accumulating the fund pays about 90% of its balance to "
                                    "three private persons (%1 KZT in total), with purposes that do not match "
                                    "charitable work.")
                         .arg(ExportText::commaAmount(m_payoutTotal, QLatin1Char(' '))));
    facts.addFinding(QStringLiteral("Жумабаев А.С. withdraws almost all he receives in cash at ATMs within hours "
                                    "(%1 KZT).")
                         .arg(ExportText::commaAmount(m_cashTotal, QLatin1Char(' '))));
    facts.addFinding(QStringLiteral("Исмаилова Д.Р. loads her TezPay wallet %1 from her Dala Bank account and sends "
                                    "cash pick-up transfers to Reyhanlı and Kilis (Turkey, at the Syrian border), to "
                                    "a Gaziantep account and to Sharjah, with vague purposes.")
                         .arg(m_ledger.account(m_walletSender.wallet).id));
    facts.addFinding(QStringLiteral("Ахмедов Т.И. deposits cash in amounts of 1 900 000-1 990 000 KZT at several "
                                    "branches, sometimes twice a day, just under the 2 000 000 KZT threshold this demo "
                                    "assumes, then wires the sum to Turkey or the UAE as payment for goods."));
    facts.addFinding(QStringLiteral("Total sent abroad by the collectors: %1 KZT.")
                         .arg(ExportText::commaAmount(m_abroadTotal, QLatin1Char(' '))));
}

} // namespace fundtrace::demo
