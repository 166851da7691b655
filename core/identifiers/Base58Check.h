#pragma once

#include <QByteArray>
#include <QStringView>
#include <optional>

namespace fundtrace::identifiers {

// Base58Check as used by Bitcoin legacy/P2SH and TRON addresses: base58 text, whose last 4 bytes
// are the first 4 bytes of SHA-256(SHA-256(payload)).
class Base58Check {
public:
    // The raw bytes (payload and checksum); nullopt when a character is outside the alphabet.
    static std::optional<QByteArray> decode(QStringView text);
    // True when `bytes` (payload + 4 checksum bytes) carries a matching checksum.
    static bool checksumMatches(const QByteArray &bytes);
    static bool isAlphabetCharacter(QChar c);
};

} // namespace fundtrace::identifiers
