#pragma once

#include <QtGlobal>
#include <string>

namespace fundtrace::demo {

// Fast text for the generated CSV files (millions of rows): no QString, no locale.
// A field as it must be written: quoted when it holds a comma, a quote or a line break.
std::string csvField(const std::string &text);
// Decimal digits of a non-negative number, left-padded with zeros to `width`.
void appendNumber(std::string &out, qint64 value, int width = 0);
// Minor units as a plain decimal amount with two decimals ("-1234.50").
void appendAmount(std::string &out, qint64 minor);

} // namespace fundtrace::demo
