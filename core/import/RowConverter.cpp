#include "import/RowConverter.h"

#include "import/ImportPreview.h"

namespace fundtrace::import {
namespace {

std::string_view trim(std::string_view text)
{
    auto isSpace = [](std::string_view t, bool front) -> int {
        if (t.empty())
            return 0;
        const char c = front ? t.front() : t.back();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            return 1;
        // U+00A0 NO-BREAK SPACE is C2 A0 in UTF-8.
        if (t.size() >= 2) {
            if (front && t[0] == '\xC2' && t[1] == '\xA0')
                return 2;
            if (!front && t[t.size() - 2] == '\xC2' && t.back() == '\xA0')
                return 2;
        }
        return 0;
    };
    while (const int n = isSpace(text, true))
        text.remove_prefix(n);
    while (const int n = isSpace(text, false))
        text.remove_suffix(n);
    return text;
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::size_t slot(Field field)
{
    return static_cast<std::size_t>(field);
}

// Currency names seen in the currency column rather than as ISO codes.
bool normaliseCurrency(std::string_view text, std::string &code)
{
    if (text.size() == 3) {
        code.clear();
        for (const char c : text) {
            if (c >= 'a' && c <= 'z')
                code += static_cast<char>(c - 'a' + 'A');
            else if (c >= 'A' && c <= 'Z')
                code += c;
            else
                break;
        }
        if (code.size() == 3)
            return true;
    }
    const QString folded = toQString(text).toCaseFolded();
    static const std::pair<const char *, const char *> aliases[] = {
        { "₸", "KZT" }, { "тг", "KZT" }, { "тенге", "KZT" }, { "теңге", "KZT" },
        { "₽", "RUB" }, { "руб", "RUB" }, { "руб.", "RUB" }, { "рубль", "RUB" },
        { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" }, { "₺", "TRY" }, { "сом", "KGS" },
    };
    for (const auto &[alias, iso] : aliases) {
        if (folded == QString::fromUtf8(alias)) {
            code = iso;
            return true;
        }
    }
    return false;
}

} // namespace

RowConverter::RowConverter(const ImportMapping &mapping, const QStringList &headers,
                           const QTimeZone &zone, const QString &defaultCurrency)
    : m_headers(headers)
    , m_amounts(mapping.decimalMark == QLatin1String(",")       ? AmountParser::DecimalMark::Comma
                        : mapping.decimalMark == QLatin1String(".") ? AmountParser::DecimalMark::Point
                                                                    : AmountParser::DecimalMark::Auto)
    , m_dates(zone, mapping.dateFormat)
    , m_defaultCurrency(defaultCurrency.toStdString())
{
    for (const QString &word : mapping.debitWords)
        m_debitWords << word.trimmed().toCaseFolded();
    for (const QString &word : mapping.creditWords)
        m_creditWords << word.trimmed().toCaseFolded();

    for (const auto &[field, source] : mapping.fields) {
        ResolvedField &resolved = m_fields[slot(field)];
        resolved.mapped = true;
        resolved.separator = source.separator.toStdString();
        if (source.constant) {
            resolved.constant = source.constant->toStdString();
            continue;
        }
        for (const ColumnRef &ref : source.columns) {
            int index = ref.index;
            if (!ref.header.isEmpty()) {
                index = -1;
                int seen = 0;
                for (qsizetype i = 0; i < headers.size(); ++i) {
                    if (headers[i].trimmed().compare(ref.header.trimmed(), Qt::CaseInsensitive) == 0
                        && ++seen == ref.occurrence) {
                        index = static_cast<int>(i);
                        break;
                    }
                }
                if (index < 0)
                    throw ImportError(QStringLiteral("the mapping's field \"%1\" names column \"%2\"%3, "
                                                     "which is not in the header (columns: %4)")
                                              .arg(fieldKey(field), ref.header,
                                                   ref.occurrence > 1 ? QStringLiteral(" (occurrence %1)").arg(ref.occurrence) : QString(),
                                                   headers.join(QStringLiteral(", "))));
            }
            resolved.columns.push_back(index);
            m_requiredWidth = std::max(m_requiredWidth, index + 1);
        }
    }

    auto mapped = [this](Field field) { return m_fields[slot(field)].mapped; };
    if (!mapped(Field::Date))
        throw ImportError(QStringLiteral("no column is mapped to the date; map one (field \"date\")"));
    if (!mapped(Field::Amount) && !mapped(Field::Debit) && !mapped(Field::Credit))
        throw ImportError(QStringLiteral("no column is mapped to the amount; map \"amount\" or "
                                         "\"debit\" and \"credit\""));
}

std::string_view RowConverter::value(Field field, const CsvRecord &record)
{
    const ResolvedField &resolved = m_fields[slot(field)];
    if (!resolved.mapped)
        return {};
    if (resolved.columns.empty())
        return resolved.constant;
    if (resolved.columns.size() == 1) {
        const auto index = static_cast<std::size_t>(resolved.columns.front());
        return index < record.fields.size() ? trim(record.fields[index]) : std::string_view();
    }
    std::string &joined = m_scratch[slot(field)];
    joined.clear();
    for (const int column : resolved.columns) {
        const auto index = static_cast<std::size_t>(column);
        const std::string_view part = index < record.fields.size() ? trim(record.fields[index]) : std::string_view();
        if (part.empty())
            continue;
        if (!joined.empty())
            joined += resolved.separator;
        joined += part;
    }
    return joined;
}

QString RowConverter::columnLabel(Field field) const
{
    const ResolvedField &resolved = m_fields[slot(field)];
    if (resolved.columns.empty())
        return fieldKey(field) + QStringLiteral(" (constant)");
    QStringList names;
    for (const int index : resolved.columns) {
        if (index < m_headers.size() && !m_headers[index].isEmpty())
            names << m_headers[index];
        else
            names << QStringLiteral("#%1").arg(index + 1);
    }
    return names.join(QLatin1Char('+'));
}

bool RowConverter::fail(Field field, std::string_view value, const QString &reason, RowProblem &problem) const
{
    problem.column = columnLabel(field);
    problem.value = toQString(value.substr(0, 200));
    problem.reason = reason;
    return false;
}

bool RowConverter::parseDirection(std::string_view text, char &direction) const
{
    const QString folded = toQString(text).toCaseFolded();
    static const QStringList debit = { QStringLiteral("d"), QStringLiteral("dr"), QStringLiteral("debit"),
                                       QStringLiteral("out"), QStringLiteral("дт"), QStringLiteral("д"),
                                       QStringLiteral("дебет"), QStringLiteral("расход"), QStringLiteral("списание"),
                                       QStringLiteral("-") };
    static const QStringList credit = { QStringLiteral("c"), QStringLiteral("cr"), QStringLiteral("credit"),
                                        QStringLiteral("in"), QStringLiteral("кт"), QStringLiteral("к"),
                                        QStringLiteral("кредит"), QStringLiteral("приход"), QStringLiteral("зачисление"),
                                        QStringLiteral("поступление"), QStringLiteral("+") };
    if (debit.contains(folded) || m_debitWords.contains(folded)) {
        direction = 'D';
        return true;
    }
    if (credit.contains(folded) || m_creditWords.contains(folded)) {
        direction = 'C';
        return true;
    }
    return false;
}

bool RowConverter::convert(const CsvRecord &record, ParsedTransaction &out, RowProblem &problem)
{
    out = ParsedTransaction {};
    out.sourceRow = record.number;
    if (static_cast<int>(record.fields.size()) < m_requiredWidth && record.fields.size() <= 1) {
        problem = { QString(), QString(), QStringLiteral("row has %1 field(s); the mapping reads %2 columns")
                                                  .arg(record.fields.size())
                                                  .arg(m_requiredWidth) };
        return false;
    }

    // Date and time.
    const std::string_view date = value(Field::Date, record);
    if (date.empty())
        return fail(Field::Date, date, QStringLiteral("missing date"), problem);
    out.bookedText = date;
    if (m_fields[slot(Field::Time)].mapped) {
        const std::string_view time = value(Field::Time, record);
        if (!m_dates.parse(date, time, out.bookedAt, m_error))
            return fail(Field::Date, date, QString::fromStdString(m_error), problem);
    } else if (!m_dates.parse(date, out.bookedAt, m_error)) {
        return fail(Field::Date, date, QString::fromStdString(m_error), problem);
    }

    // Amount and direction.
    m_amountCurrency.clear();
    ParsedAmount parsed;
    bool haveAmount = false;
    if (m_fields[slot(Field::Debit)].mapped || m_fields[slot(Field::Credit)].mapped) {
        const std::string_view debit = value(Field::Debit, record);
        const std::string_view credit = value(Field::Credit, record);
        ParsedAmount debitAmount, creditAmount;
        if (!debit.empty() && !m_amounts.parse(debit, debitAmount, m_error))
            return fail(Field::Debit, debit, QString::fromStdString(m_error), problem);
        if (!credit.empty() && !m_amounts.parse(credit, creditAmount, m_error))
            return fail(Field::Credit, credit, QString::fromStdString(m_error), problem);
        if (debitAmount.minor != 0 && creditAmount.minor != 0)
            return fail(Field::Debit, debit, QStringLiteral("both debit (%1) and credit (%2) are filled")
                                                     .arg(toQString(debit), toQString(credit)),
                        problem);
        if (debitAmount.minor != 0 || (!debit.empty() && credit.empty())) {
            out.direction = 'D';
            parsed = debitAmount;
            haveAmount = true;
        } else if (!credit.empty()) {
            out.direction = 'C';
            parsed = creditAmount;
            haveAmount = true;
        }
    }
    if (!haveAmount && m_fields[slot(Field::Amount)].mapped) {
        const std::string_view amount = value(Field::Amount, record);
        if (amount.empty())
            return fail(Field::Amount, amount, QStringLiteral("empty amount"), problem);
        if (!m_amounts.parse(amount, parsed, m_error))
            return fail(Field::Amount, amount, QString::fromStdString(m_error), problem);
        out.direction = parsed.minor < 0 ? 'D' : 'C';
        haveAmount = true;
    }
    if (!haveAmount)
        return fail(Field::Debit, {}, QStringLiteral("no amount: debit and credit are both empty"), problem);
    out.amountMinor = parsed.minor < 0 ? -parsed.minor : parsed.minor;
    m_amountCurrency = parsed.currency;

    if (m_fields[slot(Field::Direction)].mapped) {
        const std::string_view direction = value(Field::Direction, record);
        if (!direction.empty() && !parseDirection(direction, out.direction))
            return fail(Field::Direction, direction,
                        QStringLiteral("unknown direction; expected D/C, Дт/Кт, debit/credit "
                                       "(add words to debitWords/creditWords in the mapping)"),
                        problem);
    }

    // Currency: its own column, else the one written with the amount, else the default.
    const std::string_view currency = value(Field::Currency, record);
    if (!currency.empty()) {
        if (!normaliseCurrency(currency, m_currencyCode))
            return fail(Field::Currency, currency, QStringLiteral("not a currency code"), problem);
        out.currency = m_currencyCode;
    } else if (!m_amountCurrency.empty()) {
        out.currency = m_amountCurrency;
    } else {
        out.currency = m_defaultCurrency;
    }

    if (m_fields[slot(Field::Amount2)].mapped) {
        const std::string_view amount2 = value(Field::Amount2, record);
        if (!amount2.empty()) {
            ParsedAmount second;
            if (!m_amounts.parse(amount2, second, m_error))
                return fail(Field::Amount2, amount2, QString::fromStdString(m_error), problem);
            out.amount2Minor = second.minor < 0 ? -second.minor : second.minor;
            const std::string_view currency2 = value(Field::Currency2, record);
            if (!currency2.empty()) {
                if (!normaliseCurrency(currency2, m_currency2Code))
                    return fail(Field::Currency2, currency2, QStringLiteral("not a currency code"), problem);
                out.currency2 = m_currency2Code;
            } else if (!second.currency.empty()) {
                m_currency2Code = second.currency;
                out.currency2 = m_currency2Code;
            } else {
                return fail(Field::Amount2, amount2, QStringLiteral("second amount without a currency"), problem);
            }
        }
    }

    if (m_fields[slot(Field::Balance)].mapped) {
        const std::string_view balance = value(Field::Balance, record);
        if (!balance.empty()) {
            ParsedAmount parsedBalance;
            if (!m_amounts.parse(balance, parsedBalance, m_error))
                return fail(Field::Balance, balance, QString::fromStdString(m_error), problem);
            out.balanceAfterMinor = parsedBalance.minor;
        }
    }

    out.account = value(Field::Account, record);
    out.accountHolder = value(Field::AccountHolder, record);
    out.accountHolderTaxId = value(Field::AccountHolderTaxId, record);
    out.accountInstitution = value(Field::AccountInstitution, record);
    out.counterpartyName = value(Field::CounterpartyName, record);
    out.counterpartyAccount = value(Field::CounterpartyAccount, record);
    out.counterpartyTaxId = value(Field::CounterpartyTaxId, record);
    out.counterpartyBank = value(Field::CounterpartyBank, record);
    out.counterpartyCountry = value(Field::CounterpartyCountry, record);
    out.country = value(Field::Country, record);
    out.purpose = value(Field::Purpose, record);
    out.channel = value(Field::Channel, record);
    out.externalId = value(Field::ExternalId, record);
    return true;
}

} // namespace fundtrace::import
