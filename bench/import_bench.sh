#!/usr/bin/env bash
# Import benchmark: fundtrace-cli (new + import) against the sqlite3 shell (.import + the same
# three indexes) on one generated bank CSV. Prints wall time, rows/s, peak RSS and the targets.
# See bench/README.md.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bench/import_bench.sh [BUILD_DIR] [--rows N] [--seed S] [--workdir DIR] [--keep] [--check]

  BUILD_DIR      build tree holding app/fundtrace-cli (default: build/release)
  --rows N       data rows to generate (default: 1000000)
  --seed S       generator seed (default: 7)
  --workdir DIR  where the CSV, case and SQLite files go (default: a new temporary directory)
  --keep         keep the work directory afterwards
  --check        exit with status 1 when a target is missed (ratio <= 1.0, peak RSS < 500 MB)
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$root/build/release"
rows=1000000
seed=7
workdir=""
keep=0
check=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) rows="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --workdir) workdir="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        --check) check=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "import_bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) build_dir="$1"; shift ;;
    esac
done
[[ "$rows" =~ ^[0-9]+$ && "$rows" -gt 0 ]] || { echo "import_bench.sh: --rows must be a positive number" >&2; exit 2; }

cli="$build_dir/app/fundtrace-cli"
if [[ ! -x "$cli" ]]; then
    echo "import_bench.sh: $cli not found; build it first:" >&2
    echo "  cmake --preset release && cmake --build --preset release --target fundtrace-cli" >&2
    exit 2
fi
command -v sqlite3 >/dev/null || { echo "import_bench.sh: the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 2; }

# GNU time reports peak RSS; the shell keyword 'time' does not.
gnu_time=/usr/bin/time
if [[ ! -x "$gnu_time" ]]; then
    if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing GNU time (package 'time')..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
    fi
    [[ -x "$gnu_time" ]] || { echo "import_bench.sh: /usr/bin/time missing; install the package 'time'" >&2; exit 2; }
fi

if [[ -z "$workdir" ]]; then
    workdir="$(mktemp -d "${TMPDIR:-/tmp}/fundtrace-bench.XXXXXX")"
else
    mkdir -p "$workdir"
fi
if [[ "$keep" -eq 0 ]]; then
    trap 'rm -rf "$workdir"' EXIT
fi

csv="$workdir/bench.csv"
case_file="$workdir/bench.ftcase"
sqlite_db="$workdir/bench.sqlite"
rm -f "$case_file" "$case_file-wal" "$case_file-shm" "$sqlite_db"

# Runs a command under GNU time with its output in $workdir/NAME.log; the figures go to NAME.time.
run_timed() {
    local name="$1"; shift
    "$gnu_time" -f '%e %M' -o "$workdir/$name.time" "$@" >"$workdir/$name.log" 2>&1
}
# Prints "seconds kilobytes" of a finished run (GNU time puts them on its last line).
figures() { tail -n 1 "$workdir/$1.time"; }
fail() {
    echo "import_bench.sh: $1 failed:" >&2
    cat "$workdir/$2.log" >&2
    exit 1
}

echo "Generating $rows rows (seed $seed) in $workdir ..."
run_timed generate "$cli" generate-bench-csv "$csv" --rows "$rows" --seed "$seed" || fail "generate-bench-csv" generate
read -r gen_s _ < <(figures generate)
csv_mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.0f", b / 1048576 }')

echo "fundtrace-cli new + import ..."
run_timed new "$cli" new "$case_file" --title "Import benchmark" || fail "fundtrace-cli new" new
# The import alone is compared with the sqlite3 load; subject resolution, which the CLI runs
# after every import, is timed on its own below.
run_timed import "$cli" import --no-resolve "$case_file" "$csv" || fail "fundtrace-cli import" import
read -r new_s new_kb < <(figures new)
read -r imp_s imp_kb < <(figures import)
echo "fundtrace-cli resolve ..."
run_timed resolve "$cli" resolve "$case_file" || fail "fundtrace-cli resolve" resolve
read -r res_s res_kb < <(figures resolve)
ft_rows=$(sqlite3 "$case_file" 'SELECT count(*) FROM transactions' 2>/dev/null || echo "?")

echo "sqlite3 .import + CREATE INDEX ..."
cat >"$workdir/sqlite.sql" <<SQL
.bail on
.mode csv
.import '$csv' t
CREATE INDEX t_sender ON t("Account");
CREATE INDEX t_receiver ON t("Counterparty account");
CREATE INDEX t_time ON t("Date");
SQL
run_timed sqlite sqlite3 -batch -init /dev/null "$sqlite_db" ".read '$workdir/sqlite.sql'" || fail "sqlite3" sqlite
read -r sq_s sq_kb < <(figures sqlite)
sq_rows=$(sqlite3 "$sqlite_db" 'SELECT count(*) FROM t')

awk -v rows="$rows" -v csv_mb="$csv_mb" -v gen_s="$gen_s" \
    -v new_s="$new_s" -v new_kb="$new_kb" -v imp_s="$imp_s" -v imp_kb="$imp_kb" -v ft_rows="$ft_rows" \
    -v sq_s="$sq_s" -v sq_kb="$sq_kb" -v sq_rows="$sq_rows" -v res_s="$res_s" -v res_kb="$res_kb" -v check="$check" '
function rate(s) { return s > 0 ? rows / s : 0 }
BEGIN {
    ft_s = new_s + imp_s
    ft_kb = new_kb > imp_kb ? new_kb : imp_kb
    ratio = sq_s > 0 ? ft_s / sq_s : 0
    ft_mb = ft_kb / 1024
    printf "\nImport benchmark: %d rows, %d MB CSV (generated in %.1f s, %.0f rows/s)\n\n", rows, csv_mb, gen_s, rate(gen_s)
    printf "%-30s %10s %12s %14s %12s\n", "", "wall s", "rows/s", "peak RSS MB", "rows in db"
    printf "%-30s %10.2f %12.0f %14.0f %12s\n", "fundtrace-cli new + import", ft_s, rate(ft_s), ft_mb, ft_rows
    printf "%-30s %10.2f %12.0f %14.0f %12s\n", "sqlite3 .import + 3 indexes", sq_s, rate(sq_s), sq_kb / 1024, sq_rows
    printf "%-30s %10.2f %12.0f %14.0f\n", "fundtrace-cli resolve (after)", res_s, rate(res_s), res_kb / 1024
    ok_ratio = ratio <= 1.0
    ok_rss = ft_mb < 500
    printf "\nratio fundtrace/sqlite: %.2f  (target <= 1.0)  %s\n", ratio, ok_ratio ? "OK" : "MISSED"
    printf "fundtrace peak RSS:     %.0f MB  (target < 500 MB)  %s\n", ft_mb, ok_rss ? "OK" : "MISSED"
    if (ft_rows != "?" && ft_rows + 0 != rows)
        printf "note: the case holds %s transactions, not %d (see the import log)\n", ft_rows, rows
    exit (check && !(ok_ratio && ok_rss)) ? 1 : 0
}'
