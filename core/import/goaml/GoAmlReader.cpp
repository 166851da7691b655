#include "import/goaml/GoAmlReader.h"

#include "import/ImportPreview.h"
#include "import/goaml/GoAmlSchema.h"
#include "model/AccountIdentifier.h"

namespace fundtrace::import {
namespace {

const char *const kRequiredHeader[] = { "rentity_id", "submission_code", "report_code", "submission_date",
                                        "currency_code_local" };

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

GoAmlReader::GoAmlReader(const QString &path, const QTimeZone &zone, const QString &fallbackCurrency)
    : m_xml(path)
    , m_dates(zone)
    , m_fallbackCurrency(fallbackCurrency)
{
    if (!m_xml.nextStartElement() || m_xml.name() != u"report")
        throw ImportError(QStringLiteral("%1, line %2: not a goAML report (the root element must be <report>)")
                                  .arg(path)
                                  .arg(m_xml.line()));
    m_reportLine = m_xml.line();
}

std::vector<GoAmlReader::Deviation> GoAmlReader::deviations() const
{
    return m_deviations;
}

QStringList GoAmlReader::missingHeaderElements() const
{
    QStringList missing;
    for (const char *element : kRequiredHeader)
        if (!m_headerSeen.contains(QLatin1String(element)))
            missing << QString::fromLatin1(element);
    return missing;
}

void GoAmlReader::noteDeviation(const QString &element, const QString &parent, std::int64_t line)
{
    const QString key = parent + QLatin1Char('/') + element;
    if (const auto found = m_deviationIndex.constFind(key); found != m_deviationIndex.constEnd()) {
        ++m_deviations[*found].count;
        return;
    }
    m_deviationIndex.insert(key, m_deviations.size());
    m_deviations.push_back({ element, parent, line, 1 });
}

void GoAmlReader::checkElements(const XmlNode &node, const QString &parent)
{
    if (!isGoAmlElement(node.name)) {
        noteDeviation(node.name, parent, node.line);
        return;
    }
    for (const XmlNode &child : node.children)
        checkElements(child, node.name);
}

bool GoAmlReader::next(Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    while (m_xml.nextStartElementUpTo(2)) {
        const QString name = m_xml.name().toString();
        const XmlNode node = m_xml.readSubtree();
        checkElements(node, QStringLiteral("report"));
        if (!isGoAmlElement(name))
            continue;
        if (name == u"transaction")
            return readTransaction(node, row, parsed, problem);
        if (name == u"activity")
            readActivity(node);
        else
            readHeaderElement(node);
    }
    return false;
}

void GoAmlReader::readHeaderElement(const XmlNode &node)
{
    m_headerSeen << node.name;
    const QString &name = node.name;
    if (name == u"rentity_id")
        m_report.rentityId = node.text;
    else if (name == u"rentity_branch")
        m_report.rentityBranch = node.text;
    else if (name == u"submission_code")
        m_report.submissionCode = node.text;
    else if (name == u"report_code")
        m_report.reportCode = node.text;
    else if (name == u"entity_reference")
        m_report.entityReference = node.text;
    else if (name == u"fiu_ref_number")
        m_report.fiuRefNumber = node.text;
    else if (name == u"submission_date")
        m_report.submissionDate = node.text;
    else if (name == u"currency_code_local")
        m_report.currencyCodeLocal = node.text;
    else if (name == u"reason")
        m_report.reason = node.text;
    else if (name == u"action")
        m_report.action = node.text;
    else if (name == u"reporting_person")
        m_report.reportingPerson = (node.childText(u"first_name") + QLatin1Char(' ') + node.childText(u"last_name")).trimmed();
    else if (name == u"report_indicators")
        for (const XmlNode *indicator : node.childrenNamed(u"indicator"))
            if (!indicator->text.isEmpty())
                m_report.indicators << indicator->text;
}

int GoAmlReader::addSubject(const XmlNode &node, QStringView element)
{
    if (element.startsWith(u"person"))
        return m_parties.addPerson(node);
    if (element.startsWith(u"entity"))
        return m_parties.addEntity(node);
    if (element.startsWith(u"account")) {
        const std::vector<int> holders = m_parties.addAccountHolders(node);
        return holders.empty() ? -1 : holders.front();
    }
    return -1;
}

void GoAmlReader::readActivity(const XmlNode &activity)
{
    const XmlNode *parties = activity.child(u"report_parties");
    if (!parties)
        return;
    for (const XmlNode *party : parties->childrenNamed(u"report_party"))
        for (const XmlNode &child : party->children)
            if (addSubject(child, child.name) >= 0)
                ++m_report.activityParties;
}

bool GoAmlReader::readSide(const XmlNode &transaction, bool from, Side &side)
{
    side.account.clear();
    side.name.clear();
    side.taxId.clear();
    side.institution.clear();
    side.country.clear();
    side.parties.clear();
    const XmlNode *container = transaction.child(from ? u"t_from_my_client" : u"t_to_my_client");
    if (!container)
        container = transaction.child(from ? u"t_from" : u"t_to");
    if (!container)
        return false;
    const QString prefix = from ? QStringLiteral("from_") : QStringLiteral("to_");
    side.country = utf8(container->childText(QString(prefix + QStringLiteral("country"))));
    if (const XmlNode *conductor = container->child(u"t_conductor"))
        m_parties.addPerson(*conductor);

    if (const XmlNode *account = container->child(QString(prefix + QStringLiteral("account")))) {
        const QString number = !account->childText(u"account").isEmpty() ? account->childText(u"account")
                                                                          : account->childText(u"iban");
        const QString institution = !account->childText(u"institution_name").isEmpty()
                ? account->childText(u"institution_name")
                : account->childText(u"swift");
        side.account = utf8(number);
        side.institution = utf8(institution);
        side.parties = m_parties.addAccountHolders(*account);
        if (side.parties.empty()) {
            side.name = utf8(account->childText(u"account_name"));
        } else {
            const GoAmlParty &holder = m_parties.party(side.parties.front());
            side.name = utf8(holder.displayName);
            side.taxId = utf8(holder.taxId);
            const QString normalized = QString::fromStdString(model::normalizeAccountIdentifier(side.account));
            if (!normalized.isEmpty() && !m_holderSeen.contains(normalized)) {
                m_holderSeen.insert(normalized, side.parties.front());
                m_holders.push_back({ number, side.parties.front() });
            }
        }
    } else if (const XmlNode *person = container->child(QString(prefix + QStringLiteral("person")))) {
        side.parties.push_back(m_parties.addPerson(*person));
    } else if (const XmlNode *entity = container->child(QString(prefix + QStringLiteral("entity")))) {
        side.parties.push_back(m_parties.addEntity(*entity));
    }
    if (side.name.empty() && !side.parties.empty()) {
        const GoAmlParty &party = m_parties.party(side.parties.front());
        side.name = utf8(party.displayName);
        side.taxId = utf8(party.taxId);
    }
    return true;
}

bool GoAmlReader::readTransaction(const XmlNode &node, Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    ++m_transactionNumber;
    row.number = m_transactionNumber;
    row.line = node.line;
    row.ok = false;
    auto reject = [&](const QString &element, const QString &value, const QString &reason) {
        problem.column = element;
        problem.value = value.left(200);
        problem.reason = reason;
        return true;
    };
    auto missing = [&](const QString &element) {
        return reject(element, {}, QStringLiteral("<transaction> at line %1 has no <%2>, which goAML requires")
                                           .arg(node.line)
                                           .arg(element));
    };
    const QString number = node.childText(u"transactionnumber");
    if (number.isEmpty())
        return missing(QStringLiteral("transactionnumber"));
    const XmlNode *date = node.child(u"date_transaction");
    if (!date || date->text.isEmpty())
        return missing(QStringLiteral("date_transaction"));
    const XmlNode *amount = node.child(u"amount_local");
    if (!amount || amount->text.isEmpty())
        return missing(QStringLiteral("amount_local"));
    const bool multiParty = node.child(u"involved_parties") != nullptr;
    if (!multiParty && !node.child(u"t_from_my_client") && !node.child(u"t_from"))
        return missing(QStringLiteral("t_from_my_client or t_from"));
    if (!multiParty && !node.child(u"t_to_my_client") && !node.child(u"t_to"))
        return missing(QStringLiteral("t_to_my_client or t_to"));

    parsed = ParsedTransaction {};
    m_bookedText = utf8(date->text);
    if (!m_dates.parse(m_bookedText, parsed.bookedAt, m_error))
        return reject(QStringLiteral("date_transaction"), date->text,
                      QStringLiteral("line %1: <date_transaction> %2").arg(date->line).arg(QString::fromStdString(m_error)));
    ParsedAmount local;
    if (!m_amounts.parse(utf8(amount->text), local, m_error))
        return reject(QStringLiteral("amount_local"), amount->text,
                      QStringLiteral("line %1: <amount_local> %2").arg(amount->line).arg(QString::fromStdString(m_error)));
    if (local.minor < 0)
        return reject(QStringLiteral("amount_local"), amount->text,
                      QStringLiteral("line %1: <amount_local> is negative; goAML amounts are positive").arg(amount->line));

    readSide(node, true, m_from);
    readSide(node, false, m_to);
    if (const XmlNode *involved = node.child(u"involved_parties"))
        for (const XmlNode *party : involved->childrenNamed(u"party"))
            for (const XmlNode &child : party->children)
                addSubject(child, child.name);

    const QString currency = !m_report.currencyCodeLocal.isEmpty() ? m_report.currencyCodeLocal : m_fallbackCurrency;
    m_currency = utf8(currency.toUpper());
    m_currency2.clear();
    for (const char16_t *element : { u"t_from_my_client", u"t_from", u"t_to_my_client", u"t_to" }) {
        const XmlNode *side = node.child(QStringView(element));
        if (!side || !m_currency2.empty())
            continue;
        const bool fromSide = QStringView(element).contains(u"from");
        const XmlNode *foreign = side->child(fromSide ? u"from_foreign_currency" : u"to_foreign_currency");
        ParsedAmount foreignAmount;
        if (foreign && m_amounts.parse(utf8(foreign->childText(u"foreign_amount")), foreignAmount, m_error)
            && foreignAmount.minor >= 0 && !foreign->childText(u"foreign_currency_code").isEmpty()) {
            m_currency2 = utf8(foreign->childText(u"foreign_currency_code").toUpper());
            parsed.amount2Minor = foreignAmount.minor;
        }
    }
    m_purpose = utf8(node.childText(u"transaction_description"));
    m_channel = utf8(node.childText(u"transmode_code"));
    m_externalId = utf8(number);

    parsed.sourceRow = m_transactionNumber;
    parsed.bookedText = m_bookedText;
    parsed.direction = 'D';
    parsed.amountMinor = local.minor;
    parsed.currency = m_currency;
    parsed.currency2 = m_currency2;
    parsed.account = m_from.account;
    parsed.accountHolder = m_from.name;
    parsed.accountHolderTaxId = m_from.taxId;
    parsed.accountInstitution = m_from.institution;
    parsed.country = m_from.country;
    parsed.counterpartyAccount = m_to.account;
    parsed.counterpartyName = m_to.name;
    parsed.counterpartyTaxId = m_to.taxId;
    parsed.counterpartyBank = m_to.institution;
    parsed.counterpartyCountry = m_to.country;
    parsed.purpose = m_purpose;
    parsed.channel = m_channel;
    parsed.externalId = m_externalId;

    for (const int party : m_from.parties)
        m_links.push_back({ m_transactionNumber, 'f', party });
    for (const int party : m_to.parties)
        m_links.push_back({ m_transactionNumber, 't', party });
    ++m_report.transactions;
    row.ok = true;
    return true;
}

} // namespace fundtrace::import
