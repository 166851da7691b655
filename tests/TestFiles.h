#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryDir>

// Small file helpers shared by the Qt tests: fixtures under tests/data and files written into a
// test's temporary directory. A missing fixture or an unwritable directory stops the test run.
namespace fundtrace::test {

inline QByteArray readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(FUNDTRACE_TEST_DATA "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relativePath));
    return file.readAll();
}

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write test file %s", qPrintable(path));
    file.write(bytes);
    return path;
}

} // namespace fundtrace::test
