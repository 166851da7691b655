#pragma once

#include "../ImageChecks.h"

#include <QDir>
#include <QString>
#include <QWidget>

namespace fundtrace::test {

// Saves what the widget shows as NAME.png into $FUNDTRACE_SCREENSHOT_DIR when it is set, so a
// test run leaves the views behind for a person to look at.
inline void keepScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FUNDTRACE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace fundtrace::test
