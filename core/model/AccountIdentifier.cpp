#include "model/AccountIdentifier.h"

namespace fundtrace::model {

std::string normalizeAccountIdentifier(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 'a' && byte <= 'z')
            out += static_cast<char>(byte - 'a' + 'A');
        else if ((byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || byte >= 0x80)
            out += c;
    }
    return out;
}

} // namespace fundtrace::model
