#include "GraphCommands.h"

#include "CliCommands.h"
#include "CliSupport.h"
#include "db/CaseFile.h"
#include "detect/DetectionContext.h"
#include "graph/TraceTarget.h"
#include "graph/FlowGraphBuilder.h"
#include "graph/GraphAnalytics.h"
#include "graph/GraphExport.h"
#include "graph/GraphLayout.h"
#include "graph/GraphScene.h"
#include "graph/LinkChart.h"
#include "graph/GraphViewStore.h"
#include "import/AmountParser.h"
#include "import/CaseTimeZone.h"
#include "model/Currency.h"

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QTimeZone>
#include <algorithm>
#include <numeric>
#include <optional>

namespace fundtrace::cli {
namespace {

// "--path FROM TO" takes two values, which QCommandLineParser cannot; they are taken out first.
bool takePath(QStringList &arguments, QStringList &path)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("--path"));
    if (at < 0)
        return true;
    if (at + 2 >= arguments.size())
        return false;
    path = { arguments.at(at + 1), arguments.at(at + 2) };
    arguments.remove(at, 3);
    return true;
}

// Node ids for what the user typed: a subject id (any member of a group), else an account
// identifier as written in any statement, else an account id.
std::vector<std::int64_t> nodesNamed(const graph::FlowGraphBuilder &builder,
    const detect::DetectionContext &context, const db::Database &db, graph::NodeMode mode,
    const QString &text, bool subjectFirst)
{
    bool numeric = false;
    const std::int64_t number = text.toLongLong(&numeric);
    graph::GraphSeeds seeds;
    if (numeric && subjectFirst) {
        db::Statement subject = db.prepare("SELECT 1 FROM subjects WHERE id = ?1");
        subject.bind(1, number);
        if (subject.step())
            seeds.subjects.push_back(number);
    }
    if (seeds.empty()) {
        for (const std::int32_t account : graph::accountsWithIdentifier(context, text))
            seeds.accounts.push_back(context.accounts()[std::size_t(account)].id);
    }
    if (seeds.empty() && numeric && builder.nodeIdOfAccount(mode, number) != 0)
        seeds.accounts.push_back(number);
    if (seeds.empty())
        throw graph::GraphError(
            QStringLiteral("\"%1\" is neither a subject id nor an account of this case.")
                .arg(text));
    return builder.resolveSeeds(db, mode, seeds);
}

// "1 alert", "3 alerts".
QString counted(qint64 count, const char *singular, const char *plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(QLatin1String(count == 1 ? singular : plural));
}

QString money(const graph::GraphEdge &edge)
{
    QStringList parts;
    for (const graph::CurrencyAmount &total : edge.totals)
        parts << model::formatAmount(total.amountMinor, total.currency.toStdString());
    return parts.join(QStringLiteral(" + "));
}

QString marks(const graph::NodeMarks &m)
{
    QStringList parts;
    if (m.risk > 0)
        parts << QStringLiteral("risk %1").arg(m.risk);
    if (m.alerts > 0)
        parts << counted(m.alerts, "alert", "alerts");
    if (m.hits > 0)
        parts << counted(m.hits, "screening hit", "screening hits");
    if (m.annotations > 0)
        parts << counted(m.annotations, "note", "notes");
    return parts.join(QStringLiteral(", "));
}

void printGraph(const graph::FlowGraph &graph, const QString &scope, std::size_t limit)
{
    const auto &nodes = graph.nodes();
    const bool subjects = graph.mode() == graph::NodeMode::Subjects;
    out() << "Link chart: "
          << counted(qint64(nodes.size()), subjects ? "subject" : "account",
                 subjects ? "subjects" : "accounts")
          << ", " << counted(qint64(graph.edges().size()), "link", "links") << ", " << scope
          << "; weights in " << graph.mainCurrency() << "\n\n";
    std::vector<double> in(nodes.size(), 0), outgoing(nodes.size(), 0);
    for (const graph::GraphEdge &edge : graph.edges()) {
        outgoing[std::size_t(edge.from)] += edge.weight;
        in[std::size_t(edge.to)] += edge.weight;
    }
    std::vector<std::size_t> order(nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return nodes[a].hop != nodes[b].hop ? nodes[a].hop < nodes[b].hop
                                            : in[a] + outgoing[a] > in[b] + outgoing[b];
    });
    out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                 .arg(QStringLiteral("id"), -16)
                 .arg(QStringLiteral("hop"), 3)
                 .arg(QStringLiteral("kind"), -12)
                 .arg(QStringLiteral("in"), 16)
                 .arg(QStringLiteral("out"), 16)
                 .arg(QStringLiteral("name"));
    for (std::size_t i = 0; i < order.size() && (limit == 0 || i < limit); ++i) {
        const graph::GraphNode &node = nodes[order[i]];
        const QString badges = marks(node.marks);
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6%7%8\n")
                     .arg(node.id, -16)
                     .arg(node.hop, 3)
                     .arg(node.kind, -12)
                     .arg(in[order[i]], 16, 'f', 2)
                     .arg(outgoing[order[i]], 16, 'f', 2)
                     .arg(node.seed ? QStringLiteral("* ") : QString(), node.label,
                         badges.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(badges));
    }
    if (limit != 0 && order.size() > limit)
        out() << "... " << order.size() - limit << " more nodes (--limit 0 shows all)\n";

    std::vector<std::size_t> edges(graph.edges().size());
    std::iota(edges.begin(), edges.end(), 0);
    std::stable_sort(edges.begin(), edges.end(), [&](std::size_t a, std::size_t b) {
        return graph.edges()[a].weight > graph.edges()[b].weight;
    });
    out() << "\nLinks, largest first:\n";
    for (std::size_t i = 0; i < edges.size() && (limit == 0 || i < limit); ++i) {
        const graph::GraphEdge &edge = graph.edges()[edges[i]];
        out() << "  " << nodes[std::size_t(edge.from)].label << " → "
              << nodes[std::size_t(edge.to)].label << "  " << money(edge) << "  ("
              << counted(edge.count, "transfer", "transfers") << ", " << isoDay(edge.firstAt)
              << " .. " << isoDay(edge.lastAt) << ")\n";
    }
    if (limit != 0 && edges.size() > limit)
        out() << "  ... " << edges.size() - limit << " more links\n";
}

void printMetrics(const graph::FlowGraph &graph, const graph::GraphMetrics &metrics)
{
    const auto top = [&](const char *title, auto value, int decimals) {
        std::vector<std::size_t> order(graph.nodes().size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return value(metrics.nodes[a]) > value(metrics.nodes[b]);
        });
        out() << "\n" << title << ":\n";
        for (std::size_t i = 0; i < std::min<std::size_t>(order.size(), 10); ++i)
            out() << QStringLiteral("  %1  %2\n")
                         .arg(value(metrics.nodes[order[i]]), 10, 'f', decimals)
                         .arg(graph.nodes()[order[i]].label);
    };
    top(
        "Top by PageRank (where money ends up)",
        [](const graph::NodeMetrics &m) { return m.pageRank; }, 4);
    top(
        "Top by betweenness (intermediaries on strong trails)",
        [](const graph::NodeMetrics &m) { return m.betweenness; }, 4);
    if (metrics.betweennessSources > 0)
        out() << "(betweenness estimated from " << metrics.betweennessSources
              << " sampled sources)\n";
    out() << "\n"
          << counted(metrics.communities, "community", "communities") << " (modularity "
          << QString::number(metrics.modularity, 'f', 3) << "):\n";
    for (int c = 0; c < std::min(metrics.communities, 10); ++c) {
        QStringList members;
        int size = 0;
        for (std::size_t i = 0; i < metrics.nodes.size(); ++i) {
            if (metrics.nodes[i].community != c)
                continue;
            if (++size <= 6)
                members << graph.nodes()[i].label;
        }
        out() << "  " << c + 1 << ". " << counted(size, "node", "nodes") << ": "
              << members.join(QStringLiteral(", "))
              << (size > 6 ? QStringLiteral(", ...") : QString()) << "\n";
    }
}

void printPath(const graph::FlowGraph &graph, const graph::StrongestPath &path, const QString &from,
    const QString &to)
{
    if (path.nodes.empty()) {
        out() << "\nNo money trail from " << from << " to " << to << " in this chart.\n";
        return;
    }
    QStringList steps;
    for (const std::int32_t node : path.nodes)
        steps << graph.nodes()[std::size_t(node)].label;
    out() << "\nStrongest trail (" << counted(qint64(path.edges.size()), "hop", "hops")
          << ", weakest link " << QString::number(path.bottleneck, 'f', 2) << " "
          << graph.mainCurrency() << "):\n  " << steps.join(QStringLiteral(" → ")) << "\n";
    for (const std::int32_t e : path.edges) {
        const graph::GraphEdge &edge = graph.edges()[std::size_t(e)];
        out() << "  " << graph.nodes()[std::size_t(edge.from)].label << " → "
              << graph.nodes()[std::size_t(edge.to)].label << "  " << money(edge) << "\n";
    }
}

} // namespace

int commandGraph(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("graph"),
        QStringLiteral(
            "The link chart as tables: who paid whom, aggregated per pair (totals per currency, "
            "count, first and last day), around seeds or over the whole case. See "
            "docs/link-chart.md."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("subject"),
        QStringLiteral("Start from this subject (any member id; repeatable)."),
        QStringLiteral("ID") });
    cli.parser.addOption({ QStringLiteral("account"),
        QStringLiteral("Start from this account: identifier or id (repeatable)."),
        QStringLiteral("IDENT|ID") });
    cli.parser.addOption({ QStringLiteral("alert"),
        QStringLiteral("Start from the parties of this alert (repeatable)."),
        QStringLiteral("ID") });
    cli.parser.addOption({ QStringLiteral("nodes"),
        QStringLiteral("subjects (default) or accounts."), QStringLiteral("MODE") });
    cli.parser.addOption({ QStringLiteral("hops"),
        QStringLiteral("Transfers to follow from the seeds (default 2, 0-20)."),
        QStringLiteral("N") });
    cli.parser.addOption({ QStringLiteral("since"),
        QStringLiteral("Transfers from this day (yyyy-MM-dd, case's zone)."),
        QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("until"),
        QStringLiteral("Transfers up to this day, inclusive."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("min-amount"),
        QStringLiteral(
            "Smallest transfer kept, in major units (e.g. 50000 or 1250.50); no exchange "
            "rates, so the figure applies in each transfer's own currency."),
        QStringLiteral("X") });
    cli.parser.addOption({ QStringLiteral("channel"),
        QStringLiteral("Only transfer, cash, card, wallet, agent, other or unknown (repeatable)."),
        QStringLiteral("C") });
    cli.parser.addOption({ QStringLiteral("direction"),
        QStringLiteral("Follow money out of the seeds, into them, or both (default)."),
        QStringLiteral("both|out|in") });
    cli.parser.addOption({ QStringLiteral("analytics"),
        QStringLiteral("Add PageRank, betweenness, weighted degree and communities.") });
    cli.parser.addOption({ QStringLiteral("path"),
        QStringLiteral("The strongest money trail between two nodes (subject ids or accounts)."),
        QStringLiteral("FROM TO") });
    cli.parser.addOption({ QStringLiteral("limit"),
        QStringLiteral("Rows per table in text output (default 50, 0 = all)."), QStringLiteral("N"),
        QStringLiteral("50") });
    cli.parser.addOption({ QStringLiteral("json"),
        QStringLiteral("Print JSON: the graph, and metrics and path when asked.") });
    cli.parser.addOption({ QStringLiteral("view"),
        QStringLiteral("Draw a view saved in the case (its seeds, filter, hidden and grouped nodes and "
                       "positions) instead of the seed and filter options."),
        QStringLiteral("NAME") });
    cli.parser.addOption({ QStringLiteral("layout"),
        QStringLiteral("With --export: force (default), layered (money trail by hop), layered-time "
                       "(by first transfer) or circular (by community)."),
        QStringLiteral("KIND") });
    cli.parser.addOption({ QStringLiteral("export"),
        QStringLiteral("Draw the chart to FILE (.png, .svg or .pdf by its suffix) as well."),
        QStringLiteral("FILE") });

    QStringList rest = arguments;
    QStringList pathEnds;
    if (!takePath(rest, pathEnds)) {
        err() << "fundtrace-cli graph: --path needs two nodes, FROM and TO\n";
        return UsageError;
    }
    if (const int code = cli.parse(rest, 1, 1); code >= 0)
        return code;
    const auto usage = [](const QString &message) {
        err() << "fundtrace-cli graph: " << message << "\n";
        return int(UsageError);
    };

    graph::NodeMode mode = graph::NodeMode::Subjects;
    if (cli.parser.isSet(QStringLiteral("nodes"))
        && !graph::nodeModeFromName(cli.parser.value(QStringLiteral("nodes")), mode))
        return usage(QStringLiteral("--nodes is subjects or accounts"));
    graph::GraphFilter filter;
    if (cli.parser.isSet(QStringLiteral("hops"))) {
        bool ok = false;
        filter.hops = cli.parser.value(QStringLiteral("hops")).toInt(&ok);
        if (!ok || filter.hops < 0 || filter.hops > 20)
            return usage(QStringLiteral("--hops is a number from 0 to 20"));
    }
    if (cli.parser.isSet(QStringLiteral("direction"))
        && !graph::directionFromName(
            cli.parser.value(QStringLiteral("direction")), filter.direction))
        return usage(QStringLiteral("--direction is both, out or in"));
    for (const QString &name : cli.parser.values(QStringLiteral("channel"))) {
        detect::Channel channel {};
        if (!graph::channelFromName(name.toLower(), channel))
            return usage(QStringLiteral(
                "unknown --channel \"%1\" (transfer, cash, card, wallet, agent, other, unknown)")
                             .arg(name));
        filter.channels.push_back(channel);
    }
    const QString minAmount = cli.parser.value(QStringLiteral("min-amount"));
    std::size_t limit = 50;
    {
        bool ok = false;
        const qint64 value = cli.parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || value < 0)
            return usage(QStringLiteral("--limit is a whole number >= 0"));
        limit = std::size_t(value);
    }
    graph::GraphSeeds typed;
    const QStringList accountTexts = cli.parser.values(QStringLiteral("account"));
    for (const auto &[option, target] :
        { std::pair { "subject", &typed.subjects }, std::pair { "alert", &typed.alerts } }) {
        for (const QString &text : cli.parser.values(QLatin1String(option))) {
            bool ok = false;
            target->push_back(text.toLongLong(&ok));
            if (!ok)
                return usage(QStringLiteral("--%1 takes a number, not \"%2\"")
                                 .arg(QLatin1String(option), text));
        }
    }
    const bool json = cli.parser.isSet(QStringLiteral("json"));
    const QString exportPath = cli.parser.value(QStringLiteral("export"));
    const QString viewName = cli.parser.value(QStringLiteral("view"));
    graph::LayoutRequest layout;
    if (cli.parser.isSet(QStringLiteral("layout"))) {
        const QString kind = cli.parser.value(QStringLiteral("layout"));
        layout.layersByTime = kind == u"layered-time";
        if (!graph::layoutKindFromName(layout.layersByTime ? QStringLiteral("layered") : kind, layout.kind))
            return usage(QStringLiteral("--layout is force, layered, layered-time or circular"));
    }
    if (!exportPath.isEmpty() && !graph::GraphExport::suffixes().contains(QFileInfo(exportPath).suffix().toLower()))
        return usage(QStringLiteral("--export writes .png, .svg or .pdf, not \"%1\"").arg(exportPath));

    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        const QString badDays = readDayRange(cli.parser, import::caseTimeZone(caseFile), filter.from, filter.to);
        if (!badDays.isEmpty())
            return usage(badDays);

        const db::Database &db = caseFile.db();
        const detect::DetectionContext context = detect::DetectionContext::load(db);
        const graph::GraphMarksQuery marksQuery(db);
        const graph::FlowGraphBuilder builder(
            context, marksQuery.subjects(), marksQuery.accounts());
        if (!minAmount.isEmpty()) {
            const std::string currency = builder.mainCurrency().toStdString();
            import::ParsedAmount parsed;
            std::string problem;
            if (!import::AmountParser(
                    import::AmountParser::DecimalMark::Point, model::minorDigits(currency))
                     .parse(minAmount.toStdString(), parsed, problem)
                || parsed.minor < 0)
                return usage(
                    QStringLiteral("--min-amount is an amount like 50000 or 1250.50, not \"%1\"")
                        .arg(minAmount));
            filter.minAmountMinor = parsed.minor;
        }

        std::vector<std::int64_t> seeds = builder.resolveSeeds(db, mode, typed);
        for (const QString &text : accountTexts) {
            for (const std::int64_t id : nodesNamed(builder, context, db, mode, text, false)) {
                if (std::find(seeds.begin(), seeds.end(), id) == seeds.end())
                    seeds.push_back(id);
            }
        }
        // A saved view brings its own seeds, filter, edits and positions.
        std::optional<graph::LinkChart> chart;
        if (!viewName.isEmpty()) {
            graph::GraphView view;
            if (!graph::GraphViewStore(caseFile.db()).load(viewName, view))
                throw graph::GraphError(QStringLiteral("The case has no saved view \"%1\" (see 'fundtrace-cli views').")
                                                .arg(viewName));
            chart = graph::LinkChartMaker(context, marksQuery.subjects(), marksQuery.accounts()).make(db, view);
            filter = view.filter;
            mode = view.mode;
        }
        const graph::FlowGraph graph = chart ? chart->graph : builder.build(mode, seeds, filter);

        std::optional<graph::GraphMetrics> metrics;
        if (chart && cli.parser.isSet(QStringLiteral("analytics")))
            metrics = chart->metrics;
        else if (cli.parser.isSet(QStringLiteral("analytics")) || layout.kind == graph::LayoutKind::Circular)
            metrics = graph::GraphAnalytics::compute(graph);

        if (!exportPath.isEmpty()) {
            std::vector<QPointF> positions;
            if (chart) {
                positions = chart->positions;
            } else {
                if (layout.kind == graph::LayoutKind::Circular)
                    for (const graph::NodeMetrics &node : metrics->nodes)
                        layout.groups.push_back(node.community);
                positions = graph::GraphLayout::compute(graph, layout);
            }
            graph::ExportOptions options;
            options.title = !viewName.isEmpty() ? viewName
                    : seeds.empty()              ? QStringLiteral("Link chart: whole case")
                                                 : QStringLiteral("Link chart");
            graph::GraphExport::write(graph::GraphScene(graph, std::move(positions)), exportPath, options);
            err() << "fundtrace-cli graph: chart written to " << exportPath << "\n";
        }
        if (!cli.parser.isSet(QStringLiteral("analytics")))
            metrics.reset(); // computed only for the circular layout
        std::optional<graph::StrongestPath> path;
        if (!pathEnds.isEmpty()) {
            std::int32_t ends[2] = { -1, -1 };
            for (int i = 0; i < 2; ++i) {
                const std::vector<std::int64_t> ids
                    = nodesNamed(builder, context, db, mode, pathEnds[i], true);
                if (ids.size() != 1)
                    throw graph::GraphError(
                        QStringLiteral("\"%1\" is %2 nodes in this view; name one account.")
                            .arg(pathEnds[i])
                            .arg(ids.size()));
                ends[i] = graph.indexOf(ids.front());
                if (ends[i] < 0)
                    throw graph::GraphError(QStringLiteral(
                        "\"%1\" is not in this chart; add it as a seed or raise --hops.")
                                                .arg(pathEnds[i]));
            }
            path = graph::GraphAnalytics::strongestPath(graph, ends[0], ends[1]);
        }

        if (json) {
            QJsonObject result {
                { QStringLiteral("graph"), graph.toJson() },
                { QStringLiteral("filter"), filter.toJson() },
            };
            QJsonArray seedList;
            for (const std::int64_t id : seeds)
                seedList.append(qint64(id));
            result.insert(QStringLiteral("seeds"), seedList);
            if (metrics)
                result.insert(QStringLiteral("metrics"), metrics->toJson(graph));
            if (path)
                result.insert(QStringLiteral("path"), path->toJson(graph));
            printJson(result);
            return int(Success);
        }
        const QString scope = seeds.empty()
            ? QStringLiteral("whole case")
            : QStringLiteral("%1 %2 from %3")
                  .arg(counted(filter.hops, "hop", "hops"))
                  .arg(filter.direction == graph::GraphFilter::Direction::Both
                          ? QStringLiteral("both ways")
                          : filter.direction == graph::GraphFilter::Direction::Outgoing
                          ? QStringLiteral("out")
                          : QStringLiteral("in"))
                  .arg(counted(qint64(seeds.size()), "seed", "seeds"));
        printGraph(graph, scope, limit);
        if (metrics)
            printMetrics(graph, *metrics);
        if (path)
            printPath(graph, *path, pathEnds[0], pathEnds[1]);
        return int(Success);
    });
}

int commandViews(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("views"),
        QStringLiteral("List (or delete) the link chart views saved in the case."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("delete"),
        QStringLiteral("Delete the view with this name (audited)."), QStringLiteral("NAME") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    const bool remove = cli.parser.isSet(QStringLiteral("delete"));
    return withCase(cli.parser.positionalArguments().at(0), !remove, [&](db::CaseFile &caseFile) {
        graph::GraphViewStore store(caseFile.db());
        if (remove) {
            const QString name = cli.parser.value(QStringLiteral("delete"));
            if (!store.remove(name)) {
                err() << "fundtrace-cli views: there is no view named \"" << name << "\"\n";
                return int(InputError);
            }
            out() << "deleted view \"" << name.trimmed() << "\"\n";
            return int(Success);
        }
        const std::vector<graph::GraphView> views = store.list();
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const graph::GraphView &view : views) {
                QJsonObject json = view.toJson();
                json.insert(QStringLiteral("id"), qint64(view.id));
                json.insert(QStringLiteral("created_by"), view.createdBy);
                json.insert(QStringLiteral("updated_at"), view.updatedAt.toString(Qt::ISODate));
                list.append(json);
            }
            printJson(list);
            return int(Success);
        }
        if (views.empty()) {
            out() << "No saved views.\n";
            return int(Success);
        }
        for (const graph::GraphView &view : views) {
            const std::size_t seeds = view.seeds.subjects.size() + view.seeds.accounts.size()
                + view.seeds.alerts.size();
            out() << view.name << "  (" << graph::nodeModeName(view.mode) << ", "
                  << (seeds == 0
                             ? QStringLiteral("whole case")
                             : QStringLiteral("%1 seeds, %2 hops").arg(seeds).arg(view.filter.hops))
                  << ", " << graph::layoutKindName(view.layout) << " layout, "
                  << view.positions.size() << " nodes placed";
            if (!view.groups.empty())
                out() << ", " << view.groups.size() << " groups";
            out() << ")  saved " << view.updatedAt.toString(Qt::ISODate) << " by " << view.createdBy
                  << "\n";
        }
        return int(Success);
    });
}

} // namespace fundtrace::cli
