#pragma once

#include <string>
#include <string_view>

namespace fundtrace::util {

// A value quoted for an error message: 'text', cut at 60 bytes on a UTF-8 character boundary
// with an ellipsis, so a huge cell cannot flood a rejects report.
std::string quotedSnippet(std::string_view text);

} // namespace fundtrace::util
