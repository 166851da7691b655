#pragma once

#include <QStringList>

namespace fundtrace::ui {

// The most recently opened case files, newest first, kept in QSettings.
class RecentCases {
public:
    static constexpr int kMaximum = 10;

    static QStringList load();
    static void add(const QString &path);
    static void remove(const QString &path);
};

} // namespace fundtrace::ui
