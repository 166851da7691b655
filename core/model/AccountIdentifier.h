#pragma once

#include <string>
#include <string_view>

namespace fundtrace::model {

// The form accounts are matched on across sources: upper-case ASCII letters and digits only
// ("kz12 3456-7890" -> "KZ1234567890"). Non-ASCII letters are kept as they are. Identifier
// validation (IBAN mod-97, card Luhn) belongs to the entities layer.
std::string normalizeAccountIdentifier(std::string_view text);

} // namespace fundtrace::model
