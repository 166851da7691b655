#pragma once

#include "import/DateTimeParser.h"
#include "import/RowSource.h"
#include "import/bank/BankEntry.h"
#include "import/bank/StatementSummary.h"

#include <QFile>
#include <QXmlStreamReader>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fundtrace::import {

// Rows of an ISO 20022 camt.053 statement, camt.052 report or camt.054 notification (any
// version: .02 to .08 name parties differently, both are read), streamed with QXmlStreamReader
// so a million-entry file never sits in memory. One row per Ntry, or one per TxDtls of a batch
// entry when each carries its own amount. A DOCTYPE is refused outright (no entity expansion),
// texts are bounded, and XML errors name the line and column.
class CamtRowSource : public RowSource {
public:
    static constexpr qsizetype kMaxTextChars = 65536;
    static constexpr std::size_t kMaxDetailsPerEntry = 100000;

    CamtRowSource(const QString &path, const QTimeZone &zone);

    bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) override;
    std::int64_t bytesConsumed() const override { return m_file.pos(); }
    std::int64_t bytesTotal() const override { return m_fileSize; }

    // As the XML declaration names it ("UTF-8" when it names none).
    QString encoding() const;
    const std::vector<StatementSummary> &statements() const { return m_statements; }

private:
    struct Party {
        std::string name, account, taxId, bank;
    };
    struct Details {
        std::optional<std::int64_t> amountMinor;
        std::string currency;
        char direction = 0;
        std::string endToEndId, reference;
        Party debtor, creditor;
        std::string remittance, additional;
    };
    struct Entry {
        std::string amountText, currency, indicator, status, bookingDate, valueDate, reference, additional, channel;
        std::int64_t line = 0;
        std::vector<Details> details;
    };
    struct Pending {
        BankEntry entry;
        bool ok = true;
        RowProblem problem;
    };

    // Walks the subtree of the current start element; `onStart` gets each descendant's path
    // relative to it ("RltdPties/Dbtr/Nm"; the .08 "Pty" level left out) and returns true when
    // it read the element's text.
    void walk(const std::function<bool(const QString &path)> &onStart);
    QString text();
    [[noreturn]] void fail(const QString &reason) const;
    void xmlError() const;
    void startStatement();
    void readBalance();
    void readEntry();
    void emitEntry(Entry &entry);
    bool amount(const std::string &text, const std::string &currency, std::int64_t &minor, std::string &error) const;
    std::string utf8(const QString &text) const { return text.toStdString(); }

    QString m_path;
    QFile m_file;
    std::int64_t m_fileSize = 0;
    QXmlStreamReader m_xml;
    DateTimeParser m_dates;
    std::vector<QString> m_stack;   // element names from the root
    bool m_sawRoot = false;
    bool m_inStatement = false;
    std::size_t m_statementDepth = 0;
    std::vector<StatementSummary> m_statements;
    std::string m_accountHolder;
    std::string m_institution;
    std::string m_openingDate;
    std::string m_closingDate;
    std::vector<Pending> m_pending;
    std::size_t m_nextPending = 0;
    std::int64_t m_rowNumber = 0;
    Entry m_current;
    std::string m_error;
};

} // namespace fundtrace::import
