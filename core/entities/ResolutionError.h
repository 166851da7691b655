#pragma once

#include <QString>
#include <stdexcept>

namespace fundtrace::entities {

// A resolution request that cannot be carried out as asked (unknown subject, an undo that later
// changes would contradict); the message is plain language for the investigator.
class ResolutionError : public std::runtime_error {
public:
    explicit ResolutionError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace fundtrace::entities
