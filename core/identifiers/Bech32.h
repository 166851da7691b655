#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <optional>

namespace fundtrace::identifiers {

// Bech32 (BIP 173) and Bech32m (BIP 350) segwit addresses such as "bc1q...".
class Bech32 {
public:
    enum class Encoding { Bech32, Bech32m };
    struct SegwitAddress {
        QString humanPart; // "bc"
        int witnessVersion = 0;
        QByteArray program;
        Encoding encoding = Encoding::Bech32;
    };

    // nullopt with `problem` set when the text is not a well-formed segwit address: mixed case,
    // bad characters, wrong checksum, wrong encoding for the witness version, or a bad program
    // length.
    static std::optional<SegwitAddress> decodeSegwit(QStringView text, QString *problem);
};

} // namespace fundtrace::identifiers
