#include "RecentCases.h"

#include <QFileInfo>
#include <QSettings>

namespace fundtrace::ui {
namespace {

const QString kKey = QStringLiteral("recentCases");

void save(const QStringList &paths)
{
    QSettings().setValue(kKey, paths);
}

} // namespace

QStringList RecentCases::load()
{
    return QSettings().value(kKey).toStringList();
}

void RecentCases::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = load();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > kMaximum)
        paths.removeLast();
    save(paths);
}

void RecentCases::remove(const QString &path)
{
    QStringList paths = load();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    save(paths);
}

} // namespace fundtrace::ui
