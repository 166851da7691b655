#pragma once

#include "import/CsvInput.h"
#include "import/ParsedTransaction.h"
#include "import/RowConverter.h"

#include <cstdint>

namespace fundtrace::import {

// Where an import's rows come from: one implementation per file format. next() is called from
// the import's parsing thread only.
class RowSource {
public:
    struct Row {
        std::int64_t number = 0;   // 1-based record number in the file
        std::int64_t line = 0;     // physical line (or sheet row) where it starts
        bool ok = false;           // true: `parsed` holds the values; false: `problem` says why not
    };

    virtual ~RowSource() = default;
    // Returns false at the end of input; throws ImportError on a file-level error.
    virtual bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) = 0;
    virtual std::int64_t bytesConsumed() const = 0;
    virtual std::int64_t bytesTotal() const = 0;
};

// A delimited-text file read through a mapping.
class CsvRowSource : public RowSource {
public:
    CsvRowSource(CsvInput &input, RowConverter &converter)
        : m_input(input)
        , m_converter(converter)
    {
    }
    bool next(Row &row, ParsedTransaction &parsed, RowProblem &problem) override
    {
        if (!m_input.next(m_record))
            return false;
        row.number = m_record.number;
        row.line = m_record.line;
        row.ok = m_converter.convert(m_record, parsed, problem);
        return true;
    }
    std::int64_t bytesConsumed() const override { return m_input.bytesConsumed(); }
    std::int64_t bytesTotal() const override { return m_input.bytesTotal(); }

private:
    CsvInput &m_input;
    RowConverter &m_converter;
    CsvRecord m_record;
};

} // namespace fundtrace::import
