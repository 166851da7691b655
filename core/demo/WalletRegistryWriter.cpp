#include "demo/WalletRegistryWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/ExportText.h"

#include <QJsonArray>
#include <QStringEncoder>

namespace fundtrace::demo {

namespace {

QString line(const QStringList &fields)
{
    QStringList quoted;
    for (const QString &field : fields)
        quoted << ExportText::quoted(field, QLatin1Char('\t'));
    return quoted.join(QLatin1Char('\t')) + QStringLiteral("\r\n");
}

QString money(qint64 minor)
{
    return ExportText::commaAmount(minor, QLatin1Char(' '));
}

QJsonObject column(const QString &header, int occurrence = 1)
{
    QJsonObject ref { { QStringLiteral("column"), header } };
    if (occurrence > 1)
        ref.insert(QStringLiteral("occurrence"), occurrence);
    return ref;
}

} // namespace

int WalletRegistryWriter::write(const QString &path, const DemoLedger &ledger)
{
    QString text = line({ QStringLiteral("№ п/п"), QStringLiteral("ID перевода"), QStringLiteral("Дата и время (UTC)"),
                          QStringLiteral("Код банка"), QStringLiteral("Номер счета"), QStringLiteral("ФИО отправителя"),
                          QStringLiteral("ИИН отправителя"), QStringLiteral("Получатель"),
                          QStringLiteral("Счет/карта получателя"), QStringLiteral("Страна"), QStringLiteral("Город выплаты"),
                          QStringLiteral("Сумма"), QStringLiteral("Валюта"), QStringLiteral("Сумма"), QStringLiteral("Валюта"),
                          QStringLiteral("Назначение"), QStringLiteral("Канал"), QStringLiteral("Агент выплаты"),
                          QStringLiteral("Статус") });
    int rows = 0;
    for (const DemoTransfer &t : ledger.transfers()) {
        if (t.ledger != Ledger::Wallet || t.from < 0)
            continue;
        const DemoAccount &wallet = ledger.account(t.from);
        const DemoParty &sender = ledger.party(wallet.party);
        const int receiverParty = t.to >= 0 ? ledger.account(t.to).party : t.toParty;
        const DemoParty &receiver = ledger.party(receiverParty);
        const QString receiverAccount = t.to >= 0 ? ledger.account(t.to).id : t.place;
        const qint64 utc = DemoClock::toUtcMinute(t.minute);
        ++rows;
        text += line({ QString::number(rows), t.debitRef, DemoClock::dottedSeconds(utc, t.seconds),
                       wallet.id.left(3), wallet.id.mid(3), sender.name, sender.taxId, receiver.name, receiverAccount,
                       receiver.country, t.payoutCity, money(t.amount), t.currency,
                       money(t.currency2.isEmpty() ? t.amount : t.amount2),
                       t.currency2.isEmpty() ? t.currency : t.currency2, t.purpose, channelCode(t.channel), t.payoutAgent,
                       t.channel == Channel::Agent ? QStringLiteral("Выплачен") : QStringLiteral("Исполнен") });
    }
    QStringEncoder encoder(QStringConverter::Utf16LE);
    QByteArray bytes("\xFF\xFE", 2);
    bytes += encoder.encode(text);
    ExportText::save(path, bytes);
    return rows;
}

QJsonObject WalletRegistryWriter::mapping()
{
    const QJsonObject account {
        { QStringLiteral("columns"), QJsonArray { column(QStringLiteral("Код банка")), QJsonObject { { QStringLiteral("index"), 4 } } } },
        { QStringLiteral("separator"), QString() },
    };
    QJsonObject fields {
        { QStringLiteral("date"), column(QStringLiteral("Дата и время (UTC)")) },
        { QStringLiteral("account"), account },
        { QStringLiteral("accountHolder"), column(QStringLiteral("ФИО отправителя")) },
        { QStringLiteral("accountHolderTaxId"), column(QStringLiteral("ИИН отправителя")) },
        { QStringLiteral("accountInstitution"), QJsonObject { { QStringLiteral("constant"), DemoBanks::byKey(QStringLiteral("tezpay")).name } } },
        { QStringLiteral("counterpartyName"), column(QStringLiteral("Получатель")) },
        { QStringLiteral("counterpartyAccount"), column(QStringLiteral("Счет/карта получателя")) },
        { QStringLiteral("counterpartyCountry"), column(QStringLiteral("Страна")) },
        { QStringLiteral("debit"), column(QStringLiteral("Сумма")) },
        { QStringLiteral("currency"), column(QStringLiteral("Валюта")) },
        { QStringLiteral("amount2"), column(QStringLiteral("Сумма"), 2) },
        { QStringLiteral("currency2"), column(QStringLiteral("Валюта"), 2) },
        { QStringLiteral("purpose"), column(QStringLiteral("Назначение")) },
        { QStringLiteral("channel"), column(QStringLiteral("Канал")) },
        { QStringLiteral("externalId"), column(QStringLiteral("ID перевода")) },
    };
    return QJsonObject { { QStringLiteral("encoding"), QStringLiteral("UTF-16LE") },
                         { QStringLiteral("delimiter"), QStringLiteral("\t") },
                         { QStringLiteral("hasHeader"), true },
                         { QStringLiteral("skipRows"), 0 },
                         { QStringLiteral("timezone"), QStringLiteral("UTC") },
                         { QStringLiteral("dateFormat"), QStringLiteral("dd.MM.yyyy HH:mm:ss") },
                         { QStringLiteral("decimalMark"), QStringLiteral(",") },
                         { QStringLiteral("fields"), fields },
                         { QStringLiteral("debitWords"), QJsonArray() },
                         { QStringLiteral("creditWords"), QJsonArray() } };
}

} // namespace fundtrace::demo
