#include "DetectCommands.h"

#include "CliCommands.h"
#include "CliSupport.h"

#include "annotations/AnnotationStore.h"
#include "db/CaseFile.h"
#include "detect/AlertQuery.h"
#include "detect/AlertTriage.h"
#include "detect/DetectionRun.h"
#include "detect/RuleSet.h"
#include "model/Currency.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <functional>

namespace fundtrace::cli {
namespace {

QJsonArray notesJson(const QVector<annotations::Annotation> &notes)
{
    QJsonArray array;
    for (const annotations::Annotation &note : notes) {
        array.append(QJsonObject { { QStringLiteral("id"), qint64(note.id) }, { QStringLiteral("object_type"), note.objectType },
                                   { QStringLiteral("object_id"), qint64(note.objectId) }, { QStringLiteral("body"), note.body },
                                   { QStringLiteral("tags"), note.tags }, { QStringLiteral("severity"), note.severity },
                                   { QStringLiteral("hypothesis"), note.hypothesis },
                                   { QStringLiteral("created_at"), note.createdAt },
                                   { QStringLiteral("created_by"), note.createdBy } });
    }
    return array;
}

} // namespace

int commandDetect(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("detect"), QStringLiteral("Run the typology rules over the case and store alerts."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("rules"), QStringLiteral("Rules file (JSON, docs/detection.md); default: the "
                                                                   "bundled rules (fundtrace-cli rules)."), QStringLiteral("R") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON: the run's figures and every alert with its "
                                                                  "evidence (source file, row, external id).") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    return withCase(cli.parser.positionalArguments().at(0), false, [&](db::CaseFile &caseFile) {
        const detect::RuleSet rules = cli.parser.isSet(QStringLiteral("rules"))
                ? detect::RuleSet::fromFile(cli.parser.value(QStringLiteral("rules")))
                : detect::RuleSet::fromDefault();
        const detect::DetectionReport report = detect::DetectionRun(caseFile, rules).run();
        const detect::AlertQuery query(caseFile.db());
        const QVector<detect::AlertRow> alerts = query.list({});
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const detect::AlertRow &row : alerts)
                array.append(query.detail(row.id)->toJson());
            QJsonObject json = report.toJson();
            json.insert(QStringLiteral("alerts"), array);
            printJson(json);
            return int(Success);
        }
        for (const auto &rule : report.rules)
            out() << QStringLiteral("%1  %2 found  (%3 s)\n").arg(rule.typology, -40).arg(rule.found, 5).arg(rule.seconds, 0, 'f', 2);
        out() << report.transactions << " transactions, " << report.created << " new alerts, " << report.updated
              << " updated, " << report.closed << " no longer found; " << alerts.size() << " active alerts ("
              << QString::number(report.totalSeconds, 'f', 2) << " s: load " << QString::number(report.loadSeconds, 'f', 2)
              << ", rules " << QString::number(report.rulesSeconds, 'f', 2) << ", store "
              << QString::number(report.storeSeconds, 'f', 2) << ")\n";
        return int(Success);
    });
}

int commandAlerts(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("alerts"), QStringLiteral("List alerts, highest score first."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("state"), QStringLiteral("new, in_review, confirmed or dismissed (repeatable)."), QStringLiteral("S") });
    cli.parser.addOption({ QStringLiteral("rule"), QStringLiteral("Rule id (repeatable; see fundtrace-cli rules)."), QStringLiteral("R") });
    cli.parser.addOption({ QStringLiteral("min-score"), QStringLiteral("Only alerts scoring at least N."), QStringLiteral("N") });
    cli.parser.addOption({ QStringLiteral("subject"), QStringLiteral("Only alerts on this subject."), QStringLiteral("ID") });
    cli.parser.addOption({ QStringLiteral("all"), QStringLiteral("Include alerts the latest run no longer found.") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON with each alert's evidence.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    detect::AlertFilter filter;
    filter.states = cli.parser.values(QStringLiteral("state"));
    for (const QString &state : filter.states) {
        if (!detect::AlertTriage::isState(state)) {
            err() << "fundtrace-cli alerts: \"" << state << "\" is not a state (new, in_review, confirmed, dismissed)\n";
            return UsageError;
        }
    }
    filter.rules = cli.parser.values(QStringLiteral("rule"));
    filter.minScore = cli.parser.value(QStringLiteral("min-score")).toInt();
    filter.subjectId = cli.parser.value(QStringLiteral("subject")).toLongLong();
    filter.includeInactive = cli.parser.isSet(QStringLiteral("all"));
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        const detect::AlertQuery query(caseFile.db());
        const QVector<detect::AlertRow> rows = query.list(filter);
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const detect::AlertRow &row : rows)
                array.append(query.detail(row.id)->toJson());
            printJson(array);
            return int(Success);
        }
        for (const detect::AlertRow &row : rows)
            out() << QStringLiteral("%1  [%2]  %3  %4  %5..%6  %7\n")
                             .arg(row.id, 5).arg(row.score, 3).arg(row.state, -9).arg(row.typology, -28)
                             .arg(isoDay(row.windowStart), isoDay(row.windowEnd), row.title);
        out() << rows.size() << " alerts\n";
        return int(Success);
    });
}

int commandAlert(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("alert"), QStringLiteral("Show one alert: explanation, evidence, history and notes."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Alert id."));
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 2, 2); code >= 0)
        return code;
    const std::int64_t id = cli.parser.positionalArguments().at(1).toLongLong();
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        const std::optional<detect::AlertDetail> detail = detect::AlertQuery(caseFile.db()).detail(id);
        if (!detail) {
            err() << "fundtrace-cli alert: there is no alert " << cli.parser.positionalArguments().at(1) << "\n";
            return int(InputError);
        }
        if (cli.parser.isSet(QStringLiteral("json"))) {
            printJson(detail->toJson());
            return int(Success);
        }
        out() << "#" << detail->row.id << " [" << detail->row.score << "] " << detail->row.typology << " — " << detail->row.title
              << "\nstate: " << detail->row.state
              << (detail->stateReason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail->stateReason)) << "\n"
              << detail->explanation << "\nEvidence:\n";
        for (const auto &e : detail->evidence)
            out() << "  " << isoDay(e.bookedAt) << "  " << e.direction << " "
                  << model::formatAmount(e.amountMinor, e.currency.toStdString()) << "  " << e.account << " <> " << e.counterparty
                  << "  [" << e.role << "]  " << e.sourceFile << " row " << e.sourceRow
                  << (e.externalId.isEmpty() ? QString() : QStringLiteral(" id ") + e.externalId) << "\n";
        for (const auto &note : detail->notes)
            out() << "Note #" << note.id << " (" << note.createdBy << ", " << note.createdAt << "): " << note.body << "\n";
        return int(Success);
    });
}

int commandTriage(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("triage"), QStringLiteral("Set the state of alerts (audited, undoable)."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Alert ids."));
    cli.parser.addOption({ QStringLiteral("state"), QStringLiteral("new, in_review, confirmed or dismissed."), QStringLiteral("S") });
    cli.parser.addOption({ QStringLiteral("reason"), QStringLiteral("Why (required to dismiss)."), QStringLiteral("R") });
    cli.parser.addOption({ QStringLiteral("undo"), QStringLiteral("Undo the newest triage change (or the batch given as ID).") });
    if (const int code = cli.parse(arguments, 1, -1); code >= 0)
        return code;
    const QStringList positional = cli.parser.positionalArguments();
    const bool undo = cli.parser.isSet(QStringLiteral("undo"));
    if (!undo && (positional.size() < 2 || !cli.parser.isSet(QStringLiteral("state")))) {
        err() << "fundtrace-cli triage: give alert ids and --state, or --undo\n";
        return UsageError;
    }
    QVector<std::int64_t> ids;
    for (const QString &text : positional.mid(1)) {
        bool ok = false;
        ids.append(text.toLongLong(&ok));
        if (!ok) {
            err() << "fundtrace-cli triage: \"" << text << "\" is not an alert id\n";
            return UsageError;
        }
    }
    return withCase(positional.at(0), false, [&](db::CaseFile &caseFile) {
        detect::AlertTriage triage(caseFile.db());
        if (undo) {
            std::int64_t batch = ids.isEmpty() ? triage.undoLast() : ids.front();
            if (!ids.isEmpty())
                triage.undo(batch);
            if (batch == 0) {
                err() << "fundtrace-cli triage: nothing to undo\n";
                return int(InputError);
            }
            out() << "undone triage change " << batch << "\n";
            return int(Success);
        }
        const std::int64_t batch = triage.setState(ids, cli.parser.value(QStringLiteral("state")), cli.parser.value(QStringLiteral("reason")));
        out() << ids.size() << " alert(s) set to " << cli.parser.value(QStringLiteral("state")) << " (change " << batch
              << "; undo with: fundtrace-cli triage CASE --undo " << batch << ")\n";
        return int(Success);
    });
}

int commandAnnotate(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("annotate"), QStringLiteral("Add a note to a transaction, account, subject, alert or selection."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("TYPE"), QStringLiteral("transaction, account, subject, alert or selection."));
    cli.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The object's id."));
    cli.parser.addOption({ QStringLiteral("text"), QStringLiteral("The note."), QStringLiteral("T") });
    cli.parser.addOption({ QStringLiteral("tags"), QStringLiteral("Comma-separated tags."), QStringLiteral("TAGS") });
    cli.parser.addOption({ QStringLiteral("severity"), QStringLiteral("info, low, medium or high."), QStringLiteral("S") });
    cli.parser.addOption({ QStringLiteral("hypothesis"), QStringLiteral("What you think is going on."), QStringLiteral("H") });
    if (const int code = cli.parse(arguments, 3, 3); code >= 0)
        return code;
    const QStringList positional = cli.parser.positionalArguments();
    annotations::Annotation note;
    note.objectType = positional.at(1);
    note.objectId = positional.at(2).toLongLong();
    note.body = cli.parser.value(QStringLiteral("text"));
    note.tags = cli.parser.value(QStringLiteral("tags"));
    note.severity = cli.parser.value(QStringLiteral("severity"));
    note.hypothesis = cli.parser.value(QStringLiteral("hypothesis"));
    return withCase(positional.at(0), false, [&](db::CaseFile &caseFile) {
        out() << "note " << annotations::AnnotationStore(caseFile.db()).add(note) << " added\n";
        return int(Success);
    });
}

int commandNotes(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("notes"), QStringLiteral("Search notes, or list the notes on one object."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("search"), QStringLiteral("Words in the text, tags or hypothesis."), QStringLiteral("Q") });
    cli.parser.addOption({ QStringLiteral("on"), QStringLiteral("TYPE:ID, e.g. alert:12."), QStringLiteral("OBJECT") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    return withCase(cli.parser.positionalArguments().at(0), true, [&](db::CaseFile &caseFile) {
        const annotations::AnnotationStore store(caseFile.db());
        QVector<annotations::Annotation> notes;
        if (cli.parser.isSet(QStringLiteral("on"))) {
            const QStringList parts = cli.parser.value(QStringLiteral("on")).split(u':');
            notes = store.forObject(parts.value(0), parts.value(1).toLongLong());
        } else {
            notes = store.search(cli.parser.value(QStringLiteral("search")));
        }
        if (cli.parser.isSet(QStringLiteral("json"))) {
            printJson(notesJson(notes));
            return int(Success);
        }
        for (const annotations::Annotation &note : notes)
            out() << "#" << note.id << " " << note.objectType << ":" << note.objectId << " [" << note.severity << "] "
                  << note.body << (note.tags.isEmpty() ? QString() : QStringLiteral("  #") + note.tags) << "\n";
        out() << notes.size() << " notes\n";
        return int(Success);
    });
}

int commandRules(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("rules"), QStringLiteral("Print the bundled default rules file, to copy and edit."));
    if (const int code = cli.parse(arguments, 0, 0); code >= 0)
        return code;
    printJson(detect::RuleSet::defaultJson());
    return Success;
}

} // namespace fundtrace::cli
