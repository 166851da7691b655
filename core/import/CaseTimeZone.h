#pragma once

#include "db/CaseFile.h"

#include <QTimeZone>

namespace fundtrace::import {

// The zone naive dates of an import are local to: `overrideName` (a mapping's "timezone") when
// given, else the case's "timezone" setting, Asia/Almaty by default. Throws ImportError when the
// name is not an IANA zone.
QTimeZone caseTimeZone(const db::CaseFile &caseFile, const QString &overrideName = {});
// The case's base currency ("KZT" by default), for formats that do not name one (1C).
std::string caseBaseCurrency(const db::CaseFile &caseFile);

} // namespace fundtrace::import
