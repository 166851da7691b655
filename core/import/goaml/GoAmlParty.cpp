#include "import/goaml/GoAmlParty.h"

namespace fundtrace::import {

void GoAmlParty::addAttribute(const QString &attributeKind, const QString &value, const QString &normalized)
{
    const QString clean = value.simplified();
    if (clean.isEmpty())
        return;
    for (const Attribute &known : attributes)
        if (known.kind == attributeKind && known.value == clean)
            return;
    attributes.push_back({ attributeKind, clean, normalized.isEmpty() ? clean.toUpper() : normalized });
}

} // namespace fundtrace::import
