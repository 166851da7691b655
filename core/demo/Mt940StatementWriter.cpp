#include "demo/Mt940StatementWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/DemoSideAccount.h"
#include "demo/ExportText.h"
#include "demo/Iban.h"

#include <QJsonArray>
#include <QJsonObject>
#include <map>

namespace fundtrace::demo {

namespace {

QString swiftAmount(qint64 minor)
{
    return ExportText::pointAmount(std::abs(minor)).replace(QLatin1Char('.'), QLatin1Char(','));
}

QString balance(const QString &tag, const QDate &date, qint64 minor, const QString &currency)
{
    return tag + (minor < 0 ? QStringLiteral("D") : QStringLiteral("C")) + date.toString(QStringLiteral("yyMMdd"))
        + currency + swiftAmount(minor) + QStringLiteral("\r\n");
}

// SWIFT lines are at most 65 characters; the :86: subfields at most 27.
QString wrap(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); i += 65)
        out += text.mid(i, 65) + QStringLiteral("\r\n");
    return out;
}

QString subfields(int first, int last, const QString &text)
{
    QString out;
    for (int code = first; code <= last && (code - first) * 27 < text.size(); ++code)
        out += QStringLiteral("?%1").arg(code, 2, 10, QLatin1Char('0')) + text.mid((code - first) * 27, 27);
    return out;
}

struct Foreign {
    const char *name;
    const char *bankKey;
};

} // namespace

int Mt940StatementWriter::write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed,
                                DemoFacts &facts)
{
    DemoRandom rng(DemoRandom::streamSeed(seed, 0x0940));
    const DemoBank &bank = DemoBanks::byKey(QStringLiteral("saryarka"));
    const DemoParty &fund = ledger.party(ledger.account(cast.charity).party);
    DemoSideAccount account;
    account.currency = QStringLiteral("USD");
    account.bankKey = bank.key;
    account.party = ledger.account(cast.charity).party;
    account.id = Iban::fromBban(QStringLiteral("KZ"), bank.ibanCode + QStringLiteral("USD") + rng.digits(10));

    // Two invented foreign donors; their IBANs are made the way the ledger makes foreign ones.
    const Foreign donorSpecs[] = { { "Sunrise Steppe Relief Trust LLC", "gulf" },
                                   { "Bereket Koprusu Yardim Dernegi", "gdkb" } };
    struct Party {
        QString name;
        QString account;
        QString bic;
        QString country;
        QString key;
    };
    std::vector<Party> donors;
    for (const Foreign &spec : donorSpecs) {
        Party p;
        p.name = QString::fromUtf8(spec.name);
        p.account = ledger.uniqueForeignIban(rng, QString::fromUtf8(spec.bankKey));
        p.bic = DemoBanks::byKey(QString::fromUtf8(spec.bankKey)).bic;
        p.country = DemoBanks::byKey(QString::fromUtf8(spec.bankKey)).country;
        donors.push_back(p);
    }
    std::vector<Party> recipients;
    for (const char *key : { "hatay", "gulf", "gdkb" }) {
        const int a = cast.accountAt(ledger, QString::fromUtf8(key));
        const DemoBank &b = DemoBanks::byKey(QString::fromUtf8(key));
        recipients.push_back({ ledger.holder(a).latinName, ledger.account(a).id, b.bic, b.country, QString() });
    }
    recipients[0].key = QStringLiteral("recipientTradeCover");
    recipients[1].key = QStringLiteral("recipientExchangeHouse");
    recipients[2].key = QStringLiteral("recipientGaziantep");

    static const QStringList donationPurposes = { QStringLiteral("DONATION FOR ORPHANS SUPPORT PROGRAMME"),
                                                  QStringLiteral("ZAKAT AL-MAL 1445 FOR NEEDY FAMILIES"),
                                                  QStringLiteral("CHARITY CONTRIBUTION, MEDICAL AID FOR CHILDREN"),
                                                  QStringLiteral("RAMADAN FOOD PARCELS PROJECT") };
    const QDate from = DemoClock::periodStart();
    const QDate to = DemoClock::periodEnd();
    std::map<QString, qint64> sentTo;
    qint64 received = 0;
    int wires = 0;
    for (QDate day = from.addDays(rng.uniform(3, 12)); day < to.addDays(-6); day = day.addDays(rng.uniform(9, 20))) {
        if (day.dayOfWeek() > 5)
            day = day.addDays(8 - day.dayOfWeek());
        const Party &donor = donors[static_cast<size_t>(rng.uniform(0, 1))];
        SideEntry in;
        in.minute = DemoClock::minuteOf(day, 11, 0);
        in.amount = rng.uniform(80, 450) * 100'00;
        in.counterparty = donor.name;
        in.counterpartyAccount = donor.account;
        in.counterpartyBic = donor.bic;
        in.counterpartyCountry = donor.country;
        in.purpose = rng.pick(donationPurposes);
        in.reference = QStringLiteral("NONREF");
        in.kind = QStringLiteral("transfer");
        account.add(in);
        received += in.amount;

        // Passed on within days, in one or two wires.
        qint64 left = in.amount * rng.uniform(85, 95) / 100 / 100'00 * 100'00;
        QDate out = day.addDays(rng.uniform(1, 4));
        while (left > 0) {
            if (out.dayOfWeek() > 5)
                out = out.addDays(8 - out.dayOfWeek());
            const qint64 amount = left > 200'000'00 && rng.chance(500) ? left / 2 / 100'00 * 100'00 : left;
            const Party &r = recipients[static_cast<size_t>(rng.weighted({ 45, 35, 20 }))];
            SideEntry wire;
            wire.minute = DemoClock::minuteOf(out, 15, 0);
            wire.amount = -amount;
            wire.counterparty = r.name;
            wire.counterpartyAccount = r.account;
            wire.counterpartyBic = r.bic;
            wire.counterpartyCountry = r.country;
            wire.purpose = r.key == u"recipientTradeCover"
                ? QStringLiteral("PAYMENT FOR DRIED APRICOTS AND NUTS, CONTRACT %1/24, INV %2")
                      .arg(rng.uniform(10, 60))
                      .arg(rng.uniform(100, 999))
                : r.key == u"recipientExchangeHouse" ? QStringLiteral("HUMANITARIAN AID DISTRIBUTION")
                                                    : QStringLiteral("MEDICAL TREATMENT OF CHILDREN");
            wire.reference = QStringLiteral("MZ%1").arg(++wires, 4, 10, QLatin1Char('0'));
            wire.kind = QStringLiteral("transfer");
            account.add(wire);
            sentTo[r.key] += amount;

            SideEntry fee;
            fee.minute = wire.minute + 1;
            fee.amount = -35'00;
            fee.counterparty = bank.latinName;
            fee.purpose = QStringLiteral("SWIFT TRANSFER FEE %1").arg(wire.reference);
            fee.reference = QStringLiteral("NONREF");
            fee.kind = QStringLiteral("fee");
            account.add(fee);
            left -= amount;
            out = out.addDays(rng.uniform(0, 1));
        }
    }
    account.finish(1'500'00);
    for (SideEntry &e : account.entries)
        e.bankReference = ledger.uniqueReference(rng, QStringLiteral("SR") + DemoClock::dateOf(e.minute).toString(QStringLiteral("yyMMdd")), 6);

    const std::vector<DemoSideAccount::Period> periods = account.monthly(from, to);
    QString text;
    int number = 0;
    int entries = 0;
    QDate previousEnd = from.addDays(-1);
    for (const DemoSideAccount::Period &p : periods) {
        ++number;
        const QDate sent = p.to.addDays(1);
        text += QStringLiteral("{1:F01%1AXXX0000000000}{2:O940%2%3%4AXXX0000000000%3%2N}{4:\r\n")
                    .arg(bank.bic, QStringLiteral("0600"), sent.toString(QStringLiteral("yyMMdd")), bank.bic);
        text += QStringLiteral(":20:MZUSD%1\r\n").arg(p.to.toString(QStringLiteral("yyMM")));
        text += QStringLiteral(":25:%1/%2\r\n").arg(bank.bic, account.id);
        text += QStringLiteral(":28C:%1/001\r\n").arg(number, 5, 10, QLatin1Char('0'));
        text += balance(QStringLiteral(":60F:"), previousEnd, p.opening, account.currency);
        for (int index : p.entries) {
            const SideEntry &e = account.entries[static_cast<size_t>(index)];
            const QDate date = DemoClock::dateOf(e.minute);
            text += QStringLiteral(":61:%1%2%3%4N%5%6//%7\r\n")
                        .arg(date.toString(QStringLiteral("yyMMdd")), date.toString(QStringLiteral("MMdd")),
                             e.amount > 0 ? QStringLiteral("C") : QStringLiteral("D"), swiftAmount(e.amount),
                             e.kind == u"fee" ? QStringLiteral("CHG") : QStringLiteral("TRF"), e.reference, e.bankReference);
            QString details = e.kind == u"fee" ? QStringLiteral("805?00BANK CHARGES")
                : e.amount > 0                 ? QStringLiteral("166?00INCOMING SWIFT TRANSFER")
                                               : QStringLiteral("166?00OUTGOING SWIFT TRANSFER");
            details += subfields(20, 29, e.purpose);
            if (!e.counterpartyAccount.isEmpty())
                details += QStringLiteral("?30") + e.counterpartyBic + QStringLiteral("?31") + e.counterpartyAccount;
            details += subfields(32, 33, e.counterparty.toUpper());
            text += wrap(QStringLiteral(":86:") + details);
            ++entries;
        }
        text += balance(QStringLiteral(":62F:"), p.to, p.closing, account.currency);
        text += balance(QStringLiteral(":64:"), p.to, p.closing, account.currency);
        text += QStringLiteral("-}\r\n");
        previousEnd = p.to;
    }
    ExportText::save(path, text.toLatin1());

    QJsonObject sent;
    for (const auto &[key, minor] : sentTo)
        sent.insert(key, minor);
    facts.addToList(QStringLiteral("otherAccounts"),
                    QJsonObject { { QStringLiteral("holder"), QStringLiteral("charity") },
                                  { QStringLiteral("holderName"), fund.latinName },
                                  { QStringLiteral("account"), account.id },
                                  { QStringLiteral("currency"), account.currency },
                                  { QStringLiteral("institution"), bank.latinName },
                                  { QStringLiteral("file"), fileName() },
                                  { QStringLiteral("receivedFromAbroadMinor"), received },
                                  { QStringLiteral("sentAbroadMinorByRecipient"), sent },
                                  { QStringLiteral("foreignDonors"), QJsonArray { donors[0].name, donors[1].name } },
                                  { QStringLiteral("note"), QStringLiteral("USD donations from two foreign organisations "
                                                                           "leave within 1-4 days for the same Turkish "
                                                                           "and Emirati accounts collector C pays.") } });
    return entries;
}

} // namespace fundtrace::demo
