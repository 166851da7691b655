#include "demo/Bank2VypiskaWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/ExportText.h"
#include "demo/Windows1251.h"

#include <QJsonArray>

namespace fundtrace::demo {

namespace {

const QChar kNbsp(0x00A0);

QString line(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &field : fields)
        quoted << ExportText::quoted(field, QLatin1Char(';'));
    return quoted.join(QLatin1Char(';')) + QStringLiteral("\r\n");
}

QString money(qint64 minor)
{
    return ExportText::commaAmount(minor, kNbsp);
}

QJsonObject column(const QString &header)
{
    return QJsonObject { { QStringLiteral("column"), header } };
}

QJsonObject constant(const QString &value)
{
    return QJsonObject { { QStringLiteral("constant"), value } };
}

} // namespace

int Bank2VypiskaWriter::write(const QString &path, const DemoLedger &ledger, int account, DemoFacts &facts)
{
    const DemoAccount &own = ledger.account(account);
    const DemoParty &holder = ledger.party(own.party);
    const DemoBank &bank = DemoBanks::byKey(own.bankKey);
    const QDate from = DemoClock::periodStart();
    const QDate to = DemoClock::periodEnd();

    QString text;
    text += bank.name + QStringLiteral("\r\n");
    text += QStringLiteral("Выписка по лицевому счету %1 за период с %2 по %3\r\n")
                .arg(own.id, DemoClock::dottedDate(from), DemoClock::dottedDate(to));
    text += QStringLiteral("Клиент: %1, БИН %2\r\n").arg(holder.name, holder.taxId);
    text += QStringLiteral("Валюта счета: KZT\r\n");
    text += QStringLiteral("Входящий остаток: %1\r\n").arg(money(own.opening));
    text += line({ QStringLiteral("№ документа"), QStringLiteral("Дата операции"), QStringLiteral("Дебет"),
                   QStringLiteral("Кредит"), QStringLiteral("Валюта"), QStringLiteral("Получатель/Отправитель"),
                   QStringLiteral("БИН/ИИН"), QStringLiteral("Счет контрагента"), QStringLiteral("Банк контрагента"),
                   QStringLiteral("Назначение платежа") });

    int rows = 0;
    qint64 debits = 0;
    qint64 credits = 0;
    for (const DemoTransfer &t : ledger.transfers()) {
        if (t.ledger != Ledger::Bank || (t.from != account && t.to != account))
            continue;
        const bool out = t.from == account;
        const int other = out ? t.to : t.from;
        QString name, taxId, otherAccount, bic;
        if (other >= 0) {
            const DemoAccount &a = ledger.account(other);
            const DemoParty &party = ledger.party(a.party);
            // 1C prints people in capitals, organisations as registered.
            name = party.organisation ? party.name : ExportText::upper(party.name);
            taxId = party.taxId;
            otherAccount = a.id;
            bic = DemoBanks::byKey(a.bankKey).bic;
        }
        const QString date = t.dateOnly ? DemoClock::dottedShortDate(t.minute) : DemoClock::dottedMinutes(t.minute);
        text += line({ out ? t.debitRef : t.creditRef, date, out ? money(t.amount) : QString(),
                       out ? QString() : money(t.amount), t.currency, name, taxId, otherAccount, bic, t.purpose });
        (out ? debits : credits) += t.amount;
        ++rows;
    }
    const qint64 closing = own.opening + credits - debits;
    text += line({ QStringLiteral("Итого обороты:"), QString(), money(debits), money(credits), QStringLiteral("KZT"),
                   QString(), QString(), QString(), QString(), QString() });
    text += line({ QStringLiteral("Исходящий остаток:"), QString(), QString(), money(closing), QStringLiteral("KZT"),
                   QString(), QString(), QString(), QString(), QString() });
    const int headerLine = kTitleLines + 1;
    facts.addReject(fileName(), headerLine + rows + 1, QString(), QStringLiteral("footer line 'Итого обороты': no date"));
    facts.addReject(fileName(), headerLine + rows + 2, QString(), QStringLiteral("footer line 'Исходящий остаток': no date"));
    facts.setValue(QStringLiteral("charityStatement"),
                   QJsonObject { { QStringLiteral("openingMinor"), own.opening },
                                 { QStringLiteral("debitsMinor"), debits },
                                 { QStringLiteral("creditsMinor"), credits },
                                 { QStringLiteral("closingMinor"), closing } });
    ExportText::save(path, Windows1251::encode(text));
    return rows;
}

QJsonObject Bank2VypiskaWriter::mapping(const DemoLedger &ledger, int account)
{
    const DemoAccount &own = ledger.account(account);
    const DemoParty &holder = ledger.party(own.party);
    QJsonObject fields {
        { QStringLiteral("date"), QStringLiteral("Дата операции") },
        { QStringLiteral("debit"), column(QStringLiteral("Дебет")) },
        { QStringLiteral("credit"), column(QStringLiteral("Кредит")) },
        { QStringLiteral("currency"), column(QStringLiteral("Валюта")) },
        { QStringLiteral("account"), constant(own.id) },
        { QStringLiteral("accountHolder"), constant(holder.name) },
        { QStringLiteral("accountHolderTaxId"), constant(holder.taxId) },
        { QStringLiteral("accountInstitution"), constant(DemoBanks::byKey(own.bankKey).name) },
        { QStringLiteral("counterpartyName"), column(QStringLiteral("Получатель/Отправитель")) },
        { QStringLiteral("counterpartyTaxId"), column(QStringLiteral("БИН/ИИН")) },
        { QStringLiteral("counterpartyAccount"), column(QStringLiteral("Счет контрагента")) },
        { QStringLiteral("counterpartyBank"), column(QStringLiteral("Банк контрагента")) },
        { QStringLiteral("purpose"), column(QStringLiteral("Назначение платежа")) },
        { QStringLiteral("externalId"), column(QStringLiteral("№ документа")) },
    };
    return QJsonObject { { QStringLiteral("encoding"), QStringLiteral("windows-1251") },
                         { QStringLiteral("delimiter"), QStringLiteral(";") },
                         { QStringLiteral("hasHeader"), true },
                         { QStringLiteral("skipRows"), kTitleLines },
                         { QStringLiteral("timezone"), QStringLiteral("Asia/Almaty") },
                         { QStringLiteral("dateFormat"), QString() },
                         { QStringLiteral("decimalMark"), QStringLiteral(",") },
                         { QStringLiteral("fields"), fields },
                         { QStringLiteral("debitWords"), QJsonArray() },
                         { QStringLiteral("creditWords"), QJsonArray() } };
}

} // namespace fundtrace::demo
