#pragma once

#include "import/ImportResult.h"

#include <QString>
#include <vector>

namespace fundtrace::import {

// Writes rejected rows as CSV (UTF-8 with BOM so spreadsheet programs open it right):
// file,row,line,column,value,reason. Throws ImportError when the file cannot be written.
void writeRejectsReport(const QString &path, const std::vector<Reject> &rejects);

} // namespace fundtrace::import
