#include "import/bank/Mt940RowSource.h"

#include "import/ImportPreview.h"
#include "import/bank/StatementAmount.h"
#include "import/bank/TextDecoder.h"
#include "model/Currency.h"

namespace fundtrace::import {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

// ":20:", ":28C:", ":60F:" at the start of a line; sets the tag without colons.
bool fieldTag(std::string_view line, std::string &tag, std::size_t &valueStart)
{
    if (line.size() < 4 || line[0] != ':' || !isDigit(line[1]) || !isDigit(line[2]))
        return false;
    std::size_t end = 3;
    if (isUpper(line[end]))
        ++end;
    if (end >= line.size() || line[end] != ':')
        return false;
    tag.assign(line.substr(1, end - 1));
    valueStart = end + 1;
    return true;
}

bool endsMessage(std::string_view line)
{
    return line == "-" || line.starts_with("-}");
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

Mt940RowSource::Mt940RowSource(const QString &path, const QTimeZone &zone)
    : m_path(path)
    , m_file(path)
    , m_dates(zone)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw ImportError(QStringLiteral("%1: cannot open the file (%2)").arg(path, m_file.errorString()));
    m_fileSize = m_file.size();
}

void Mt940RowSource::fail(std::int64_t line, const QString &reason) const
{
    throw ImportError(QStringLiteral("%1, line %2: %3").arg(m_path).arg(line).arg(reason));
}

bool Mt940RowSource::readLine(std::string &line)
{
    if (m_hasLookaheadLine) {
        line = std::move(m_lookaheadLine);
        m_hasLookaheadLine = false;
        return true;
    }
    m_raw = m_file.readLine(kMaxLineBytes + 2);
    if (m_raw.isEmpty()) {
        if (!m_file.atEnd())
            fail(m_line + 1, QStringLiteral("the file could not be read (%1)").arg(m_file.errorString()));
        return false;
    }
    ++m_line;
    if (!m_raw.endsWith('\n') && !m_file.atEnd())
        fail(m_line, QStringLiteral("the line is longer than %1 bytes; this is not an MT940 file or it is "
                                    "damaged").arg(kMaxLineBytes));
    qsizetype length = m_raw.size();
    while (length > 0 && (m_raw[length - 1] == '\n' || m_raw[length - 1] == '\r'))
        --length;
    const std::string_view bytes(m_raw.constData(), std::size_t(length));
    if (m_line == 1 && bytes.starts_with("\xEF\xBB\xBF")) {
        line.assign(bytes.substr(3));
        return true;
    }
    if (TextDecoder::isValidUtf8(bytes)) {
        line.assign(bytes);
        return true;
    }
    line.clear();
    std::size_t bad = 0;
    if (!TextDecoder::appendCp1251(bytes, line, bad))
        fail(m_line, QStringLiteral("byte 0x98 at column %1 is neither UTF-8 nor windows-1251 text").arg(bad + 1));
    m_encoding = TextEncoding::Windows1251;
    return true;
}

bool Mt940RowSource::readField(Field &field)
{
    std::string line;
    std::size_t valueStart = 0;
    for (;;) {
        if (!readLine(line))
            return false;
        if (line.starts_with('{')) {
            // Envelope blocks {1:...}{2:...}{3:...}{4: put the text block's first line after "{4:".
            const std::size_t text = line.find("{4:");
            if (text == std::string::npos) {
                if (line.find("-}") != std::string::npos) {
                    field = Field { "-", {}, m_line };
                    return true;
                }
                continue;
            }
            line.erase(0, text + 3);
        }
        if (line.empty() || line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (endsMessage(line)) {
            field = Field { "-", {}, m_line };
            return true;
        }
        if (fieldTag(line, field.tag, valueStart))
            break;
        fail(m_line, QStringLiteral("\"%1\" is outside any field (fields start with a tag such as :61:)")
                             .arg(q(std::string_view(line).substr(0, 60))));
    }
    field.line = m_line;
    field.value.assign(line, valueStart);
    std::string next;
    std::string tag;
    while (readLine(next)) {
        if (fieldTag(next, tag, valueStart) || endsMessage(next) || next.starts_with('{')) {
            m_lookaheadLine = std::move(next);
            m_hasLookaheadLine = true;
            break;
        }
        field.value += '\n';
        field.value += next;
        if (field.value.size() > kMaxFieldBytes)
            fail(field.line, QStringLiteral("field :%1: is longer than %2 bytes").arg(q(field.tag)).arg(kMaxFieldBytes));
    }
    return true;
}

bool Mt940RowSource::isoFromYymmdd(std::string_view digits, std::string &iso) const
{
    if (digits.size() != 6)
        return false;
    for (const char c : digits)
        if (!isDigit(c))
            return false;
    const int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
    const int year = yy < 70 ? 2000 + yy : 1900 + yy;
    const QDate date(year, (digits[2] - '0') * 10 + (digits[3] - '0'), (digits[4] - '0') * 10 + (digits[5] - '0'));
    if (!date.isValid())
        return false;
    iso = date.toString(Qt::ISODate).toStdString();
    return true;
}

// :60F:/:62F: and friends: C or D, YYMMDD, currency, amount ("C240301KZT1500000,00").
Mt940RowSource::Balance Mt940RowSource::parseBalance(const Field &field)
{
    Balance balance;
    const std::string_view value(field.value);
    const auto bad = [&](const QString &why) {
        fail(field.line, QStringLiteral("balance :%1: \"%2\": %3").arg(q(field.tag), q(value.substr(0, 60)), why));
    };
    if (value.size() < 11 || (value[0] != 'C' && value[0] != 'D'))
        bad(QStringLiteral("expected C or D, a date YYMMDD, a currency and an amount"));
    balance.mark = value[0];
    if (!isoFromYymmdd(value.substr(1, 6), balance.isoDate))
        bad(QStringLiteral("not a date"));
    balance.currency.assign(value.substr(7, 3));
    if (!isUpper(balance.currency[0]) || !isUpper(balance.currency[1]) || !isUpper(balance.currency[2]))
        bad(QStringLiteral("not a currency code"));
    if (!parseStatementAmount(value.substr(10), model::minorDigits(balance.currency), balance.minor, m_error)
        || balance.minor < 0)
        bad(QString::fromStdString(m_error.empty() ? std::string("negative amount") : m_error));
    if (balance.mark == 'D')
        balance.minor = -balance.minor;
    return balance;
}

// :61: value date YYMMDD, [entry date MMDD], C/D/RC/RD, [funds code], amount, type (N/F/S + 3),
// reference for the account owner [//bank reference], and on the next line supplementary
// details.
bool Mt940RowSource::parseStatementLine(const Field &field, RowProblem &problem)
{
    m_entry.clear();
    m_entry.line = field.line;
    m_entry.account = m_account;
    m_entry.accountInstitution = m_institution;
    m_entry.currency = m_currency;
    const std::size_t newline = field.value.find('\n');
    const std::string_view first = std::string_view(field.value).substr(0, newline);
    const std::string_view supplementary = newline == std::string::npos ? std::string_view()
                                                                        : std::string_view(field.value).substr(newline + 1);
    const auto reject = [&](const QString &column, const QString &why) {
        problem.column = column;
        problem.value = q(first.substr(0, 200));
        problem.reason = why;
        return false;
    };
    std::string valueDate;
    if (!isoFromYymmdd(first.substr(0, 6), valueDate))
        return reject(QStringLiteral(":61: value date"), QStringLiteral("not a date YYMMDD: '%1'").arg(q(first.substr(0, 6))));
    std::size_t pos = 6;
    std::string bookingDate = valueDate;
    if (first.size() >= pos + 4 && isDigit(first[pos]) && isDigit(first[pos + 1]) && isDigit(first[pos + 2])
        && isDigit(first[pos + 3])) {
        // The entry date has no year: the value date's, moved by one when they straddle New Year.
        const int month = (first[pos] - '0') * 10 + (first[pos + 1] - '0');
        const int day = (first[pos + 2] - '0') * 10 + (first[pos + 3] - '0');
        const QDate value = QDate::fromString(QString::fromStdString(valueDate), Qt::ISODate);
        int year = value.year();
        if (month - value.month() > 6)
            --year;
        else if (value.month() - month > 6)
            ++year;
        const QDate entry(year, month, day);
        if (!entry.isValid())
            return reject(QStringLiteral(":61: entry date"), QStringLiteral("not a date MMDD: '%1'").arg(q(first.substr(pos, 4))));
        bookingDate = entry.toString(Qt::ISODate).toStdString();
        pos += 4;
    }
    m_entry.bookedText.assign(first.substr(0, pos));
    if (first.substr(pos, 2) == "RC") {
        m_entry.direction = 'D'; // reversal of a credit takes money out again
        pos += 2;
    } else if (first.substr(pos, 2) == "RD") {
        m_entry.direction = 'C';
        pos += 2;
    } else if (pos < first.size() && (first[pos] == 'C' || first[pos] == 'D')) {
        m_entry.direction = first[pos];
        pos += 1;
    } else {
        return reject(QStringLiteral(":61: mark"), QStringLiteral("expected C, D, RC or RD after the date"));
    }
    if (pos < first.size() && isUpper(first[pos]))
        ++pos; // funds code: the third letter of the currency
    const std::size_t amountStart = pos;
    while (pos < first.size() && (isDigit(first[pos]) || first[pos] == ','))
        ++pos;
    const std::string_view amount = first.substr(amountStart, pos - amountStart);
    if (!parseStatementAmount(amount, model::minorDigits(m_currency), m_entry.amountMinor, m_error))
        return reject(QStringLiteral(":61: amount"), QString::fromStdString(m_error));
    if (first.size() < pos + 4 || (first[pos] != 'N' && first[pos] != 'F' && first[pos] != 'S'))
        return reject(QStringLiteral(":61: type"), QStringLiteral("expected a transaction type such as NTRF after the amount"));
    const std::string_view type = first.substr(pos, 4);
    pos += 4;
    const std::string_view references = first.substr(pos);
    const std::size_t slashes = references.find("//");
    const std::string_view ownerRef = references.substr(0, slashes);
    const std::string_view bankRef = slashes == std::string_view::npos ? std::string_view() : references.substr(slashes + 2);
    m_entry.externalId = bankRef.empty() ? std::string(ownerRef) : std::string(bankRef);
    if (m_entry.externalId == "NONREF")
        m_entry.externalId.clear();
    m_entry.channel.assign(type);
    m_entry.purpose.assign(supplementary);
    for (char &c : m_entry.purpose)
        if (c == '\n')
            c = ' ';
    if (!m_dates.parse(bookingDate, m_entry.bookedAt, m_error))
        return reject(QStringLiteral(":61: date"), QString::fromStdString(m_error));
    return true;
}

// :86: is free text, or in the layout German and many CIS banks use, "GVC?00text?20purpose...
// ?29?30bank?31account?32name?33name": the numbered subfields are split at fixed widths, so
// they join without spaces.
void Mt940RowSource::applyDetails(const std::string &details)
{
    std::string flat;
    flat.reserve(details.size());
    const bool structured = details.size() >= 4 && isDigit(details[0]) && isDigit(details[1]) && isDigit(details[2])
            && details[3] == '?';
    for (const char c : details)
        if (c != '\n' && c != '\r')
            flat += c;
        else if (!structured)
            flat += ' ';
    if (!structured) {
        m_entry.purpose = flat;
        return;
    }
    std::string purpose;
    std::string name;
    std::string bookingText;
    std::size_t pos = 3;
    while (pos + 2 < flat.size() && flat[pos] == '?') {
        const std::size_t end = flat.find('?', pos + 3);
        const int code = isDigit(flat[pos + 1]) && isDigit(flat[pos + 2]) ? (flat[pos + 1] - '0') * 10 + (flat[pos + 2] - '0') : -1;
        const std::string_view text = std::string_view(flat).substr(pos + 3, end == std::string::npos ? std::string::npos : end - pos - 3);
        if (code == 0)
            bookingText.assign(text);
        else if ((code >= 20 && code <= 29) || (code >= 60 && code <= 63))
            purpose += text;
        else if (code == 30)
            m_entry.counterpartyBank.assign(text);
        else if (code == 31)
            m_entry.counterpartyAccount.assign(text);
        else if (code == 32 || code == 33)
            name += text;
        if (end == std::string::npos)
            break;
        pos = end;
    }
    m_entry.purpose = purpose.empty() ? bookingText : purpose;
    m_entry.counterpartyName = name;
}

void Mt940RowSource::finishStatement(std::int64_t line)
{
    if (!m_hasClosing)
        fail(line, QStringLiteral("the statement that starts on line %1 has no closing balance (:62F:): the file is "
                                  "truncated or damaged").arg(m_statementLine));
    m_inStatement = false;
}

bool Mt940RowSource::releaseEntry(Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    m_hasEntry = false;
    row.number = ++m_rowNumber;
    row.line = m_entry.line;
    row.ok = m_entryOk;
    if (m_entryOk) {
        m_statements.back().addRow(m_entry.direction, m_entry.amountMinor);
        m_entry.fill(parsed, row.number);
    } else {
        problem = m_entryProblem;
    }
    return true;
}

bool Mt940RowSource::next(Row &row, ParsedTransaction &parsed, RowProblem &problem)
{
    Field field;
    for (;;) {
        bool have = true;
        if (m_hasPeek) {
            field = std::move(m_peek);
            m_hasPeek = false;
        } else {
            have = readField(field);
        }
        if (m_hasEntry) {
            if (have && field.tag == "86") {
                if (m_entryOk)
                    applyDetails(field.value);
                return releaseEntry(row, parsed, problem);
            }
            if (have) {
                m_peek = std::move(field);
                m_hasPeek = true;
            }
            return releaseEntry(row, parsed, problem);
        }
        if (!have) {
            if (m_inStatement)
                finishStatement(m_line);
            if (m_statements.empty())
                throw ImportError(QStringLiteral("%1: no MT940 statement found (no :20: field); this is not an MT940 "
                                                 "file").arg(m_path));
            return false;
        }
        const std::string &tag = field.tag;
        if (tag == "-") {
            if (m_inStatement)
                finishStatement(field.line);
            continue;
        }
        if (tag == "20") {
            if (m_inStatement)
                finishStatement(field.line);
            m_inStatement = true;
            m_hasOpening = m_hasClosing = false;
            m_statementLine = field.line;
            m_account.clear();
            m_institution.clear();
            m_currency.clear();
            StatementSummary summary;
            summary.reference = field.value.substr(0, 35);
            summary.line = field.line;
            m_statements.push_back(std::move(summary));
            continue;
        }
        if (!m_inStatement)
            fail(field.line, QStringLiteral("field :%1: before the statement's :20: reference").arg(q(tag)));
        StatementSummary &statement = m_statements.back();
        if (tag == "25") {
            const std::size_t slash = field.value.rfind('/');
            m_account = slash == std::string::npos ? field.value : field.value.substr(slash + 1);
            m_institution = slash == std::string::npos ? std::string() : field.value.substr(0, slash);
            statement.account = m_account;
        } else if (tag == "28C" || tag == "28") {
            statement.reference = field.value.substr(0, 35);
        } else if (tag == "60F" || tag == "60M") {
            const Balance balance = parseBalance(field);
            if (!m_hasOpening) {
                statement.openingMinor = balance.minor;
                statement.periodStart = balance.isoDate;
                statement.currency = m_currency = balance.currency;
                m_hasOpening = true;
            }
        } else if (tag == "62F" || tag == "62M") {
            const Balance balance = parseBalance(field);
            if (!m_currency.empty() && balance.currency != m_currency)
                fail(field.line, QStringLiteral("the closing balance is in %1 but the opening balance in %2")
                                         .arg(q(balance.currency), q(m_currency)));
            statement.closingMinor = balance.minor;
            statement.periodEnd = balance.isoDate;
            m_hasClosing = true;
        } else if (tag == "61") {
            if (m_account.empty())
                fail(field.line, QStringLiteral("statement line before the account (:25:)"));
            if (!m_hasOpening)
                fail(field.line, QStringLiteral("statement line before the opening balance (:60F:), so its currency "
                                                "is unknown"));
            if (m_hasClosing)
                fail(field.line, QStringLiteral("statement line after the closing balance (:62F:)"));
            m_entryProblem = RowProblem {};
            m_entryOk = parseStatementLine(field, m_entryProblem);
            m_entry.line = field.line;
            m_hasEntry = true;
        }
        // :21:, :34F:, :64:, :65:, :86: of the whole statement and other fields carry nothing
        // the case stores.
    }
}

} // namespace fundtrace::import
