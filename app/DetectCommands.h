#pragma once

#include <QStringList>

namespace fundtrace::cli {

// Detection, triage and notes (docs/cli.md, docs/detection.md).
int commandDetect(const QStringList &arguments);   // detect CASE [--rules R.json] [--json]
int commandAlerts(const QStringList &arguments);   // alerts CASE [--state S] [--rule R] [--min-score N] [--subject ID] [--all] [--json]
int commandAlert(const QStringList &arguments);    // alert CASE ID [--json]
int commandTriage(const QStringList &arguments);   // triage CASE ID... --state S [--reason R] | --undo [BATCH]
int commandAnnotate(const QStringList &arguments); // annotate CASE TYPE ID --text T [--tags] [--severity] [--hypothesis]
int commandNotes(const QStringList &arguments);    // notes CASE [--search Q] [--on TYPE ID] [--json]
int commandRules(const QStringList &arguments);    // rules [--json]: the default rules file

} // namespace fundtrace::cli
