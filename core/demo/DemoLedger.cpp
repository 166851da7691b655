#include "demo/DemoLedger.h"

#include "demo/DemoBanks.h"
#include "demo/Iban.h"
#include "demo/KzTaxNumber.h"

#include <algorithm>

namespace fundtrace::demo {

QString channelCode(Channel channel)
{
    switch (channel) {
    case Channel::Transfer: return QStringLiteral("transfer");
    case Channel::Cash: return QStringLiteral("cash");
    case Channel::Card: return QStringLiteral("card");
    case Channel::Wallet: return QStringLiteral("wallet");
    case Channel::Agent: return QStringLiteral("agent");
    }
    return QStringLiteral("transfer");
}

int DemoLedger::addParty(const DemoParty &party)
{
    m_parties.push_back(party);
    return static_cast<int>(m_parties.size()) - 1;
}

int DemoLedger::addAccount(const DemoAccount &account)
{
    m_accounts.push_back(account);
    return static_cast<int>(m_accounts.size()) - 1;
}

void DemoLedger::addTransfer(DemoTransfer transfer)
{
    transfer.sequence = m_nextSequence++;
    m_transfers.push_back(std::move(transfer));
}

int DemoLedger::findAccount(const QString &id) const
{
    for (size_t i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts[i].id == id)
            return static_cast<int>(i);
    }
    return -1;
}

QString DemoLedger::uniqueIin(DemoRandom &rng, const QDate &birthDate, bool male)
{
    for (;;) {
        const QString iin = KzTaxNumber::iin(birthDate, male, static_cast<int>(rng.uniform(0, 9999)));
        if (!iin.isEmpty() && !m_used.contains(iin)) {
            m_used.insert(iin);
            return iin;
        }
    }
}

QString DemoLedger::uniqueBin(DemoRandom &rng, int year, int month)
{
    for (;;) {
        const QString bin = KzTaxNumber::bin(year, month, static_cast<int>(rng.uniform(1, 99999)));
        if (!bin.isEmpty() && !m_used.contains(bin)) {
            m_used.insert(bin);
            return bin;
        }
    }
}

QString DemoLedger::uniqueKzIban(DemoRandom &rng, const QString &bankKey)
{
    // Kazakh tenge accounts: bank code, "KZT", ten digits (e.g. KZ75125KZT2069100100).
    const QString code = DemoBanks::byKey(bankKey).ibanCode;
    for (;;) {
        const QString iban = Iban::fromBban(QStringLiteral("KZ"), code + QStringLiteral("KZT") + rng.digits(10));
        if (!m_used.contains(iban)) {
            m_used.insert(iban);
            return iban;
        }
    }
}

QString DemoLedger::uniqueForeignIban(DemoRandom &rng, const QString &bankKey)
{
    const DemoBank &bank = DemoBanks::byKey(bankKey);
    // TR: 5-digit bank code, a reserved "0", 16 digits; AE: 3-digit bank code, 16 digits.
    for (;;) {
        const QString bban = bank.country == u"TR" ? bank.ibanCode + QStringLiteral("0") + rng.digits(16)
                                                    : bank.ibanCode + rng.digits(16);
        const QString iban = Iban::fromBban(bank.country, bban);
        if (!m_used.contains(iban)) {
            m_used.insert(iban);
            return iban;
        }
    }
}

QString DemoLedger::uniqueWalletId(DemoRandom &rng)
{
    // Wallets are numbered by the holder's mobile number: 7 70x/747/77x + 7 digits.
    static const QStringList operators = { QStringLiteral("701"), QStringLiteral("702"), QStringLiteral("705"),
                                           QStringLiteral("707"), QStringLiteral("747"), QStringLiteral("771"),
                                           QStringLiteral("775"), QStringLiteral("777"), QStringLiteral("778") };
    for (;;) {
        const QString prefix = QStringLiteral("TZP7") + rng.pick(operators);
        const QString id = prefix + rng.digits(7);
        if (!m_used.contains(id)) {
            m_used.insert(id);
            return id;
        }
    }
}

QString DemoLedger::uniqueReference(DemoRandom &rng, const QString &prefix, int digits)
{
    for (;;) {
        const QString reference = prefix + rng.digits(digits);
        if (!m_used.contains(reference)) {
            m_used.insert(reference);
            return reference;
        }
    }
}

void DemoLedger::finish()
{
    std::sort(m_transfers.begin(), m_transfers.end(), [](const DemoTransfer &a, const DemoTransfer &b) {
        if (a.minute != b.minute)
            return a.minute < b.minute;
        if (a.seconds != b.seconds)
            return a.seconds < b.seconds;
        return a.sequence < b.sequence;
    });
    std::vector<qint64> running(m_accounts.size(), 0);
    std::vector<qint64> lowest(m_accounts.size(), 0);
    for (const DemoTransfer &t : m_transfers) {
        if (t.from >= 0) {
            auto &r = running[static_cast<size_t>(t.from)];
            r -= t.amount;
            lowest[static_cast<size_t>(t.from)] = std::min(lowest[static_cast<size_t>(t.from)], r);
        }
        if (t.to >= 0)
            running[static_cast<size_t>(t.to)] += t.amount;
    }
    // A statement starts mid-life: the opening balance is whatever keeps the account solvent.
    constexpr qint64 cushion = 5'000'00;
    for (size_t i = 0; i < m_accounts.size(); ++i) {
        DemoAccount &a = m_accounts[i];
        a.opening = lowest[i] < 0 ? std::max(a.openingFloor, -lowest[i] + cushion) : a.openingFloor;
    }
}

std::vector<int> DemoLedger::transfersOf(int account) const
{
    std::vector<int> indices;
    for (size_t i = 0; i < m_transfers.size(); ++i) {
        if (m_transfers[i].from == account || m_transfers[i].to == account)
            indices.push_back(static_cast<int>(i));
    }
    return indices;
}

} // namespace fundtrace::demo
