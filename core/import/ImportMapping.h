#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace fundtrace::import {

// What a column (or a composition of columns, or a constant) means for a transaction.
enum class Field {
    Date,                 // date, or date and time
    Time,                 // separate time-of-day column
    Amount,               // signed: negative = money out of the account
    Debit,                // money out (positive number)
    Credit,               // money in (positive number)
    Direction,            // text such as "D"/"C", "Дт"/"Кт", "debit"/"credit", "приход"/"расход"
    Currency,
    Amount2,              // amount in a second currency (e.g. the original currency of a card payment)
    Currency2,
    Account,              // the statement owner's account
    AccountHolder,
    AccountHolderTaxId,
    AccountInstitution,
    CounterpartyName,
    CounterpartyAccount,
    CounterpartyTaxId,
    CounterpartyBank,
    CounterpartyCountry,
    Country,
    Purpose,
    Channel,
    ExternalId,
    Balance,              // balance after the transaction
};

QString fieldKey(Field field);                 // "date", "counterpartyName", ... (the JSON keys)
std::optional<Field> fieldFromKey(const QString &key);
QString fieldLabel(Field field);               // "Counterparty name" (for the GUI)
const std::vector<Field> &allFields();

// Picks a column by header name (and which occurrence, for duplicate headers) or by 0-based index.
struct ColumnRef {
    QString header;
    int occurrence = 1;   // 1 = first column with that header
    int index = -1;       // used when header is empty
};

// A field's source: one column, several columns joined (e.g. bank code + account number), or a
// constant written into the mapping (e.g. the account of a single-account statement).
struct FieldSource {
    std::vector<ColumnRef> columns;
    QString separator;            // between joined columns
    std::optional<QString> constant;
};

// The JSON mapping file (documented in docs/mapping.md); the GUI import wizard writes it, the
// CLI reads it. Unset options mean "detect".
struct ImportMapping {
    QString encoding;             // "" = auto; else a name accepted by encodingFromName
    QString delimiter;            // "" = auto; ",", ";", "\t", "|"
    bool hasHeader = true;
    int skipRows = 0;             // title lines before the header
    QString timezone;             // "" = the case's zone (default Asia/Almaty)
    QString dateFormat;           // "" = auto; Qt format letters
    QString decimalMark;          // "" = auto; "," or "."
    std::map<Field, FieldSource> fields;
    QStringList debitWords;       // extra Direction values meaning money out
    QStringList creditWords;      // extra Direction values meaning money in

    static ImportMapping fromJson(const QJsonObject &json); // throws MappingError
    static ImportMapping load(const QString &path);          // throws MappingError
    QJsonObject toJson() const;
    void save(const QString &path) const;                    // throws MappingError
    bool isEmpty() const { return fields.empty(); }
};

class MappingError : public std::runtime_error {
public:
    explicit MappingError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// Builds a mapping from header names banks commonly use (English, Russian, Kazakh):
// "Дата", "Дата операции", "Сумма", "Дебет", "Кредит", "Назначение платежа", "Получатель",
// "БИН/ИИН", "Валюта", "Date", "Amount", "Purpose", ... Unknown headers are left unmapped.
ImportMapping guessMapping(const QStringList &headers);

} // namespace fundtrace::import
