#pragma once

#include "db/CaseFile.h"
#include "entities/SubjectResolver.h"
#include "screening/SubjectScreening.h"

#include <optional>

namespace fundtrace::entities {

// What runs after every import, from the CLI, the GUI and the demo alike: resolution of the new
// records into subjects, then screening of all subjects when the case holds any list.
struct SubjectRefresh {
    SubjectResolver::Report resolution;
    std::optional<screening::ScreeningReport> screening; // none when the case has no list

    static SubjectRefresh run(db::CaseFile &caseFile);
    QString summary() const;
};

} // namespace fundtrace::entities
