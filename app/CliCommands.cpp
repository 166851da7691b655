#include "CliCommands.h"

#include "ChartCommands.h"
#include "CliSupport.h"
#include "DemoCommand.h"
#include "DetectCommands.h"
#include "GraphCommands.h"
#include "TraceCommand.h"
#include "SubjectCommands.h"

#include "db/CaseFile.h"
#include "entities/SubjectRefresh.h"
#include "import/CaseTimeZone.h"
#include "import/FileImporter.h"
#include "import/ImportPreview.h"
#include "import/RejectsReport.h"
#include "model/Currency.h"
#include "query/CaseSummary.h"
#include "query/SourceQuery.h"
#include "query/TransactionQuery.h"
#include "util/Logging.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimeZone>
#include <cstdio>
#include <functional>
#include <unistd.h>


namespace fundtrace::cli {
namespace {

const char *const kUsage =
        "Usage: fundtrace-cli <command> [options]\n"
        "\n"
        "Commands:\n"
        "  new CASE [--title T]                 create a case file (.ftcase)\n"
        "  import CASE FILE... [--format F] [--mapping M.json] [--encoding E] [--sheet S] [--list-name NAME]\n"
        "                      [--rejects R.csv] [--strict] [--force]\n"
        "                                       import bank exports (CSV, XLSX, 1C, camt, MT940), goAML\n"
        "                                       reports, sanctions lists; one transaction per file\n"
        "  info CASE [--json]                   counts, sums per currency, date range, sources\n"
        "  transactions CASE [--account A] [--from D] [--to D] [--text Q] [--limit N] [--json]\n"
        "                                       list transactions (dates yyyy-MM-dd, in the case's zone)\n"
        "  subjects CASE [--search Q] [--kind K] [--sort flow|name|activity] [--limit N] [--json]\n"
        "                                       resolved people, organisations, NPOs with money in/out\n"
        "  subject CASE ID [--json]             a subject's profile\n"
        "  resolve CASE [--json]                rerun subject resolution (runs after every import)\n"
        "  candidates CASE [--limit N] [--json] pairs that may be one subject, best first\n"
        "  confirm CASE CANDIDATE [--reason R]  merge a candidate pair\n"
        "  reject CASE CANDIDATE --reason R     keep a candidate pair apart\n"
        "  merge CASE ID ID... [--reason R]     merge subjects by hand\n"
        "  split CASE ID --reason R             take a merged row out of its subject\n"
        "  undo CASE [OPERATION]                undo a merge or split (the newest by default)\n"
        "  screen CASE [--list L] [--name N [--birth-date D] [--nationality C]] [--threshold T] [--json]\n"
        "                                       screen subjects (or a typed name) against the lists\n"
        "  hit CASE HIT (--confirm|--dismiss) --reason R\n"
        "                                       decide a screening hit\n"
        "  detect CASE [--rules R.json] [--json] run the typology rules; store alerts with evidence\n"
        "  alerts CASE [--state S] [--rule R] [--min-score N] [--subject ID] [--all] [--json]\n"
        "                                       list alerts, highest score first\n"
        "  alert CASE ID [--json]               one alert: explanation, evidence, history, notes\n"
        "  triage CASE ID... --state S [--reason R] | triage CASE --undo [BATCH]\n"
        "                                       new, in_review, confirmed, dismissed (audited, undoable)\n"
        "  annotate CASE TYPE ID --text T [--tags T] [--severity S] [--hypothesis H]\n"
        "                                       note on a transaction, account, subject, alert, selection\n"
        "  notes CASE [--search Q | --on TYPE:ID] [--json]\n"
        "  rules                                print the default rules file\n"
        "  trace CASE --from ID|--to ID [--method fifo|lifo|prorata|libr] [--hops N] [--since D] [--until D] [--json]\n"
        "                                       follow money forward or backward through accounts\n"
        "  chart CASE timeline|histogram|heatmap|breakdown [--subject ID]... [--account A]... [--since D]\n"
        "             [--until D] [--currency C] [--bucket day|week|month] [--by channel|country|counterparty] [--json]\n"
        "                                       money over time, amount histogram with the reporting threshold,\n"
        "                                       weekday x hour heatmap, breakdowns\n"
        "  graph CASE [--subject ID]... [--account IDENT|ID]... [--alert ID]... [--nodes subjects|accounts]\n"
        "             [--hops N] [--since D] [--until D] [--min-amount X] [--channel C]... [--direction both|out|in]\n"
        "             [--analytics] [--path FROM TO] [--json]\n"
        "                                       link chart: who paid whom, graph measures, strongest trail\n"
        "  views CASE [--delete NAME] [--json]  link chart views saved in the case\n"
        "  demo OUTDIR [--scale N] [--seed S]   build the demo case from bundled generators\n"
        "  generate-bench-csv FILE --rows N [--seed S]\n"
        "                                       write a large synthetic bank CSV for benchmarks\n"
        "\n"
        "Run 'fundtrace-cli <command> --help' for a command's options.\n"
        "Exit codes: 0 success, 1 usage, 2 input error, 3 case error. See docs/cli.md.\n";

QString isoUtc(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(Qt::ISODate);
}

int caseFailure(const db::CaseError &error)
{
    err() << "fundtrace-cli: " << QString::fromUtf8(error.what()) << "\n";
    return error.reason() == db::CaseError::Reason::AlreadyExists ? InputError : CaseError;
}

int commandNew(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("new"), QStringLiteral("Create a new, empty case file."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("Path of the case file to create (.ftcase)."));
    cli.parser.addOption({ QStringLiteral("title"), QStringLiteral("Case title."), QStringLiteral("T") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    const QString path = cli.parser.positionalArguments().at(0);
    const QString title = cli.parser.isSet(QStringLiteral("title")) ? cli.parser.value(QStringLiteral("title"))
                                                                    : QFileInfo(path).completeBaseName();
    try {
        db::CaseFile::create(path, title);
    } catch (const db::CaseError &error) {
        return caseFailure(error);
    }
    out() << "created " << path << " (\"" << title << "\")\n";
    return Success;
}

// Progress on stderr, only when a person is watching a terminal.
import::ProgressCallback terminalProgress(const QString &file)
{
    if (!isatty(fileno(stderr)))
        return {};
    auto last = std::make_shared<QElapsedTimer>();
    last->start();
    return [file, last](const import::ImportProgress &p) {
        if (last->elapsed() < 500 && std::string_view(p.phase) == "reading")
            return;
        last->restart();
        const int percent = p.bytesTotal > 0 ? int(100.0 * p.bytesDone / p.bytesTotal) : 0;
        err() << "\r" << QFileInfo(file).fileName() << ": " << p.phase << " " << percent << "%  " << p.rowsRead
              << " rows  " << qint64(p.rowsPerSecond) << " rows/s";
        if (p.secondsRemaining >= 0)
            err() << "  ~" << qint64(p.secondsRemaining + 0.5) << " s left";
        err() << "   " << Qt::flush;
    };
}

int commandImport(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("import"),
                    QStringLiteral("Import files into a case: bank exports (CSV/TSV, XLSX, 1C, camt.05x, MT940), goAML "
                                   "reports and sanctions lists; the format is detected from the content. Each file "
                                   "is imported in one transaction: it is either fully written (with bad rows "
                                   "reported) or not at all."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import."), QStringLiteral("FILE..."));
    cli.parser.addOption({ QStringLiteral("mapping"), QStringLiteral("Column mapping (JSON, see docs/mapping.md); "
                                                                     "without it, header names are recognised."),
                           QStringLiteral("M.json") });
    cli.parser.addOption({ QStringLiteral("encoding"), QStringLiteral("UTF-8, UTF-16LE, UTF-16BE or windows-1251 "
                                                                      "(default: detected)."),
                           QStringLiteral("E") });
    cli.parser.addOption({ QStringLiteral("rejects"), QStringLiteral("Write rejected rows (file, row, column, reason) "
                                                                     "to this CSV."),
                           QStringLiteral("R.csv") });
    cli.parser.addOption({ QStringLiteral("format"), QStringLiteral("csv, xlsx, 1c, camt, mt940, goaml, un-list, ofac-xml, "
                                                                    "ofac-csv, eu-list, ftm or national-list (default: "
                                                                    "detected)."),
                           QStringLiteral("F") });
    cli.parser.addOption({ QStringLiteral("sheet"), QStringLiteral("XLSX: import only this sheet (name or number)."),
                           QStringLiteral("S") });
    cli.parser.addOption({ QStringLiteral("list-name"), QStringLiteral("Sanctions lists: the name to file the list under "
                                                                  "(required for national-list)."),
                           QStringLiteral("NAME") });
    cli.parser.addOption({ QStringLiteral("strict"), QStringLiteral("Abort a file at its first bad row, writing nothing.") });
    cli.parser.addOption({ QStringLiteral("force"), QStringLiteral("Import a file even if the case already has it "
                                                                   "(same SHA-256).") });
    cli.parser.addOption({ QStringLiteral("no-resolve"), QStringLiteral("Skip subject resolution and screening after the "
                                                                        "import (run 'resolve' and 'screen' later).") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print the results as JSON.") });
    if (const int code = cli.parse(arguments, 2, -1); code >= 0)
        return code;
    const QStringList positional = cli.parser.positionalArguments();

    import::ImportOptions options;
    options.encoding = cli.parser.value(QStringLiteral("encoding"));
    options.format = cli.parser.value(QStringLiteral("format"));
    options.sheet = cli.parser.value(QStringLiteral("sheet"));
    options.listName = cli.parser.value(QStringLiteral("list-name"));
    if (!options.format.isEmpty() && !import::formatFromName(options.format)) {
        err() << "fundtrace-cli import: unknown --format \"" << options.format << "\"\n";
        return UsageError;
    }
    options.strict = cli.parser.isSet(QStringLiteral("strict"));
    options.force = cli.parser.isSet(QStringLiteral("force"));
    if (cli.parser.isSet(QStringLiteral("mapping"))) {
        try {
            options.mapping = import::ImportMapping::load(cli.parser.value(QStringLiteral("mapping")));
        } catch (const import::MappingError &error) {
            err() << "fundtrace-cli import: " << QString::fromUtf8(error.what()) << "\n";
            return InputError;
        }
    }

    std::optional<db::CaseFile> caseFile;
    try {
        caseFile.emplace(db::CaseFile::open(positional.at(0)));
    } catch (const db::CaseError &error) {
        return caseFailure(error);
    }

    int exitCode = Success;
    std::vector<import::Reject> allRejects;
    bool anyImported = false;
    QJsonArray results;
    import::FileImporter importer(*caseFile, options);
    for (const QString &file : positional.mid(1)) {
        const import::ImportResult result = importer.importFile(file, terminalProgress(file));
        if (isatty(fileno(stderr)))
            err() << "\r\033[K" << Qt::flush;
        allRejects.insert(allRejects.end(), result.rejects.begin(), result.rejects.end());
        const bool imported = result.status == import::ImportResult::Status::Imported;
        anyImported = anyImported || imported;
        if (!imported) {
            err() << "fundtrace-cli import: " << result.message << "\n";
            exitCode = InputError;
        }
        if (cli.parser.isSet(QStringLiteral("json"))) {
            results.append(QJsonObject {
                    { QStringLiteral("file"), file },
                    { QStringLiteral("status"), imported ? QStringLiteral("imported")
                                                : result.status == import::ImportResult::Status::Refused ? QStringLiteral("refused")
                                                                                                         : QStringLiteral("failed") },
                    { QStringLiteral("message"), result.message },
                    { QStringLiteral("source_id"), qint64(result.sourceId) },
                    { QStringLiteral("rows_read"), qint64(result.rowsRead) },
                    { QStringLiteral("rows_imported"), qint64(result.rowsImported) },
                    { QStringLiteral("rows_rejected"), qint64(result.rowsRejected) },
                    { QStringLiteral("encoding"), result.encoding },
                    { QStringLiteral("delimiter"), result.delimiter },
                    { QStringLiteral("seconds"), result.seconds },
            });
        } else if (imported) {
            out() << QFileInfo(file).fileName() << ": " << result.rowsImported << " rows imported, "
                  << result.rowsRejected << " rejected, " << result.newAccounts << " new accounts ("
                  << result.encoding << ", delimiter " << result.delimiter << ", "
                  << QString::number(result.seconds, 'f', 2) << " s, "
                  << qint64(result.seconds > 0 ? result.rowsRead / result.seconds : 0) << " rows/s)\n";
            const std::size_t shown = std::min<std::size_t>(result.rejects.size(), 5);
            for (std::size_t i = 0; i < shown; ++i) {
                const import::Reject &r = result.rejects[i];
                err() << "  rejected " << QFileInfo(r.file).fileName() << " row " << r.row << " (line " << r.line
                      << ")" << (r.column.isEmpty() ? QString() : QStringLiteral(", column ") + r.column) << ": "
                      << r.reason << (r.value.isEmpty() ? QString() : QStringLiteral(" ['%1']").arg(r.value)) << "\n";
            }
            if (result.rejects.size() > shown)
                err() << "  ... and " << (result.rejects.size() - shown) << " more rejected rows"
                      << (cli.parser.isSet(QStringLiteral("rejects")) ? "" : " (use --rejects R.csv to list them)") << "\n";
        }
    }
    // Resolution and screening run once after all files, on whatever was imported.
    if (anyImported && !cli.parser.isSet(QStringLiteral("no-resolve"))) {
        try {
            const entities::SubjectRefresh refresh = entities::SubjectRefresh::run(*caseFile);
            if (!cli.parser.isSet(QStringLiteral("json")))
                out() << refresh.summary() << "\n";
        } catch (const std::exception &error) {
            err() << "fundtrace-cli import: the records were imported, but subject resolution failed: "
                  << QString::fromUtf8(error.what()) << " (run 'fundtrace-cli resolve' to retry)\n";
            exitCode = CaseError;
        }
    }
    if (cli.parser.isSet(QStringLiteral("json")))
        printJson(results);
    if (cli.parser.isSet(QStringLiteral("rejects"))) {
        try {
            import::writeRejectsReport(cli.parser.value(QStringLiteral("rejects")), allRejects);
        } catch (const import::ImportError &error) {
            err() << "fundtrace-cli import: " << QString::fromUtf8(error.what()) << "\n";
            return InputError;
        }
    }
    return exitCode;
}

int commandInfo(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("info"), QStringLiteral("Show a case's counts, sums per currency, date range and sources."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    try {
        const db::CaseFile caseFile = db::CaseFile::open(cli.parser.positionalArguments().at(0), true);
        const query::CaseSummary summary = query::CaseSummary::of(caseFile);
        const std::vector<query::SourceRow> sourceRows = query::SourceQuery(caseFile.db()).all();
        QJsonArray sources;
        for (const query::SourceRow &source : sourceRows) {
            sources.append(QJsonObject {
                    { QStringLiteral("id"), qint64(source.id) }, { QStringLiteral("file"), source.fileName },
                    { QStringLiteral("format"), source.format }, { QStringLiteral("encoding"), source.encoding },
                    { QStringLiteral("sha256"), source.sha256 }, { QStringLiteral("rows_read"), qint64(source.rowsRead) },
                    { QStringLiteral("rows_imported"), qint64(source.rowsImported) },
                    { QStringLiteral("rows_rejected"), qint64(source.rowsRejected) },
                    { QStringLiteral("imported_at"), source.importedAt }, { QStringLiteral("imported_by"), source.importedBy } });
        }
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonObject json = summary.toJson();
            json.insert(QStringLiteral("sources_list"), sources);
            printJson(json);
            return Success;
        }
        out() << "Case:          " << summary.title << "\n"
              << "File:          " << summary.path << "\n"
              << "Created:       " << summary.createdAt << " by " << summary.createdBy << "\n"
              << "Time zone:     " << summary.timezone << "\n"
              << "Transactions:  " << summary.transactions << "\n"
              << "Accounts:      " << summary.accounts << "\n"
              << "Sources:       " << summary.sources << " (" << summary.rejects << " rows rejected)\n";
        if (summary.firstBookedAt)
            out() << "Period:        " << isoUtc(*summary.firstBookedAt) << " .. " << isoUtc(*summary.lastBookedAt) << " (UTC)\n";
        for (const query::CurrencyTotals &total : summary.totals) {
            const std::string code = total.currency.toStdString();
            out() << "  " << total.currency << ": " << total.count << " transactions, in "
                  << model::formatAmount(total.creditMinor, code, model::AmountStyle::Cis, false) << ", out "
                  << model::formatAmount(total.debitMinor, code, model::AmountStyle::Cis, false) << "\n";
        }
        if (summary.statements > 0 || summary.reports > 0)
            out() << "Statements:    " << summary.statements << "    Reports (goAML): " << summary.reports << "\n";
        for (const query::SanctionListSummary &list : summary.sanctionLists)
            out() << "List:          " << list.name << " (version " << list.versionDate << "): " << list.entries
                  << " entries\n";
        if (!summary.findings.empty())
            out() << "Data-quality findings (" << summary.findings.size() << "):\n";
        for (const query::DataQualityFinding &finding : summary.findings)
            out() << "  [" << finding.severity << "] source #" << finding.sourceId << ": " << finding.message << "\n";
        out() << "Sources:\n";
        for (const query::SourceRow &source : sourceRows) {
            out() << "  #" << source.id << " " << source.fileName << " [" << source.format
                  << (source.encoding.isEmpty() ? QString() : QStringLiteral(", ") + source.encoding) << "] " << source.rowsImported << " imported, " << source.rowsRejected << " rejected, "
                  << source.importedAt << " by " << source.importedBy << "\n";
        }
    } catch (const db::CaseError &error) {
        return caseFailure(error);
    }
    return Success;
}

QJsonObject transactionJson(const query::TransactionRow &row)
{
    const std::string currency = row.currency.toStdString();
    QJsonObject json {
        { QStringLiteral("id"), qint64(row.id) },
        { QStringLiteral("booked_at"), isoUtc(row.bookedAt) },
        { QStringLiteral("booked_text"), row.bookedText },
        { QStringLiteral("account"), row.account },
        { QStringLiteral("direction"), row.direction },
        { QStringLiteral("amount_minor"), qint64(row.amountMinor) },
        { QStringLiteral("amount"), model::formatAmount(row.amountMinor, currency, model::AmountStyle::International, false) },
        { QStringLiteral("currency"), row.currency },
        { QStringLiteral("counterparty_name"), row.counterpartyName },
        { QStringLiteral("counterparty_account"), row.counterpartyAccount },
        { QStringLiteral("counterparty_tax_id"), row.counterpartyTaxId },
        { QStringLiteral("counterparty_bank"), row.counterpartyBank },
        { QStringLiteral("counterparty_country"), row.counterpartyCountry },
        { QStringLiteral("channel"), row.channel },
        { QStringLiteral("purpose"), row.purpose },
        { QStringLiteral("external_id"), row.externalId },
        { QStringLiteral("source_id"), qint64(row.sourceId) },
        { QStringLiteral("source_file"), row.sourceFile },
        { QStringLiteral("source_row"), qint64(row.sourceRow) },
    };
    if (row.amount2Minor) {
        json.insert(QStringLiteral("amount2_minor"), qint64(*row.amount2Minor));
        json.insert(QStringLiteral("currency2"), row.currency2);
    }
    if (row.balanceAfterMinor)
        json.insert(QStringLiteral("balance_after_minor"), qint64(*row.balanceAfterMinor));
    return json;
}

int commandTransactions(const QStringList &arguments)
{
    CommandLine cli(QStringLiteral("transactions"), QStringLiteral("List transactions, oldest first."));
    cli.parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    cli.parser.addOption({ QStringLiteral("account"), QStringLiteral("Only this account (either side)."), QStringLiteral("A") });
    cli.parser.addOption({ QStringLiteral("from"), QStringLiteral("From this day (yyyy-MM-dd, inclusive)."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("to"), QStringLiteral("To this day (yyyy-MM-dd, inclusive)."), QStringLiteral("D") });
    cli.parser.addOption({ QStringLiteral("text"), QStringLiteral("Words in the purpose or names (full-text search)."), QStringLiteral("Q") });
    cli.parser.addOption({ QStringLiteral("limit"), QStringLiteral("At most N rows (default 100, 0 = all)."), QStringLiteral("N"), QStringLiteral("100") });
    cli.parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (const int code = cli.parse(arguments, 1, 1); code >= 0)
        return code;
    bool limitOk = false;
    const qint64 limit = cli.parser.value(QStringLiteral("limit")).toLongLong(&limitOk);
    if (!limitOk || limit < 0) {
        err() << "fundtrace-cli transactions: --limit must be a whole number >= 0\n";
        return UsageError;
    }
    try {
        const db::CaseFile caseFile = db::CaseFile::open(cli.parser.positionalArguments().at(0), true);
        const QTimeZone zone = import::caseTimeZone(caseFile);
        query::TransactionFilter filter;
        filter.account = cli.parser.value(QStringLiteral("account"));
        filter.text = cli.parser.value(QStringLiteral("text"));
        for (const auto &[option, target, addDays] :
             { std::tuple { QStringLiteral("from"), &filter.fromUtc, 0 }, std::tuple { QStringLiteral("to"), &filter.toUtc, 1 } }) {
            if (!cli.parser.isSet(option))
                continue;
            *target = dayStart(cli.parser.value(option), zone, addDays);
            if (!*target) {
                err() << "fundtrace-cli transactions: --" << option << " must be a date like 2024-03-15\n";
                return UsageError;
            }
        }
        const query::TransactionQuery query(caseFile.db());
        const auto rows = query.page(filter, query::TransactionSort::BookedAt, false, 0,
                                     limit == 0 ? std::numeric_limits<int>::max() : int(std::min<qint64>(limit, INT_MAX)));
        if (cli.parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const auto &row : rows)
                array.append(transactionJson(row));
            printJson(array);
            return Success;
        }
        out() << "id\tbooked_at_utc\taccount\tdir\tamount\tcurrency\tcounterparty\tcounterparty_account\tpurpose\tsource\n";
        for (const auto &row : rows) {
            out() << row.id << '\t' << isoUtc(row.bookedAt) << '\t' << row.account << '\t' << row.direction << '\t'
                  << model::formatAmount(row.amountMinor, row.currency.toStdString(), model::AmountStyle::International, false)
                  << '\t' << row.currency << '\t' << row.counterpartyName << '\t' << row.counterpartyAccount << '\t'
                  << QString(row.purpose).replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\t' << row.sourceFile << ':'
                  << row.sourceRow << '\n';
        }
    } catch (const db::CaseError &error) {
        return caseFailure(error);
    } catch (const db::DbError &error) {
        err() << "fundtrace-cli transactions: " << QString::fromUtf8(error.what()) << "\n";
        return CaseError;
    }
    return Success;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h")
        || arguments.at(1) == QLatin1String("help")) {
        if (arguments.size() >= 3 && arguments.at(1) == QLatin1String("help"))
            return run({ arguments.at(0), arguments.at(2), QStringLiteral("--help") });
        (arguments.size() < 2 ? err() : out()) << kUsage;
        return arguments.size() < 2 ? UsageError : Success;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        out() << "fundtrace-cli " << FUNDTRACE_VERSION << "\n";
        return Success;
    }
    const QString command = arguments.at(1);
    const QStringList rest = arguments.mid(2);
    static const std::map<QString, std::function<int(const QStringList &)>> commands = {
        { QStringLiteral("new"), commandNew },
        { QStringLiteral("import"), commandImport },
        { QStringLiteral("info"), commandInfo },
        { QStringLiteral("transactions"), commandTransactions },
        { QStringLiteral("subjects"), commandSubjects },
        { QStringLiteral("subject"), commandSubject },
        { QStringLiteral("resolve"), commandResolve },
        { QStringLiteral("candidates"), commandCandidates },
        { QStringLiteral("merge"), commandMerge },
        { QStringLiteral("split"), commandSplit },
        { QStringLiteral("confirm"), commandConfirm },
        { QStringLiteral("reject"), commandReject },
        { QStringLiteral("undo"), commandUndo },
        { QStringLiteral("screen"), commandScreen },
        { QStringLiteral("hit"), commandHit },
        { QStringLiteral("detect"), commandDetect },
        { QStringLiteral("alerts"), commandAlerts },
        { QStringLiteral("alert"), commandAlert },
        { QStringLiteral("triage"), commandTriage },
        { QStringLiteral("annotate"), commandAnnotate },
        { QStringLiteral("notes"), commandNotes },
        { QStringLiteral("rules"), commandRules },
        { QStringLiteral("trace"), commandTrace },
        { QStringLiteral("chart"), commandChart },
        { QStringLiteral("graph"), commandGraph },
        { QStringLiteral("views"), commandViews },
        { QStringLiteral("demo"), commandDemo },
        { QStringLiteral("generate-bench-csv"), commandGenerateBenchCsv },
    };
    const auto found = commands.find(command);
    if (found == commands.end()) {
        err() << "fundtrace-cli: unknown command \"" << command << "\"\n\n" << kUsage;
        return UsageError;
    }
    return found->second(rest);
}

} // namespace fundtrace::cli
