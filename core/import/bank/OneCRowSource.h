#pragma once

#include "import/DateTimeParser.h"
#include "import/RowSource.h"
#include "import/TextEncoding.h"
#include "import/bank/BankEntry.h"
#include "import/bank/StatementSummary.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fundtrace::import {

// Rows of a 1C:Enterprise ClientBankExchange file (format 1.02/1.03, the Russian and the Kazakh
// key sets): one row per СекцияДокумент, seen from the statement account (РасчСчет), so a
// document whose payer is that account is a debit. The file is read whole (bounded at
// 512 MiB) and its structure checked before the first row: a file that does not end with
// КонецФайла is refused as truncated.
class OneCRowSource : public RowSource {
public:
    static constexpr qint64 kMaxFileBytes = qint64(512) << 20;
    static constexpr std::size_t kMaxValueBytes = 65536;

    // Throws ImportError for an unreadable, oversized, non-1C or truncated file. `encoding`
    // overrides detection.
    OneCRowSource(const QString &path, const QTimeZone &zone, std::string currency,
                  std::optional<TextEncoding> encoding = std::nullopt);

    bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) override;
    std::int64_t bytesConsumed() const override { return std::int64_t(m_pos); }
    std::int64_t bytesTotal() const override { return std::int64_t(m_text.size()); }

    TextEncoding encoding() const { return m_encoding; }
    const std::vector<StatementSummary> &statements() const { return m_statements; }

private:
    using Fields = std::vector<std::pair<std::string_view, std::string_view>>;

    bool nextLine(std::string_view &line);
    void scanStructure();
    std::string_view field(const Fields &fields, std::initializer_list<std::string_view> keys) const;
    bool convert(const Fields &fields, std::string_view docType, RowProblem &problem);
    bool fail(RowProblem &problem, std::string_view column, std::string_view value, const QString &reason) const;
    std::string isoDate(std::string_view ddmmyyyy) const;
    StatementSummary *statementFor(const std::string &normalizedAccount, const std::string &isoDay);

    QString m_path;
    std::string m_text;
    TextEncoding m_encoding = TextEncoding::Utf8;
    std::size_t m_pos = 0;
    std::int64_t m_line = 0;
    std::int64_t m_rowNumber = 0;
    std::string m_currency;
    DateTimeParser m_dates;
    std::unordered_set<std::string> m_ourAccounts;  // normalised РасчСчет values
    std::vector<StatementSummary> m_statements;
    std::vector<std::string> m_statementAccounts;   // normalised, parallel to m_statements
    Fields m_fields;
    BankEntry m_entry;
    std::string m_error;
};

} // namespace fundtrace::import
