#include "TraceCommand.h"

#include "CliCommands.h"
#include "CliSupport.h"

#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "graph/FundTrace.h"
#include "graph/TraceTarget.h"
#include "graph/TraceDiagram.h"
#include "import/CaseTimeZone.h"
#include "model/Currency.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimeZone>

namespace fundtrace::cli {
namespace {

QString label(const detect::DetectionContext &context, std::int32_t account)
{
    return account < 0 ? QStringLiteral("cash / unknown") : context.describeAccount(account);
}

} // namespace

int commandTrace(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("trace"), QStringLiteral("Follow money forward from a source or backward from a destination."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("from"), QStringLiteral("Source: a subject id or an account number."), QStringLiteral("ID") });
    cli.parser.addOption({ QStringLiteral("to"), QStringLiteral("Destination: a subject id or an account number."), QStringLiteral("ID") });
    cli.parser.addOption({ QStringLiteral("method"), QStringLiteral("fifo (default), lifo, prorata or libr."), QStringLiteral("M") });
    cli.parser.addOption({ QStringLiteral("hops"), QStringLiteral("How many transfers to follow (default 5)."), QStringLiteral("N") });
    cli.parser.addOption({ QStringLiteral("since"), QStringLiteral("Forward: trace inflows from this day (yyyy-MM-dd)."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("until"), QStringLiteral("Forward: trace inflows up to this day."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("currency"), QStringLiteral("Currency followed (default KZT)."), QStringLiteral("C") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    cli.parser.addOption({ QStringLiteral("export"), QStringLiteral("Also draw the flow diagram to FILE (.png, .svg or .pdf)."),
                           QStringLiteral("FILE") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    if (cli.parser.isSet(QStringLiteral("from")) == cli.parser.isSet(QStringLiteral("to"))) {
        err() << "fundtrace-cli trace: give exactly one of --from and --to\n";
        return UsageError;
    }
    graph::TraceRequest request;
    request.direction = cli.parser.isSet(QStringLiteral("from")) ? graph::TraceRequest::Direction::Forward
                                                                 : graph::TraceRequest::Direction::Backward;
    if (cli.parser.isSet(QStringLiteral("method")) && !graph::traceMethodFromName(cli.parser.value(QStringLiteral("method")), request.method)) {
        err() << "fundtrace-cli trace: --method is fifo, lifo, prorata or libr\n";
        return UsageError;
    }
    if (cli.parser.isSet(QStringLiteral("hops"))) {
        bool ok = false;
        request.hops = cli.parser.value(QStringLiteral("hops")).toInt(&ok);
        if (!ok || request.hops < 1 || request.hops > 20) {
            err() << "fundtrace-cli trace: --hops is a number from 1 to 20\n";
            return UsageError;
        }
    }
    if (cli.parser.isSet(QStringLiteral("export")) && !graph::TraceDiagram::canExportTo(cli.parser.value(QStringLiteral("export")))) {
        err() << "fundtrace-cli trace: --export writes a .png, .svg or .pdf file\n";
        return UsageError;
    }
    if (cli.parser.isSet(QStringLiteral("currency")))
        request.currency = cli.parser.value(QStringLiteral("currency")).toUpper();
    const QString target = cli.parser.value(request.direction == graph::TraceRequest::Direction::Forward ? QStringLiteral("from")
                                                                                                            : QStringLiteral("to"));
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        // Days are the case's days, as in every other command.
        const QString badDays = readDayRange(cli.parser, import::caseTimeZone(caseFile), request.from, request.to);
        if (!badDays.isEmpty()) {
            err() << "fundtrace-cli trace: " << badDays << "\n";
            return int(UsageError);
        }
        QElapsedTimer timer;
        timer.start();
        const detect::DetectionContext context = detect::DetectionContext::load(caseFile.db());
        request.accounts = graph::traceAccountsNamed(context, caseFile.db(), target);
        if (request.accounts.empty()) {
            err() << "fundtrace-cli trace: \"" << target << "\" is neither a subject id nor an account in this case\n";
            return int(InputError);
        }
        const graph::TraceResult result = graph::FundTrace(context).run(request);
        const double seconds = timer.elapsed() / 1000.0;
        if (cli.parser.isSet(QStringLiteral("export"))) {
            const QString file = cli.parser.value(QStringLiteral("export"));
            QString error;
            if (!graph::TraceDiagram(result, context).exportTo(file, &error)) {
                err() << "fundtrace-cli trace: " << error << "\n";
                return int(InputError);
            }
            // On stderr, so --json output stays one JSON document.
            err() << "Diagram written to " << file << "\n";
        }
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonObject json = result.toJson(context);
            json.insert(QStringLiteral("seconds"), seconds);
            printJson(json);
            return int(Success);
        }
        const std::string currency = request.currency.toStdString();
        const bool forward = request.direction == graph::TraceRequest::Direction::Forward;
        out() << (forward ? "Traced forward " : "Traced backward ") << model::formatAmount(result.tracedMinor, currency) << " ("
              << graph::traceMethodName(result.request.method) << ", " << request.hops << " hops, "
              << QString::number(seconds, 'f', 2) << " s)\n";
        if (forward)
            out() << "  still held in followed accounts " << model::formatAmount(result.heldMinor, currency)
                  << "\n  withdrawn in cash or paid to unknown parties " << model::formatAmount(result.cashOutMinor, currency)
                  << "\n  went on past the hop limit " << model::formatAmount(result.beyondHopsMinor, currency) << "\n";
        else
            out() << "  of which arrived as cash or from unknown parties " << model::formatAmount(result.fromCashMinor, currency) << "\n";
        out() << (forward ? "Reached:\n" : "Came from:\n");
        for (const auto &destination : result.destinations)
            out() << "  " << model::formatAmount(destination.amountMinor, currency) << "  " << label(context, destination.account)
                  << "  (" << destination.hops << " hops)\n";
        out() << "Paths:\n";
        for (std::size_t i = 0; i < std::min<std::size_t>(result.paths.size(), 20); ++i) {
            QStringList steps;
            for (const std::int32_t account : result.paths[i].accounts)
                steps << label(context, account);
            out() << "  " << model::formatAmount(result.paths[i].amountMinor, currency) << "  " << steps.join(QStringLiteral(" → ")) << "\n";
        }
        return int(Success);
    });
}

} // namespace fundtrace::cli
