#pragma once

#include <QString>

namespace fundtrace::query {

// Turns words a user typed into an FTS5 MATCH expression that cannot be a syntax error or an
// injection: every word becomes a quoted prefix phrase ("word"*), words are ANDed. Words with
// no letter or digit are dropped, since the tokenizer would drop them too. Returns an empty
// string when nothing searchable is left.
QString toFtsQuery(const QString &userText);

} // namespace fundtrace::query
