#include "Icons.h"

#include <QString>

// Q_INIT_RESOURCE must be used at global scope. The UI is a static library, so its icons are
// only linked in when something references the resource initialiser.
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace fundtrace::ui {

QIcon icon(const char *name)
{
    static const bool initialised = [] {
        initUiResources();
        return true;
    }();
    Q_UNUSED(initialised);
    return QIcon(QStringLiteral(":/fundtrace/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace fundtrace::ui
