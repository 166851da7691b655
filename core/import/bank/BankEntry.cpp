#include "import/bank/BankEntry.h"

namespace fundtrace::import {

void BankEntry::fill(ParsedTransaction &out, std::int64_t sourceRow) const
{
    out = ParsedTransaction {};
    out.sourceRow = sourceRow;
    out.bookedAt = bookedAt;
    out.bookedText = bookedText;
    out.direction = direction;
    out.amountMinor = amountMinor;
    out.currency = currency;
    out.account = account;
    out.accountHolder = accountHolder;
    out.accountHolderTaxId = accountHolderTaxId;
    out.accountInstitution = accountInstitution;
    out.counterpartyName = counterpartyName;
    out.counterpartyAccount = counterpartyAccount;
    out.counterpartyTaxId = counterpartyTaxId;
    out.counterpartyBank = counterpartyBank;
    out.purpose = purpose;
    out.channel = channel;
    out.externalId = externalId;
}

} // namespace fundtrace::import
