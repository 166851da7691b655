#pragma once

#include <QString>
#include <string>
#include <vector>

namespace fundtrace::import {

class XlsxArchive;

// The merged cell ranges of a sheet and the filling they imply: Excel shows the top-left cell's
// value across the range, and statements merge header cells and label columns (a date or a
// counterparty over several rows). <mergeCells> comes after <sheetData>, so the ranges are found
// by a fast byte scan of the inflated sheet before the rows are streamed.
class XlsxMergedRanges {
public:
    struct Range {
        int top = 0;     // 1-based rows
        int bottom = 0;
        int left = 0;    // 0-based columns
        int right = 0;
    };
    static constexpr std::size_t kMaxRanges = 1 << 20;
    static constexpr std::size_t kMaxValueBytes = 4096; // labels are short; longer values are not spread
    static constexpr int kMaxFillColumns = 1024;

    void scan(XlsxArchive &archive, const QString &entry); // throws ImportError
    void add(Range range);                                 // for scan() and tests; call before apply()
    bool empty() const { return m_ranges.empty(); }

    // Rows must come in ascending order. Records the top-left values of ranges starting on this
    // row, then writes each active range's value into its empty cells, except columns marked in
    // `noFill` (money columns: a merged amount is one amount, not one per row). Marks the cells it
    // wrote in `filled`.
    void apply(int row, std::vector<std::string> &cells, int &width, std::vector<bool> &filled,
               const std::vector<bool> &noFill);

private:
    struct Active {
        Range range;
        std::string value;
    };
    std::vector<Range> m_ranges; // sorted by top row once apply() starts
    std::vector<Active> m_active;
    std::size_t m_next = 0;
    bool m_sorted = false;
};

} // namespace fundtrace::import
