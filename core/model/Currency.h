#pragma once

#include <QString>
#include <cstdint>
#include <string_view>

namespace fundtrace::model {

// ISO 4217 helpers. Money is always integer minor units plus a code; doubles only for charts.
int minorDigits(std::string_view isoCode);          // KZT 2, JPY 0, KWD 3, unknown 2
bool isKnownCurrency(std::string_view isoCode);      // the common ISO 4217 codes
// "1 234 567,89 KZT" style (space thousands, comma decimal) or "1,234,567.89 KZT" (C locale).
enum class AmountStyle { Cis, International };
QString formatAmount(std::int64_t minor, std::string_view isoCode,
                     AmountStyle style = AmountStyle::Cis, bool withCode = true);
// Minor units to a double in major units, for charts only.
double toMajor(std::int64_t minor, std::string_view isoCode);
// A magnitude in major units in a few characters, for axis ticks and crowded labels:
// "950", "12 k", "26.2 M", "1.4 bn" (no sign, no code).
QString shortAmount(double major);

} // namespace fundtrace::model
