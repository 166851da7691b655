#include "util/QuotedSnippet.h"

namespace fundtrace::util {

std::string quotedSnippet(std::string_view text)
{
    constexpr std::size_t kMax = 60;
    std::size_t cut = text.size();
    if (cut > kMax) {
        cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut; // do not split a UTF-8 character
    }
    std::string result;
    result.reserve(cut + 6);
    result += '\'';
    result.append(text.data(), cut);
    if (cut < text.size())
        result += "…";
    result += '\'';
    return result;
}

} // namespace fundtrace::util
