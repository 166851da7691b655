#pragma once

#include "import/ImportPreview.h"

namespace fundtrace::import {

// The import wizard's preview of a workbook: the chosen sheet (name or 1-based number; "" = the
// first sheet whose header is recognised, else the first), its header row and at most maxRows
// data rows judged through the mapping. encoding is "UTF-8"; delimiter is the sheet's name.
// Throws ImportError for file-level problems.
ImportPreview previewXlsx(const QString &path, const std::optional<ImportMapping> &mapping,
                          const QString &sheet = {}, int maxRows = 200);

} // namespace fundtrace::import
