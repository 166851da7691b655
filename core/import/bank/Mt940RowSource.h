#pragma once

#include "import/DateTimeParser.h"
#include "import/RowSource.h"
#include "import/TextEncoding.h"
#include "import/bank/BankEntry.h"
#include "import/bank/StatementSummary.h"

#include <QFile>
#include <string>
#include <vector>

namespace fundtrace::import {

// Rows of a SWIFT MT940 file, streamed line by line: one row per :61: statement line, with the
// :86: that follows it as purpose (and counterparty, when it uses the ?20..?33 structured
// layout). Several messages per file, with or without the {1:}{2:}{4: ... -} envelope. Text
// outside ASCII is taken as UTF-8 where it is valid and Windows-1251 otherwise, line by line,
// as Kazakh banks write Cyrillic names into :86:. Missing mandatory fields (:25:, :60a:, :62a:)
// and a file that ends inside a message are file-level errors.
class Mt940RowSource : public RowSource {
public:
    static constexpr int kMaxLineBytes = 65536;
    static constexpr std::size_t kMaxFieldBytes = 65536;

    Mt940RowSource(const QString &path, const QTimeZone &zone);

    bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) override;
    std::int64_t bytesConsumed() const override { return m_file.pos(); }
    std::int64_t bytesTotal() const override { return m_fileSize; }

    // Windows-1251 once any line needed it, else UTF-8.
    TextEncoding encoding() const { return m_encoding; }
    const std::vector<StatementSummary> &statements() const { return m_statements; }

private:
    struct Field {
        std::string tag;
        std::string value;          // continuation lines joined with '\n'
        std::int64_t line = 0;
    };
    struct Balance {
        char mark = 'C';
        std::string isoDate;
        std::string currency;
        std::int64_t minor = 0;
    };

    bool readLine(std::string &line);
    bool readField(Field &field);
    [[noreturn]] void fail(std::int64_t line, const QString &reason) const;
    Balance parseBalance(const Field &field);
    bool parseStatementLine(const Field &field, RowProblem &problem);
    void applyDetails(const std::string &details);
    bool isoFromYymmdd(std::string_view digits, std::string &iso) const;
    void finishStatement(std::int64_t line);
    bool releaseEntry(Row &row, ParsedTransaction &parsed, RowProblem &problem);

    QString m_path;
    QFile m_file;
    std::int64_t m_fileSize = 0;
    std::int64_t m_line = 0;
    TextEncoding m_encoding = TextEncoding::Utf8;
    DateTimeParser m_dates;
    QByteArray m_raw;
    std::string m_lookaheadLine;
    bool m_hasLookaheadLine = false;
    Field m_peek;
    bool m_hasPeek = false;

    bool m_inStatement = false;
    bool m_hasOpening = false;
    bool m_hasClosing = false;
    std::int64_t m_statementLine = 0;
    std::string m_account;
    std::string m_institution;
    std::string m_currency;
    std::vector<StatementSummary> m_statements;

    bool m_hasEntry = false;        // a :61: waiting for its :86:
    bool m_entryOk = false;
    RowProblem m_entryProblem;
    std::int64_t m_rowNumber = 0;
    BankEntry m_entry;
    std::string m_error;
};

} // namespace fundtrace::import
