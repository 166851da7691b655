#include "demo/TypologyScenarioGenerator.h"

#include "demo/CsvText.h"

#include "demo/DemoBanks.h"
#include "demo/DemoRandom.h"
#include "demo/Iban.h"
#include "demo/KzTaxNumber.h"
#include "demo/NamePool.h"
#include "demo/PersonName.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fundtrace::demo {

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86'400;
constexpr qint64 YearDays = 366; // 2024
constexpr qint64 Thousand = 1000 * 100; // 1 000 KZT in minor units
constexpr size_t kFlushBytes = 4 << 20;
constexpr int kInstances = 6; // per typology
constexpr int kDecoys = 3;    // per typology

[[noreturn]] void cannotWrite(const QString &path, const QString &why)
{
    throw std::runtime_error(QStringLiteral("cannot write %1: %2").arg(path, why).toStdString());
}

std::string csvField(const QString &text)
{
    return fundtrace::demo::csvField(text.toStdString());
}

QString timeText(qint64 t)
{
    const QDate date = QDate(2024, 1, 1).addDays(t / Day);
    const qint64 s = t % Day;
    return QStringLiteral("%1 %2:%3")
            .arg(date.toString(QStringLiteral("yyyy-MM-dd")))
            .arg(s / 3600, 2, 10, QLatin1Char('0'))
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
}

// Someone who appears in the CSV: an account holder or a counterparty.
struct Party {
    QString name;
    QString account;
    QString taxId;
};

// One CSV row, seen from the statement owner (`own`): negative amounts leave the account.
struct Row {
    qint64 t = 0;
    std::string line; // everything after the date up to the transaction id
    QString externalId;
};

struct Pattern {
    QString typology;
    bool decoy = false;
    QString note;
    std::set<QString> accounts;
    qint64 start = 0;
    qint64 end = 0;
    QStringList transactions;
};

const QStringList kOrgWords = {
    QStringLiteral("Алтын"), QStringLiteral("Дала"), QStringLiteral("Береке"), QStringLiteral("Сункар"), QStringLiteral("Нур"),
    QStringLiteral("Тау"), QStringLiteral("Жол"), QStringLiteral("Сауда"), QStringLiteral("Строй"), QStringLiteral("Транс"),
    QStringLiteral("Агро"), QStringLiteral("Фарм"), QStringLiteral("Логистик"), QStringLiteral("Сервис"), QStringLiteral("Медиа"),
};
const QStringList kNpoWords = {
    QStringLiteral("Мейірім"), QStringLiteral("Рухани жол"), QStringLiteral("Ихсан"), QStringLiteral("Бірлік"),
    QStringLiteral("Шапағат"), QStringLiteral("Добрые сердца"), QStringLiteral("Нұрлы болашақ"), QStringLiteral("Әділет"),
    QStringLiteral("Сенім"), QStringLiteral("Үміт"), QStringLiteral("Рахма"), QStringLiteral("Игилик"),
};
const QStringList kOutPurposes = {
    QStringLiteral("Перевод"), QStringLiteral("Перевод собственных средств"), QStringLiteral("Возврат долга"),
    QStringLiteral("Оплата аренды"), QStringLiteral("Перевод по номеру телефона"), QStringLiteral("Материальная помощь"),
    QStringLiteral("Оплата за обучение"), QStringLiteral("На подарок"), QString(), QString(),
};
const QStringList kInPurposes = {
    QStringLiteral("Перевод"), QStringLiteral("Возврат средств"), QStringLiteral("Возврат долга"),
    QStringLiteral("Перевод по номеру телефона"), QString(),
};
const QStringList kStrongPurposes = {
    QStringLiteral("Для братьев на джихад"), QStringLiteral("Садака для моджахедов Шама"),
    QStringLiteral("На хиджру семье, помощь братьям"), QStringLiteral("Помощь семьям шахидов"),
    QStringLiteral("for the brothers, sadaqa fi sabilillah"), QStringLiteral("На оружие братьям"),
    QStringLiteral("Мунасара для братьев в Шаме"), QStringLiteral("Закят для мухаджиров"),
};
const QStringList kWeakPurposes = {
    QStringLiteral("Садака"), QStringLiteral("Закят за 2024 год"), QStringLiteral("Перевод Шахиду"),
    QStringLiteral("Благотворительная помощь детскому дому"), QStringLiteral("Оплата за охотничье оружие, магазин"),
};
const char *kMonths[] = { "январь", "февраль", "март", "апрель", "май", "июнь",
                          "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь" };

class Scenario {
public:
    Scenario(qint64 rows, quint64 seed)
        : m_rng(DemoRandom::streamSeed(seed, 0x7E90))
        , m_plantRng(DemoRandom::streamSeed(seed, 0x7E91))
        , m_bankKeys(DemoBanks::domesticKeys())
        , m_rows(rows)
    {
        buildBackgroundCast();
        plantAll();
    }

    qint64 write(const QString &path);
    void writeList(const QString &path) const;
    void writeTruth(const QString &path, quint64 seed, qint64 rows) const;
    int patterns() const { return int(std::count_if(m_patterns.begin(), m_patterns.end(), [](const Pattern &p) { return !p.decoy; })); }
    int decoys() const { return int(m_patterns.size()) - patterns(); }

private:
    // The cast.
    QString iban(DemoRandom &rng, const QString &bankKey = {})
    {
        const QString key = bankKey.isEmpty() ? rng.pick(m_bankKeys) : bankKey;
        return Iban::fromBban(QStringLiteral("KZ"), DemoBanks::byKey(key).ibanCode + QStringLiteral("KZT") + rng.digits(10));
    }
    QString iin(DemoRandom &rng, bool male)
    {
        const QDate birth = QDate(1960, 1, 1).addDays(rng.uniform(0, 40 * 365));
        return KzTaxNumber::iin(birth, male, int(++m_serial % 9000 + 1));
    }
    // Listed persons get surnames NamePool never gives, so screening finds them and no namesakes:
    // the bench judges the proximity rule, not the name matcher.
    QString listedName(DemoRandom &rng, bool male, int index)
    {
        static const char *surnames[] = { "Зулпыхаров", "Ибодуллаев", "Нематуллаев", "Шукуруллаев", "Ташпулатов",
                                          "Мирзахмедов", "Турдалиев", "Кобилжонов", "Хайитбоев", "Эргашалиев",
                                          "Жумагельдыев", "Бектурсунов", "Исройилов", "Сайфуллоев", "Умарбеков",
                                          "Джаббаркулов", "Хикматуллаев", "Нуралибеков", "Эшпулатов", "Тоштемиров",
                                          "Мамасолиев", "Кутбиддинов", "Ойбекжонов", "Зикриллаев", "Шодмонов", "Яхшибоев" };
        const PersonName base = NamePool::person(rng, male, NamePool::Origin::Uzbek);
        const QString surname = NamePool::inflectSurname(QString::fromUtf8(surnames[index % 26]), male);
        QString name = QStringLiteral("%1 %2 %3").arg(surname, base.given, base.patronymic).trimmed();
        m_names.insert(name);
        return name;
    }
    // A name nobody else in the case has (namesakes of listed persons would be screening hits).
    QString uniqueName(DemoRandom &rng, bool male, NamePool::Origin origin)
    {
        QString name = NamePool::person(rng, male, origin).full();
        while (m_names.contains(name))
            name = NamePool::person(rng, male, origin).full();
        m_names.insert(name);
        return name;
    }
    Party person(DemoRandom &rng, bool withTaxId = true)
    {
        const bool male = rng.chance(500);
        QString name = NamePool::person(rng, male).full();
        while (m_reserved.contains(name))
            name = NamePool::person(rng, male).full();
        m_names.insert(name);
        Party p { name, iban(rng), {} };
        if (withTaxId)
            p.taxId = iin(rng, male);
        return p;
    }
    Party organisation(DemoRandom &rng, const QString &form)
    {
        const QString first = rng.pick(kOrgWords);
        const QString second = rng.pick(kOrgWords);
        const QString name = QStringLiteral("%1 «%2 %3»").arg(form, first, second);
        return { name, iban(rng), KzTaxNumber::bin(int(rng.uniform(2005, 2020)), int(rng.uniform(1, 12)), int(++m_serial % 9000 + 1)) };
    }
    void buildBackgroundCast();

    // Rows.
    std::string rowLine(const Party &own, qint64 amount, const QString &cpName, const QString &cpAccount,
                        const QString &cpTaxId, const QString &country, const QString &purpose) const;
    QString plant(Pattern &pattern, qint64 t, const Party &own, qint64 amount, const Party &cp, const QString &purpose,
                  const char *channel = "transfer", const QString &country = {}, bool evidence = true);
    QString plantCash(Pattern &pattern, qint64 t, const Party &own, qint64 amount, bool evidence = true);
    void backgroundRow(std::string &buf, qint64 &written);
    void salaryRows(qint64 day, std::vector<Row> &out);

    // Typologies.
    void plantAll();
    qint64 someTime(qint64 firstDay, qint64 lastDay) { return m_plantRng.uniform(firstDay * Day + 8 * Hour, lastDay * Day + 20 * Hour) / 60 * 60; }
    qint64 later(qint64 t, qint64 minSeconds, qint64 maxSeconds) { return (t + m_plantRng.uniform(minSeconds, maxSeconds)) / 60 * 60; }
    qint64 roundTo(qint64 minor, qint64 unit) { return std::max<qint64>(unit, minor / unit * unit); }
    void structuring(bool decoy);
    void fanIn(bool decoy);
    void fanOut(bool decoy);
    void passThrough(bool decoy);
    void cycles(bool decoy);
    void scatterGather(bool decoy, bool gather);
    void highRiskGeography(bool decoy);
    void purposeKeywords(bool decoy);
    void npoMisuse(bool decoy);
    void dormantReactivation(bool decoy);
    void sharedIdentifiers(bool decoy);
    void listedProximity(bool decoy);
    void velocityAnomaly(bool decoy);
    void quietHistory(const Party &own, qint64 fromDay, qint64 toDay, int perWeek);

    DemoRandom m_rng;
    DemoRandom m_plantRng;
    std::vector<QString> m_bankKeys;
    qint64 m_rows = 0;
    qint64 m_serial = 0;
    qint64 m_plantedId = 0;

    struct Person {
        std::string prefix; // "account,holder,iin," as written
        int employer = -1;
        int salaryMinor = 0;
        int spendScale = 0; // median card payment, minor units
    };
    std::vector<Person> m_people;
    std::vector<Party> m_peopleParties;
    std::vector<Party> m_others;     // people without a statement in the case
    std::vector<Party> m_employers;
    std::vector<Party> m_utilities;
    std::vector<QString> m_merchants;
    std::vector<QString> m_atms;
    std::vector<std::vector<int>> m_payday; // day of month (1-28) -> employers paying then

    std::vector<Row> m_planted;
    std::vector<Pattern> m_patterns;
    std::vector<Party> m_listed;
    std::vector<QString> m_listedBirth;
    std::vector<QString> m_unrelatedListed; // list entries with nobody behind them in the case
    QSet<QString> m_names;    // every personal name written so far
    QSet<QString> m_reserved; // listed names: no one else may carry them
};

void Scenario::buildBackgroundCast()
{
    DemoRandom &rng = m_rng;
    const qint64 people = std::max<qint64>(300, m_rows / 70);
    const qint64 employers = std::max<qint64>(10, people / 30);
    for (qint64 i = 0; i < employers; ++i)
        m_employers.push_back(organisation(rng, rng.chance(800) ? QStringLiteral("ТОО") : QStringLiteral("АО")));
    m_payday.resize(29);
    for (qint64 i = 0; i < employers; ++i)
        m_payday[size_t(rng.uniform(1, 28))].push_back(int(i));
    const char *utilities[] = { "АО «Алматыэнергосбыт»", "ТОО «Алматы Су»", "АО «Казахтелеком»", "ТОО «Астана-ЕРЦ»",
                                "АО «КазТрансГаз Аймак»", "ТОО «Beeline Казахстан»", "АО «Kcell»", "ТОО «Тазалык-2012»",
                                "ГКП «Шымкент Су»", "АО «Астанаэнергосбыт»" };
    for (const char *name : utilities)
        m_utilities.push_back({ QString::fromUtf8(name), iban(rng), KzTaxNumber::bin(2001, int(rng.uniform(1, 12)), int(++m_serial % 9000 + 1)) });
    for (qint64 i = 0; i < people; ++i) {
        Party p = person(rng);
        Person person;
        person.prefix = p.account.toStdString() + ',' + csvField(p.name) + ',' + p.taxId.toStdString() + ',';
        person.employer = rng.chance(750) ? int(rng.uniform(0, employers - 1)) : -1;
        person.salaryMinor = int(rng.logNormal(280'000'00, 8) / 100 * 100 + rng.uniform(0, 99));
        person.spendScale = int(rng.logNormal(4'500'00, 8));
        m_people.push_back(person);
        m_peopleParties.push_back(p);
        // One in twenty people keeps a second account at another bank under the same IIN.
        if (rng.chance(50)) {
            Party second = p;
            second.account = iban(rng);
            Person copy = person;
            copy.prefix = second.account.toStdString() + ',' + csvField(second.name) + ',' + second.taxId.toStdString() + ',';
            copy.employer = -1;
            m_people.push_back(copy);
            m_peopleParties.push_back(second);
        }
    }
    for (qint64 i = 0; i < people; ++i)
        m_others.push_back(person(rng, false));
    const char *shops[] = { "BEREKE MARKET", "ARZAN DUKEN", "TECHNO ALEM", "KOFEINYA SAMAL", "APTEKA SHIPAGER",
                            "AZS ZHOL OIL", "TAXI ZHOLDAS", "ALMA FOOD DELIVERY", "KINO ALEMI", "SMALL MART",
                            "ALTYN ORDA BAZAR", "DALA MART", "NUR FOOD", "ZHAN TEXTILE", "MAGNUM CASH&CARRY" };
    const char *cities[] = { "ALMATY", "ASTANA", "SHYMKENT", "KARAGANDA", "AKTOBE", "TARAZ" };
    for (const char *shop : shops)
        for (const char *city : cities)
            m_merchants.push_back(QStringLiteral("%1 %2 KZ").arg(QLatin1String(shop), QLatin1String(city)));
    for (const char *city : cities)
        for (int i = 0; i < 4; ++i)
            m_atms.push_back(QStringLiteral("ATM DALA BANK %1 %2").arg(QLatin1String(city)).arg(rng.uniform(1, 400)));
}

std::string Scenario::rowLine(const Party &own, qint64 amount, const QString &cpName, const QString &cpAccount,
                              const QString &cpTaxId, const QString &country, const QString &purpose) const
{
    std::string line = own.account.toStdString() + ',' + csvField(own.name) + ',' + own.taxId.toStdString() + ',';
    appendAmount(line, amount);
    line += ",KZT,";
    line += csvField(cpName) + ',' + cpAccount.toStdString() + ',' + cpTaxId.toStdString() + ',' + country.toStdString() + ',';
    line += csvField(purpose) + ',';
    return line;
}

QString Scenario::plant(Pattern &pattern, qint64 t, const Party &own, qint64 amount, const Party &cp, const QString &purpose,
                        const char *channel, const QString &country, bool evidence)
{
    Row row;
    row.t = std::clamp<qint64>(t, 0, YearDays * Day - 60);
    row.line = rowLine(own, amount, cp.name, cp.account, cp.taxId, country, purpose);
    row.externalId = QStringLiteral("PT%1").arg(++m_plantedId, 8, 10, QLatin1Char('0'));
    row.line += row.externalId.toStdString() + ',' + channel;
    pattern.accounts.insert(own.account);
    if (evidence) {
        if (!cp.account.isEmpty())
            pattern.accounts.insert(cp.account);
        pattern.transactions << row.externalId;
        if (pattern.transactions.size() == 1) {
            pattern.start = row.t;
            pattern.end = row.t;
        }
        pattern.start = std::min(pattern.start, row.t);
        pattern.end = std::max(pattern.end, row.t);
    }
    m_planted.push_back(row);
    return row.externalId;
}

QString Scenario::plantCash(Pattern &pattern, qint64 t, const Party &own, qint64 amount, bool evidence)
{
    const Party atm { m_plantRng.pick(m_atms), {}, {} };
    return plant(pattern, t, own, amount, atm, amount > 0 ? QStringLiteral("Взнос наличных") : QStringLiteral("Снятие наличных"),
                 "cash", {}, evidence);
}

// Everyday rows of a planted account, so it has a past (small, non-round card payments).
void Scenario::quietHistory(const Party &own, qint64 fromDay, qint64 toDay, int perWeek)
{
    Pattern scratch;
    for (qint64 week = fromDay / 7; week * 7 < toDay; ++week) {
        for (int i = 0; i < perWeek; ++i) {
            const qint64 t = someTime(std::max(fromDay, week * 7), std::min(toDay, week * 7 + 6));
            const Party shop { m_plantRng.pick(m_merchants), {}, {} };
            plant(scratch, t, own, -(m_plantRng.logNormal(6'000'00, 10) + m_plantRng.uniform(1, 99'99)), shop,
                  QStringLiteral("Покупка"), "card", {}, false);
        }
    }
}

// Structuring: cash deposits of 80-99% of 7 000 000 KZT, 3-5 within 1-6 days (default: >= 3 in 7
// days). Decoys: the same count at 45-75% of the threshold.
void Scenario::structuring(bool decoy)
{
    Pattern p { QStringLiteral("structuring"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const int count = int(m_plantRng.uniform(3, 5));
    qint64 t = someTime(20, 340);
    for (int i = 0; i < count; ++i) {
        const qint64 amount = decoy ? roundTo(m_plantRng.uniform(3'200'000, 5'200'000) * 100, 10'000'00)
                                    : roundTo(m_plantRng.uniform(5'800'000, 6'950'000) * 100, 10'000'00);
        plantCash(p, t, own, amount);
        t = later(t, 20 * Hour, 40 * Hour);
    }
    p.note = QStringLiteral("%1 cash deposits %2").arg(count).arg(decoy ? "under 80% of the threshold" : "just under 7 000 000 KZT");
    m_patterns.push_back(p);
}

// Crowdfunding fan-in: 18-40 distinct senders paying 3-45 thousand KZT within 5-25 days, most of
// it then withdrawn in cash (default: >= 15 senders <= 50 000 in 30 days). Decoys: 9-12 senders.
void Scenario::fanIn(bool decoy)
{
    Pattern p { QStringLiteral("crowdfunding_fan_in"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const int senders = int(decoy ? m_plantRng.uniform(9, 12) : m_plantRng.uniform(18, 40));
    const qint64 start = someTime(20, 320);
    const qint64 span = m_plantRng.uniform(5, 25) * Day;
    qint64 total = 0, last = start;
    for (int i = 0; i < senders; ++i) {
        const Party sender = person(m_plantRng, false);
        const qint64 amount = roundTo(m_plantRng.uniform(3'000, 45'000) * 100, 500'00);
        const qint64 t = i == 0 ? start : later(start, 0, span);
        last = std::max(last, t);
        total += amount;
        plant(p, t, own, amount, sender, m_plantRng.chance(500) ? QStringLiteral("Помощь") : QStringLiteral("Перевод по номеру телефона"));
    }
    plantCash(p, later(last, 3 * Hour, 40 * Hour), own, -roundTo(total * m_plantRng.uniform(70, 90) / 100, 10'000'00));
    p.note = QStringLiteral("%1 small payments from distinct senders, then cash out").arg(senders);
    m_patterns.push_back(p);
}

// Fan-out: an inflow of 2-4 million dispersed to 12-20 recipients within 2-5 days (default: >= 10
// recipients, >= 1 000 000 in 7 days). Decoys: 6-8 recipients, or 12-18 with 600 000-900 000.
void Scenario::fanOut(bool decoy)
{
    Pattern p { QStringLiteral("fan_out"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const bool fewRecipients = decoy && m_plantRng.chance(500);
    // The other decoy: 12-18 recipients of 50 000 each, 600 000-900 000 in all.
    const int recipients = int(fewRecipients ? m_plantRng.uniform(6, 8) : m_plantRng.uniform(12, decoy ? 18 : 20));
    const qint64 each = decoy && !fewRecipients ? 50'000'00 : roundTo(m_plantRng.uniform(120'000, 240'000) * 100, 1'000'00);
    const qint64 t0 = someTime(10, 330);
    plant(p, t0, own, each * recipients + 100'000'00, organisation(m_plantRng, QStringLiteral("ТОО")), QStringLiteral("Возврат займа"));
    const qint64 span = m_plantRng.uniform(2, 5) * Day;
    for (int i = 0; i < recipients; ++i)
        plant(p, later(t0, 2 * Hour, span), own, -each, person(m_plantRng, false), QStringLiteral("Перевод"));
    p.note = QStringLiteral("%1 recipients of %2 KZT each").arg(recipients).arg(each / 100);
    m_patterns.push_back(p);
}

// Pass-through: 4-5 inflows of 0.3-2 million, 85-97% of each sent on within 3-36 hours, all in
// 25 days (default: >= 80% out within 48 h, >= 3 episodes in 30 days). Decoys: 2 such episodes.
void Scenario::passThrough(bool decoy)
{
    Pattern p { QStringLiteral("pass_through"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const int episodes = int(decoy ? 2 : m_plantRng.uniform(4, 5));
    qint64 t = someTime(10, 330);
    const Party onward = person(m_plantRng, false);
    for (int i = 0; i < episodes; ++i) {
        const qint64 in = roundTo(m_plantRng.uniform(300'000, 2'000'000) * 100, 1'000'00);
        plant(p, t, own, in, person(m_plantRng, false), QStringLiteral("Возврат долга"));
        const qint64 out = in * m_plantRng.uniform(85, 97) / 100;
        if (m_plantRng.chance(300))
            plantCash(p, later(t, 3 * Hour, 36 * Hour), own, -out);
        else
            plant(p, later(t, 3 * Hour, 36 * Hour), own, -out, onward, QStringLiteral("Перевод"));
        t = later(t, 4 * Day, 6 * Day);
    }
    p.note = QStringLiteral("%1 inflows passed on within 36 h").arg(episodes);
    m_patterns.push_back(p);
}

// Cycles: A -> B -> C (-> D) -> A within 2-12 days, each hop 93-99% of the one before (default:
// 2-6 hops in 30 days, amounts within ±20% of the first). Decoys: the money comes back after 40
// days, or only half of it.
void Scenario::cycles(bool decoy)
{
    Pattern p { QStringLiteral("cycles"), decoy, {}, {}, 0, 0, {} };
    const int hops = int(m_plantRng.uniform(3, 4));
    std::vector<Party> ring;
    for (int i = 0; i < hops; ++i)
        ring.push_back(i == 0 || m_plantRng.chance(500) ? person(m_plantRng) : organisation(m_plantRng, QStringLiteral("ТОО")));
    qint64 amount = roundTo(m_plantRng.uniform(500'000, 3'000'000) * 100, 10'000'00);
    qint64 t = someTime(10, 300);
    const bool late = decoy && m_plantRng.chance(500);
    for (int i = 0; i < hops; ++i) {
        plant(p, t, ring[size_t(i)], -amount, ring[size_t((i + 1) % hops)],
              i % 2 ? QStringLiteral("Оплата по договору поставки") : QStringLiteral("Возврат займа"));
        amount = amount * m_plantRng.uniform(93, 99) / 100;
        if (decoy && !late && i == hops - 2)
            amount /= 2;
        t = (late && i == hops - 2) ? later(t, 40 * Day, 45 * Day) : later(t, 12 * Hour, 3 * Day);
    }
    p.note = QStringLiteral("%1-hop ring%2").arg(hops).arg(decoy ? (late ? " closing after 40 days" : " returning half") : "");
    m_patterns.push_back(p);
}

// Scatter-gather: one source splits 1.2-4 million across 3-5 intermediaries, each passing 80-95%
// on to one destination within 2-4 days. Gather-scatter: 3-5 sources pay one collector, which
// pays 80-95% on to 3-5 recipients 2-5 days later (default: >= 3 parties, >= 70% forwarded,
// >= 1 000 000 in 7 days). Decoys: 2 intermediaries or 2 sources.
void Scenario::scatterGather(bool decoy, bool gather)
{
    Pattern p { QStringLiteral("scatter_gather"), decoy, {}, {}, 0, 0, {} };
    const int parties = int(decoy ? 2 : m_plantRng.uniform(3, 5));
    const qint64 t0 = someTime(10, 330);
    if (!gather) {
        const Party source = organisation(m_plantRng, QStringLiteral("ТОО"));
        const Party destination = organisation(m_plantRng, QStringLiteral("ТОО"));
        for (int i = 0; i < parties; ++i) {
            const Party middle = person(m_plantRng);
            const qint64 leg = roundTo(m_plantRng.uniform(400'000, 800'000) * 100, 10'000'00);
            const qint64 t = later(t0, 0, 20 * Hour);
            plant(p, t, source, -leg, middle, QStringLiteral("Оплата по договору"));
            plant(p, later(t, 50 * Hour, 4 * Day), middle, -(leg * m_plantRng.uniform(80, 95) / 100), destination,
                  QStringLiteral("Оплата за товар"));
        }
    } else {
        const Party collector = person(m_plantRng);
        qint64 total = 0;
        for (int i = 0; i < parties; ++i) {
            const qint64 leg = roundTo(m_plantRng.uniform(400'000, 800'000) * 100, 10'000'00);
            total += leg;
            plant(p, later(t0, 0, 20 * Hour), collector, leg, person(m_plantRng, false), QStringLiteral("Перевод"));
        }
        const qint64 forwarded = total * m_plantRng.uniform(80, 95) / 100;
        for (int i = 0; i < parties; ++i)
            plant(p, later(t0, 50 * Hour, 5 * Day), collector, -(forwarded / parties / 100 * 100), person(m_plantRng, false),
                  QStringLiteral("Перевод"));
    }
    p.note = QStringLiteral("%1 with %2 parties").arg(gather ? "gather-scatter" : "scatter-gather").arg(parties);
    m_patterns.push_back(p);
}

// High-risk geography: 1-3 transfers of 0.3-3 million to a conflict or call-for-action country
// within a month. Decoys: one small transfer to a transit country (scored below 40).
void Scenario::highRiskGeography(bool decoy)
{
    Pattern p { QStringLiteral("high_risk_geography"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const QStringList risky = { QStringLiteral("SY"), QStringLiteral("AF"), QStringLiteral("YE"), QStringLiteral("IQ"),
                                QStringLiteral("IR"), QStringLiteral("SO") };
    const int count = int(decoy ? 1 : m_plantRng.uniform(1, 3));
    const qint64 day = m_plantRng.uniform(0, 11) * 30 + 2;
    for (int i = 0; i < count; ++i) {
        Party abroad = person(m_plantRng, false);
        abroad.account = QStringLiteral("TR33000610051978645784132%1").arg(m_plantRng.uniform(0, 9));
        const QString country = decoy ? QStringLiteral("TR") : m_plantRng.pick(risky);
        if (!decoy)
            abroad.account = country + m_plantRng.digits(18);
        const qint64 amount = decoy ? roundTo(m_plantRng.uniform(20'000, 60'000) * 100, 1'000'00)
                                    : roundTo(m_plantRng.uniform(300'000, 3'000'000) * 100, 10'000'00);
        plant(p, someTime(day, day + 25), own, -amount, abroad, QStringLiteral("Перевод родственнику"), "transfer", country);
    }
    p.note = decoy ? QStringLiteral("one small transfer to a transit country") : QStringLiteral("%1 transfers to high-risk countries").arg(count);
    m_patterns.push_back(p);
}

// Purpose keywords: 1-3 transfers in one month whose purpose names jihad, fighters, hijra or
// weapons (weight >= 60). Decoys: charity words or a given name alone (weight < 60).
void Scenario::purposeKeywords(bool decoy)
{
    Pattern p { QStringLiteral("purpose_keywords"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const int count = int(decoy ? 2 : m_plantRng.uniform(1, 3));
    const qint64 day = m_plantRng.uniform(0, 11) * 30 + 2;
    for (int i = 0; i < count; ++i)
        plant(p, someTime(day, day + 25), own, -roundTo(m_plantRng.uniform(10'000, 300'000) * 100, 1'000'00),
              person(m_plantRng, false), m_plantRng.pick(decoy ? kWeakPurposes : kStrongPurposes));
    p.note = decoy ? QStringLiteral("charity words alone") : QStringLiteral("terrorist-financing vocabulary in the purpose");
    m_patterns.push_back(p);
}

// NPO misuse: a public fund (ОФ) receiving 25-45 donations of 55-95 thousand from individuals over
// 20-60 days (above the fan-in ceiling), spending 70-90% of it in cash and abroad (default: >= 20
// donations <= 100 000, >= 60% of income; >= 1 000 000 spent, >= 60% risky, in 90 days).
// Decoys: the same income spent on suppliers in Kazakhstan.
void Scenario::npoMisuse(bool decoy)
{
    Pattern p { QStringLiteral("npo_misuse"), decoy, {}, {}, 0, 0, {} };
    Party npo = organisation(m_plantRng, QStringLiteral("ОФ"));
    npo.name = m_plantRng.chance(500) ? QStringLiteral("ОФ «%1»").arg(m_plantRng.pick(kNpoWords))
                                      : QStringLiteral("Общественный фонд «%1»").arg(m_plantRng.pick(kNpoWords));
    const int donations = int(m_plantRng.uniform(25, 45));
    const qint64 start = someTime(10, 250);
    const qint64 span = m_plantRng.uniform(20, 60) * Day;
    qint64 total = 0;
    for (int i = 0; i < donations; ++i) {
        const qint64 amount = roundTo(m_plantRng.uniform(55'000, 95'000) * 100, 1'000'00);
        total += amount;
        plant(p, i == 0 ? start : later(start, 0, span), npo, amount, person(m_plantRng, false),
              m_plantRng.chance(500) ? QStringLiteral("Пожертвование") : QStringLiteral("Благотворительный взнос"));
    }
    const qint64 spend = total * m_plantRng.uniform(70, 90) / 100;
    const int parts = int(m_plantRng.uniform(3, 5));
    for (int i = 0; i < parts; ++i) {
        const qint64 t = later(start, span / 2, span + 10 * Day);
        const qint64 amount = roundTo(spend / parts, 10'000'00);
        if (decoy) {
            plant(p, t, npo, -amount, organisation(m_plantRng, QStringLiteral("ТОО")), QStringLiteral("Оплата за продукты для малоимущих по договору"));
        } else if (i % 2 == 0) {
            plantCash(p, t, npo, -amount);
        } else {
            Party abroad = person(m_plantRng, false);
            abroad.account = QStringLiteral("KG") + m_plantRng.digits(18);
            plant(p, t, npo, -amount, abroad, QStringLiteral("Помощь нуждающимся"), "transfer", QStringLiteral("KG"));
        }
    }
    p.note = QStringLiteral("%1 donations, spent %2").arg(donations).arg(decoy ? "on suppliers" : "in cash and abroad");
    m_patterns.push_back(p);
}

// Dormant reactivation: a few rows early in the year, 190-230 idle days, then 5-6 million in and
// nearly all of it out within 10 days (default: idle >= 180 days, >= 7 000 000 or >= 10 rows in
// 30 days). Decoys: idle 120-150 days.
void Scenario::dormantReactivation(bool decoy)
{
    Pattern p { QStringLiteral("dormant_reactivation"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const qint64 firstDay = m_plantRng.uniform(0, 60);
    quietHistory(own, firstDay, firstDay + 35, 2);
    const qint64 wake = firstDay + 35 + (decoy ? m_plantRng.uniform(120, 150) : m_plantRng.uniform(190, 230));
    qint64 t = someTime(wake, wake);
    const qint64 in = roundTo(m_plantRng.uniform(5'000'000, 6'000'000) * 100, 10'000'00);
    plant(p, t, own, in, organisation(m_plantRng, QStringLiteral("ТОО")), QStringLiteral("Возврат займа"));
    const Party to = person(m_plantRng, false);
    for (int i = 0; i < 2; ++i) {
        t = later(t, 2 * Day, 4 * Day);
        plant(p, t, own, -(in * 47 / 100), to, QStringLiteral("Перевод"));
    }
    p.note = QStringLiteral("woke after %1 idle days").arg(wake - firstDay - 35);
    m_patterns.push_back(p);
}

// Shared identifiers: one IIN holding 5-7 accounts at 3-5 banks (default: >= 5 accounts at >= 3
// institutions). Decoys: 4 accounts at 3 banks.
void Scenario::sharedIdentifiers(bool decoy)
{
    Pattern p { QStringLiteral("shared_identifiers"), decoy, {}, {}, 0, 0, {} };
    const Party holder = person(m_plantRng);
    const int accounts = int(decoy ? 4 : m_plantRng.uniform(5, 7));
    const int banks = int(std::min<qint64>(accounts, m_plantRng.uniform(3, std::min<qint64>(5, qint64(m_bankKeys.size())))));
    std::vector<QString> keys = m_bankKeys;
    for (size_t i = keys.size() - 1; i > 0; --i)
        std::swap(keys[i], keys[size_t(m_plantRng.uniform(0, qint64(i)))]);
    for (int i = 0; i < accounts; ++i) {
        Party own = holder;
        own.account = iban(m_plantRng, keys[size_t(i % banks)]);
        for (int r = 0; r < 3; ++r) {
            const qint64 t = someTime(5, 360);
            if (r == 0)
                plant(p, t, own, roundTo(m_plantRng.uniform(50'000, 400'000) * 100, 1'000'00), person(m_plantRng, false), QStringLiteral("Перевод"));
            else
                plant(p, t, own, -(m_plantRng.logNormal(8'000'00, 10) + 37), { m_plantRng.pick(m_merchants), {}, {} }, QStringLiteral("Покупка"), "card");
        }
    }
    p.note = QStringLiteral("one IIN on %1 accounts at %2 banks").arg(accounts).arg(banks);
    m_patterns.push_back(p);
}

// Listed proximity: a listed person (on national-list.csv, holding an account here) is paid by one
// party and pays two others, one of whom pays a third (default: up to 2 hops). The decoy is the
// party one hop further (3 hops), which must not be flagged.
void Scenario::listedProximity(bool decoy)
{
    if (decoy)
        return; // planted with its instance
    Pattern p { QStringLiteral("listed_proximity"), false, {}, {}, 0, 0, {} };
    Pattern far { QStringLiteral("listed_proximity"), true, {}, {}, 0, 0, {} };
    const bool male = m_plantRng.chance(700);
    const QDate birth = QDate(1975, 1, 1).addDays(m_plantRng.uniform(0, 20 * 365));
    const QString name = listedName(m_plantRng, male, int(m_listed.size()));
    m_reserved.insert(name);
    const Party listed { name, iban(m_plantRng), KzTaxNumber::iin(birth, male, int(++m_serial % 9000 + 1)) };
    m_listed.push_back(listed);
    m_listedBirth.push_back(birth.toString(QStringLiteral("dd.MM.yyyy")));
    const Party payer = person(m_plantRng, false);
    const Party first = person(m_plantRng);
    const Party second = person(m_plantRng, false);
    const Party hop2 = person(m_plantRng);
    const Party hop3 = person(m_plantRng, false);
    qint64 t = someTime(10, 300);
    plant(p, t, listed, roundTo(m_plantRng.uniform(300'000, 900'000) * 100, 1'000'00), payer, QStringLiteral("Перевод"));
    t = later(t, Hour, 3 * Day);
    const qint64 amount = roundTo(m_plantRng.uniform(150'000, 400'000) * 100, 1'000'00);
    plant(p, t, listed, -amount, first, QStringLiteral("Перевод"));
    plant(p, later(t, Hour, 2 * Day), listed, -amount / 2, second, QStringLiteral("Возврат долга"));
    t = later(t, Day, 5 * Day);
    plant(p, t, first, -(amount * 8 / 10), hop2, QStringLiteral("Перевод"));
    plant(far, later(t, Day, 5 * Day), hop2, -(amount * 6 / 10), hop3, QStringLiteral("Перевод"));
    far.accounts = { hop3.account };
    far.note = QStringLiteral("3 hops from a listed person");
    p.note = QStringLiteral("listed person with 1- and 2-hop parties");
    m_patterns.push_back(p);
    m_patterns.push_back(far);
}

// Velocity: 2 card payments a week from early in the year, then one week of 14-20 round deposits
// of 100-300 thousand (default: >= 5x the median week, >= 10 rows, >= 1 000 000, round share
// rising). Decoys: the same burst of 30 000 deposits (under 1 000 000 for the week).
void Scenario::velocityAnomaly(bool decoy)
{
    Pattern p { QStringLiteral("velocity_anomaly"), decoy, {}, {}, 0, 0, {} };
    const Party own = person(m_plantRng);
    const qint64 burstDay = m_plantRng.uniform(150, 330);
    quietHistory(own, 0, burstDay - 1, 2);
    const int count = int(m_plantRng.uniform(14, 20));
    std::vector<Party> senders = { person(m_plantRng, false), person(m_plantRng, false), person(m_plantRng, false) };
    for (int i = 0; i < count; ++i) {
        const qint64 t = someTime(burstDay, burstDay + 5);
        const qint64 amount = decoy ? 30'000'00 : roundTo(m_plantRng.uniform(100'000, 300'000) * 100, 10'000'00);
        if (i % 3 == 0)
            plantCash(p, t, own, amount);
        else
            plant(p, t, own, amount, senders[size_t(i % 3)], QStringLiteral("Перевод"));
    }
    p.note = QStringLiteral("burst of %1 round deposits").arg(count);
    m_patterns.push_back(p);
}

void Scenario::plantAll()
{
    for (int i = 0; i < kInstances + kDecoys; ++i) {
        const bool decoy = i >= kInstances;
        structuring(decoy);
        fanIn(decoy);
        fanOut(decoy);
        passThrough(decoy);
        cycles(decoy);
        scatterGather(decoy, i % 2 == 1);
        highRiskGeography(decoy);
        purposeKeywords(decoy);
        npoMisuse(decoy);
        dormantReactivation(decoy);
        sharedIdentifiers(decoy);
        listedProximity(decoy); // its 3-hop decoys come with the instances
        velocityAnomaly(decoy);
    }
    std::stable_sort(m_planted.begin(), m_planted.end(), [](const Row &a, const Row &b) { return a.t < b.t; });
    for (int i = 0; i < 20; ++i)
        m_unrelatedListed.push_back(listedName(m_plantRng, i % 3 != 0, 6 + i));
}

void Scenario::salaryRows(qint64 day, std::vector<Row> &out)
{
    const QDate date = QDate(2024, 1, 1).addDays(day);
    const auto &payers = m_payday[size_t(date.day() <= 28 ? date.day() : 0)];
    if (payers.empty())
        return;
    const std::string purposeTail = std::string(",Заработная плата за ") + kMonths[(date.month() + 10) % 12] + " 2024,";
    for (size_t i = 0; i < m_people.size(); ++i) {
        const Person &person = m_people[i];
        if (person.employer < 0 || std::find(payers.begin(), payers.end(), person.employer) == payers.end())
            continue;
        const Party &employer = m_employers[size_t(person.employer)];
        Row row;
        row.t = day * Day + 10 * Hour + person.employer % 240 * 60;
        row.line = person.prefix;
        appendAmount(row.line, person.salaryMinor);
        row.line += ",KZT," + csvField(employer.name) + ',' + employer.account.toStdString() + ',' + employer.taxId.toStdString() + ',';
        row.line += purposeTail;
        out.push_back(std::move(row));
    }
}

void Scenario::backgroundRow(std::string &buf, qint64 &written)
{
    DemoRandom &rng = m_rng;
    const size_t who = size_t(rng.uniform(0, qint64(m_people.size()) - 1));
    const Person &person = m_people[who];
    buf += person.prefix;
    const int kind = rng.weighted({ 46, 9, 20, 9, 9, 4, 3 }); // card, utility, p2p out, p2p in, cash, wallet, abroad
    const char *channel = "transfer";
    switch (kind) {
    case 0:
        appendAmount(buf, -(rng.logNormal(person.spendScale, 14) + (rng.chance(300) ? 0 : rng.uniform(1, 99))));
        buf += ",KZT," + csvField(rng.pick(m_merchants)) + ",,,,Покупка,";
        channel = "card";
        break;
    case 1: {
        const Party &utility = rng.pick(m_utilities);
        appendAmount(buf, -(rng.logNormal(9'000'00, 10) + rng.uniform(0, 99)));
        buf += ",KZT," + csvField(utility.name) + ',' + utility.account.toStdString() + ',' + utility.taxId.toStdString()
                + ",,Оплата за коммунальные услуги,";
        break;
    }
    case 2:
    case 3: {
        const Party &other = rng.chance(500) ? m_peopleParties[size_t(rng.uniform(0, qint64(m_peopleParties.size()) - 1))]
                                             : m_others[size_t(rng.uniform(0, qint64(m_others.size()) - 1))];
        qint64 amount = rng.logNormal(20'000'00, 18) / 100 * 100;
        if (rng.chance(300))
            amount = roundTo(amount, 5'000'00);
        appendAmount(buf, kind == 2 ? -amount : amount);
        buf += ",KZT," + csvField(other.name) + ',' + other.account.toStdString() + ",,,";
        buf += csvField(rng.pick(kind == 2 ? kOutPurposes : kInPurposes)) + ',';
        break;
    }
    case 4: {
        const qint64 amount = rng.logNormal(30'000'00, 12) / 500'000 * 500'000 + 500'000;
        const bool deposit = rng.chance(150);
        appendAmount(buf, deposit ? amount : -amount);
        buf += ",KZT," + csvField(rng.pick(m_atms)) + (deposit ? ",,,,Взнос наличных," : ",,,,Снятие наличных,");
        channel = "cash";
        break;
    }
    case 5:
        appendAmount(buf, -(rng.logNormal(8'000'00, 12) / 50'000 * 50'000 + 50'000));
        buf += ",KZT,ТОО «TezPay»,TZP77" + rng.digits(9).toStdString() + ",,,Пополнение кошелька,";
        channel = "wallet";
        break;
    default: {
        static const char *countries[] = { "RU", "RU", "RU", "CN", "UZ", "KG", "TR", "AE", "DE", "KR" };
        const char *country = countries[rng.uniform(0, 9)];
        const Party &other = m_others[size_t(rng.uniform(0, qint64(m_others.size()) - 1))];
        appendAmount(buf, -(rng.logNormal(40'000'00, 14) / 100 * 100));
        buf += ",KZT," + csvField(other.name) + ',' + country + rng.digits(18).toStdString() + ",," + country
                + ",Перевод родственнику,";
        break;
    }
    }
    buf += "BG";
    appendNumber(buf, ++written, 10);
    buf += ',';
    buf += channel;
    buf += "\r\n";
}

qint64 Scenario::write(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannotWrite(path, file.errorString());
    std::string buf;
    buf.reserve(kFlushBytes + 65536);
    buf += TypologyScenarioGenerator::csvHeaders().join(QLatin1Char(',')).toStdString() + "\r\n";
    const auto flush = [&]() {
        if (file.write(buf.data(), qint64(buf.size())) != qint64(buf.size()))
            cannotWrite(path, file.errorString());
        buf.clear();
    };
    const auto writeTime = [&](qint64 t) {
        const QDate date = QDate(2024, 1, 1).addDays(t / Day);
        buf += date.toString(QStringLiteral("yyyy-MM-dd")).toStdString();
        buf += ' ';
        appendNumber(buf, t % Day / 3600, 2);
        buf += ':';
        appendNumber(buf, t % Day / 60 % 60, 2);
        buf += ',';
    };

    const qint64 background = std::max<qint64>(0, m_rows - qint64(m_planted.size()));
    qint64 written = 0, salaries = 0;
    size_t next = 0;
    std::vector<Row> salaryToday;
    std::vector<qint64> times;
    for (qint64 day = 0; day < YearDays; ++day) {
        salaryToday.clear();
        salaryRows(day, salaryToday);
        // Salaries count towards the rows; the rest of the day's share is everyday activity.
        const qint64 dueByTonight = background * (day + 1) / YearDays;
        qint64 others = std::max<qint64>(0, dueByTonight - written - salaries - qint64(salaryToday.size()));
        if (written + salaries + qint64(salaryToday.size()) > dueByTonight) {
            const qint64 room = std::max<qint64>(0, dueByTonight - written - salaries);
            salaryToday.resize(size_t(std::min<qint64>(room, qint64(salaryToday.size()))));
            others = 0;
        }
        times.clear();
        for (qint64 i = 0; i < others; ++i)
            times.push_back(day * Day + m_rng.uniform(7 * 3600, 23 * 3600 + 59 * 60) / 60 * 60);
        std::sort(times.begin(), times.end());
        size_t salary = 0, everyday = 0;
        while (true) {
            const qint64 tSalary = salary < salaryToday.size() ? salaryToday[salary].t : -1;
            const qint64 tEveryday = everyday < times.size() ? times[everyday] : -1;
            const qint64 tPlanted = next < m_planted.size() && m_planted[next].t < (day + 1) * Day ? m_planted[next].t : -1;
            qint64 best = -1;
            int which = -1;
            for (const auto &[t, w] : { std::pair { tSalary, 0 }, std::pair { tEveryday, 1 }, std::pair { tPlanted, 2 } }) {
                if (t >= 0 && (best < 0 || t < best)) {
                    best = t;
                    which = w;
                }
            }
            if (which < 0)
                break;
            writeTime(best);
            if (which == 0) {
                buf += salaryToday[salary++].line;
                buf += "SL";
                appendNumber(buf, ++salaries, 10);
                buf += ",transfer\r\n";
            } else if (which == 1) {
                backgroundRow(buf, written);
                ++everyday;
            } else {
                buf += m_planted[next++].line;
                buf += "\r\n";
            }
            if (buf.size() >= kFlushBytes)
                flush();
        }
    }
    flush();
    if (!file.flush())
        cannotWrite(path, file.errorString());
    return written + salaries + qint64(m_planted.size());
}

void Scenario::writeList(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannotWrite(path, file.errorString());
    QString text = QStringLiteral("Full name,Aliases,Birth date,Nationality,Document,Type,Reference,Listed on,Programme,Remarks\r\n");
    int reference = 200;
    for (size_t i = 0; i < m_listed.size(); ++i) {
        text += QStringLiteral("%1,,%2,KZ,IIN %3,person,KZ-T-%4,2023-0%5-15,terrorism,typology scenario\r\n")
                        .arg(QString::fromStdString(csvField(m_listed[i].name)), m_listedBirth[i], m_listed[i].taxId)
                        .arg(++reference)
                        .arg(i % 9 + 1);
    }
    // Entries with nobody behind them in the case, as a real list has.
    for (size_t i = 0; i < m_unrelatedListed.size(); ++i) {
        text += QStringLiteral("%1,,%2,KZ,,person,KZ-T-%3,2022-11-0%4,terrorism,\r\n")
                        .arg(m_unrelatedListed[i])
                        .arg(1960 + i * 2)
                        .arg(++reference)
                        .arg(i % 9 + 1);
    }
    if (file.write(text.toUtf8()) < 0 || !file.flush())
        cannotWrite(path, file.errorString());
}

void Scenario::writeTruth(const QString &path, quint64 seed, qint64 rows) const
{
    QJsonArray patterns;
    for (const Pattern &p : m_patterns) {
        QJsonArray accounts;
        for (const QString &account : p.accounts)
            accounts.append(account);
        patterns.append(QJsonObject {
                { QStringLiteral("typology"), p.typology },
                { QStringLiteral("decoy"), p.decoy },
                { QStringLiteral("note"), p.note },
                { QStringLiteral("accounts"), accounts },
                { QStringLiteral("start"), timeText(p.start) },
                { QStringLiteral("end"), timeText(p.end) },
                { QStringLiteral("transactions"), QJsonArray::fromStringList(p.transactions) },
        });
    }
    const QJsonObject truth {
        { QStringLiteral("seed"), QString::number(seed) },
        { QStringLiteral("rows"), rows },
        { QStringLiteral("times"), QStringLiteral("local time as written in transactions.csv (yyyy-MM-dd HH:mm)") },
        { QStringLiteral("typologies"), QJsonArray::fromStringList(TypologyScenarioGenerator::typologies()) },
        { QStringLiteral("list_name"), TypologyScenarioGenerator::listName() },
        { QStringLiteral("not_planted"), QStringLiteral("shared phones and e-mails: they come from goAML reports, which this "
                                                        "generator does not write; shared identifiers are planted as one holder "
                                                        "IIN on many accounts") },
        { QStringLiteral("patterns"), patterns },
    };
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannotWrite(path, file.errorString());
    if (file.write(QJsonDocument(truth).toJson(QJsonDocument::Indented)) < 0 || !file.flush())
        cannotWrite(path, file.errorString());
}

} // namespace

QStringList TypologyScenarioGenerator::typologies()
{
    return { QStringLiteral("structuring"), QStringLiteral("crowdfunding_fan_in"), QStringLiteral("fan_out"),
             QStringLiteral("pass_through"), QStringLiteral("cycles"), QStringLiteral("scatter_gather"),
             QStringLiteral("high_risk_geography"), QStringLiteral("purpose_keywords"), QStringLiteral("npo_misuse"),
             QStringLiteral("dormant_reactivation"), QStringLiteral("shared_identifiers"), QStringLiteral("listed_proximity"),
             QStringLiteral("velocity_anomaly") };
}

QStringList TypologyScenarioGenerator::csvHeaders()
{
    return { QStringLiteral("Date"), QStringLiteral("Account"), QStringLiteral("Account holder"), QStringLiteral("Holder IIN"),
             QStringLiteral("Amount"), QStringLiteral("Currency"), QStringLiteral("Counterparty"),
             QStringLiteral("Counterparty account"), QStringLiteral("IIN/BIN"), QStringLiteral("Counterparty country"),
             QStringLiteral("Purpose"), QStringLiteral("Transaction ID"), QStringLiteral("Channel") };
}

import::ImportMapping TypologyScenarioGenerator::importMapping()
{
    import::ImportMapping mapping = import::guessMapping(csvHeaders());
    import::FieldSource holderIin;
    import::ColumnRef column;
    column.header = QStringLiteral("Holder IIN");
    holderIin.columns.push_back(column);
    mapping.fields[import::Field::AccountHolderTaxId] = holderIin;
    return mapping;
}

TypologyScenario TypologyScenarioGenerator::write(const QString &directory, qint64 rows, quint64 seed)
{
    if (!QDir().mkpath(directory))
        cannotWrite(directory, QStringLiteral("cannot create the directory"));
    Scenario scenario(std::max<qint64>(0, rows), seed);
    TypologyScenario out;
    const QDir dir(directory);
    out.csvPath = dir.filePath(QStringLiteral("transactions.csv"));
    out.listPath = dir.filePath(QStringLiteral("national-list.csv"));
    out.truthPath = dir.filePath(QStringLiteral("truth.json"));
    out.rows = scenario.write(out.csvPath);
    scenario.writeList(out.listPath);
    scenario.writeTruth(out.truthPath, seed, out.rows);
    out.patterns = scenario.patterns();
    out.decoys = scenario.decoys();
    return out;
}

} // namespace fundtrace::demo
