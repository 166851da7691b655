#include "identifiers/CryptoWallet.h"

#include "identifiers/Base58Check.h"
#include "identifiers/Bech32.h"
#include "identifiers/IdentifierText.h"

#include <QRegularExpression>
#include <algorithm>
#include <initializer_list>

namespace fundtrace::identifiers {

namespace {

// Base58Check address of a known one-byte version: Bitcoin P2PKH 0x00 and P2SH 0x05, TRON 0x41.
void checkBase58(Identifier &id, const QString &address, const QString &networkLabel,
    std::initializer_list<char> versions)
{
    for (QChar c : address) {
        if (!Base58Check::isAlphabetCharacter(c)) {
            id.problem
                = QStringLiteral("%1 address contains '%2', which base58 addresses never use "
                                 "(0, O, I and l are left out)")
                      .arg(networkLabel, c);
            return;
        }
    }
    const std::optional<QByteArray> bytes = Base58Check::decode(address);
    if (!bytes || bytes->size() != 25) {
        id.problem = QStringLiteral("%1 address has the wrong length (%2 characters)")
                         .arg(networkLabel)
                         .arg(address.size());
        return;
    }
    if (std::find(versions.begin(), versions.end(), bytes->at(0)) == versions.end()) {
        id.problem = QStringLiteral("%1 address has an unknown version byte").arg(networkLabel);
        return;
    }
    if (!Base58Check::checksumMatches(*bytes)) {
        id.problem = QStringLiteral("%1 address checksum does not match (a character is mistyped)")
                         .arg(networkLabel);
        return;
    }
    id.validity = Validity::Valid;
}

} // namespace

Identifier CryptoWallet::parse(QStringView given)
{
    Identifier id;
    id.kind = IdentifierKind::CryptoWallet;
    id.given = given.toString();
    id.validity = Validity::Invalid;
    const QString address = IdentifierText::compact(given);
    id.normalized = address;
    id.display = address;

    static const QRegularExpression ethereum(QStringLiteral("^(0[xX])?[0-9a-fA-F]{40}$"));
    if (ethereum.match(address).hasMatch()) {
        id.network = QStringLiteral("ethereum");
        const QString hex = address.right(40);
        id.normalized = QStringLiteral("0x") + hex.toLower();
        id.display = QStringLiteral("0x") + hex;
        const bool mixedCase = hex != hex.toLower() && hex != hex.toUpper();
        id.validity = mixedCase ? Validity::Unchecked : Validity::Valid;
        if (mixedCase)
            id.problem
                = QStringLiteral("Ethereum mixed-case checksum not verified; the format is right");
        return id;
    }
    if (address.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        id.network = QStringLiteral("ethereum");
        id.problem = QStringLiteral(
            "Ethereum address must be 0x and 40 hexadecimal digits, found %1 characters after 0x")
                         .arg(address.size() - 2);
        return id;
    }
    if (address.startsWith(QLatin1String("bc1"), Qt::CaseInsensitive)) {
        id.network = QStringLiteral("bitcoin");
        id.normalized = address.toLower();
        id.display = id.normalized;
        QString problem;
        if (Bech32::decodeSegwit(address, &problem))
            id.validity = Validity::Valid;
        else
            id.problem = QStringLiteral("Bitcoin address: ") + problem;
        return id;
    }
    if (address.startsWith(QLatin1Char('1')) || address.startsWith(QLatin1Char('3'))) {
        id.network = QStringLiteral("bitcoin");
        checkBase58(id, address, QStringLiteral("Bitcoin"), { 0x00, 0x05 });
        return id;
    }
    if (address.startsWith(QLatin1Char('T'))) {
        id.network = QStringLiteral("tron");
        checkBase58(id, address, QStringLiteral("TRON"), { 0x41 });
        return id;
    }
    id.problem = QStringLiteral("not a Bitcoin, Ethereum or TRON address");
    return id;
}

} // namespace fundtrace::identifiers
