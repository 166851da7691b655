#pragma once

#include <QString>

namespace fundtrace::query {

// Turns text a user typed into an FTS5 MATCH expression that cannot be a syntax error or an
// injection: it is split into tokens where the tokenizer splits (at anything but letters, digits
// and marks), each becomes a quoted prefix term ("word"*), and terms are ANDed. Returns an empty
// string when nothing searchable is left.
QString toFtsQuery(const QString &userText);

} // namespace fundtrace::query
