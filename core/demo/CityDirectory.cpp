#include "demo/CityDirectory.h"

#include "demo/DemoBanks.h"

namespace fundtrace::demo {

int CityDirectory::addOrganisation(DemoLedger &ledger, DemoRandom &rng, const QString &name, const QString &bankKey,
                                   int registeredYear)
{
    DemoParty party;
    party.name = name;
    party.organisation = true;
    party.city = QStringLiteral("Алматы");
    party.taxId = ledger.uniqueBin(rng, registeredYear, static_cast<int>(rng.uniform(1, 12)));
    const int partyIndex = ledger.addParty(party);
    DemoAccount account;
    account.party = partyIndex;
    account.bankKey = bankKey;
    account.id = ledger.uniqueKzIban(rng, bankKey);
    account.openingFloor = 50'000'000'00;
    return ledger.addAccount(account);
}

CityDirectory::CityDirectory(DemoLedger &ledger, quint64 seed)
{
    DemoRandom rng(DemoRandom::streamSeed(seed, 0xC17));
    const auto bank = [&rng]() { return rng.pick(DemoBanks::domesticKeys()); };

    const char *employers[] = {
        "ТОО «Алтын Дала Логистик»", "ТОО «Қазақ Құрылыс Сервис»", "АО «Жетісу Энерго Монтаж»",
        "КГУ «Школа-гимназия №212»", "ТОО «Номад Софт»", "КГП на ПХВ «Городская поликлиника №41»",
        "ТОО «Тянь-Шань Агро Трейд»", "ТОО «Алатау Фарм»", "ТОО «Медеу Транс Сервис»", "ТОО \"Сункар Курылыс\"",
        "ТОО «Қызылжар Логистика»", "АО «Жібек Жолы Сақтандыру»",
    };
    for (const char *name : employers) {
        const QString bankKey = bank();
        const int year = static_cast<int>(rng.uniform(2001, 2019));
        m_employers.push_back(addOrganisation(ledger, rng, QString::fromUtf8(name), bankKey, year));
    }

    struct UtilitySpec {
        const char *name;
        const char *purpose;
        qint64 median;
        bool winter;
    };
    const UtilitySpec utilities[] = {
        { "ТОО «Алатау Жарық Сату»", "Оплата за электроэнергию, л/с %1, период %2", 9'000'00, false },
        { "ГКП «Таза Су Сервис»", "Оплата за водоснабжение, л/с %1, период %2", 3'200'00, false },
        { "АО «Жетісу Газ Тарату»", "Оплата за газ, л/с %1, за %2", 4'500'00, true },
        { "ТОО «Алматы Жылу Сату»", "Оплата за отопление и ГВС, л/с %1, период %2", 12'000'00, true },
        { "АО «Дала Телеком»", "Интернет, договор %1, за %2", 7'990'00, false },
        { "ТОО «Ақ Жол Мобайл»", "Пополнение баланса +7 %1", 3'000'00, false },
    };
    for (const UtilitySpec &spec : utilities) {
        Utility u;
        u.account = addOrganisation(ledger, rng, QString::fromUtf8(spec.name), bank(), 2005);
        u.purpose = QString::fromUtf8(spec.purpose);
        u.median = spec.median;
        u.winterHeavy = spec.winter;
        m_utilities.push_back(u);
    }

    struct MerchantSpec {
        const char *name;
        const char *descriptor;
        qint64 median;
        int weight;
    };
    const MerchantSpec merchants[] = {
        { "ТОО «Береке Маркет»", "BEREKE MARKET ALMATY KZ", 6'500'00, 30 },
        { "ТОО «Арзан Дүкен»", "ARZAN DUKEN ALMATY KZ", 3'200'00, 20 },
        { "ТОО «Техно Әлем»", "TECHNO ALEM ALMATY KZ", 45'000'00, 2 },
        { "ИП «Кофейня Самал»", "KOFEINYA SAMAL ALMATY KZ", 1'800'00, 10 },
        { "ТОО «Аптека Шипагер»", "APTEKA SHIPAGER ALMATY KZ", 4'200'00, 8 },
        { "ТОО «Жол Ойл»", "AZS ZHOL OIL ALMATY KZ", 12'000'00, 8 },
        { "ТОО «Такси Жолдас»", "TAXI ZHOLDAS ALMATY KZ", 1'900'00, 10 },
        { "ТОО «Алма Фуд Деливери»", "ALMA FOOD DELIVERY ALMATY KZ", 5'500'00, 6 },
        { "ТОО «Кино Әлемі»", "KINO ALEMI ALMATY KZ", 3'600'00, 2 },
        { "ТОО «Самал Спорт»", "SAMAL SPORT GYM ALMATY KZ", 15'000'00, 1 },
        { "ИП «Базар Алтын Орда»", "ALTYN ORDA BAZAR ALMATY KZ", 9'000'00, 5 },
    };
    for (const MerchantSpec &spec : merchants) {
        Merchant m;
        m.account = addOrganisation(ledger, rng, QString::fromUtf8(spec.name), bank(), 2012);
        m.descriptor = QString::fromUtf8(spec.descriptor);
        m.median = spec.median;
        m.weight = spec.weight;
        m_merchants.push_back(m);
        m_merchantWeights.push_back(spec.weight);
    }
    m_wholesaler = m_merchants.front().account;

    m_pensionPayer = addOrganisation(ledger, rng, QStringLiteral("НАО «Зейнет Төлем Орталығы»"), QStringLiteral("nomad"), 2002);
    m_loanAccount = addOrganisation(ledger, rng, QStringLiteral("АО «Дала Банк» (погашение займов)"), QStringLiteral("dala"), 1999);
    m_officeLandlord = addOrganisation(ledger, rng, QStringLiteral("ТОО «Бизнес Орталық Сервис»"), bank(), 2010);
}

} // namespace fundtrace::demo
