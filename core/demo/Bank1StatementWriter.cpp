#include "demo/Bank1StatementWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/ExportText.h"

#include <algorithm>

namespace fundtrace::demo {

namespace {

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << ExportText::quoted(field, QLatin1Char(','));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace

QStringList Bank1StatementWriter::headers()
{
    return { QStringLiteral("Date"), QStringLiteral("Account"), QStringLiteral("Account holder"), QStringLiteral("Amount"),
             QStringLiteral("Currency"), QStringLiteral("Counterparty"), QStringLiteral("Counterparty account"),
             QStringLiteral("IIN/BIN"), QStringLiteral("Counterparty bank"), QStringLiteral("Counterparty country"),
             QStringLiteral("Purpose"), QStringLiteral("Transaction ID"), QStringLiteral("Channel"),
             QStringLiteral("Balance") };
}

int Bank1StatementWriter::write(const QString &path, const DemoLedger &ledger, std::vector<int> accounts, DemoFacts &facts)
{
    std::sort(accounts.begin(), accounts.end(),
              [&ledger](int a, int b) { return ledger.account(a).id < ledger.account(b).id; });
    std::vector<std::vector<int>> byAccount(ledger.accounts().size());
    const auto &transfers = ledger.transfers();
    for (size_t i = 0; i < transfers.size(); ++i) {
        const DemoTransfer &t = transfers[i];
        if (t.ledger != Ledger::Bank)
            continue;
        if (t.from >= 0)
            byAccount[static_cast<size_t>(t.from)].push_back(static_cast<int>(i));
        if (t.to >= 0 && t.to != t.from)
            byAccount[static_cast<size_t>(t.to)].push_back(static_cast<int>(i));
    }

    QString text = csvLine(headers());
    int rows = 0;
    for (size_t block = 0; block < accounts.size(); ++block) {
        const int account = accounts[block];
        const DemoAccount &own = ledger.account(account);
        const QString holder = ledger.party(own.party).name;
        qint64 balance = own.opening;
        int inBlock = 0;
        for (int index : byAccount[static_cast<size_t>(account)]) {
            const DemoTransfer &t = transfers[static_cast<size_t>(index)];
            const bool out = t.from == account;
            balance += out ? -t.amount : t.amount;
            const int other = out ? t.to : t.from;
            QString name, otherAccount, taxId, bic, country;
            if (t.channel == Channel::Card || t.channel == Channel::Cash) {
                name = t.place;
                country = QStringLiteral("KZ");
            } else if (other >= 0) {
                const DemoAccount &a = ledger.account(other);
                const DemoParty &party = ledger.party(a.party);
                const DemoBank &bank = DemoBanks::byKey(a.bankKey);
                // A wallet top-up names the wallet operator; the wallet number is the account.
                name = a.wallet ? bank.name : party.name;
                otherAccount = a.id;
                taxId = a.wallet ? QString() : party.taxId;
                bic = bank.bic;
                country = party.country;
            }
            QStringList fields = { DemoClock::isoMinutes(t.minute), own.id, holder,
                                   ExportText::pointAmount(out ? -t.amount : t.amount), t.currency, name, otherAccount,
                                   taxId, bic, country, t.purpose, out ? t.debitRef : t.creditRef,
                                   channelCode(t.channel), ExportText::pointAmount(balance) };
            text += csvLine(fields);
            ++rows;
            ++inBlock;
            // Two broken rows, as seen in real exports: an impossible date and a lost amount.
            if (block == 2 && inBlock == 5) {
                const QString id = QStringLiteral("DB24023000000001");
                text += csvLine({ QStringLiteral("2024-02-30 10:15"), own.id, holder, QStringLiteral("-4500.00"),
                                  QStringLiteral("KZT"), QStringLiteral("BEREKE MARKET ALMATY KZ"), QString(), QString(),
                                  QString(), QStringLiteral("KZ"), QStringLiteral("Покупка"), id, QStringLiteral("card"),
                                  ExportText::pointAmount(balance) });
                ++rows;
                facts.addReject(fileName(), rows + 1, id, QStringLiteral("unparseable date '2024-02-30 10:15' (30 February)"));
            } else if (block == 5 && inBlock == 8) {
                const QString id = QStringLiteral("DB") + DemoClock::dateOf(t.minute).toString(QStringLiteral("yyMMdd"))
                    + QStringLiteral("00000000");
                text += csvLine({ DemoClock::isoMinutes(t.minute + 7), own.id, holder, QString(), QStringLiteral("KZT"),
                                  QStringLiteral("Перевод"), QString(), QString(), QString(), QStringLiteral("KZ"),
                                  QStringLiteral("Перевод собственных средств"), id, QStringLiteral("transfer"),
                                  ExportText::pointAmount(balance) });
                ++rows;
                facts.addReject(fileName(), rows + 1, id, QStringLiteral("empty amount"));
            }
        }
    }
    ExportText::save(path, QByteArray("\xEF\xBB\xBF") + text.toUtf8());
    return rows;
}

} // namespace fundtrace::demo
