#pragma once

#include "db/CaseFile.h"

#include <QTimeZone>

namespace fundtrace::import {

// The zone naive statement dates are local to: the case's "timezone" setting, Asia/Almaty by
// default. Throws ImportError when the setting names no zone.
QTimeZone caseTimeZone(const db::CaseFile &caseFile);
// The case's base currency ("KZT" by default), for formats that do not name one (1C).
std::string caseBaseCurrency(const db::CaseFile &caseFile);

} // namespace fundtrace::import
