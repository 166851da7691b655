#include "demo/BenchmarkCsvGenerator.h"

#include "demo/CsvText.h"

#include "demo/DemoBanks.h"
#include "demo/DemoRandom.h"
#include "demo/Iban.h"
#include "demo/NamePool.h"

#include <QDate>
#include <QFile>
#include <stdexcept>
#include <string>
#include <vector>

namespace fundtrace::demo {

namespace {

constexpr int kOwnAccounts = 20'000;
constexpr int kOtherAccounts = 30'000;
constexpr int kBusinessAccounts = 200;   // the busiest own accounts: shops, payroll payers
constexpr size_t kFlushBytes = 4 << 20;

std::string utf8(const QString &text)
{
    return text.toStdString();
}

struct Party {
    std::string name;    // already CSV-quoted where needed
    std::string account;
};

// The fixed cast of the benchmark file, built once from the seed.
struct Cast {
    std::vector<Party> own;
    std::vector<Party> others;
    std::vector<std::string> merchants;
    std::vector<std::string> atms;
    std::vector<std::string> wallets;

    explicit Cast(DemoRandom &rng)
    {
        const QStringList orgWords = {
            QStringLiteral("Алтын"), QStringLiteral("Дала"), QStringLiteral("Береке"), QStringLiteral("Сункар"),
            QStringLiteral("Нур"), QStringLiteral("Тау"), QStringLiteral("Жол"), QStringLiteral("Сауда"),
            QStringLiteral("Строй"), QStringLiteral("Транс"), QStringLiteral("Агро"), QStringLiteral("Фарм"),
            QStringLiteral("Логистик"), QStringLiteral("Сервис"), QStringLiteral("Инвест"), QStringLiteral("Trade"),
            QStringLiteral("Group"), QStringLiteral("Тех"), QStringLiteral("Медиа"), QStringLiteral("Азия"),
        };
        const QStringList forms = { QStringLiteral("ТОО"), QStringLiteral("ТОО"), QStringLiteral("ИП"), QStringLiteral("АО") };
        const auto bankCodes = DemoBanks::domesticKeys();
        const auto makeParty = [&](bool business) {
            Party p;
            if (business || rng.chance(150)) {
                const QString form = rng.pick(forms);
                const QString first = rng.pick(orgWords);
                const QString second = rng.pick(orgWords);
                // A third of organisation names use ASCII quotes, which CSV must double.
                const bool ascii = rng.chance(330);
                p.name = csvField(utf8(ascii ? QStringLiteral("%1 \"%2 %3\"").arg(form, first, second)
                                             : QStringLiteral("%1 «%2 %3»").arg(form, first, second)));
            } else {
                const bool male = rng.chance(500);
                p.name = csvField(utf8(NamePool::person(rng, male).full()));
            }
            const QString code = DemoBanks::byKey(rng.pick(bankCodes)).ibanCode;
            p.account = utf8(Iban::fromBban(QStringLiteral("KZ"), code + QStringLiteral("KZT") + rng.digits(10)));
            return p;
        };
        for (int i = 0; i < kOwnAccounts; ++i)
            own.push_back(makeParty(i < kBusinessAccounts));
        for (int i = 0; i < kOtherAccounts; ++i)
            others.push_back(makeParty(false));
        const char *shops[] = { "BEREKE MARKET", "ARZAN DUKEN", "TECHNO ALEM", "KOFEINYA SAMAL", "APTEKA SHIPAGER",
                                "AZS ZHOL OIL", "TAXI ZHOLDAS", "ALMA FOOD DELIVERY", "KINO ALEMI", "SAMAL SPORT GYM",
                                "ALTYN ORDA BAZAR", "DALA MART", "NUR FOOD", "ZHAN TEXTILE", "SHYMKENT PLAZA" };
        const char *cities[] = { "ALMATY", "ASTANA", "SHYMKENT", "KARAGANDA", "AKTOBE", "TARAZ" };
        for (const char *shop : shops) {
            for (const char *city : cities)
                merchants.push_back(std::string(shop) + " " + city + " KZ");
        }
        for (const char *city : cities) {
            for (int i = 0; i < 4; ++i)
                atms.push_back("ATM DALA BANK " + std::string(city) + " " + std::to_string(rng.uniform(1, 400)));
        }
        for (int i = 0; i < 2'000; ++i)
            wallets.push_back("TZP77" + utf8(rng.digits(9)));
    }
};

const std::vector<std::string> kOutPurposes = {
    "Перевод собственных средств", "Перевод", "Возврат долга", "Оплата за коммунальные услуги", "Оплата аренды",
    "Перевод по номеру телефона", "Оплата услуг связи", "Погашение займа", "Материальная помощь",
    "Оплата за обучение", "", "",
};
const std::vector<std::string> kInPurposes = {
    "Заработная плата", "Пенсионные выплаты", "Перевод", "Возврат средств", "Кешбэк", "Социальные выплаты",
    "Пособие по уходу за ребенком", "",
};
const char *kMonths[] = { "январь", "февраль", "март", "апрель", "май", "июнь",
                          "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь" };

// A purpose with a document number of its own (invoices, contracts, VAT invoices).
void appendUniquePurpose(std::string &out, DemoRandom &rng, const std::string &date)
{
    out += '"';
    switch (rng.uniform(0, 3)) {
    case 0:
        out += "Оплата по счету на оплату №";
        appendNumber(out, rng.uniform(1, 999'999));
        out += " от " + date + ", без НДС";
        break;
    case 1:
        out += "Оплата по договору №";
        appendNumber(out, rng.uniform(1, 9'999));
        out += "/24 от " + date + ", в т.ч. НДС 12%";
        break;
    case 2:
        out += "Оплата по счет-фактуре №";
        appendNumber(out, rng.uniform(100'000, 9'999'999));
        out += " от " + date;
        break;
    default:
        out += "Оплата за товар по накладной №";
        appendNumber(out, rng.uniform(1, 99'999));
        out += ", заказ ";
        appendNumber(out, rng.uniform(10'000'000, 99'999'999));
        break;
    }
    out += '"';
}

} // namespace

qint64 BenchmarkCsvGenerator::writeBenchmarkCsv(const QString &path, qint64 rows, quint64 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    rows = std::max<qint64>(0, rows);

    DemoRandom rng(DemoRandom::streamSeed(seed, 0xBE7C));
    const Cast cast(rng);
    std::string buf;
    buf.reserve(kFlushBytes + 4096);
    buf += "Date,Account,Amount,Currency,Counterparty,Counterparty account,Purpose,Transaction ID,Channel\r\n";

    const auto flush = [&]() {
        if (file.write(buf.data(), static_cast<qint64>(buf.size())) != static_cast<qint64>(buf.size()))
            throw std::runtime_error(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
        buf.clear();
    };

    // Rows run through 2024 in time order, like one long statement export.
    const qint64 span = 366LL * 86'400;
    const qint64 meanStep = rows > 0 ? std::max<qint64>(1, span / rows) : 1;
    qint64 second = 0;
    qint64 cachedDay = -1;
    std::string isoDay;
    std::string dottedDay;
    int month = 1;
    for (qint64 row = 0; row < rows; ++row) {
        second = std::min(span - 1, second + rng.uniform(0, 2 * meanStep));
        const qint64 day = second / 86'400;
        if (day != cachedDay) {
            const QDate date = QDate(2024, 1, 1).addDays(day);
            isoDay = utf8(date.toString(QStringLiteral("yyyy-MM-dd")));
            dottedDay = utf8(date.toString(QStringLiteral("dd.MM.yyyy")));
            month = date.month();
            cachedDay = day;
        }
        const qint64 secondOfDay = second % 86'400;
        buf += isoDay;
        buf += ' ';
        appendNumber(buf, secondOfDay / 3600, 2);
        buf += ':';
        appendNumber(buf, secondOfDay / 60 % 60, 2);
        buf += ',';

        const Party &own = cast.own[static_cast<size_t>(rng.chance(200) ? rng.uniform(0, kBusinessAccounts - 1)
                                                                        : rng.uniform(0, kOwnAccounts - 1))];
        buf += own.account;
        buf += ',';

        const int kind = rng.weighted({ 35, 28, 22, 8, 7 }); // card, out, in, cash, wallet
        qint64 amount = 0;
        switch (kind) {
        case 0:
            amount = rng.logNormal(4'500'00, 16) / 100 * 100;
            if (rng.chance(300))
                amount += rng.uniform(1, 99);
            amount = -amount;
            break;
        case 1:
            amount = -(rng.logNormal(35'000'00, 28) / 100 * 100);
            break;
        case 2:
            amount = rng.logNormal(60'000'00, 24) / 100 * 100;
            break;
        case 3:
            amount = rng.logNormal(20'000'00, 20) / 100'000 * 100'000 + 100'000;
            if (!rng.chance(200))
                amount = -amount;
            break;
        default:
            amount = -(rng.logNormal(10'000'00, 16) / 50'000 * 50'000 + 50'000);
            break;
        }
        const int currencyPick = rng.weighted({ 970, 20, 5, 5 });
        static const char *currencies[] = { "KZT", "USD", "EUR", "RUB" };
        static const qint64 perUnit[] = { 1, 450, 490, 5 };
        amount /= perUnit[currencyPick];
        if (amount == 0)
            amount = kind == 2 ? 1 : -1;
        appendAmount(buf, amount);
        buf += ',';
        buf += currencies[currencyPick];
        buf += ',';

        const char *channel = "transfer";
        if (kind == 0) {
            buf += cast.merchants[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(cast.merchants.size()) - 1))];
            buf += ",,Покупка,";
            channel = "card";
        } else if (kind == 3) {
            buf += cast.atms[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(cast.atms.size()) - 1))];
            buf += amount < 0 ? ",,Снятие наличных," : ",,Взнос наличных,";
            channel = "cash";
        } else if (kind == 4) {
            buf += "ТОО «TezPay»,";
            buf += cast.wallets[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(cast.wallets.size()) - 1))];
            buf += ",Пополнение кошелька,";
            channel = "wallet";
        } else {
            const Party &other = rng.chance(600) ? cast.own[static_cast<size_t>(rng.uniform(0, kOwnAccounts - 1))]
                                                 : cast.others[static_cast<size_t>(rng.uniform(0, kOtherAccounts - 1))];
            buf += other.name;
            buf += ',';
            buf += other.account;
            buf += ',';
            if (rng.chance(500)) {
                appendUniquePurpose(buf, rng, dottedDay);
            } else if (kind == 2) {
                const std::string &p = kInPurposes[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(kInPurposes.size()) - 1))];
                buf += p;
                if (p == "Заработная плата") {
                    buf += " за ";
                    buf += kMonths[(month + 10) % 12];
                    buf += " 2024";
                }
            } else {
                buf += kOutPurposes[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(kOutPurposes.size()) - 1))];
            }
            buf += ',';
        }
        buf += "BT";
        appendNumber(buf, row + 1, 10);
        buf += ',';
        buf += channel;
        buf += "\r\n";
        if (buf.size() >= kFlushBytes)
            flush();
    }
    flush();
    if (!file.flush())
        throw std::runtime_error(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return rows;
}

} // namespace fundtrace::demo
