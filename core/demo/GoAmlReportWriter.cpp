#include "demo/GoAmlReportWriter.h"

#include "demo/DemoBanks.h"
#include "demo/DemoClock.h"
#include "demo/ExportText.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QXmlStreamWriter>
#include <map>

namespace fundtrace::demo {

namespace {

struct Person {
    QString surname;
    QString given;
    QString patronymic;
    QString iin;
    QString phone;   // national number, 10 digits
    QString city;
    QString street;
    bool male = true;
};

QDate birthDateOf(const QString &iin)
{
    const int century = iin.at(6).digitValue() <= 2 ? 1800 : iin.at(6).digitValue() <= 4 ? 1900 : 2000;
    return QDate(century + iin.left(2).toInt(), iin.mid(2, 2).toInt(), iin.mid(4, 2).toInt());
}

QString isoDateTime(const QDate &date, int hour = 0, int minute = 0)
{
    return date.toString(Qt::ISODate) + QStringLiteral("T%1:%2:00").arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
}

QString spacedPhone(const QString &digits)
{
    return QStringLiteral("%1 %2 %3 %4").arg(digits.mid(0, 3), digits.mid(3, 3), digits.mid(6, 2), digits.mid(8, 2));
}

void phone(QXmlStreamWriter &xml, const QString &contactType, const QString &communicationType, const QString &digits)
{
    xml.writeStartElement(QStringLiteral("phones"));
    xml.writeStartElement(QStringLiteral("phone"));
    xml.writeTextElement(QStringLiteral("tph_contact_type"), contactType);
    xml.writeTextElement(QStringLiteral("tph_communication_type"), communicationType);
    xml.writeTextElement(QStringLiteral("tph_country_prefix"), QStringLiteral("7"));
    xml.writeTextElement(QStringLiteral("tph_number"), spacedPhone(digits));
    xml.writeEndElement();
    xml.writeEndElement();
}

void address(QXmlStreamWriter &xml, const QString &type, const QString &street, const QString &city)
{
    xml.writeStartElement(QStringLiteral("addresses"));
    xml.writeStartElement(QStringLiteral("address"));
    xml.writeTextElement(QStringLiteral("address_type"), type);
    xml.writeTextElement(QStringLiteral("address"), street);
    xml.writeTextElement(QStringLiteral("city"), city);
    xml.writeTextElement(QStringLiteral("country_code"), QStringLiteral("KZ"));
    xml.writeEndElement();
    xml.writeEndElement();
}

// goAML t_person, elements in schema order.
void person(QXmlStreamWriter &xml, const QString &element, const Person &p, const QString &occupation)
{
    xml.writeStartElement(element);
    xml.writeTextElement(QStringLiteral("gender"), p.male ? QStringLiteral("M") : QStringLiteral("F"));
    xml.writeTextElement(QStringLiteral("first_name"), p.given);
    xml.writeTextElement(QStringLiteral("middle_name"), p.patronymic);
    xml.writeTextElement(QStringLiteral("last_name"), p.surname);
    xml.writeTextElement(QStringLiteral("birthdate"), isoDateTime(birthDateOf(p.iin)));
    xml.writeTextElement(QStringLiteral("id_number"), p.iin);
    xml.writeTextElement(QStringLiteral("nationality1"), QStringLiteral("KZ"));
    xml.writeTextElement(QStringLiteral("residence"), QStringLiteral("KZ"));
    phone(xml, QStringLiteral("P"), QStringLiteral("M"), p.phone);
    address(xml, QStringLiteral("H"), p.street, p.city);
    xml.writeTextElement(QStringLiteral("occupation"), occupation);
    xml.writeEndElement();
}

Person split(const DemoParty &party, bool male)
{
    const QStringList parts = party.name.split(QLatin1Char(' '));
    Person p;
    p.surname = parts.value(0);
    p.given = parts.value(1);
    p.patronymic = parts.value(2);
    p.iin = party.taxId;
    p.city = party.city;
    p.male = male;
    return p;
}

} // namespace

int GoAmlReportWriter::write(const QString &path, DemoLedger &ledger, const DemoCast &cast, quint64 seed,
                             DemoFacts &facts)
{
    DemoRandom rng(DemoRandom::streamSeed(seed, 0x60A1));
    const DemoAccount &fundAccount = ledger.account(cast.charity);
    const DemoParty &fund = ledger.party(fundAccount.party);
    const DemoBank &reporter = DemoBanks::byKey(fundAccount.bankKey);
    const DemoBank &dala = DemoBanks::byKey(QStringLiteral("dala"));

    static const QStringList streets = { QStringLiteral("мкр. Аксай-4, д. 17, кв. 52"), QStringLiteral("ул. Жандосова 140, кв. 9"),
                                         QStringLiteral("мкр. Шанырак-2, ул. Жанкожа батыра 61"),
                                         QStringLiteral("ул. Байтурсынова 88, кв. 31") };
    const auto randomPhone = [&rng]() {
        static const QStringList operators = { QStringLiteral("701"), QStringLiteral("705"), QStringLiteral("747"),
                                               QStringLiteral("777"), QStringLiteral("778") };
        return rng.pick(operators) + rng.digits(7);
    };
    std::map<int, Person> collectors;
    const struct {
        int account;
        const char *key;
        bool male;
    } roles[] = { { cast.cashOut, "collectorA", true }, { cast.walletSender, "collectorB", false },
                  { cast.structurer, "collectorC", true } };
    std::map<int, QString> keys;
    for (const auto &role : roles) {
        Person p = split(ledger.holder(role.account), role.male);
        p.phone = role.account == cast.walletSender ? ledger.account(cast.walletSenderWallet).id.mid(4) : randomPhone();
        p.street = rng.pick(streets);
        collectors.emplace(role.account, p);
        keys.emplace(role.account, QString::fromUtf8(role.key));
    }
    const QDate directorBirth(1972, 8, 14);
    Person director { QStringLiteral("Ережепов"), QStringLiteral("Нурлан"), QStringLiteral("Бакытжанович"),
                      ledger.uniqueIin(rng, directorBirth, true), randomPhone(), QStringLiteral("Алматы"),
                      rng.pick(streets), true };

    std::vector<const DemoTransfer *> payouts;
    for (const DemoTransfer &t : ledger.transfers()) {
        if (t.from == cast.charity && collectors.count(t.to) && payouts.size() < size_t(kTransactions))
            payouts.push_back(&t);
    }
    const QDate submitted = DemoClock::dateOf(payouts.back()->minute).addDays(6);
    const QString reference = QStringLiteral("SRK-STR-2024-%1").arg(rng.digits(5));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("report"));
    xml.writeTextElement(QStringLiteral("rentity_id"), QStringLiteral("2731"));
    xml.writeTextElement(QStringLiteral("rentity_branch"), QStringLiteral("Almaty regional branch"));
    xml.writeTextElement(QStringLiteral("submission_code"), QStringLiteral("E"));
    xml.writeTextElement(QStringLiteral("report_code"), QStringLiteral("STR"));
    xml.writeTextElement(QStringLiteral("entity_reference"), reference);
    xml.writeTextElement(QStringLiteral("submission_date"), isoDateTime(submitted, 11, 20));
    xml.writeTextElement(QStringLiteral("currency_code_local"), QStringLiteral("KZT"));
    xml.writeStartElement(QStringLiteral("reporting_person"));
    xml.writeTextElement(QStringLiteral("first_name"), QStringLiteral("Gulnara"));
    xml.writeTextElement(QStringLiteral("last_name"), QStringLiteral("Tleuberdiyeva"));
    xml.writeTextElement(QStringLiteral("occupation"), QStringLiteral("Compliance officer"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("location"));
    xml.writeTextElement(QStringLiteral("address_type"), QStringLiteral("B"));
    xml.writeTextElement(QStringLiteral("address"), QStringLiteral("Dostyk avenue 38"));
    xml.writeTextElement(QStringLiteral("city"), QStringLiteral("Almaty"));
    xml.writeTextElement(QStringLiteral("country_code"), QStringLiteral("KZ"));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("reason"),
                         QStringLiteral("The public fund %1 (BIN %2) collects many small donations (bank transfers and a "
                                        "daily TezPay settlement) and within 1-2 days pays most of its balance to three "
                                        "private persons at Dala Bank under purposes unrelated to its charitable aims "
                                        "(\"advance for household needs\", \"volunteer coordination services\", "
                                        "\"material aid for treatment\"). Open sources link the fund's campaigns to "
                                        "fundraising for persons in the Turkish-Syrian border area.")
                             .arg(fund.latinName, fund.taxId));
    xml.writeTextElement(QStringLiteral("action"), QStringLiteral("Enhanced monitoring of the account; the client was "
                                                                  "asked for documents supporting the payments."));
    QJsonArray reported;
    int number = 0;
    for (const DemoTransfer *t : payouts) {
        const Person &c = collectors.at(t->to);
        const QDate date = DemoClock::dateOf(t->minute);
        const int minuteOfDay = DemoClock::minuteOfDay(t->minute);
        const QString transactionNumber = QStringLiteral("SRK%1%2").arg(date.toString(QStringLiteral("yyMMdd"))).arg(++number, 4, 10, QLatin1Char('0'));
        xml.writeStartElement(QStringLiteral("transaction"));
        xml.writeTextElement(QStringLiteral("transactionnumber"), transactionNumber);
        xml.writeTextElement(QStringLiteral("internal_ref_number"), QStringLiteral("PP-%1").arg(t->debitRef));
        xml.writeTextElement(QStringLiteral("transaction_location"), QStringLiteral("Almaty, online banking"));
        xml.writeTextElement(QStringLiteral("transaction_description"), t->purpose);
        xml.writeTextElement(QStringLiteral("date_transaction"), isoDateTime(date, minuteOfDay / 60, minuteOfDay % 60));
        xml.writeTextElement(QStringLiteral("value_date"), isoDateTime(date));
        xml.writeTextElement(QStringLiteral("transmode_code"), QStringLiteral("K"));
        xml.writeTextElement(QStringLiteral("amount_local"), ExportText::pointAmount(t->amount));

        xml.writeStartElement(QStringLiteral("t_from_my_client"));
        xml.writeTextElement(QStringLiteral("from_funds_code"), QStringLiteral("K"));
        xml.writeStartElement(QStringLiteral("from_account"));
        xml.writeTextElement(QStringLiteral("institution_name"), reporter.latinName);
        xml.writeTextElement(QStringLiteral("swift"), reporter.bic);
        xml.writeTextElement(QStringLiteral("non_bank_institution"), QStringLiteral("false"));
        xml.writeTextElement(QStringLiteral("account"), fundAccount.id);
        xml.writeTextElement(QStringLiteral("currency_code"), QStringLiteral("KZT"));
        xml.writeTextElement(QStringLiteral("account_name"), fund.name);
        xml.writeTextElement(QStringLiteral("personal_account_type"), QStringLiteral("B"));
        xml.writeStartElement(QStringLiteral("t_entity"));
        xml.writeTextElement(QStringLiteral("name"), fund.name);
        xml.writeTextElement(QStringLiteral("commercial_name"), fund.latinName);
        xml.writeTextElement(QStringLiteral("incorporation_legal_form"), QStringLiteral("Public fund"));
        xml.writeTextElement(QStringLiteral("incorporation_number"), fund.taxId);
        xml.writeTextElement(QStringLiteral("business"), QStringLiteral("Charitable activity: help to sick children"));
        phone(xml, QStringLiteral("B"), QStringLiteral("L"), QStringLiteral("727") + QStringLiteral("3%1").arg(fund.taxId.right(6)));
        address(xml, QStringLiteral("B"), QStringLiteral("ул. Толе би 189, офис 12"), fund.city);
        xml.writeTextElement(QStringLiteral("incorporation_country_code"), QStringLiteral("KZ"));
        person(xml, QStringLiteral("director_id"), director, QStringLiteral("Председатель фонда"));
        xml.writeTextElement(QStringLiteral("incorporation_date"), isoDateTime(QDate(2022, 9, 14)));
        xml.writeTextElement(QStringLiteral("tax_number"), fund.taxId);
        xml.writeEndElement(); // t_entity
        xml.writeTextElement(QStringLiteral("opened"), isoDateTime(QDate(2022, 10, 3)));
        xml.writeTextElement(QStringLiteral("status_code"), QStringLiteral("A"));
        xml.writeEndElement(); // from_account
        xml.writeTextElement(QStringLiteral("from_country"), QStringLiteral("KZ"));
        xml.writeEndElement(); // t_from_my_client

        xml.writeStartElement(QStringLiteral("t_to"));
        xml.writeTextElement(QStringLiteral("to_funds_code"), QStringLiteral("K"));
        xml.writeStartElement(QStringLiteral("to_account"));
        xml.writeTextElement(QStringLiteral("institution_name"), dala.latinName);
        xml.writeTextElement(QStringLiteral("swift"), dala.bic);
        xml.writeTextElement(QStringLiteral("non_bank_institution"), QStringLiteral("false"));
        xml.writeTextElement(QStringLiteral("account"), ledger.account(t->to).id);
        xml.writeTextElement(QStringLiteral("currency_code"), QStringLiteral("KZT"));
        xml.writeTextElement(QStringLiteral("account_name"), ledger.holder(t->to).name);
        xml.writeStartElement(QStringLiteral("signatory"));
        xml.writeTextElement(QStringLiteral("is_primary"), QStringLiteral("true"));
        person(xml, QStringLiteral("t_person"), c, QStringLiteral("Не указано"));
        xml.writeTextElement(QStringLiteral("role"), QStringLiteral("A"));
        xml.writeEndElement(); // signatory
        xml.writeEndElement(); // to_account
        xml.writeTextElement(QStringLiteral("to_country"), QStringLiteral("KZ"));
        xml.writeEndElement(); // t_to
        xml.writeEndElement(); // transaction

        reported.append(QJsonObject { { QStringLiteral("transactionnumber"), transactionNumber },
                                      { QStringLiteral("time"), DemoClock::isoMinutes(t->minute) },
                                      { QStringLiteral("collector"), keys.at(t->to) },
                                      { QStringLiteral("amountMinor"), t->amount },
                                      { QStringLiteral("fundDocument"), t->debitRef } });
    }
    static const QStringList indicators = { QStringLiteral("TF01"), QStringLiteral("TF07"), QStringLiteral("NPO03"),
                                            QStringLiteral("ML12") };
    xml.writeStartElement(QStringLiteral("report_indicators"));
    for (const QString &indicator : indicators)
        xml.writeTextElement(QStringLiteral("indicator"), indicator);
    xml.writeEndElement();
    xml.writeEndElement(); // report
    xml.writeEndDocument();
    ExportText::save(path, buffer.data());

    QJsonArray indicatorList;
    for (const QString &indicator : indicators)
        indicatorList.append(indicator);
    facts.setValue(QStringLiteral("suspiciousTransactionReport"),
                   QJsonObject { { QStringLiteral("file"), fileName() },
                                 { QStringLiteral("reportCode"), QStringLiteral("STR") },
                                 { QStringLiteral("reference"), reference },
                                 { QStringLiteral("reportingEntity"), reporter.latinName },
                                 { QStringLiteral("submitted"), submitted.toString(Qt::ISODate) },
                                 { QStringLiteral("indicators"), indicatorList },
                                 { QStringLiteral("director"), QStringLiteral("%1 %2 %3").arg(director.surname, director.given, director.patronymic) },
                                 { QStringLiteral("transactions"), reported },
                                 { QStringLiteral("note"), QStringLiteral("The reported transactions are the first "
                                                                          "payouts in story.payouts: same times, amounts "
                                                                          "and fund document numbers as bank2 and bank1.") } });
    return static_cast<int>(payouts.size());
}

} // namespace fundtrace::demo
