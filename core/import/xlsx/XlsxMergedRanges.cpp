#include "import/xlsx/XlsxMergedRanges.h"

#include "import/xlsx/XlsxArchive.h"
#include "import/xlsx/XlsxCellRef.h"
#include "import/xlsx/XlsxEntryReader.h"

#include <QByteArrayMatcher>
#include <QXmlStreamReader>
#include <algorithm>

namespace fundtrace::import {
namespace {

constexpr std::size_t kMaxActive = 4096;

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
            || c == '-' || c == '.';
}

// Position just past a closing "</sheetData>" (any namespace prefix) in `data`, or -1.
qsizetype endOfSheetData(const QByteArray &data, qsizetype from)
{
    static const QByteArrayMatcher matcher(QByteArrayLiteral("sheetData>"));
    for (qsizetype at = matcher.indexIn(data, from); at >= 0; at = matcher.indexIn(data, at + 1)) {
        qsizetype i = at;
        if (i > 0 && data[i - 1] == ':') {
            --i;
            while (i > 0 && isNameChar(data[i - 1]))
                --i;
        }
        if (i >= 2 && data[i - 1] == '/' && data[i - 2] == '<')
            return at + 10;
    }
    return -1;
}

} // namespace

void XlsxMergedRanges::add(Range range)
{
    if (m_ranges.size() < kMaxRanges && range.top >= 1 && range.top <= range.bottom && range.left >= 0
        && range.left <= range.right && (range.top != range.bottom || range.left != range.right))
        m_ranges.push_back(range);
}

void XlsxMergedRanges::scan(XlsxArchive &archive, const QString &entry)
{
    std::unique_ptr<XlsxEntryReader> reader = archive.open(entry);
    QByteArray window;
    QByteArray chunk;
    qsizetype tail = -1;
    while (tail < 0 && reader->read(chunk)) {
        // Keep a few bytes of the previous chunk so a tag split between chunks is still found.
        window = window.right(64) + chunk;
        tail = endOfSheetData(window, 0);
    }
    if (tail < 0)
        return;

    // What follows </sheetData> is small: mergeCells, conditional formats, page setup. It is
    // parsed without namespace processing because the prefixes were declared on the root element.
    QXmlStreamReader xml;
    xml.setNamespaceProcessing(false);
    xml.addData(QByteArrayLiteral("<tail>"));
    xml.addData(window.mid(tail));
    for (;;) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::Invalid) {
            if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && reader->read(chunk)) {
                xml.addData(chunk);
                continue;
            }
            // The root's end tag, unmatched here, ends the scan; so does anything malformed,
            // which the row reader will report on its own pass.
            break;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.qualifiedName();
        if (!(name == QLatin1String("mergeCell") || name.endsWith(QLatin1String(":mergeCell"))))
            continue;
        const QStringView ref = xml.attributes().value(QLatin1String("ref"));
        const qsizetype colon = ref.indexOf(QLatin1Char(':'));
        XlsxCellRef from;
        XlsxCellRef to;
        if (colon > 0 && XlsxCellRef::parse(ref.left(colon), from) && XlsxCellRef::parse(ref.mid(colon + 1), to)
            && from.row > 0 && to.row > 0)
            add({ std::min(from.row, to.row), std::max(from.row, to.row), std::min(from.column, to.column),
                  std::max(from.column, to.column) });
    }
}

void XlsxMergedRanges::apply(int row, std::vector<std::string> &cells, int &width, std::vector<bool> &filled,
                             const std::vector<bool> &noFill)
{
    if (!m_sorted) {
        std::stable_sort(m_ranges.begin(), m_ranges.end(),
                         [](const Range &a, const Range &b) { return a.top < b.top; });
        m_sorted = true;
    }
    std::erase_if(m_active, [row](const Active &active) { return active.range.bottom < row; });
    while (m_next < m_ranges.size() && m_ranges[m_next].top <= row) {
        const Range &range = m_ranges[m_next++];
        // Overlapping ranges are invalid in Excel; a hostile file cannot make every row pay for them.
        if (range.bottom >= row && m_active.size() < kMaxActive)
            m_active.push_back({ range, {} });
    }
    for (Active &active : m_active) {
        const Range &range = active.range;
        const auto left = static_cast<std::size_t>(range.left);
        if (range.top == row && range.left < width && cells[left].size() <= kMaxValueBytes)
            active.value = cells[left];
        if (active.value.empty())
            continue;
        const int right = std::min(range.right, kMaxFillColumns - 1);
        for (int column = range.left; column <= right; ++column) {
            const auto c = static_cast<std::size_t>(column);
            if (column == range.left && row == range.top)
                continue;
            if (c < noFill.size() && noFill[c])
                continue;
            if (cells.size() <= c) {
                cells.resize(c + 1);
                filled.resize(c + 1);
            }
            if (column >= width) {
                for (int i = width; i < column; ++i) {
                    cells[static_cast<std::size_t>(i)].clear();
                    filled[static_cast<std::size_t>(i)] = false;
                }
                cells[c].clear();
                width = column + 1;
            }
            if (!cells[c].empty())
                continue;
            cells[c] = active.value;
            filled[c] = true;
        }
    }
}

} // namespace fundtrace::import
