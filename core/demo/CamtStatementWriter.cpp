#include "demo/CamtStatementWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/DemoSideAccount.h"
#include "demo/ExportText.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QXmlStreamWriter>

namespace fundtrace::demo {

namespace {

constexpr qint64 kzt(qint64 tenge)
{
    return tenge * 100;
}

QString isoLocal(qint64 minute)
{
    const int offset = DemoClock::utcOffsetMinutes(minute);
    return DemoClock::isoMinutes(minute).replace(QLatin1Char(' '), QLatin1Char('T'))
        + QStringLiteral(":00+%1:00").arg(offset / 60, 2, 10, QLatin1Char('0'));
}

void amount(QXmlStreamWriter &xml, qint64 minor, const QString &currency)
{
    xml.writeStartElement(QStringLiteral("Amt"));
    xml.writeAttribute(QStringLiteral("Ccy"), currency);
    xml.writeCharacters(ExportText::pointAmount(std::abs(minor)));
    xml.writeEndElement();
}

void dateElement(QXmlStreamWriter &xml, const QString &name, const QDate &date)
{
    xml.writeStartElement(name);
    xml.writeTextElement(QStringLiteral("Dt"), date.toString(Qt::ISODate));
    xml.writeEndElement();
}

void balanceElement(QXmlStreamWriter &xml, const QString &code, qint64 minor, const QString &currency, const QDate &date)
{
    xml.writeStartElement(QStringLiteral("Bal"));
    xml.writeStartElement(QStringLiteral("Tp"));
    xml.writeStartElement(QStringLiteral("CdOrPrtry"));
    xml.writeTextElement(QStringLiteral("Cd"), code);
    xml.writeEndElement();
    xml.writeEndElement();
    amount(xml, minor, currency);
    xml.writeTextElement(QStringLiteral("CdtDbtInd"), minor < 0 ? QStringLiteral("DBIT") : QStringLiteral("CRDT"));
    dateElement(xml, QStringLiteral("Dt"), date);
    xml.writeEndElement();
}

void bankTransactionCode(QXmlStreamWriter &xml, const QString &family, const QString &subFamily)
{
    xml.writeStartElement(QStringLiteral("BkTxCd"));
    xml.writeStartElement(QStringLiteral("Domn"));
    xml.writeTextElement(QStringLiteral("Cd"), family == u"CHRG" ? QStringLiteral("ACMT") : QStringLiteral("PMNT"));
    xml.writeStartElement(QStringLiteral("Fmly"));
    xml.writeTextElement(QStringLiteral("Cd"), family);
    xml.writeTextElement(QStringLiteral("SubFmlyCd"), subFamily);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
}

void party(QXmlStreamWriter &xml, const QString &role, const QString &name, const QString &taxId, bool organisation,
           const QString &iban)
{
    xml.writeStartElement(role);
    xml.writeTextElement(QStringLiteral("Nm"), name);
    if (!taxId.isEmpty()) {
        xml.writeStartElement(QStringLiteral("Id"));
        xml.writeStartElement(organisation ? QStringLiteral("OrgId") : QStringLiteral("PrvtId"));
        xml.writeStartElement(QStringLiteral("Othr"));
        xml.writeTextElement(QStringLiteral("Id"), taxId);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeStartElement(role + QStringLiteral("Acct"));
    xml.writeStartElement(QStringLiteral("Id"));
    xml.writeTextElement(QStringLiteral("IBAN"), iban);
    xml.writeEndElement();
    xml.writeEndElement();
}

} // namespace

int CamtStatementWriter::write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed,
                               DemoFacts &facts)
{
    DemoRandom rng(DemoRandom::streamSeed(seed, 0xCA53));
    const DemoBank &bank = DemoBanks::byKey(QStringLiteral("turan"));
    const int holderParty = ledger.account(cast.structurer).party;
    const DemoParty &holder = ledger.party(holderParty);
    DemoSideAccount account;
    account.currency = QStringLiteral("KZT");
    account.bankKey = bank.key;
    account.party = holderParty;
    account.id = ledger.uniqueKzIban(rng, bank.key);

    const int payerParty = cast.partyNamed(ledger, QStringLiteral("ТОО «Ажар"));
    int payerAccount = -1;
    for (int i = cast.storyBegin; i < cast.storyEnd; ++i) {
        if (ledger.account(i).party == payerParty)
            payerAccount = i;
    }
    const DemoParty &payer = ledger.party(payerParty);
    const int tradeCover = cast.accountAt(ledger, QStringLiteral("hatay"));
    const DemoParty &seller = ledger.holder(tradeCover);

    const QDate from = DemoClock::periodStart();
    const QDate to = DemoClock::periodEnd();
    qint64 subcontracts = 0;
    for (const QDate &base : { QDate(2024, 2, 7), QDate(2024, 3, 26), QDate(2024, 5, 14), QDate(2024, 6, 18) }) {
        SideEntry in;
        in.minute = DemoClock::minuteOf(base.addDays(rng.uniform(0, 3)), 10, 0) + rng.uniform(0, 360);
        in.amount = kzt(rng.uniform(150, 350) * 10'000);
        in.counterparty = payer.name;
        in.counterpartyTaxId = payer.taxId;
        in.counterpartyAccount = ledger.account(payerAccount).id;
        in.counterpartyBic = DemoBanks::byKey(ledger.account(payerAccount).bankKey).bic;
        in.purpose = QStringLiteral("Оплата по договору субподряда №%1-СП от %2, акт выполненных работ №%3, без НДС")
                         .arg(rng.uniform(3, 29))
                         .arg(DemoClock::dottedDate(base.addDays(-rng.uniform(10, 40))))
                         .arg(rng.uniform(1, 40));
        in.reference = QStringLiteral("AZH%1").arg(rng.digits(6));
        in.kind = QStringLiteral("transfer");
        account.add(in);
        subcontracts += in.amount;
    }
    static const QStringList branches = { QStringLiteral("Касса: Тұран Капитал Банк, Шымкент, отделение №2, пр. Республики 11"),
                                          QStringLiteral("Касса: Тұран Капитал Банк, Шымкент, отделение №5, ул. Казыбек би 27"),
                                          QStringLiteral("Касса: Тұран Капитал Банк, Туркестан, отделение №1, ул. Тауке хана 8") };
    QJsonArray deposits;
    for (const QDate &base : { QDate(2024, 3, 4), QDate(2024, 5, 27) }) {
        QDate day = base.addDays(rng.uniform(0, 2));
        for (int i = 0; i < 3; ++i, day = day.addDays(1)) {
            SideEntry cash;
            cash.minute = DemoClock::minuteOf(day, 10, 0) + rng.uniform(0, 300);
            cash.amount = kzt(1'850'000 + rng.uniform(0, 14) * 10'000);
            cash.place = rng.pick(branches);
            cash.purpose = QStringLiteral("Взнос наличных на собственный счет");
            cash.reference = QStringLiteral("NOTPROVIDED");
            cash.kind = QStringLiteral("cash");
            account.add(cash);
            deposits.append(QJsonObject { { QStringLiteral("time"), DemoClock::isoMinutes(cash.minute) },
                                          { QStringLiteral("amountMinor"), cash.amount },
                                          { QStringLiteral("branch"), cash.place },
                                          { QStringLiteral("account"), account.id } });
        }
    }
    account.finish(0);

    // Whatever accumulates beyond 3 000 000 KZT is wired to the trade-cover company within days.
    std::vector<SideEntry> debits;
    qint64 balance = 0;
    qint64 wired = 0;
    int wires = 0;
    for (const SideEntry &e : account.entries) {
        balance += e.amount;
        if (balance < kzt(3'000'000))
            continue;
        SideEntry wire;
        QDate day = DemoClock::dateOf(e.minute).addDays(rng.uniform(1, 3));
        if (day.dayOfWeek() > 5)
            day = day.addDays(8 - day.dayOfWeek());
        wire.minute = DemoClock::minuteOf(day, 11, 0) + rng.uniform(0, 240);
        wire.amount = -(balance * 97 / 100 / kzt(10'000) * kzt(10'000));
        wire.counterparty = seller.latinName;
        wire.counterpartyAccount = ledger.account(tradeCover).id;
        wire.counterpartyBic = DemoBanks::byKey(ledger.account(tradeCover).bankKey).bic;
        wire.purpose = QStringLiteral("Оплата за товар (сухофрукты, орехи) по контракту №%1/24, инвойс №%2")
                           .arg(rng.uniform(10, 60))
                           .arg(rng.uniform(100, 999));
        wire.reference = QStringLiteral("TRC-SW-%1").arg(++wires, 3, 10, QLatin1Char('0'));
        wire.kind = QStringLiteral("transfer");
        SideEntry fee;
        fee.minute = wire.minute + 1;
        fee.amount = -std::max(kzt(7'000), -wire.amount / 1000 / 100 * 100);
        fee.counterparty = bank.name;
        fee.purpose = QStringLiteral("Комиссия за перевод SWIFT %1").arg(wire.reference);
        fee.reference = QStringLiteral("NOTPROVIDED");
        fee.kind = QStringLiteral("fee");
        balance += wire.amount + fee.amount;
        wired -= wire.amount;
        debits.push_back(wire);
        debits.push_back(fee);
    }
    for (SideEntry &d : debits)
        account.add(d);
    account.finish(kzt(12'000));
    for (SideEntry &e : account.entries)
        e.bankReference = ledger.uniqueReference(rng, QStringLiteral("TRC") + DemoClock::dateOf(e.minute).toString(QStringLiteral("yyMMdd")), 6);

    const std::vector<DemoSideAccount::Period> periods = account.monthly(from, to);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"));
    xml.writeStartElement(QStringLiteral("Document"));
    xml.writeStartElement(QStringLiteral("BkToCstmrStmt"));
    xml.writeStartElement(QStringLiteral("GrpHdr"));
    xml.writeTextElement(QStringLiteral("MsgId"), QStringLiteral("TRCB%1%2").arg(to.addDays(2).toString(QStringLiteral("yyyyMMdd")), rng.digits(6)));
    xml.writeTextElement(QStringLiteral("CreDtTm"), isoLocal(DemoClock::minuteOf(to.addDays(2), 8, 30)));
    xml.writeEndElement();
    int entries = 0;
    int sequence = 0;
    for (const DemoSideAccount::Period &p : periods) {
        ++sequence;
        xml.writeStartElement(QStringLiteral("Stmt"));
        xml.writeTextElement(QStringLiteral("Id"), QStringLiteral("TRCB-%1-%2").arg(account.id.right(6), p.from.toString(QStringLiteral("yyyyMM"))));
        xml.writeTextElement(QStringLiteral("ElctrncSeqNb"), QString::number(sequence));
        xml.writeTextElement(QStringLiteral("CreDtTm"), isoLocal(DemoClock::minuteOf(p.to.addDays(1), 6, 0)));
        xml.writeStartElement(QStringLiteral("FrToDt"));
        xml.writeTextElement(QStringLiteral("FrDtTm"), isoLocal(DemoClock::minuteOf(p.from, 0, 0)));
        xml.writeTextElement(QStringLiteral("ToDtTm"), isoLocal(DemoClock::minuteOf(p.to, 23, 59)).replace(QStringLiteral(":00+"), QStringLiteral(":59+")));
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("Acct"));
        xml.writeStartElement(QStringLiteral("Id"));
        xml.writeTextElement(QStringLiteral("IBAN"), account.id);
        xml.writeEndElement();
        xml.writeTextElement(QStringLiteral("Ccy"), account.currency);
        xml.writeStartElement(QStringLiteral("Ownr"));
        xml.writeTextElement(QStringLiteral("Nm"), holder.name);
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("Svcr"));
        xml.writeStartElement(QStringLiteral("FinInstnId"));
        xml.writeTextElement(QStringLiteral("BIC"), bank.bic);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
        balanceElement(xml, QStringLiteral("OPBD"), p.opening, account.currency, p.from);
        balanceElement(xml, QStringLiteral("CLBD"), p.closing, account.currency, p.to);
        for (int index : p.entries) {
            const SideEntry &e = account.entries[static_cast<size_t>(index)];
            const bool credit = e.amount > 0;
            xml.writeStartElement(QStringLiteral("Ntry"));
            xml.writeTextElement(QStringLiteral("NtryRef"), QString::number(++entries));
            amount(xml, e.amount, account.currency);
            xml.writeTextElement(QStringLiteral("CdtDbtInd"), credit ? QStringLiteral("CRDT") : QStringLiteral("DBIT"));
            xml.writeTextElement(QStringLiteral("Sts"), QStringLiteral("BOOK"));
            xml.writeStartElement(QStringLiteral("BookgDt"));
            xml.writeTextElement(QStringLiteral("DtTm"), isoLocal(e.minute));
            xml.writeEndElement();
            dateElement(xml, QStringLiteral("ValDt"), DemoClock::dateOf(e.minute));
            xml.writeTextElement(QStringLiteral("AcctSvcrRef"), e.bankReference);
            if (e.kind == u"cash")
                bankTransactionCode(xml, QStringLiteral("CNTR"), QStringLiteral("CDPT"));
            else if (e.kind == u"fee")
                bankTransactionCode(xml, QStringLiteral("CHRG"), QStringLiteral("BRCH"));
            else
                bankTransactionCode(xml, credit ? QStringLiteral("RCDT") : QStringLiteral("ICDT"),
                                    credit ? QStringLiteral("DMCT") : QStringLiteral("XBCT"));
            xml.writeStartElement(QStringLiteral("NtryDtls"));
            xml.writeStartElement(QStringLiteral("TxDtls"));
            xml.writeStartElement(QStringLiteral("Refs"));
            xml.writeTextElement(QStringLiteral("EndToEndId"), e.reference);
            xml.writeEndElement();
            if (e.kind == u"transfer") {
                xml.writeStartElement(QStringLiteral("RltdPties"));
                if (credit) {
                    party(xml, QStringLiteral("Dbtr"), e.counterparty, e.counterpartyTaxId, true, e.counterpartyAccount);
                    party(xml, QStringLiteral("Cdtr"), holder.name, holder.taxId, false, account.id);
                } else {
                    party(xml, QStringLiteral("Dbtr"), holder.name, holder.taxId, false, account.id);
                    party(xml, QStringLiteral("Cdtr"), e.counterparty, QString(), true, e.counterpartyAccount);
                }
                xml.writeEndElement();
                xml.writeStartElement(QStringLiteral("RltdAgts"));
                xml.writeStartElement(credit ? QStringLiteral("DbtrAgt") : QStringLiteral("CdtrAgt"));
                xml.writeStartElement(QStringLiteral("FinInstnId"));
                xml.writeTextElement(QStringLiteral("BIC"), e.counterpartyBic);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeStartElement(QStringLiteral("RmtInf"));
            xml.writeTextElement(QStringLiteral("Ustrd"), e.purpose);
            xml.writeEndElement();
            xml.writeEndElement(); // TxDtls
            xml.writeEndElement(); // NtryDtls
            if (!e.place.isEmpty())
                xml.writeTextElement(QStringLiteral("AddtlNtryInf"), e.place);
            xml.writeEndElement(); // Ntry
        }
        xml.writeEndElement(); // Stmt
    }
    xml.writeEndDocument();
    ExportText::save(path, buffer.data());

    facts.addToList(QStringLiteral("otherAccounts"),
                    QJsonObject { { QStringLiteral("holder"), QStringLiteral("collectorC") },
                                  { QStringLiteral("account"), account.id },
                                  { QStringLiteral("institution"), bank.name },
                                  { QStringLiteral("file"), fileName() },
                                  { QStringLiteral("subcontractPaymentsMinor"), subcontracts },
                                  { QStringLiteral("subcontractPayer"), payer.name },
                                  { QStringLiteral("wiredToTradeCoverMinor"), wired },
                                  { QStringLiteral("structuredDeposits"), deposits },
                                  { QStringLiteral("note"), QStringLiteral("A company that donates to the fund also pays "
                                                                           "collector C for 'subcontract works'; with cash "
                                                                           "deposited just under the threshold it is wired "
                                                                           "to the Turkish trade-cover company.") } });
    return entries;
}

} // namespace fundtrace::demo
