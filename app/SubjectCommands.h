#pragma once

#include <QStringList>

namespace fundtrace::cli {

// Subjects: resolution, profiles and screening (docs/cli.md).
int commandSubjects(const QStringList &arguments);   // subjects CASE [--search Q] [--kind K] [--sort S] [--json]
int commandSubject(const QStringList &arguments);    // subject CASE ID [--json]
int commandResolve(const QStringList &arguments);    // resolve CASE [--json]
int commandCandidates(const QStringList &arguments); // candidates CASE [--limit N] [--json]
int commandMerge(const QStringList &arguments);      // merge CASE ID ID... [--reason R]
int commandSplit(const QStringList &arguments);      // split CASE ID --reason R
int commandConfirm(const QStringList &arguments);    // confirm CASE CANDIDATE [--reason R]
int commandReject(const QStringList &arguments);     // reject CASE CANDIDATE --reason R
int commandUndo(const QStringList &arguments);       // undo CASE [OPERATION]
int commandScreen(const QStringList &arguments);     // screen CASE [--list L] [--name N] [--threshold T] [--json]
int commandHit(const QStringList &arguments);        // hit CASE HIT (--confirm | --dismiss) --reason R

} // namespace fundtrace::cli
