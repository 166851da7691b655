#include "identifiers/Base58Check.h"

#include <openssl/evp.h>
#include <vector>

namespace fundtrace::identifiers {

namespace {

constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    for (int i = 0; i < 58; ++i) {
        if (kAlphabet[i] == u)
            return i;
    }
    return -1;
}

QByteArray sha256(const QByteArray &data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(data.constData(), static_cast<size_t>(data.size()), digest, &length,
            EVP_sha256(), nullptr))
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), length);
}

} // namespace

bool Base58Check::isAlphabetCharacter(QChar c)
{
    return digitValue(c) >= 0;
}

std::optional<QByteArray> Base58Check::decode(QStringView text)
{
    // Big-endian base-256 number, grown by multiply-and-add per base58 digit.
    std::vector<unsigned char> bytes;
    for (QChar c : text) {
        const int value = digitValue(c);
        if (value < 0)
            return std::nullopt;
        int carry = value;
        for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
            carry += *it * 58;
            *it = static_cast<unsigned char>(carry & 0xff);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.insert(bytes.begin(), static_cast<unsigned char>(carry & 0xff));
            carry >>= 8;
        }
    }
    // Each leading '1' stands for a leading zero byte.
    QByteArray out;
    for (QChar c : text) {
        if (c != QLatin1Char('1'))
            break;
        out.append('\0');
    }
    out.append(reinterpret_cast<const char *>(bytes.data()), static_cast<qsizetype>(bytes.size()));
    return out;
}

bool Base58Check::checksumMatches(const QByteArray &bytes)
{
    if (bytes.size() < 5)
        return false;
    const QByteArray payload = bytes.left(bytes.size() - 4);
    return sha256(sha256(payload)).left(4) == bytes.right(4);
}

} // namespace fundtrace::identifiers
