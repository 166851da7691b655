#pragma once

#include <QString>
#include <cstdint>

namespace fundtrace::detect {

// Wording shared by the rules' explanations, so every alert reads the same way.
QString money(std::int64_t minor, const QString &currency); // "4 500,00 KZT"
QString day(std::int64_t utcSeconds);                       // "2024-03-05"
QString duration(std::int64_t seconds);                     // "36 h", "5 days"
QString percent(double fraction);                           // "81%"

} // namespace fundtrace::detect
