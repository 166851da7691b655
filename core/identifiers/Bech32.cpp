#include "identifiers/Bech32.h"

#include <cstdint>
#include <vector>

namespace fundtrace::identifiers {

namespace {

constexpr char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::uint32_t kBech32Constant = 1;
constexpr std::uint32_t kBech32mConstant = 0x2bc830a3;

std::uint32_t polymod(const std::vector<int> &values)
{
    static constexpr std::uint32_t generator[]
        = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };
    std::uint32_t chk = 1;
    for (int v : values) {
        const std::uint32_t top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ static_cast<std::uint32_t>(v);
        for (int i = 0; i < 5; ++i) {
            if ((top >> i) & 1)
                chk ^= generator[i];
        }
    }
    return chk;
}

int charsetValue(char16_t u)
{
    for (int i = 0; i < 32; ++i) {
        if (kCharset[i] == u)
            return i;
    }
    return -1;
}

} // namespace

std::optional<Bech32::SegwitAddress> Bech32::decodeSegwit(QStringView text, QString *problem)
{
    const auto fail = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (text.size() > 90)
        return fail(QStringLiteral("bech32 address is longer than 90 characters"));
    const QString lower = text.toString().toLower();
    if (lower != text && text.toString().toUpper() != text)
        return fail(QStringLiteral("bech32 address mixes upper and lower case"));
    const qsizetype separator = lower.lastIndexOf(QLatin1Char('1'));
    if (separator < 1 || separator + 7 > lower.size())
        return fail(QStringLiteral("bech32 address has no separator or checksum"));

    std::vector<int> values;
    const QString human = lower.left(separator);
    for (QChar c : human)
        values.push_back(c.unicode() >> 5);
    values.push_back(0);
    for (QChar c : human)
        values.push_back(c.unicode() & 31);
    std::vector<int> data;
    for (QChar c : QStringView(lower).mid(separator + 1)) {
        const int v = charsetValue(c.unicode());
        if (v < 0)
            return fail(
                QStringLiteral("bech32 address contains '%1', which the bech32 alphabet lacks")
                    .arg(c));
        data.push_back(v);
    }
    values.insert(values.end(), data.begin(), data.end());
    const std::uint32_t check = polymod(values);
    Encoding encoding;
    if (check == kBech32Constant)
        encoding = Encoding::Bech32;
    else if (check == kBech32mConstant)
        encoding = Encoding::Bech32m;
    else
        return fail(QStringLiteral("bech32 checksum does not match (a character is mistyped)"));

    data.resize(data.size() - 6);
    if (data.empty())
        return fail(QStringLiteral("bech32 address has no witness version"));
    SegwitAddress address;
    address.humanPart = human;
    address.encoding = encoding;
    address.witnessVersion = data.front();
    if (address.witnessVersion > 16)
        return fail(
            QStringLiteral("bech32 witness version %1 does not exist").arg(address.witnessVersion));
    if ((address.witnessVersion == 0) != (encoding == Encoding::Bech32))
        return fail(QStringLiteral("witness version %1 must use %2 encoding")
                        .arg(address.witnessVersion)
                        .arg(address.witnessVersion == 0 ? QStringLiteral("bech32")
                                                         : QStringLiteral("bech32m")));
    // Regroup the 5-bit values after the version into bytes; leftover bits must be zero padding.
    int accumulator = 0;
    int bits = 0;
    for (auto it = data.begin() + 1; it != data.end(); ++it) {
        accumulator = ((accumulator << 5) | *it) & 0xfff;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            address.program.append(static_cast<char>((accumulator >> bits) & 0xff));
        }
    }
    if (bits >= 5 || (accumulator & ((1 << bits) - 1)) != 0)
        return fail(QStringLiteral("bech32 address has invalid padding"));
    const qsizetype length = address.program.size();
    if (length < 2 || length > 40 || (address.witnessVersion == 0 && length != 20 && length != 32))
        return fail(
            QStringLiteral("witness program of %1 bytes is not a valid length").arg(length));
    return address;
}

} // namespace fundtrace::identifiers
