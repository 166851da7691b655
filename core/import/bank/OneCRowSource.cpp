#include "import/bank/OneCRowSource.h"

#include "import/ImportPreview.h"
#include "import/bank/StatementAmount.h"
#include "import/bank/TextDecoder.h"
#include "model/AccountIdentifier.h"
#include "model/Currency.h"

#include <QFile>
#include <QFileInfo>

namespace fundtrace::import {
namespace {

using namespace std::string_view_literals;

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool splitKeyValue(std::string_view line, std::string_view &key, std::string_view &value)
{
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
        key = trimmed(line);
        value = {};
        return false;
    }
    key = trimmed(line.substr(0, eq));
    value = trimmed(line.substr(eq + 1));
    return true;
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string joinNonEmpty(std::string_view a, std::string_view b, std::string_view separator)
{
    std::string out(a);
    if (!b.empty()) {
        if (!out.empty())
            out += separator;
        out += b;
    }
    return out;
}

} // namespace

OneCRowSource::OneCRowSource(const QString &path, const QTimeZone &zone, std::string currency,
                             std::optional<TextEncoding> encoding)
    : m_path(path)
    , m_currency(std::move(currency))
    , m_dates(zone, QStringLiteral("dd.MM.yyyy"))
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open the file (%2)").arg(path, file.errorString()));
    if (file.size() > kMaxFileBytes)
        throw ImportError(QStringLiteral("%1: %2 MiB is larger than any 1C exchange file Fundtrace accepts "
                                         "(%3 MiB); split the export by period")
                                  .arg(path)
                                  .arg(file.size() >> 20)
                                  .arg(kMaxFileBytes >> 20));
    const QByteArray bytes = file.readAll();
    if (bytes.size() != file.size())
        throw ImportError(QStringLiteral("%1: the file could not be read completely (%2)").arg(path, file.errorString()));
    TextDecoder::Decoded decoded = TextDecoder::decode(bytes, path, encoding);
    m_text = std::move(decoded.utf8);
    m_encoding = decoded.encoding;
    scanStructure();
    m_pos = 0;
    m_line = 0;
}

bool OneCRowSource::nextLine(std::string_view &line)
{
    if (m_pos >= m_text.size())
        return false;
    const std::size_t end = m_text.find('\n', m_pos);
    const std::size_t stop = end == std::string::npos ? m_text.size() : end;
    line = std::string_view(m_text).substr(m_pos, stop - m_pos);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    m_pos = end == std::string::npos ? m_text.size() : end + 1;
    ++m_line;
    return true;
}

std::string OneCRowSource::isoDate(std::string_view ddmmyyyy) const
{
    // "05.03.2024" -> "2024-03-05"; anything else is kept out of the period columns.
    if (ddmmyyyy.size() != 10 || ddmmyyyy[2] != '.' || ddmmyyyy[5] != '.')
        return {};
    for (const std::size_t i : { 0, 1, 3, 4, 6, 7, 8, 9 })
        if (ddmmyyyy[i] < '0' || ddmmyyyy[i] > '9')
            return {};
    return std::string(ddmmyyyy.substr(6, 4)) + '-' + std::string(ddmmyyyy.substr(3, 2)) + '-'
            + std::string(ddmmyyyy.substr(0, 2));
}

// Checks the whole file before any row is read (header, section nesting, the closing
// КонецФайла) and collects the statement sections with their balances, which 1C writes before
// the documents but which nothing obliges it to.
void OneCRowSource::scanStructure()
{
    const auto error = [this](const QString &what) {
        return ImportError(QStringLiteral("%1, line %2: %3").arg(m_path).arg(m_line).arg(what));
    };
    std::string_view line;
    bool sawHeader = false;
    bool sawEnd = false;
    enum class In { Header, Account, Document, Between } in = In::Header;
    std::int64_t sectionLine = 0;
    StatementSummary section;
    std::string headerStart;
    std::string headerEnd;
    std::string_view declaredEncoding;
    const int digits = model::minorDigits(m_currency);
    while (nextLine(line)) {
        if (line.size() > kMaxValueBytes)
            throw error(QStringLiteral("the line is longer than %1 bytes; this is not a 1C exchange file "
                                       "or it is damaged").arg(kMaxValueBytes));
        const std::string_view text = trimmed(line);
        if (text.empty())
            continue;
        if (!sawHeader) {
            if (text != "1CClientBankExchange"sv)
                throw error(QStringLiteral("the file does not start with 1CClientBankExchange, so it is not a "
                                           "1C:Enterprise bank exchange file"));
            sawHeader = true;
            continue;
        }
        if (sawEnd)
            throw error(QStringLiteral("text after КонецФайла"));
        std::string_view key;
        std::string_view value;
        splitKeyValue(text, key, value);
        if (key == "КонецФайла"sv) {
            if (in == In::Account || in == In::Document)
                throw error(QStringLiteral("КонецФайла inside the section that starts on line %1").arg(sectionLine));
            sawEnd = true;
            continue;
        }
        if (key == "СекцияРасчСчет"sv || key == "СекцияДокумент"sv) {
            if (in == In::Account || in == In::Document)
                throw error(QStringLiteral("a new section starts before the one on line %1 ended (%2 missing)")
                                    .arg(sectionLine)
                                    .arg(in == In::Account ? QStringLiteral("КонецРасчСчет")
                                                           : QStringLiteral("КонецДокумента")));
            sectionLine = m_line;
            in = key == "СекцияРасчСчет"sv ? In::Account : In::Document;
            section = StatementSummary {};
            section.line = m_line;
            section.currency = m_currency;
            continue;
        }
        if (key == "КонецРасчСчет"sv || key == "КонецДокумента"sv) {
            const In expected = key == "КонецРасчСчет"sv ? In::Account : In::Document;
            if (in != expected)
                throw error(QStringLiteral("%1 without its section").arg(q(key)));
            if (in == In::Account) {
                if (section.account.empty())
                    throw error(QStringLiteral("the account section that starts on line %1 has no РасчСчет")
                                        .arg(sectionLine));
                m_statementAccounts.push_back(model::normalizeAccountIdentifier(section.account));
                m_ourAccounts.insert(m_statementAccounts.back());
                section.reference = std::to_string(m_statements.size() + 1);
                m_statements.push_back(std::move(section));
                section = StatementSummary {};
            }
            in = In::Between;
            continue;
        }
        if (in == In::Header) {
            if (key == "РасчСчет"sv && !value.empty())
                m_ourAccounts.insert(model::normalizeAccountIdentifier(value));
            else if (key == "Кодировка"sv)
                declaredEncoding = value;
            else if (key == "ДатаНачала"sv)
                headerStart = isoDate(value);
            else if (key == "ДатаКонца"sv)
                headerEnd = isoDate(value);
        } else if (in == In::Account) {
            const auto balance = [&](std::optional<std::int64_t> &target) {
                std::int64_t minor = 0;
                if (!parseStatementAmount(value, digits, minor, m_error))
                    throw error(QStringLiteral("%1: %2").arg(q(key), QString::fromStdString(m_error)));
                target = minor;
            };
            if (key == "РасчСчет"sv)
                section.account = std::string(value);
            else if (key == "ДатаНачала"sv)
                section.periodStart = isoDate(value);
            else if (key == "ДатаКонца"sv)
                section.periodEnd = isoDate(value);
            else if (key == "НачальныйОстаток"sv && !value.empty())
                balance(section.openingMinor);
            else if (key == "КонечныйОстаток"sv && !value.empty())
                balance(section.closingMinor);
        } else if (in == In::Between) {
            throw error(QStringLiteral("\"%1\" outside any section").arg(q(text.substr(0, 80))));
        }
    }
    if (!sawHeader)
        throw ImportError(QStringLiteral("%1: the file is empty").arg(m_path));
    if (in == In::Account || in == In::Document)
        throw ImportError(QStringLiteral("%1: the file ends inside the section that starts on line %2 (%3 "
                                         "missing): the file is truncated")
                                  .arg(m_path)
                                  .arg(sectionLine)
                                  .arg(in == In::Account ? QStringLiteral("КонецРасчСчет")
                                                         : QStringLiteral("КонецДокумента")));
    if (!sawEnd)
        throw ImportError(QStringLiteral("%1: the file ends without КонецФайла: it is truncated").arg(m_path));
    // A DOS (cp866) export decoded as windows-1251 would turn every name into other letters.
    if (m_encoding == TextEncoding::Windows1251 && QString::fromUtf8(declaredEncoding.data(), qsizetype(declaredEncoding.size()))
                                                            .compare(QStringLiteral("DOS"), Qt::CaseInsensitive) == 0)
        throw ImportError(QStringLiteral("%1: the file says Кодировка=DOS (code page 866), which Fundtrace does "
                                         "not read; export it again with Кодировка=Windows").arg(m_path));
    for (StatementSummary &s : m_statements) {
        if (s.periodStart.empty())
            s.periodStart = headerStart;
        if (s.periodEnd.empty())
            s.periodEnd = headerEnd;
    }
}

std::string_view OneCRowSource::field(const Fields &fields, std::initializer_list<std::string_view> keys) const
{
    for (const std::string_view key : keys)
        for (const auto &[k, v] : fields)
            if (k == key && !v.empty())
                return v;
    return {};
}

bool OneCRowSource::fail(RowProblem &problem, std::string_view column, std::string_view value,
                         const QString &reason) const
{
    problem.column = q(column);
    problem.value = q(value.substr(0, 200));
    problem.reason = reason;
    return false;
}

StatementSummary *OneCRowSource::statementFor(const std::string &normalizedAccount, const std::string &isoDay)
{
    StatementSummary *fallback = nullptr;
    for (std::size_t i = 0; i < m_statements.size(); ++i) {
        if (m_statementAccounts[i] != normalizedAccount)
            continue;
        StatementSummary &s = m_statements[i];
        if (!fallback)
            fallback = &s;
        if ((s.periodStart.empty() || s.periodStart <= isoDay) && (s.periodEnd.empty() || isoDay <= s.periodEnd))
            return &s;
    }
    return fallback;
}

bool OneCRowSource::convert(const Fields &fields, std::string_view docType, RowProblem &problem)
{
    m_entry.clear();
    const std::string_view payerAccount = field(fields, { "ПлательщикСчет"sv, "ПлательщикРасчСчет"sv, "ПлательщикИИК"sv });
    const std::string_view payeeAccount = field(fields, { "ПолучательСчет"sv, "ПолучательРасчСчет"sv, "ПолучательИИК"sv });
    const std::string payerNorm = model::normalizeAccountIdentifier(payerAccount);
    const std::string payeeNorm = model::normalizeAccountIdentifier(payeeAccount);
    const std::string_view debited = field(fields, { "ДатаСписано"sv });
    const std::string_view credited = field(fields, { "ДатаПоступило"sv });
    if (!payerNorm.empty() && m_ourAccounts.count(payerNorm))
        m_entry.direction = 'D';
    else if (!payeeNorm.empty() && m_ourAccounts.count(payeeNorm))
        m_entry.direction = 'C';
    else if (m_ourAccounts.empty() && !debited.empty())
        m_entry.direction = 'D';
    else if (m_ourAccounts.empty() && !credited.empty())
        m_entry.direction = 'C';
    else
        return fail(problem, "ПлательщикСчет", payerAccount,
                    QStringLiteral("neither the payer's account (%1) nor the recipient's (%2) is the statement's "
                                   "account (РасчСчет), so the direction is unknown")
                            .arg(payerAccount.empty() ? QStringLiteral("none") : q(payerAccount),
                                 payeeAccount.empty() ? QStringLiteral("none") : q(payeeAccount)));
    const bool debit = m_entry.direction == 'D';

    const std::string_view amountText = field(fields, { "Сумма"sv });
    if (amountText.empty())
        return fail(problem, "Сумма", {}, QStringLiteral("the document has no Сумма (amount)"));
    if (!parseStatementAmount(amountText, model::minorDigits(m_currency), m_entry.amountMinor, m_error))
        return fail(problem, "Сумма", amountText, QString::fromStdString(m_error));
    if (m_entry.amountMinor < 0)
        return fail(problem, "Сумма", amountText, QStringLiteral("a document amount cannot be negative"));

    const std::string_view dateKey = debit ? (debited.empty() ? "Дата"sv : "ДатаСписано"sv)
                                           : (credited.empty() ? "Дата"sv : "ДатаПоступило"sv);
    const std::string_view dateText = field(fields, { dateKey });
    if (dateText.empty())
        return fail(problem, "Дата", {}, QStringLiteral("the document has no date (Дата)"));
    if (!m_dates.parse(dateText, m_entry.bookedAt, m_error))
        return fail(problem, dateKey, dateText, QString::fromStdString(m_error));
    m_entry.bookedText = std::string(dateText);

    const auto side = [&](bool payer) {
        struct Side {
            std::string_view account, name, taxId, bank;
        } s;
        s.account = payer ? payerAccount : payeeAccount;
        s.name = payer ? field(fields, { "Плательщик1"sv, "Плательщик"sv }) : field(fields, { "Получатель1"sv, "Получатель"sv });
        s.taxId = payer ? field(fields, { "ПлательщикИНН"sv, "ПлательщикБИН"sv, "ПлательщикИИН"sv, "ПлательщикБИНИИН"sv })
                        : field(fields, { "ПолучательИНН"sv, "ПолучательБИН"sv, "ПолучательИИН"sv, "ПолучательБИНИИН"sv });
        const std::string_view bank = payer ? field(fields, { "ПлательщикБанк1"sv, "ПлательщикБанк"sv })
                                            : field(fields, { "ПолучательБанк1"sv, "ПолучательБанк"sv });
        const std::string_view bic = payer ? field(fields, { "ПлательщикБИК"sv }) : field(fields, { "ПолучательБИК"sv });
        return std::pair { s, joinNonEmpty(bank, bic.empty() ? std::string() : "БИК " + std::string(bic), ", ") };
    };
    const auto [own, ownBank] = side(debit);
    const auto [other, otherBank] = side(!debit);
    m_entry.account = std::string(own.account);
    m_entry.accountHolder = std::string(own.name);
    m_entry.accountHolderTaxId = std::string(own.taxId);
    m_entry.accountInstitution = ownBank;
    m_entry.counterpartyAccount = std::string(other.account);
    m_entry.counterpartyName = std::string(other.name);
    m_entry.counterpartyTaxId = std::string(other.taxId);
    m_entry.counterpartyBank = otherBank;
    m_entry.currency = m_currency;
    m_entry.channel = std::string(docType);

    std::string purpose(field(fields, { "НазначениеПлатежа"sv }));
    if (purpose.empty()) {
        static constexpr std::string_view kLines[] = { "НазначениеПлатежа1", "НазначениеПлатежа2", "НазначениеПлатежа3",
                                                       "НазначениеПлатежа4", "НазначениеПлатежа5", "НазначениеПлатежа6" };
        for (const std::string_view key : kLines)
            purpose = joinNonEmpty(purpose, field(fields, { key }), " ");
    }
    // Kazakh payment codes say what the payment was for (КНП) and who the parties are (КОд, КБе);
    // analysts search on them, so they travel with the purpose text.
    std::string codes;
    struct Code {
        std::string_view label, key, longKey;
    };
    static constexpr Code kCodes[] = { { "КНП", "КНП", "КодНазначенияПлатежа" },
                                       { "КОд", "КОд", "КодОтправителя" },
                                       { "КБе", "КБе", "КодБенефициара" } };
    for (const auto &[label, key, longKey] : kCodes) {
        const std::string_view code = field(fields, { key, longKey });
        if (!code.empty())
            codes = joinNonEmpty(codes, std::string(label) + ' ' + std::string(code), "; ");
    }
    if (!codes.empty())
        purpose = joinNonEmpty(purpose, "(" + codes + ")", " ");
    m_entry.purpose = std::move(purpose);
    const std::string_view number = field(fields, { "Номер"sv });
    m_entry.externalId = number.empty() ? std::string() : std::string(number) + '/' + std::string(field(fields, { "Дата"sv }));

    if (StatementSummary *statement = statementFor(debit ? payerNorm : payeeNorm, isoDate(dateText)))
        statement->addRow(m_entry.direction, m_entry.amountMinor);
    return true;
}

bool OneCRowSource::next(Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    std::string_view line;
    while (nextLine(line)) {
        std::string_view key;
        std::string_view docType;
        splitKeyValue(trimmed(line), key, docType);
        if (key != "СекцияДокумент"sv)
            continue; // header and account sections were read by scanStructure()
        row.number = ++m_rowNumber;
        row.line = m_line;
        m_fields.clear();
        bool malformed = false;
        std::int64_t malformedLine = 0;
        while (nextLine(line)) {
            std::string_view k;
            std::string_view v;
            const bool hasValue = splitKeyValue(trimmed(line), k, v);
            if (k == "КонецДокумента"sv)
                break;
            if (!hasValue && !k.empty() && !malformed) {
                malformed = true;
                malformedLine = m_line;
            }
            if (hasValue)
                m_fields.emplace_back(k, v);
        }
        problem = RowProblem {};
        if (malformed) {
            row.ok = fail(problem, {}, {}, QStringLiteral("line %1 of the document is not Key=Value").arg(malformedLine));
        } else {
            row.ok = convert(m_fields, docType, problem);
            if (row.ok)
                m_entry.fill(parsed, row.number);
        }
        return true;
    }
    return false;
}

} // namespace fundtrace::import
