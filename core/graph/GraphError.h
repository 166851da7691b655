#pragma once

#include <QString>
#include <stdexcept>

namespace fundtrace::graph {

// A link chart request that cannot be met as asked (an unknown seed, a bad group, an igraph
// failure); the message is plain language for the investigator.
class GraphError : public std::runtime_error {
public:
    explicit GraphError(const QString &message) : std::runtime_error(message.toStdString()) { }
    QString message() const { return QString::fromStdString(what()); }
};

} // namespace fundtrace::graph
