#include "demo/OneCStatementWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/DemoSideAccount.h"
#include "demo/ExportText.h"
#include "demo/Windows1251.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fundtrace::demo {

namespace {

constexpr qint64 kzt(qint64 tenge)
{
    return tenge * 100;
}

QString field(const QString &key, const QString &value)
{
    return key + QLatin1Char('=') + value + QStringLiteral("\r\n");
}

QString taxKey(const DemoParty &party)
{
    return party.organisation ? QStringLiteral("БИН") : QStringLiteral("ИИН");
}

} // namespace

int OneCStatementWriter::write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed,
                               DemoFacts &facts)
{
    DemoRandom rng(DemoRandom::streamSeed(seed, 0x1C01));
    const int holderParty = ledger.account(cast.walletSender).party;
    const DemoParty &holder = ledger.party(holderParty);
    const DemoBank &bank = DemoBanks::byKey(QStringLiteral("altyn"));
    DemoSideAccount account;
    account.bankKey = bank.key;
    account.currency = QStringLiteral("KZT");
    account.party = holderParty;
    account.id = ledger.uniqueKzIban(rng, bank.key);

    const QDate from = DemoClock::periodStart();
    const QDate to = DemoClock::periodEnd();
    const int days = static_cast<int>(from.daysTo(to));

    // Donors of the fund who were asked to send to "Dinara's card" directly.
    static const QStringList purposes = {
        QStringLiteral("Для Мейірім Жолы, на лечение детей"), QStringLiteral("Садака"), QStringLiteral("Помощь детям"),
        QStringLiteral("Перевод по номеру счета, пожертвование"), QStringLiteral("На операцию ребенку"),
        QStringLiteral("Закят"), QStringLiteral("Помощь"),
    };
    std::vector<int> donors = cast.bankDonors(ledger);
    const int count = 34;
    qint64 donated = 0;
    for (int i = 0; i < count && !donors.empty(); ++i) {
        const int donor = donors[static_cast<size_t>(rng.uniform(0, static_cast<qint64>(donors.size()) - 1))];
        const DemoParty &p = ledger.holder(donor);
        const DemoBank &b = DemoBanks::byKey(ledger.account(donor).bankKey);
        SideEntry e;
        const QDate day = from.addDays(rng.uniform(0, days));
        e.minute = DemoClock::avoidRepeatedHour(DemoClock::minuteOf(day, 0, 0) + rng.uniform(9 * 60, 21 * 60));
        e.amount = kzt(rng.uniform(5, 120) * 1'000);
        e.counterparty = p.name;
        e.counterpartyAccount = ledger.account(donor).id;
        e.counterpartyTaxId = p.taxId;
        e.counterpartyBic = b.bic;
        e.purpose = rng.pick(purposes);
        e.reference = QString::number(rng.uniform(10000, 99999));
        e.kind = QStringLiteral("transfer");
        donated += e.amount;
        account.add(e);
    }
    // The missing credit: a cash deposit on 28 June that the export leaves out.
    SideEntry lost;
    lost.minute = DemoClock::minuteOf(QDate(2024, 6, 28), 12, 0) + rng.uniform(0, 120);
    lost.amount = kzt(rng.uniform(30, 48) * 10'000);
    lost.purpose = QStringLiteral("Взнос наличных");
    lost.kind = QStringLiteral("cash");
    lost.missing = true;
    account.add(lost);
    account.finish(0);

    // Cash withdrawals whenever 150 000 KZT have accumulated, and a monthly fee.
    static const QStringList atms = { QStringLiteral("ATM ALTYN KOPIR ALMATY SEIFULLIN 404"),
                                      QStringLiteral("ATM ALTYN KOPIR ALMATY ABAI 109"),
                                      QStringLiteral("ATM ALTYN KOPIR ALMATY MAKATAEV 127") };
    std::vector<SideEntry> debits;
    qint64 balance = 0;
    for (const SideEntry &e : account.entries) {
        balance += e.amount;
        if (balance < kzt(150'000) || e.missing)
            continue;
        SideEntry cash;
        cash.minute = DemoClock::avoidRepeatedHour(e.minute + rng.uniform(60, 600));
        cash.amount = -(balance / kzt(10'000) * kzt(10'000));
        cash.place = rng.pick(atms);
        cash.purpose = QStringLiteral("Снятие наличных, %1").arg(cash.place);
        cash.reference = QString::number(rng.uniform(100000, 999999));
        cash.kind = QStringLiteral("cash");
        balance += cash.amount;
        debits.push_back(cash);
    }
    for (int m = from.month(); m < to.month(); ++m) {
        const QDate month(to.year(), m, 1);
        SideEntry fee;
        fee.minute = DemoClock::minuteOf(QDate(month.year(), month.month(), month.daysInMonth()), 20, 0);
        fee.amount = -kzt(300);
        fee.counterparty = bank.name;
        fee.purpose = QStringLiteral("Комиссия за обслуживание счета за %1").arg(month.toString(QStringLiteral("MM.yyyy")));
        fee.reference = QString::number(rng.uniform(100000, 999999));
        fee.kind = QStringLiteral("fee");
        debits.push_back(fee);
    }
    for (SideEntry &d : debits)
        account.add(d);
    account.finish(kzt(1'000));

    const std::vector<DemoSideAccount::Period> periods = account.monthly(from, to);
    const QString bankName = bank.name;
    QString text = QStringLiteral("1CClientBankExchange\r\n");
    text += field(QStringLiteral("ВерсияФормата"), QStringLiteral("1.03"));
    text += field(QStringLiteral("Кодировка"), QStringLiteral("Windows"));
    text += field(QStringLiteral("Отправитель"), QStringLiteral("Алтын Көпір Онлайн"));
    text += field(QStringLiteral("Получатель"), QStringLiteral("Бухгалтерия для Казахстана, редакция 3.0"));
    text += field(QStringLiteral("ДатаСоздания"), DemoClock::dottedDate(to.addDays(3)));
    text += field(QStringLiteral("ВремяСоздания"), QStringLiteral("10:42:17"));
    text += field(QStringLiteral("ДатаНачала"), DemoClock::dottedDate(from));
    text += field(QStringLiteral("ДатаКонца"), DemoClock::dottedDate(to));
    text += field(QStringLiteral("РасчСчет"), account.id);
    text += field(QStringLiteral("Документ"), QStringLiteral("Платежное поручение"));
    for (const DemoSideAccount::Period &p : periods) {
        text += QStringLiteral("СекцияРасчСчет\r\n");
        text += field(QStringLiteral("ДатаНачала"), DemoClock::dottedDate(p.from));
        text += field(QStringLiteral("ДатаКонца"), DemoClock::dottedDate(p.to));
        text += field(QStringLiteral("РасчСчет"), account.id);
        text += field(QStringLiteral("НачальныйОстаток"), ExportText::pointAmount(p.opening));
        text += field(QStringLiteral("ВсегоПоступило"), ExportText::pointAmount(p.credits));
        text += field(QStringLiteral("ВсегоСписано"), ExportText::pointAmount(p.debits));
        text += field(QStringLiteral("КонечныйОстаток"), ExportText::pointAmount(p.closing));
        text += QStringLiteral("КонецРасчСчет\r\n");
    }
    int documents = 0;
    int number = 1;
    for (const DemoSideAccount::Period &p : periods) {
        for (int index : p.entries) {
            const SideEntry &e = account.entries[static_cast<size_t>(index)];
            const QString date = DemoClock::dottedDate(DemoClock::dateOf(e.minute));
            const bool credit = e.amount > 0;
            text += field(QStringLiteral("СекцияДокумент"),
                          e.kind == u"transfer" ? QStringLiteral("Платежное поручение") : QStringLiteral("Банковский ордер"));
            text += field(QStringLiteral("Номер"), e.kind == u"transfer" ? e.reference : QString::number(number));
            ++number;
            text += field(QStringLiteral("Дата"), date);
            text += field(QStringLiteral("Сумма"), ExportText::pointAmount(std::abs(e.amount)));
            if (credit) {
                text += field(QStringLiteral("ПлательщикИИК"), e.counterpartyAccount);
                const int donor = ledger.findAccount(e.counterpartyAccount);
                text += field(QStringLiteral("Плательщик") + taxKey(ledger.holder(donor)), e.counterpartyTaxId);
                text += field(QStringLiteral("Плательщик"), e.counterparty);
                text += field(QStringLiteral("ПлательщикБанк1"), DemoBanks::byKey(ledger.account(donor).bankKey).name);
                text += field(QStringLiteral("ПлательщикБИК"), e.counterpartyBic);
                text += field(QStringLiteral("ПолучательИИК"), account.id);
                text += field(QStringLiteral("ПолучательИИН"), holder.taxId);
                text += field(QStringLiteral("Получатель"), holder.name);
                text += field(QStringLiteral("ПолучательБанк1"), bankName);
                text += field(QStringLiteral("ПолучательБИК"), bank.bic);
                text += field(QStringLiteral("ДатаПоступило"), date);
                text += field(QStringLiteral("КНП"), QStringLiteral("119"));
            } else {
                text += field(QStringLiteral("ПлательщикИИК"), account.id);
                text += field(QStringLiteral("ПлательщикИИН"), holder.taxId);
                text += field(QStringLiteral("Плательщик"), holder.name);
                text += field(QStringLiteral("ПлательщикБанк1"), bankName);
                text += field(QStringLiteral("ПлательщикБИК"), bank.bic);
                text += field(QStringLiteral("Получатель"), e.kind == u"fee" ? bankName : holder.name);
                text += field(QStringLiteral("ДатаСписано"), date);
                text += field(QStringLiteral("КНП"), e.kind == u"fee" ? QStringLiteral("840") : QStringLiteral("341"));
            }
            text += field(QStringLiteral("НазначениеПлатежа"), e.purpose);
            text += QStringLiteral("КонецДокумента\r\n");
            ++documents;
        }
    }
    text += QStringLiteral("КонецФайла\r\n");
    ExportText::save(path, Windows1251::encode(text));

    const DemoSideAccount::Period &june = periods[periods.size() - 2];
    const DemoSideAccount::Period &july = periods.back();
    facts.addToList(QStringLiteral("otherAccounts"),
                    QJsonObject { { QStringLiteral("holder"), QStringLiteral("collectorB") },
                                  { QStringLiteral("account"), account.id },
                                  { QStringLiteral("institution"), bankName },
                                  { QStringLiteral("file"), fileName() },
                                  { QStringLiteral("directDonationsCount"), count },
                                  { QStringLiteral("directDonationsMinor"), donated },
                                  { QStringLiteral("note"), QStringLiteral("Donors of the fund also pay collector B "
                                                                           "directly; she withdraws the money in cash.") } });
    facts.setValue(QStringLiteral("statementGap"),
                   QJsonObject { { QStringLiteral("file"), fileName() },
                                 { QStringLiteral("account"), account.id },
                                 { QStringLiteral("finding"), QStringLiteral("statement_gap") },
                                 { QStringLiteral("previousPeriodEnd"), june.to.toString(Qt::ISODate) },
                                 { QStringLiteral("previousClosingMinor"), june.closing },
                                 { QStringLiteral("nextPeriodStart"), july.from.toString(Qt::ISODate) },
                                 { QStringLiteral("nextOpeningMinor"), july.opening },
                                 { QStringLiteral("differenceMinor"), july.opening - june.closing },
                                 { QStringLiteral("missingMovement"),
                                   QStringLiteral("cash deposit of %1 KZT on %2, left out of the export")
                                       .arg(ExportText::commaAmount(lost.amount, QLatin1Char(' ')),
                                            DemoClock::isoMinutes(lost.minute)) } });
    return documents;
}

} // namespace fundtrace::demo
