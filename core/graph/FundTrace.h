#pragma once

#include "detect/DetectionContext.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

namespace fundtrace::graph {

// How money leaving an account is attributed to the money that came in, the four rules forensic
// accountants defend in court:
// - FIFO: the oldest money in the account leaves first;
// - LIFO: the newest money leaves first;
// - ProRata: every outflow carries each origin's share of the balance at that moment;
// - Libr (lowest intermediate balance rule): other money leaves first; traced money stays as long
//   as the balance allows, so it can never exceed the lowest balance since it arrived.
enum class TraceMethod { Fifo, Lifo, ProRata, Libr };

QString traceMethodName(TraceMethod method);
bool traceMethodFromName(const QString &name, TraceMethod &method);

struct TraceRequest {
    enum class Direction { Forward, Backward };
    Direction direction = Direction::Forward;
    std::vector<std::int32_t> accounts; // the source (forward) or destination (backward), indexes into the context
    TraceMethod method = TraceMethod::Fifo;
    int hops = 5;
    std::int64_t from = 0;              // forward: which inflows into the source are traced (UTC seconds, 0 = open)
    std::int64_t to = 0;
    QString currency = QStringLiteral("KZT");
};

// What a trace found. Amounts are minor units of the request's currency.
struct TraceResult {
    struct Path {
        std::vector<std::int32_t> accounts; // in order of the money's movement; -1 = cash or an unnamed party
        std::int64_t amountMinor = 0;
        std::int64_t firstAt = 0;
        std::int64_t lastAt = 0;
    };
    struct Destination {
        std::int32_t account = -1;
        std::int64_t amountMinor = 0;  // traced money that arrived (forward) or came from it (backward)
        std::int64_t heldMinor = 0;    // forward: still in the account at the end of the data
        int hops = 0;
        std::int64_t firstAt = 0;
        std::int64_t lastAt = 0;
    };

    TraceRequest request;
    std::int64_t tracedMinor = 0;         // forward: the money traced from the source; backward: what reached it
    std::vector<Destination> destinations; // largest first
    std::vector<Path> paths;               // largest first
    std::int64_t cashOutMinor = 0;         // left the traceable system as cash or to an unknown party
    std::int64_t beyondHopsMinor = 0;      // went on past the hop limit, not followed
    std::int64_t heldMinor = 0;            // still in traced accounts at the end of the data
    std::int64_t unexplainedMinor = 0;     // outflows larger than the known balance, paid from money the data does not show
    std::int64_t fromCashMinor = 0;        // backward: arrived as cash or from unknown parties

    QJsonObject toJson(const detect::DetectionContext &context) const;
};

// Follows money through accounts using each account's movements in time order, as the chosen
// attribution rule moves it. Forward: from the inflows of a source into the accounts they reached,
// by which paths and when, and what was withdrawn, held or not followed. Backward: where the money
// that reached a destination came from. Accounts further than `hops` transfers away are not
// followed; what went there is reported as such. Balances start at zero: an outflow the known
// inflows cannot cover is paid from money the data does not show, reported as unexplained.
class FundTrace {
public:
    explicit FundTrace(const detect::DetectionContext &context);
    TraceResult run(const TraceRequest &request) const;

private:
    const detect::DetectionContext &m_context;
};

} // namespace fundtrace::graph
