#include "SubjectCommands.h"

#include "CliCommands.h"
#include "CliSupport.h"

#include "db/CaseFile.h"
#include "entities/ResolutionActions.h"
#include "entities/ResolutionError.h"
#include "entities/SubjectList.h"
#include "entities/SubjectProfileQuery.h"
#include "entities/SubjectResolver.h"
#include "model/Currency.h"
#include "screening/SubjectScreening.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <functional>
#include <optional>

namespace fundtrace::cli {
namespace {

QString amount(std::int64_t minor, const QString &currency)
{
    return model::formatAmount(minor, currency.toStdString());
}

std::optional<std::int64_t> idArgument(const QString &text, const char *what)
{
    bool ok = false;
    const std::int64_t id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        err() << "fundtrace-cli: \"" << text << "\" is not a " << what << " id\n";
        return std::nullopt;
    }
    return id;
}

QJsonArray flowsJson(const QVector<entities::CurrencyFlow> &flows)
{
    QJsonArray array;
    for (const entities::CurrencyFlow &flow : flows) {
        array.append(QJsonObject { { QStringLiteral("currency"), flow.currency },
                                   { QStringLiteral("in_minor"), qint64(flow.inMinor) },
                                   { QStringLiteral("out_minor"), qint64(flow.outMinor) },
                                   { QStringLiteral("in_count"), qint64(flow.inCount) },
                                   { QStringLiteral("out_count"), qint64(flow.outCount) } });
    }
    return array;
}

QJsonObject hitJson(const screening::HitRow &hit)
{
    return QJsonObject {
        { QStringLiteral("id"), qint64(hit.id) },
        { QStringLiteral("subject_id"), hit.subjectId ? QJsonValue(qint64(hit.subjectId)) : QJsonValue() },
        { QStringLiteral("subject_name"), hit.subjectName },
        { QStringLiteral("list"), hit.listName },
        { QStringLiteral("entry_id"), qint64(hit.entryId) },
        { QStringLiteral("entry_reference"), hit.reference },
        { QStringLiteral("entry_name"), hit.entryName },
        { QStringLiteral("matched_name"), hit.matchedName },
        { QStringLiteral("matched_kind"), hit.matchedKind },
        { QStringLiteral("score"), hit.score },
        { QStringLiteral("explanation"), hit.explanation },
        { QStringLiteral("state"), hit.state },
        { QStringLiteral("reason"), hit.reason },
    };
}

void printHit(const screening::HitRow &hit)
{
    out() << "  " << (hit.id ? QStringLiteral("#%1 ").arg(hit.id) : QString()) << "[" << hit.score << "] "
          << hit.subjectName << "  ~  " << hit.matchedName << " (" << hit.matchedKind << ") — " << hit.listName << " "
          << hit.reference << " " << hit.entryName << (hit.state.isEmpty() ? QString() : QStringLiteral("  {%1}").arg(hit.state))
          << "\n      " << hit.explanation << "\n";
}

} // namespace

int commandSubjects(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("subjects"), QStringLiteral("List the case's resolved subjects with money in and out."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("search"), QStringLiteral("Any spelling of a name, or an identifier."), QStringLiteral("Q") });
    cli.parser.addOption({ QStringLiteral("kind"), QStringLiteral("person, organisation, npo, institution, agent or unknown "
                                                                  "(repeatable)."), QStringLiteral("K") });
    cli.parser.addOption({ QStringLiteral("sort"), QStringLiteral("flow (default), name or activity."), QStringLiteral("S") });
    cli.parser.addOption({ QStringLiteral("limit"), QStringLiteral("At most N subjects."), QStringLiteral("N") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    entities::SubjectFilter filter;
    filter.search = cli.parser.value(QStringLiteral("search"));
    filter.kinds = cli.parser.values(QStringLiteral("kind"));
    const QString sort = cli.parser.value(QStringLiteral("sort"));
    if (sort == u"name")
        filter.order = entities::SubjectFilter::Order::Name;
    else if (sort == u"activity")
        filter.order = entities::SubjectFilter::Order::LastActivity;
    else if (!sort.isEmpty() && sort != u"flow") {
        err() << "fundtrace-cli subjects: --sort is flow, name or activity\n";
        return UsageError;
    }
    if (cli.parser.isSet(QStringLiteral("limit")))
        filter.limit = cli.parser.value(QStringLiteral("limit")).toInt();
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        const QVector<entities::SubjectRow> rows = entities::SubjectList(caseFile.db()).load(filter);
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const entities::SubjectRow &row : rows) {
                array.append(QJsonObject { { QStringLiteral("id"), qint64(row.id) }, { QStringLiteral("kind"), row.kind },
                                           { QStringLiteral("name"), row.displayName },
                                           { QStringLiteral("members"), row.members },
                                           { QStringLiteral("accounts"), row.accounts },
                                           { QStringLiteral("flows"), flowsJson(row.flows) },
                                           { QStringLiteral("first_activity"), row.firstAt ? QJsonValue(isoDay(row.firstAt)) : QJsonValue() },
                                           { QStringLiteral("last_activity"), row.lastAt ? QJsonValue(isoDay(row.lastAt)) : QJsonValue() },
                                           { QStringLiteral("open_hits"), row.openHits } });
            }
            printJson(array);
            return int(Success);
        }
        for (const entities::SubjectRow &row : rows) {
            const entities::CurrencyFlow flow = row.flows.value(0);
            out() << QStringLiteral("%1  %2  %3").arg(row.id, 6).arg(row.kind, -12).arg(row.displayName, -40)
                  << (flow.currency.isEmpty() ? QString()
                                              : QStringLiteral("  in %1  out %2").arg(amount(flow.inMinor, flow.currency),
                                                                                     amount(flow.outMinor, flow.currency)))
                  << (row.openHits ? QStringLiteral("  screening hits: %1").arg(row.openHits) : QString()) << "\n";
        }
        out() << rows.size() << " subjects\n";
        return int(Success);
    });
}

int commandSubject(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("subject"), QStringLiteral("Show one subject's profile."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Subject id (any member of a merged subject)."));
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const auto id = idArgument(cli.parser.positionalArguments().at(1), "subject");
    if (!id)
        return UsageError;
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        const std::optional<entities::SubjectProfile> profile = entities::SubjectProfileQuery(caseFile.db()).load(*id);
        if (!profile) {
            err() << "fundtrace-cli subject: there is no subject " << *id << " in this case\n";
            return int(InputError);
        }
        if (cli.parser.isSet(QStringLiteral("json"))) {
            printJson(profile->toJson());
            return int(Success);
        }
        out() << profile->displayName << "  (subject " << profile->id << ", " << profile->kind
              << (profile->kindReason.isEmpty() ? QString() : QStringLiteral(": ") + profile->kindReason) << ")\n";
        out() << "Names:\n";
        for (const auto &name : profile->names)
            out() << "  " << name.name << "  [" << name.sources.join(QStringLiteral(", ")) << "]\n";
        if (!profile->identifiers.isEmpty())
            out() << "Identifiers:\n";
        for (const auto &identifier : profile->identifiers)
            out() << "  " << identifier.kind << " " << identifier.value << "  " << identifier.validity
                  << (identifier.problem.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(identifier.problem))
                  << (identifier.details.isEmpty() ? QString() : QStringLiteral("  %1").arg(identifier.details)) << "\n";
        out() << "Accounts:\n";
        for (const auto &account : profile->accounts)
            out() << "  " << account.identifier << "  " << account.institution << "  " << account.transactions << " transactions\n";
        out() << "Totals (" << isoDay(profile->firstAt) << " .. " << isoDay(profile->lastAt) << "):\n";
        for (const auto &flow : profile->totals)
            out() << "  in " << amount(flow.inMinor, flow.currency) << " (" << flow.inCount << ")  out "
                  << amount(flow.outMinor, flow.currency) << " (" << flow.outCount << ")\n";
        out() << "Top counterparties by amount:\n";
        for (const auto &c : profile->topByAmount)
            out() << "  " << c.name << "  in " << amount(c.inMinor, c.currency) << "  out " << amount(c.outMinor, c.currency)
                  << "  (" << c.count << ")\n";
        out() << "Risk: " << profile->risk << " — " << profile->riskExplanation << "\n";
        if (!profile->alerts.isEmpty())
            out() << "Alerts:\n";
        for (const auto &alert : profile->alerts)
            out() << "  #" << alert.id << " [" << alert.score << "] " << alert.typology << " — " << alert.title << "  {"
                  << alert.state << "}\n";
        if (!profile->hits.isEmpty())
            out() << "Screening hits:\n";
        for (const auto &hit : profile->hits)
            out() << "  #" << hit.id << " [" << hit.score << "] " << hit.listName << " " << hit.reference << " " << hit.entryName
                  << " ~ " << hit.matchedName << "  {" << hit.state << "}\n";
        if (!profile->candidates.isEmpty())
            out() << "Possible same subject:\n";
        for (const auto &candidate : profile->candidates)
            out() << "  candidate " << candidate.id << ": subject " << candidate.otherSubjectId << " " << candidate.otherName
                  << " [" << candidate.score << "] " << candidate.explanation << "\n";
        return int(Success);
    });
}

int commandResolve(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("resolve"), QStringLiteral("Rerun subject resolution (it also runs after every import)."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        const entities::SubjectResolver::Report report = entities::SubjectResolver(caseFile).run();
        if (cli.parser.isSet(QStringLiteral("json"))) {
            printJson(QJsonObject { { QStringLiteral("account_holders"), report.accountHolders },
                                    { QStringLiteral("named_counterparties"), report.namedCounterparties },
                                    { QStringLiteral("identifiers_checked"), report.attributesChecked },
                                    { QStringLiteral("automatic_merges"), report.automaticMerges },
                                    { QStringLiteral("candidates"), report.candidates },
                                    { QStringLiteral("seconds"), report.seconds } });
        } else {
            out() << report.accountHolders << " account holders and " << report.namedCounterparties
                  << " named counterparties added, " << report.attributesChecked << " identifiers checked, "
                  << report.automaticMerges << " automatic merges, " << report.candidates << " candidate pairs ("
                  << QString::number(report.seconds, 'f', 2) << " s)\n";
        }
        return int(Success);
    });
}

int commandCandidates(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("candidates"), QStringLiteral("List open candidate pairs, best first."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("limit"), QStringLiteral("At most N pairs (default 50)."), QStringLiteral("N") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    const int limit = cli.parser.isSet(QStringLiteral("limit")) ? cli.parser.value(QStringLiteral("limit")).toInt() : 50;
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        db::Statement select = caseFile.db().prepare(
                "SELECT c.id, c.subject_a, a.display_name, c.subject_b, b.display_name, c.score, c.explanation "
                "FROM resolution_candidates c JOIN subjects a ON a.id = c.subject_a JOIN subjects b ON b.id = c.subject_b "
                "WHERE c.state = 'open' AND coalesce(a.merged_into, a.id) != coalesce(b.merged_into, b.id) "
                "ORDER BY c.score DESC, c.id LIMIT ?1");
        select.bind(1, limit);
        QJsonArray array;
        while (select.step()) {
            if (cli.parser.isSet(QStringLiteral("json"))) {
                array.append(QJsonObject { { QStringLiteral("id"), qint64(select.int64(0)) },
                                           { QStringLiteral("subject_a"), qint64(select.int64(1)) },
                                           { QStringLiteral("name_a"), select.qtext(2) },
                                           { QStringLiteral("subject_b"), qint64(select.int64(3)) },
                                           { QStringLiteral("name_b"), select.qtext(4) },
                                           { QStringLiteral("score"), qint64(select.int64(5)) },
                                           { QStringLiteral("explanation"), select.qtext(6) } });
            } else {
                out() << QStringLiteral("%1  [%2]  %3 (%4)  ~  %5 (%6)\n      %7\n")
                                 .arg(select.int64(0), 5).arg(select.int64(5), 3).arg(select.qtext(2)).arg(select.int64(1))
                                 .arg(select.qtext(4)).arg(select.int64(3)).arg(select.qtext(6));
            }
        }
        if (cli.parser.isSet(QStringLiteral("json")))
            printJson(array);
        return int(Success);
    });
}

int commandMerge(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("merge"), QStringLiteral("Merge subjects that are one person or organisation."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Two or more subject ids."));
    cli.parser.addOption({ QStringLiteral("reason"), QStringLiteral("Why they are the same."), QStringLiteral("R") });
    if (const int code = cli.parse(arguments, 3, -1); code >= 0)
        return code;
    QVector<std::int64_t> ids;
    for (const QString &text : cli.parser.positionalArguments().mid(1)) {
        const auto id = idArgument(text, "subject");
        if (!id)
            return UsageError;
        ids.append(*id);
    }
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        const std::int64_t operation = entities::ResolutionActions(caseFile.db()).merge(ids, cli.parser.value(QStringLiteral("reason")));
        out() << "merged (operation " << operation << "; undo with: fundtrace-cli undo CASE " << operation << ")\n";
        return int(Success);
    });
}

int commandSplit(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("split"), QStringLiteral("Take a subject row out of the subject it was merged into."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The member subject id to take out."));
    cli.parser.addOption({ QStringLiteral("reason"), QStringLiteral("Why it is a different subject (required)."), QStringLiteral("R") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const auto id = idArgument(cli.parser.positionalArguments().at(1), "subject");
    if (!id)
        return UsageError;
    if (cli.parser.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "fundtrace-cli split: give a --reason\n";
        return UsageError;
    }
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        const std::int64_t operation = entities::ResolutionActions(caseFile.db()).split(*id, cli.parser.value(QStringLiteral("reason")));
        out() << "split (operation " << operation << ")\n";
        return int(Success);
    });
}

int commandConfirm(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("confirm"), QStringLiteral("Confirm a candidate pair: merge the two subjects."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("CANDIDATE"), QStringLiteral("Candidate pair id (see candidates)."));
    cli.parser.addOption({ QStringLiteral("reason"), QStringLiteral("Why."), QStringLiteral("R") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const auto id = idArgument(cli.parser.positionalArguments().at(1), "candidate");
    if (!id)
        return UsageError;
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        const std::int64_t operation =
                entities::ResolutionActions(caseFile.db()).confirmCandidate(*id, cli.parser.value(QStringLiteral("reason")));
        out() << "confirmed and merged (operation " << operation << ")\n";
        return int(Success);
    });
}

int commandReject(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("reject"), QStringLiteral("Reject a candidate pair: they are different subjects."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("CANDIDATE"), QStringLiteral("Candidate pair id."));
    cli.parser.addOption({ QStringLiteral("reason"), QStringLiteral("Why (required)."), QStringLiteral("R") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const auto id = idArgument(cli.parser.positionalArguments().at(1), "candidate");
    if (!id)
        return UsageError;
    if (cli.parser.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "fundtrace-cli reject: give a --reason\n";
        return UsageError;
    }
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        entities::ResolutionActions(caseFile.db()).rejectCandidate(*id, cli.parser.value(QStringLiteral("reason")));
        out() << "rejected\n";
        return int(Success);
    });
}

int commandUndo(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("undo"), QStringLiteral("Undo a merge or split (the newest one by default)."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("OPERATION"), QStringLiteral("Operation id (optional)."));
    if (const int code = cli.parse(arguments, 1, 2); code >= 0)
        return code;
    std::optional<std::int64_t> operation;
    if (cli.parser.positionalArguments().size() == 2) {
        operation = idArgument(cli.parser.positionalArguments().at(1), "operation");
        if (!operation)
            return UsageError;
    }
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        entities::ResolutionActions actions(caseFile.db());
        std::int64_t undone = 0;
        if (operation) {
            actions.undo(*operation);
            undone = *operation;
        } else {
            undone = actions.undoLast();
        }
        if (undone == 0) {
            err() << "fundtrace-cli undo: nothing to undo\n";
            return int(InputError);
        }
        out() << "undone operation " << undone << "\n";
        return int(Success);
    });
}

int commandScreen(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("screen"), QStringLiteral("Screen all subjects, or one typed name, against the case's "
                                                             "sanctions and terrorist lists."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("list"), QStringLiteral("Only this list (name as in info)."), QStringLiteral("NAME") });
    cli.parser.addOption({ QStringLiteral("name"), QStringLiteral("Screen this name instead of the subjects (nothing is stored)."),
                           QStringLiteral("NAME") });
    cli.parser.addOption({ QStringLiteral("birth-date"), QStringLiteral("With --name: date of birth, yyyy-MM-dd or yyyy."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("nationality"), QStringLiteral("With --name: ISO country code."), QStringLiteral("C") });
    cli.parser.addOption({ QStringLiteral("threshold"), QStringLiteral("Minimum score 0-100 (default: the case's, 80 unless set); "
                                                                        "lower finds more and is noisier."), QStringLiteral("T") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    screening::ScreeningOptions options;
    options.listName = cli.parser.value(QStringLiteral("list"));
    if (cli.parser.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        options.threshold = cli.parser.value(QStringLiteral("threshold")).toInt(&ok);
        if (!ok || options.threshold < 0 || options.threshold > 100) {
            err() << "fundtrace-cli screen: --threshold is a number from 0 to 100\n";
            return UsageError;
        }
    }
    const bool typed = cli.parser.isSet(QStringLiteral("name"));
    const bool json = cli.parser.isSet(QStringLiteral("json"));
    return withCase(cli.parser.positionalArguments().at(0), typed, [&](db::CaseFile &caseFile) {
        screening::SubjectScreening screening(caseFile);
        if (typed) {
            const QVector<screening::HitRow> hits = screening.screenName(
                    cli.parser.value(QStringLiteral("name")), cli.parser.value(QStringLiteral("birth-date")),
                    cli.parser.value(QStringLiteral("nationality")), options);
            if (json) {
                QJsonArray array;
                for (const screening::HitRow &hit : hits)
                    array.append(hitJson(hit));
                printJson(array);
            } else {
                for (const screening::HitRow &hit : hits)
                    printHit(hit);
                out() << hits.size() << " hits\n";
            }
            return int(Success);
        }
        const screening::ScreeningReport report = screening.run(options);
        const QVector<screening::HitRow> hits = screening.hits(options.listName);
        if (json) {
            QJsonArray array;
            for (const screening::HitRow &hit : hits)
                array.append(hitJson(hit));
            printJson(QJsonObject { { QStringLiteral("subjects_screened"), report.subjects },
                                    { QStringLiteral("names_screened"), report.names },
                                    { QStringLiteral("list_entries"), report.entries },
                                    { QStringLiteral("threshold"), report.threshold },
                                    { QStringLiteral("new_hits"), report.newHits },
                                    { QStringLiteral("seconds"), report.seconds },
                                    { QStringLiteral("hits"), array } });
        } else {
            for (const screening::HitRow &hit : hits)
                printHit(hit);
            out() << report.subjects << " subjects (" << report.names << " names) screened against " << report.entries
                  << " list entries at threshold " << report.threshold << ": " << hits.size() << " hits, " << report.newHits
                  << " new (" << QString::number(report.seconds, 'f', 2) << " s)\n";
        }
        return int(Success);
    });
}

int commandHit(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("hit"), QStringLiteral("Confirm or dismiss a screening hit."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("HIT"), QStringLiteral("Hit id (see screen)."));
    cli.parser.addOption({ QStringLiteral("confirm"), QStringLiteral("The subject is the listed party.") });
    cli.parser.addOption({ QStringLiteral("dismiss"), QStringLiteral("The subject is not the listed party.") });
    cli.parser.addOption({ QStringLiteral("reason"), QStringLiteral("Why (required)."), QStringLiteral("R") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const bool confirm = cli.parser.isSet(QStringLiteral("confirm"));
    if (confirm == cli.parser.isSet(QStringLiteral("dismiss"))) {
        err() << "fundtrace-cli hit: give exactly one of --confirm and --dismiss\n";
        return UsageError;
    }
    const auto id = idArgument(cli.parser.positionalArguments().at(1), "hit");
    if (!id)
        return UsageError;
    if (cli.parser.value(QStringLiteral("reason")).trimmed().isEmpty()) {
        err() << "fundtrace-cli hit: give a --reason (it is kept in the audit log)\n";
        return UsageError;
    }
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        screening::SubjectScreening(caseFile).decide(*id, confirm ? QStringLiteral("confirmed") : QStringLiteral("dismissed"),
                                                     cli.parser.value(QStringLiteral("reason")));
        out() << (confirm ? "confirmed\n" : "dismissed\n");
        return int(Success);
    });
}

} // namespace fundtrace::cli
