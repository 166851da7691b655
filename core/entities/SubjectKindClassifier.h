#pragma once

#include <QString>
#include <QStringView>

namespace fundtrace::entities {

// Guesses what a name on a bank record is: a person, an organisation, a non-profit, a bank or a
// money-transfer agent. Bank exports rarely say; the legal-form words every CIS register uses
// ("ОФ", "ТОО", "Фонд", "қоры", "LLP", "Foundation") and the IIN/BIN layout usually do.
class SubjectKindClassifier {
public:
    struct Guess {
        QString kind;    // person, organisation, npo, institution, agent, unknown
        QString reason;  // plain language: "BIN 190440012345", "legal form word 'фонд'"
    };

    // taxIdKind is "iin", "bin" or empty when unknown or invalid.
    static Guess classify(QStringView name, QStringView taxIdKind);
};

} // namespace fundtrace::entities
