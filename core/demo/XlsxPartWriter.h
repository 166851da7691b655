#pragma once

#include <QByteArray>
#include <QString>
#include <utility>
#include <vector>

namespace fundtrace::demo {

// Writes the parts of an OOXML package into a zip with QuaZip (libxlsxwriter's own minizip clashes
// with QuaZip's in core). Every entry carries the same fixed time stamp, so the same parts give
// the same bytes on every run and platform.
class XlsxPartWriter {
public:
    void add(const QString &name, const QByteArray &content) { m_parts.emplace_back(name, content); }
    // Throws std::runtime_error naming the file when it cannot be written.
    void save(const QString &path) const;

private:
    std::vector<std::pair<QString, QByteArray>> m_parts;
};

} // namespace fundtrace::demo
