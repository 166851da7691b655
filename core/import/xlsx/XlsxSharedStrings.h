#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fundtrace::import {

class XlsxXmlPart;

// The workbook's shared string table (cells with t="s" hold an index into it), kept as one UTF-8
// buffer plus offsets. It is the one part loaded whole; its size is bounded by the zip limits.
class XlsxSharedStrings {
public:
    static constexpr std::size_t kMaxStringBytes = 1 << 20;

    void load(XlsxXmlPart &part); // throws ImportError on malformed XML
    std::size_t size() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }
    // Empty view for an index out of range; `valid` says which.
    std::string_view at(std::int64_t index, bool &valid) const;

private:
    std::string m_text;
    std::vector<std::uint64_t> m_offsets { 0 };
};

} // namespace fundtrace::import
