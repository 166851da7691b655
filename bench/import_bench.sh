#!/usr/bin/env bash
# Import benchmark: fundtrace-cli (new + import) against the sqlite3 shell (.import + the same
# three indexes) on one generated bank CSV. Prints wall time, rows/s, peak RSS and the targets.
# See bench/README.md.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: bench/import_bench.sh [BUILD_DIR] [--rows N] [--rounds R] [--seed S] [--workdir DIR] [--keep] [--check]

  BUILD_DIR      build tree holding app/fundtrace-cli (default: build/release)
  --rows N       data rows to generate (default: 1000000)
  --rounds R     rounds of both loads, each pair run back to back (default: 3)
  --seed S       generator seed (default: 7)
  --workdir DIR  where the CSV, case and SQLite files go (default: a new temporary directory)
  --keep         keep the work directory afterwards
  --check        exit with status 1 when a target is missed (median ratio <= 1.0, peak RSS < 500 MB)
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$root/build/release"
rows=1000000
rounds=3
seed=7
workdir=""
keep=0
check=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) rows="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
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
[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -gt 0 ]] || { echo "import_bench.sh: --rounds must be a positive number" >&2; exit 2; }

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

cat >"$workdir/sqlite.sql" <<SQL
.bail on
.mode csv
.import '$csv' t
CREATE INDEX t_sender ON t("Account");
CREATE INDEX t_receiver ON t("Counterparty account");
CREATE INDEX t_time ON t("Date");
SQL

# The machine's speed drifts by up to 1.5x between minutes, so each round runs the two loads back
# to back and the verdict uses the median of the rounds' ratios, not one pair.
: >"$workdir/rounds.txt"
for round in $(seq 1 "$rounds"); do
    echo "Round $round of $rounds: fundtrace-cli new + import, then sqlite3 .import + CREATE INDEX ..."
    rm -f "$case_file" "$case_file-wal" "$case_file-shm" "$case_file-journal" "$sqlite_db"
    run_timed new "$cli" new "$case_file" --title "Import benchmark" || fail "fundtrace-cli new" new
    # The import alone is compared with the sqlite3 load; subject resolution, which the CLI runs
    # after every import, is timed on its own below.
    run_timed import "$cli" import --no-resolve "$case_file" "$csv" || fail "fundtrace-cli import" import
    run_timed sqlite sqlite3 -batch -init /dev/null "$sqlite_db" ".read '$workdir/sqlite.sql'" || fail "sqlite3" sqlite
    read -r new_s new_kb < <(figures new)
    read -r imp_s imp_kb < <(figures import)
    read -r sq_s sq_kb < <(figures sqlite)
    echo "$new_s $new_kb $imp_s $imp_kb $sq_s $sq_kb" >>"$workdir/rounds.txt"
done
ft_rows=$(sqlite3 "$case_file" 'SELECT count(*) FROM transactions' 2>/dev/null || echo "?")
sq_rows=$(sqlite3 "$sqlite_db" 'SELECT count(*) FROM t')
echo "fundtrace-cli resolve (on the last round's case) ..."
run_timed resolve "$cli" resolve "$case_file" || fail "fundtrace-cli resolve" resolve
read -r res_s res_kb < <(figures resolve)

awk -v rows="$rows" -v csv_mb="$csv_mb" -v gen_s="$gen_s" -v ft_rows="$ft_rows" -v sq_rows="$sq_rows" \
    -v res_s="$res_s" -v res_kb="$res_kb" -v check="$check" '
function rate(s) { return s > 0 ? rows / s : 0 }
function median(a, n,    i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
    n++
    ft[n] = $1 + $3; sq[n] = $5; ratio[n] = sq[n] > 0 ? ft[n] / sq[n] : 0
    kb = $2 > $4 ? $2 : $4; if (kb > ft_kb) ft_kb = kb
    if (!best_ft || ft[n] < best_ft) best_ft = ft[n]
    if (!best_sq || sq[n] < best_sq) best_sq = sq[n]
    sq_kb = $6
}
END {
    printf "\nImport benchmark: %d rows, %d MB CSV (generated in %.1f s, %.0f rows/s), %d rounds\n\n", rows, csv_mb, gen_s, rate(gen_s), n
    printf "%-30s", "round"; for (i = 1; i <= n; i++) printf " %7d", i; printf "\n"
    printf "%-30s", "fundtrace-cli new + import  s"; for (i = 1; i <= n; i++) printf " %7.2f", ft[i]; printf "\n"
    printf "%-30s", "sqlite3 .import + 3 indexes s"; for (i = 1; i <= n; i++) printf " %7.2f", sq[i]; printf "\n"
    printf "%-30s", "ratio"; for (i = 1; i <= n; i++) printf " %7.2f", ratio[i]; printf "\n\n"
    ft_mb = ft_kb / 1024
    printf "%-30s %10s %12s %14s %12s\n", "best of the rounds", "wall s", "rows/s", "peak RSS MB", "rows in db"
    printf "%-30s %10.2f %12.0f %14.0f %12s\n", "fundtrace-cli new + import", best_ft, rate(best_ft), ft_mb, ft_rows
    printf "%-30s %10.2f %12.0f %14.0f %12s\n", "sqlite3 .import + 3 indexes", best_sq, rate(best_sq), sq_kb / 1024, sq_rows
    printf "%-30s %10.2f %12.0f %14.0f\n", "fundtrace-cli resolve (after)", res_s, rate(res_s), res_kb / 1024
    mid = median(ratio, n)
    ok_ratio = mid <= 1.0
    ok_rss = ft_mb < 500
    printf "\nratio fundtrace/sqlite: median %.2f, best times %.2f  (target <= 1.0)  %s\n", mid, best_ft / best_sq, ok_ratio ? "OK" : "MISSED"
    printf "fundtrace peak RSS:     %.0f MB  (target < 500 MB)  %s\n", ft_mb, ok_rss ? "OK" : "MISSED"
    if (ft_rows != "?" && ft_rows + 0 != rows)
        printf "note: the case holds %s transactions, not %d (see the import log)\n", ft_rows, rows
    exit (check && !(ok_ratio && ok_rss)) ? 1 : 0
}' "$workdir/rounds.txt"
