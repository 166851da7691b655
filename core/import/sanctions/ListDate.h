#pragma once

#include <QString>

namespace fundtrace::import {

// Turns the date forms lists publish ("2024-05-20T17:00:03.113-04:00", "05/20/2024",
// "20 May 2024", "20.05.2024") into ISO yyyy-MM-dd; anything else is returned as written, since
// a partial date ("1964", "Circa 1970") is still evidence for screening.
QString listDate(const QString &text);

} // namespace fundtrace::import
