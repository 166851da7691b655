#pragma once

#include <QIcon>

namespace fundtrace::ui {

// An icon of Fundtrace's own line set (resources/icons/NAME.svg), so menus and toolbars look the
// same on every desktop whatever its icon theme.
QIcon icon(const char *name);

} // namespace fundtrace::ui
