#include "demo/CsvText.h"

namespace fundtrace::demo {

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"')
            out += '"';
    }
    out += '"';
    return out;
}

void appendNumber(std::string &out, qint64 value, int width)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int i = n; i < width; ++i)
        out += '0';
    while (n > 0)
        out += digits[--n];
}

void appendAmount(std::string &out, qint64 minor)
{
    if (minor < 0) {
        out += '-';
        minor = -minor;
    }
    appendNumber(out, minor / 100);
    out += '.';
    appendNumber(out, minor % 100, 2);
}

} // namespace fundtrace::demo
