#include "import/ImportMapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace fundtrace::import {
namespace {

struct FieldInfo {
    Field field;
    const char *key;
    const char *label;
};

const FieldInfo kFields[] = {
    { Field::Date, "date", "Date (and time)" },
    { Field::Time, "time", "Time of day" },
    { Field::Amount, "amount", "Amount (signed)" },
    { Field::Debit, "debit", "Debit (money out)" },
    { Field::Credit, "credit", "Credit (money in)" },
    { Field::Direction, "direction", "Direction (D/C)" },
    { Field::Currency, "currency", "Currency" },
    { Field::Amount2, "amount2", "Amount in second currency" },
    { Field::Currency2, "currency2", "Second currency" },
    { Field::Account, "account", "Account (statement owner)" },
    { Field::AccountHolder, "accountHolder", "Account holder" },
    { Field::AccountHolderTaxId, "accountHolderTaxId", "Account holder IIN/BIN" },
    { Field::AccountInstitution, "accountInstitution", "Account bank" },
    { Field::CounterpartyName, "counterpartyName", "Counterparty name" },
    { Field::CounterpartyAccount, "counterpartyAccount", "Counterparty account" },
    { Field::CounterpartyTaxId, "counterpartyTaxId", "Counterparty IIN/BIN" },
    { Field::CounterpartyBank, "counterpartyBank", "Counterparty bank" },
    { Field::CounterpartyCountry, "counterpartyCountry", "Counterparty country" },
    { Field::Country, "country", "Country" },
    { Field::Purpose, "purpose", "Payment purpose" },
    { Field::Channel, "channel", "Channel" },
    { Field::ExternalId, "externalId", "Transaction ID / document no." },
    { Field::Balance, "balance", "Balance after" },
};

const FieldInfo &info(Field field)
{
    for (const FieldInfo &entry : kFields)
        if (entry.field == field)
            return entry;
    return kFields[0];
}

ColumnRef columnFromJson(const QJsonValue &value, const QString &fieldName)
{
    ColumnRef ref;
    if (value.isString()) {
        ref.header = value.toString();
        return ref;
    }
    if (value.isDouble()) {
        ref.index = value.toInt(-1);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("column"))) {
            ref.header = object.value(QLatin1String("column")).toString();
            ref.occurrence = object.value(QLatin1String("occurrence")).toInt(1);
        } else if (object.contains(QLatin1String("index"))) {
            ref.index = object.value(QLatin1String("index")).toInt(-1);
        }
    }
    if (ref.header.isEmpty() && ref.index < 0)
        throw MappingError(QStringLiteral("field \"%1\": a column must be a header name, "
                                          "{\"column\": name} or {\"index\": n} with n >= 0")
                                   .arg(fieldName));
    if (ref.occurrence < 1)
        throw MappingError(QStringLiteral("field \"%1\": occurrence starts at 1").arg(fieldName));
    return ref;
}

QJsonValue columnToJson(const ColumnRef &ref)
{
    if (ref.header.isEmpty())
        return QJsonObject { { QStringLiteral("index"), ref.index } };
    if (ref.occurrence == 1)
        return QJsonObject { { QStringLiteral("column"), ref.header } };
    return QJsonObject { { QStringLiteral("column"), ref.header },
                         { QStringLiteral("occurrence"), ref.occurrence } };
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QString normaliseHeader(const QString &header)
{
    QString text = header.trimmed().toCaseFolded();
    text.replace(QChar(0x0451), QChar(0x0435)); // ё -> е
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

} // namespace

QString fieldKey(Field field)
{
    return QString::fromLatin1(info(field).key);
}

std::optional<Field> fieldFromKey(const QString &key)
{
    for (const FieldInfo &entry : kFields)
        if (key == QLatin1String(entry.key))
            return entry.field;
    return std::nullopt;
}

QString fieldLabel(Field field)
{
    return QString::fromLatin1(info(field).label);
}

const std::vector<Field> &allFields()
{
    static const std::vector<Field> fields = [] {
        std::vector<Field> list;
        for (const FieldInfo &entry : kFields)
            list.push_back(entry.field);
        return list;
    }();
    return fields;
}

ImportMapping ImportMapping::fromJson(const QJsonObject &json)
{
    static const QStringList knownKeys = {
        QStringLiteral("encoding"), QStringLiteral("delimiter"), QStringLiteral("hasHeader"),
        QStringLiteral("skipRows"), QStringLiteral("timezone"), QStringLiteral("dateFormat"),
        QStringLiteral("decimalMark"), QStringLiteral("fields"), QStringLiteral("debitWords"),
        QStringLiteral("creditWords"), QStringLiteral("format"), QStringLiteral("comment"),
    };
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!knownKeys.contains(it.key()))
            throw MappingError(QStringLiteral("unknown key \"%1\"").arg(it.key()));

    ImportMapping mapping;
    mapping.encoding = json.value(QLatin1String("encoding")).toString();
    mapping.delimiter = json.value(QLatin1String("delimiter")).toString();
    if (mapping.delimiter == QLatin1String("\\t") || mapping.delimiter.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0)
        mapping.delimiter = QStringLiteral("\t");
    if (mapping.delimiter.size() > 1)
        throw MappingError(QStringLiteral("delimiter must be one character, got \"%1\"").arg(mapping.delimiter));
    mapping.hasHeader = json.value(QLatin1String("hasHeader")).toBool(true);
    mapping.skipRows = json.value(QLatin1String("skipRows")).toInt(0);
    if (mapping.skipRows < 0)
        throw MappingError(QStringLiteral("skipRows must not be negative"));
    mapping.timezone = json.value(QLatin1String("timezone")).toString();
    mapping.dateFormat = json.value(QLatin1String("dateFormat")).toString();
    mapping.decimalMark = json.value(QLatin1String("decimalMark")).toString();
    if (!mapping.decimalMark.isEmpty() && mapping.decimalMark != QLatin1String(",")
        && mapping.decimalMark != QLatin1String("."))
        throw MappingError(QStringLiteral("decimalMark must be \",\" or \".\""));
    mapping.debitWords = stringList(json.value(QLatin1String("debitWords")));
    mapping.creditWords = stringList(json.value(QLatin1String("creditWords")));

    const QJsonObject fields = json.value(QLatin1String("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const auto field = fieldFromKey(it.key());
        if (!field)
            throw MappingError(QStringLiteral("unknown field \"%1\"").arg(it.key()));
        FieldSource source;
        const QJsonValue value = it.value();
        if (value.isObject() && value.toObject().contains(QLatin1String("constant"))) {
            source.constant = value.toObject().value(QLatin1String("constant")).toString();
        } else if (value.isObject() && value.toObject().contains(QLatin1String("columns"))) {
            const QJsonObject object = value.toObject();
            for (const QJsonValue &column : object.value(QLatin1String("columns")).toArray())
                source.columns.push_back(columnFromJson(column, it.key()));
            source.separator = object.value(QLatin1String("separator")).toString();
            if (source.columns.empty())
                throw MappingError(QStringLiteral("field \"%1\": \"columns\" is empty").arg(it.key()));
        } else {
            source.columns.push_back(columnFromJson(value, it.key()));
        }
        mapping.fields[*field] = std::move(source);
    }
    return mapping;
}

ImportMapping ImportMapping::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MappingError(QStringLiteral("cannot read mapping %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throw MappingError(QStringLiteral("mapping %1 is not valid JSON at offset %2: %3")
                                   .arg(path)
                                   .arg(error.offset)
                                   .arg(error.errorString()));
    if (!document.isObject())
        throw MappingError(QStringLiteral("mapping %1 must be a JSON object").arg(path));
    try {
        return fromJson(document.object());
    } catch (const MappingError &e) {
        throw MappingError(QStringLiteral("mapping %1: %2").arg(path, QString::fromUtf8(e.what())));
    }
}

QJsonObject ImportMapping::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("encoding"), encoding);
    json.insert(QStringLiteral("delimiter"), delimiter);
    json.insert(QStringLiteral("hasHeader"), hasHeader);
    json.insert(QStringLiteral("skipRows"), skipRows);
    json.insert(QStringLiteral("timezone"), timezone);
    json.insert(QStringLiteral("dateFormat"), dateFormat);
    json.insert(QStringLiteral("decimalMark"), decimalMark);
    QJsonObject fieldsJson;
    for (const auto &[field, source] : fields) {
        if (source.constant) {
            fieldsJson.insert(fieldKey(field), QJsonObject { { QStringLiteral("constant"), *source.constant } });
        } else if (source.columns.size() == 1) {
            fieldsJson.insert(fieldKey(field), columnToJson(source.columns.front()));
        } else {
            QJsonArray columns;
            for (const ColumnRef &ref : source.columns)
                columns.append(columnToJson(ref));
            fieldsJson.insert(fieldKey(field), QJsonObject { { QStringLiteral("columns"), columns },
                                                             { QStringLiteral("separator"), source.separator } });
        }
    }
    json.insert(QStringLiteral("fields"), fieldsJson);
    json.insert(QStringLiteral("debitWords"), QJsonArray::fromStringList(debitWords));
    json.insert(QStringLiteral("creditWords"), QJsonArray::fromStringList(creditWords));
    return json;
}

void ImportMapping::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw MappingError(QStringLiteral("cannot write mapping %1: %2").arg(path, file.errorString()));
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        throw MappingError(QStringLiteral("cannot write mapping %1: %2").arg(path, file.errorString()));
}

ImportMapping guessMapping(const QStringList &headers)
{
    // Header spellings seen in Kazakh, Russian and international bank exports, normalised
    // (case-folded, letters and digits only). Order matters: the first matching column wins.
    static const std::vector<std::pair<Field, QStringList>> synonyms = {
        { Field::Date, { QStringLiteral("датаоперации"), QStringLiteral("датаидата"), QStringLiteral("датавремя"),
                         QStringLiteral("датаивремя"), QStringLiteral("дата"), QStringLiteral("датапроводки"),
                         QStringLiteral("датадокумента"), QStringLiteral("күні"), QStringLiteral("операциякүні"),
                         QStringLiteral("date"), QStringLiteral("datetime"), QStringLiteral("transactiondate"),
                         QStringLiteral("bookingdate"), QStringLiteral("valuedate"), QStringLiteral("timestamp") } },
        { Field::Time, { QStringLiteral("время"), QStringLiteral("времяоперации"), QStringLiteral("time"), QStringLiteral("уақыты") } },
        { Field::Debit, { QStringLiteral("дебет"), QStringLiteral("расход"), QStringLiteral("списание"),
                          QStringLiteral("суммадебет"), QStringLiteral("дебетсумма"), QStringLiteral("debit"),
                          QStringLiteral("withdrawal"), QStringLiteral("withdrawals"), QStringLiteral("moneyout"), QStringLiteral("paidout") } },
        { Field::Credit, { QStringLiteral("кредит"), QStringLiteral("приход"), QStringLiteral("поступление"),
                           QStringLiteral("суммакредит"), QStringLiteral("кредитсумма"), QStringLiteral("credit"),
                           QStringLiteral("deposit"), QStringLiteral("deposits"), QStringLiteral("moneyin"), QStringLiteral("paidin") } },
        { Field::Amount, { QStringLiteral("сумма"), QStringLiteral("суммаоперации"), QStringLiteral("сумма1"), QStringLiteral("сомасы"),
                           QStringLiteral("amount"), QStringLiteral("sum"), QStringLiteral("value"), QStringLiteral("transactionamount") } },
        { Field::Direction, { QStringLiteral("направление"), QStringLiteral("дткт"), QStringLiteral("типоперации"),
                              QStringLiteral("direction"), QStringLiteral("dc"), QStringLiteral("debitcredit"), QStringLiteral("type") } },
        { Field::Currency, { QStringLiteral("валюта"), QStringLiteral("валютаоперации"), QStringLiteral("валютасчета"), QStringLiteral("currency"),
                             QStringLiteral("ccy"), QStringLiteral("curr") } },
        { Field::Account, { QStringLiteral("счет"), QStringLiteral("номерсчета"), QStringLiteral("счетклиента"), QStringLiteral("iban"),
                            QStringLiteral("шот"), QStringLiteral("account"), QStringLiteral("accountnumber"), QStringLiteral("accountno"),
                            QStringLiteral("ownaccount") } },
        { Field::AccountHolder, { QStringLiteral("владелецсчета"), QStringLiteral("клиент"), QStringLiteral("accountholder"),
                                  QStringLiteral("holder"), QStringLiteral("customer") } },
        { Field::CounterpartyName, { QStringLiteral("получательотправитель"), QStringLiteral("отправительполучатель"),
                                     QStringLiteral("контрагент"), QStringLiteral("наименованиеконтрагента"),
                                     QStringLiteral("корреспондент"), QStringLiteral("получатель"), QStringLiteral("отправитель"),
                                     QStringLiteral("плательщик"), QStringLiteral("бенефициар"),
                                     QStringLiteral("counterparty"), QStringLiteral("counterpartyname"), QStringLiteral("beneficiary"),
                                     QStringLiteral("payee"), QStringLiteral("payer"), QStringLiteral("name") } },
        { Field::CounterpartyAccount, { QStringLiteral("счетконтрагента"), QStringLiteral("счетполучателя"),
                                        QStringLiteral("счетотправителя"), QStringLiteral("ибанконтрагента"),
                                        QStringLiteral("корсчет"), QStringLiteral("counterpartyaccount"),
                                        QStringLiteral("counterpartyiban"), QStringLiteral("beneficiaryaccount"),
                                        QStringLiteral("payeeaccount"), QStringLiteral("payeraccount") } },
        { Field::CounterpartyTaxId, { QStringLiteral("биниин"), QStringLiteral("иинбин"), QStringLiteral("бин"), QStringLiteral("иин"),
                                      QStringLiteral("бинииинконтрагента"), QStringLiteral("иинбинконтрагента"), QStringLiteral("инн"),
                                      QStringLiteral("taxid"), QStringLiteral("counterpartytaxid"), QStringLiteral("iinbin") } },
        { Field::CounterpartyBank, { QStringLiteral("банкконтрагента"), QStringLiteral("банкполучателя"), QStringLiteral("банкотправителя"),
                                     QStringLiteral("бикбанкаконтрагента"), QStringLiteral("бик"), QStringLiteral("counterpartybank"),
                                     QStringLiteral("bank"), QStringLiteral("bic") } },
        { Field::CounterpartyCountry, { QStringLiteral("странаконтрагента"), QStringLiteral("странаполучателя"),
                                        QStringLiteral("counterpartycountry"), QStringLiteral("country") } },
        { Field::Purpose, { QStringLiteral("назначениеплатежа"), QStringLiteral("назначение"), QStringLiteral("описание"),
                            QStringLiteral("детали"), QStringLiteral("описаниеоперации"), QStringLiteral("төлемніңмақсаты"),
                            QStringLiteral("purpose"), QStringLiteral("description"), QStringLiteral("details"),
                            QStringLiteral("narrative"), QStringLiteral("memo"), QStringLiteral("paymentdetails") } },
        { Field::Channel, { QStringLiteral("канал"), QStringLiteral("видоперации"), QStringLiteral("channel"), QStringLiteral("method") } },
        { Field::ExternalId, { QStringLiteral("документ"), QStringLiteral("номердокумента"), QStringLiteral("документа"),
                               QStringLiteral("референс"), QStringLiteral("idтранзакции"), QStringLiteral("transactionid"),
                               QStringLiteral("txid"), QStringLiteral("id"), QStringLiteral("documentno"), QStringLiteral("documentnumber"),
                               QStringLiteral("ref"), QStringLiteral("referenceid"), QStringLiteral("reference"),
                               QStringLiteral("referencetransactionid") } },
        { Field::Balance, { QStringLiteral("остаток"), QStringLiteral("исходящийостаток"), QStringLiteral("остатокпослеоперации"),
                            QStringLiteral("balance"), QStringLiteral("runningbalance"), QStringLiteral("balanceafter") } },
    };

    ImportMapping mapping;
    QStringList normalised;
    for (const QString &header : headers)
        normalised << normaliseHeader(header);
    std::vector<bool> used(headers.size(), false);
    for (const auto &[field, names] : synonyms) {
        for (const QString &name : names) {
            const qsizetype column = normalised.indexOf(name);
            if (column < 0 || used[column])
                continue;
            used[column] = true;
            FieldSource source;
            ColumnRef ref;
            ref.header = headers[column];
            ref.occurrence = static_cast<int>(headers.mid(0, column).count(headers[column])) + 1;
            source.columns.push_back(ref);
            mapping.fields[field] = source;
            break;
        }
    }
    // A statement with separate debit and credit columns does not also need a signed amount.
    if (mapping.fields.count(Field::Debit) && mapping.fields.count(Field::Credit))
        mapping.fields.erase(Field::Amount);
    return mapping;
}

} // namespace fundtrace::import
