#pragma once

#include "db/CaseFile.h"
#include "identifiers/IdentifierParser.h"

namespace fundtrace::entities {

// The identifier settings of a case: its default phone region and the secret key card numbers
// are hashed with. The key is made at random on first use and kept in the case, so the same card
// matches within a case but its hash means nothing in another case or outside it.
identifiers::IdentifierContext caseIdentifierContext(db::CaseFile &caseFile);

} // namespace fundtrace::entities
