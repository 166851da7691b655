#include "import/goaml/GoAmlImporter.h"

#include "import/ImportPreview.h"
#include "import/ImportSession.h"
#include "import/goaml/GoAmlReader.h"
#include "import/goaml/GoAmlWriter.h"

#include <QJsonObject>

namespace fundtrace::import {

GoAmlImporter::GoAmlImporter(db::CaseFile &caseFile, ImportOptions options)
    : m_case(caseFile)
    , m_options(std::move(options))
{
}

ImportResult GoAmlImporter::importFile(const QString &path, const ProgressCallback &progress,
                                       const CancelFlag *cancel)
{
    ImportSession session(m_case, m_options.strict, m_options.force);
    return session.run(path, QStringLiteral("goaml"), [&](ImportContext &context) {
        const QString zoneName = m_case.meta(QStringLiteral("timezone"), QStringLiteral("Asia/Almaty"));
        const QTimeZone zone(zoneName.toUtf8());
        if (!zone.isValid())
            throw ImportError(QStringLiteral("unknown time zone \"%1\" in the case settings").arg(zoneName));
        const QString baseCurrency = m_case.meta(QStringLiteral("base_currency"), QStringLiteral("KZT"));
        GoAmlReader reader(path, zone, baseCurrency);
        context.setEncoding(reader.encoding());
        context.importRows(reader);

        const GoAmlReport &report = reader.report();
        const QStringList missing = reader.missingHeaderElements();
        if (missing.contains(QStringLiteral("report_code")))
            throw ImportError(QStringLiteral("%1: the <report> starting at line %2 has no <report_code> (STR, SAR, "
                                             "CTR, ...), which goAML requires")
                                      .arg(path)
                                      .arg(reader.reportLine()));

        GoAmlWriter writer(context.db, context.sourceId);
        const std::vector<std::int64_t> subjectIds = writer.writeSubjects(reader.parties());
        writer.linkAccounts(reader.accountHolders(), subjectIds);
        writer.linkTransactions(reader.links(), subjectIds);
        writer.writeReport(report);

        for (const QString &element : missing)
            writer.writeFinding(QStringLiteral("schema_deviation"), QStringLiteral("warning"),
                                QStringLiteral("the report lacks <%1>, which goAML requires%2")
                                        .arg(element,
                                             element == u"currency_code_local"
                                                     ? QStringLiteral("; amounts were taken as %1").arg(baseCurrency)
                                                     : QString()),
                                { { QStringLiteral("element"), element },
                                  { QStringLiteral("parent"), QStringLiteral("report") },
                                  { QStringLiteral("line"), qint64(reader.reportLine()) } });
        for (const GoAmlReader::Deviation &deviation : reader.deviations())
            writer.writeFinding(QStringLiteral("schema_deviation"), QStringLiteral("info"),
                                QStringLiteral("<%1> inside <%2> (line %3%4) is not part of the goAML schema; "
                                               "it was ignored")
                                        .arg(deviation.element, deviation.parent)
                                        .arg(deviation.firstLine)
                                        .arg(deviation.count > 1 ? QStringLiteral(", %1 times").arg(deviation.count)
                                                                 : QString()),
                                { { QStringLiteral("element"), deviation.element },
                                  { QStringLiteral("parent"), deviation.parent },
                                  { QStringLiteral("first_line"), qint64(deviation.firstLine) },
                                  { QStringLiteral("count"), qint64(deviation.count) } });
        context.addNote(QStringLiteral("goAML %1 %2: %3 transactions, %4 subjects%5")
                                .arg(report.reportCode, report.entityReference)
                                .arg(report.transactions)
                                .arg(subjectIds.size())
                                .arg(reader.deviations().empty()
                                             ? QString()
                                             : QStringLiteral(", %1 kinds of element outside the schema")
                                                       .arg(reader.deviations().size())));
    }, progress, cancel);
}

} // namespace fundtrace::import
