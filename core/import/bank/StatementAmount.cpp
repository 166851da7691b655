#include "import/bank/StatementAmount.h"

namespace fundtrace::import {

bool parseStatementAmount(std::string_view text, int minorDigits, std::int64_t &minor, std::string &error)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    const std::string_view original = text;
    const auto quoted = [original] {
        std::string out(1, '\'');
        out.append(original.substr(0, 40));
        out.append(original.size() > 40 ? "…'" : "'");
        return out;
    };
    if (text.empty()) {
        error = "empty amount";
        return false;
    }
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    std::int64_t whole = 0;
    std::int64_t fraction = 0;
    int wholeDigits = 0;
    int fractionDigits = 0;
    bool seenMark = false;
    for (const char c : text) {
        if (c == '.' || c == ',') {
            if (seenMark) {
                error = "not an amount: " + quoted();
                return false;
            }
            seenMark = true;
        } else if (c >= '0' && c <= '9') {
            if (seenMark) {
                if (++fractionDigits > minorDigits) {
                    error = "more than " + std::to_string(minorDigits) + " decimal places: " + quoted();
                    return false;
                }
                fraction = fraction * 10 + (c - '0');
            } else {
                if (++wholeDigits > 15) {
                    error = "amount too large: " + quoted();
                    return false;
                }
                whole = whole * 10 + (c - '0');
            }
        } else {
            error = "not an amount: " + quoted();
            return false;
        }
    }
    if (wholeDigits == 0 && fractionDigits == 0) {
        error = "not an amount: " + quoted();
        return false;
    }
    for (int i = fractionDigits; i < minorDigits; ++i)
        fraction *= 10;
    std::int64_t scale = 1;
    for (int i = 0; i < minorDigits; ++i)
        scale *= 10;
    minor = whole * scale + fraction;
    if (negative)
        minor = -minor;
    return true;
}

} // namespace fundtrace::import
