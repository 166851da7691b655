#include "import/goaml/GoAmlParties.h"

#include "model/AccountIdentifier.h"

#include <QStringList>

namespace fundtrace::import {
namespace {

QString identifierKey(const QString &text)
{
    return QString::fromStdString(model::normalizeAccountIdentifier(text.toStdString()));
}

QString digits(const QString &text)
{
    QString kept;
    for (const QChar c : text)
        if (c.isDigit())
            kept += c;
    return kept;
}

QString joinNonEmpty(const QStringList &parts, const QString &separator)
{
    QStringList kept;
    for (const QString &part : parts)
        if (!part.trimmed().isEmpty())
            kept << part.trimmed();
    return kept.join(separator);
}

// goAML dates are xs:dateTime ("1980-05-14T00:00:00"); the time of a birth date is noise.
QString datePart(const QString &text)
{
    return text.size() > 10 && text.at(10) == QLatin1Char('T') ? text.left(10) : text;
}

} // namespace

void GoAmlParties::addContacts(const XmlNode &node, GoAmlParty &party)
{
    if (const XmlNode *phones = node.child(u"phones"))
        for (const XmlNode *phone : phones->childrenNamed(u"phone")) {
            const QString prefix = phone->childText(u"tph_country_prefix");
            const QString number = phone->childText(u"tph_number");
            if (number.isEmpty())
                continue;
            const QString value = prefix.isEmpty() ? number : QStringLiteral("+%1 %2").arg(prefix, number);
            party.addAttribute(QStringLiteral("phone"), value, digits(prefix + number));
        }
    if (const XmlNode *addresses = node.child(u"addresses"))
        for (const XmlNode *address : addresses->childrenNamed(u"address"))
            party.addAttribute(QStringLiteral("address"),
                               joinNonEmpty({ address->childText(u"address"), address->childText(u"town"),
                                              address->childText(u"city"), address->childText(u"zip"),
                                              address->childText(u"state"), address->childText(u"country_code") },
                                            QStringLiteral(", ")));
    for (const XmlNode *email : node.childrenNamed(u"email"))
        party.addAttribute(QStringLiteral("email"), email->text, email->text.toLower());
}

int GoAmlParties::addPerson(const XmlNode &person)
{
    GoAmlParty party;
    party.kind = QStringLiteral("person");
    party.displayName = joinNonEmpty({ person.childText(u"first_name"), person.childText(u"middle_name"),
                                       person.childText(u"prefix"), person.childText(u"last_name") },
                                     QStringLiteral(" "));
    const QString birthDate = datePart(person.childText(u"birthdate"));
    const QString ssn = person.childText(u"ssn");
    const QString taxNumber = person.childText(u"tax_number");
    party.taxId = !ssn.isEmpty() ? ssn : taxNumber;
    party.country = person.childText(u"nationality1");
    if (party.country.isEmpty())
        party.country = person.childText(u"residence");

    QStringList keys;
    party.addAttribute(QStringLiteral("name"), party.displayName);
    for (const XmlNode *alias : person.childrenNamed(u"alias"))
        party.addAttribute(QStringLiteral("alias"), alias->text);
    party.addAttribute(QStringLiteral("title"), person.childText(u"title"));
    party.addAttribute(QStringLiteral("gender"), person.childText(u"gender"));
    party.addAttribute(QStringLiteral("birth_date"), birthDate);
    party.addAttribute(QStringLiteral("birth_place"), person.childText(u"birth_place"));
    party.addAttribute(QStringLiteral("mothers_name"), person.childText(u"mothers_name"));
    for (const QString &tax : { ssn, taxNumber }) {
        if (tax.isEmpty())
            continue;
        party.addAttribute(QStringLiteral("tax_id"), tax, identifierKey(tax));
        keys << QStringLiteral("tax:") + identifierKey(tax);
    }
    if (const QString passport = person.childText(u"passport_number"); !passport.isEmpty()) {
        const QString country = person.childText(u"passport_country");
        party.addAttribute(QStringLiteral("passport"),
                           country.isEmpty() ? passport : QStringLiteral("%1 (%2)").arg(passport, country),
                           identifierKey(passport));
        keys << QStringLiteral("passport:") + identifierKey(passport);
    }
    if (const QString id = person.childText(u"id_number"); !id.isEmpty()) {
        party.addAttribute(QStringLiteral("id_document"), id, identifierKey(id));
        keys << QStringLiteral("id:") + identifierKey(id);
    }
    for (const XmlNode *identification : person.childrenNamed(u"identification")) {
        const QString number = identification->childText(u"number");
        if (number.isEmpty())
            continue;
        const QString type = identification->childText(u"type");
        const QString country = identification->childText(u"issue_country");
        QString value = type.isEmpty() ? number : QStringLiteral("%1: %2").arg(type, number);
        if (!country.isEmpty())
            value += QStringLiteral(" (%1)").arg(country);
        party.addAttribute(QStringLiteral("id_document"), value, identifierKey(number));
        keys << QStringLiteral("id:") + identifierKey(number);
    }
    for (const char16_t *element : { u"nationality1", u"nationality2", u"nationality3" })
        party.addAttribute(QStringLiteral("nationality"), person.childText(QStringView(element)));
    party.addAttribute(QStringLiteral("residence"), person.childText(u"residence"));
    party.addAttribute(QStringLiteral("occupation"), person.childText(u"occupation"));
    party.addAttribute(QStringLiteral("employer"), person.childText(u"employer_name"));
    party.addAttribute(QStringLiteral("source_of_wealth"), person.childText(u"source_of_wealth"));
    addContacts(person, party);
    if (!party.displayName.isEmpty())
        keys << QStringLiteral("person:%1|%2").arg(party.displayName.toUpper(), birthDate);
    if (party.displayName.isEmpty())
        party.displayName = !party.taxId.isEmpty() ? party.taxId : QStringLiteral("(unnamed person)");
    return merge(std::move(party), keys);
}

int GoAmlParties::addEntity(const XmlNode &entity)
{
    GoAmlParty party;
    party.kind = QStringLiteral("organisation");
    party.displayName = entity.childText(u"name");
    if (party.displayName.isEmpty())
        party.displayName = entity.childText(u"commercial_name");
    const QString taxNumber = entity.childText(u"tax_number");
    const QString incorporation = entity.childText(u"incorporation_number");
    party.taxId = !taxNumber.isEmpty() ? taxNumber : incorporation;
    party.country = entity.childText(u"incorporation_country_code");

    QStringList keys;
    party.addAttribute(QStringLiteral("name"), party.displayName);
    party.addAttribute(QStringLiteral("alias"), entity.childText(u"commercial_name"));
    party.addAttribute(QStringLiteral("legal_form"), entity.childText(u"incorporation_legal_form"));
    if (!incorporation.isEmpty()) {
        party.addAttribute(QStringLiteral("registration_number"), incorporation, identifierKey(incorporation));
        keys << QStringLiteral("inc:%1|%2").arg(identifierKey(incorporation), party.country);
    }
    if (!taxNumber.isEmpty()) {
        party.addAttribute(QStringLiteral("tax_id"), taxNumber, identifierKey(taxNumber));
        keys << QStringLiteral("tax:") + identifierKey(taxNumber);
    }
    party.addAttribute(QStringLiteral("business"), entity.childText(u"business"));
    party.addAttribute(QStringLiteral("incorporation_country"), party.country);
    party.addAttribute(QStringLiteral("incorporation_date"), datePart(entity.childText(u"incorporation_date")));
    party.addAttribute(QStringLiteral("url"), entity.childText(u"url"));
    addContacts(entity, party);
    for (const XmlNode *director : entity.childrenNamed(u"director_id")) {
        const int index = addPerson(*director);
        const QString role = director->childText(u"role");
        const QString name = m_parties[std::size_t(index)].displayName;
        party.addAttribute(QStringLiteral("director"), role.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, role),
                           name.toUpper());
    }
    if (!party.displayName.isEmpty())
        keys << QStringLiteral("org:") + party.displayName.toUpper();
    if (party.displayName.isEmpty())
        party.displayName = !party.taxId.isEmpty() ? party.taxId : QStringLiteral("(unnamed entity)");
    return merge(std::move(party), keys);
}

std::vector<int> GoAmlParties::addAccountHolders(const XmlNode &account)
{
    std::vector<int> holders;
    if (const XmlNode *entity = account.child(u"t_entity"))
        holders.push_back(addEntity(*entity));
    std::vector<int> secondary;
    for (const XmlNode *signatory : account.childrenNamed(u"signatory")) {
        const XmlNode *person = signatory->child(u"t_person");
        if (!person)
            continue;
        const int index = addPerson(*person);
        const QString primary = signatory->childText(u"is_primary").toLower();
        (primary == u"true" || primary == u"1" ? holders : secondary).push_back(index);
    }
    holders.insert(holders.end(), secondary.begin(), secondary.end());
    const QString number = !account.childText(u"account").isEmpty() ? account.childText(u"account")
                                                                     : account.childText(u"iban");
    for (const int holder : holders)
        if (!number.isEmpty())
            m_parties[std::size_t(holder)].addAttribute(QStringLiteral("account"), number, identifierKey(number));
    return holders;
}

int GoAmlParties::merge(GoAmlParty party, const QStringList &keys)
{
    int index = -1;
    for (const QString &key : keys)
        if (const auto found = m_byKey.constFind(key); found != m_byKey.constEnd()) {
            index = *found;
            break;
        }
    if (index < 0) {
        index = int(m_parties.size());
        m_parties.push_back(std::move(party));
    } else {
        GoAmlParty &known = m_parties[std::size_t(index)];
        for (const GoAmlParty::Attribute &attribute : party.attributes)
            known.addAttribute(attribute.kind, attribute.value, attribute.normalized);
        if (known.taxId.isEmpty())
            known.taxId = party.taxId;
        if (known.country.isEmpty())
            known.country = party.country;
    }
    for (const QString &key : keys)
        m_byKey.insert(key, index);
    return index;
}

} // namespace fundtrace::import
