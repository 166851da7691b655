#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fundtrace::import {

// Parses the plain decimal amounts of bank statement formats into minor units: "1500.00"
// (1C, camt), "1500,00" and "1500," (MT940), with an optional leading minus for balances. No
// thousands separators: these formats never write them, so one '.' or ',' is the decimal mark.
// Returns false with a plain-English error for anything else, more decimals than the
// currency has, or a value past 10^15 major units.
bool parseStatementAmount(std::string_view text, int minorDigits, std::int64_t &minor, std::string &error);

} // namespace fundtrace::import
