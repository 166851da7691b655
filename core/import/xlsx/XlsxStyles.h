#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::import {

class XlsxXmlPart;

// Which cell styles (the `s` attribute, an index into styles.xml's cellXfs) display a number as
// a date or a time: XLSX stores dates as plain serial numbers and only the format tells them apart.
class XlsxStyles {
public:
    enum class Kind : std::uint8_t { Number, Date, Time };

    void load(XlsxXmlPart &part); // throws ImportError on malformed XML
    Kind kind(int styleIndex) const
    {
        return styleIndex >= 0 && static_cast<std::size_t>(styleIndex) < m_kinds.size()
                ? m_kinds[static_cast<std::size_t>(styleIndex)]
                : Kind::Number;
    }

    // What a number format shows: built-in ids 14-22, 27-36, 45-47, 50-58 are dates or times;
    // a custom code is a date when its first section has d/m/y, a time when only h/m/s.
    static Kind kindOfFormat(int numFmtId, const QString &formatCode);

private:
    std::vector<Kind> m_kinds;
};

} // namespace fundtrace::import
