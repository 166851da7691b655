#pragma once

#include "identifiers/Identifier.h"

#include <QStringView>

namespace fundtrace::identifiers {

// Crypto wallet addresses on the networks terrorist-financing cases meet most: Bitcoin (legacy
// "1...", P2SH "3...", segwit "bc1..."), Ethereum ("0x" + 40 hex) and TRON ("T...", where
// USDT-TRC20 moves). Bitcoin and TRON checksums are verified; the Ethereum EIP-55 mixed-case
// checksum needs Keccak-256, which OpenSSL 3.0 lacks, so a mixed-case Ethereum address is
// Unchecked.
class CryptoWallet {
public:
    static Identifier parse(QStringView given);
};

} // namespace fundtrace::identifiers
