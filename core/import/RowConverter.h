#pragma once

#include "import/AmountParser.h"
#include "import/CsvReader.h"
#include "import/DateTimeParser.h"
#include "import/ImportMapping.h"
#include "import/ParsedTransaction.h"

#include <QStringList>
#include <array>
#include <string>

namespace fundtrace::import {

// Why a row was refused: the column it concerns (header name or "#n") and a reason.
struct RowProblem {
    QString column;
    QString value;
    QString reason;
};

// Applies a mapping to delimited records: resolves header names to column indexes once, then
// turns each record into a ParsedTransaction or a RowProblem. Shared by the importer and the
// wizard's preview so both judge rows identically.
class RowConverter {
public:
    // Throws ImportError when the mapping names a missing column or lacks a date or an amount.
    RowConverter(const ImportMapping &mapping, const QStringList &headers, const QTimeZone &zone,
                 const QString &defaultCurrency);

    bool convert(const CsvRecord &record, ParsedTransaction &out, RowProblem &problem);

    // The highest column index the mapping reads, +1.
    int requiredWidth() const { return m_requiredWidth; }

private:
    struct ResolvedField {
        std::vector<int> columns;       // empty for constants and unmapped fields
        std::string constant;
        std::string separator;
        bool mapped = false;
    };

    std::string_view value(Field field, const CsvRecord &record);
    QString columnLabel(Field field) const;
    bool fail(Field field, std::string_view value, const QString &reason, RowProblem &problem) const;
    bool parseDirection(std::string_view text, char &direction) const;

    std::array<ResolvedField, 32> m_fields;
    std::array<std::string, 32> m_scratch;  // joined values of composed fields
    QStringList m_headers;
    AmountParser m_amounts;
    DateTimeParser m_dates;
    std::string m_defaultCurrency;
    std::string m_amountCurrency;           // currency found inside the amount text
    std::string m_currencyCode;
    std::string m_currency2Code;
    std::string m_error;
    QStringList m_debitWords;
    QStringList m_creditWords;
    int m_requiredWidth = 0;
};

} // namespace fundtrace::import
