#!/usr/bin/env bash
# Whole-process benchmark of handbook-lint on generated handbooks.
#
#   bench/run.sh              # 1k and 10k pages, memory, peers on 2k pages
#   BENCH_100K=1 bench/run.sh # also 100k pages (about 700 MB of Markdown)
#   BENCH_PEERS=0 bench/run.sh # skip the comparison with other linters
#
# Needs: cargo, python3, hyperfine (Debian package `hyperfine`) and GNU
# time (Debian package `time`, /usr/bin/time). This script does not install
# those. For the comparison it installs markdownlint-cli2 (npm), rumdl and
# typos (PyPI) into $BENCH_PEERS_DIR (default ~/.cache/handbook-lint-bench)
# when they are not on PATH; that needs npm and python3 -m venv.
#
# It measures, in one run on this machine:
# - files/s and MB/s of `handbook-lint check` on 10,000 pages, against
#   the parse-only floor (the same pages found, read and run through
#   pulldown-cmark in parallel, nothing else);
# - peak memory (maximum resident set size) at 1k, 10k (and 100k) pages;
# - time at 1k, 10k (and 100k) pages, per page, to show linearity;
# - handbook-lint against markdownlint-cli2, rumdl and typos on 2,000
#   pages.
# Results are printed and written to $BENCH_DIR/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v hyperfine >/dev/null || missing+=("hyperfine (apt-get install hyperfine)")
[ -x /usr/bin/time ] || missing+=("GNU time (apt-get install time)")
command -v python3 >/dev/null || missing+=("python3")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'bench/run.sh needs: %s\n' "${missing[@]}" >&2
    exit 2
fi

BENCH_DIR=${BENCH_DIR:-$(mktemp -d -t handbook-lint-bench.XXXXXX)}
PEERS_DIR=${BENCH_PEERS_DIR:-$HOME/.cache/handbook-lint-bench}
RUNS=${BENCH_RUNS:-5}
mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.md"
: >"$RESULTS"
say() { echo "$@" | tee -a "$RESULTS"; }

echo "== building (release)" >&2
cargo build --release --quiet --bin handbook-lint --example gen_corpus --example parse_only
LINT=$PWD/target/release/handbook-lint
PARSE=$PWD/target/release/examples/parse_only
GEN=$PWD/target/release/examples/gen_corpus

sizes=(1000 2000 10000)
[ "${BENCH_100K:-0}" = 1 ] && sizes+=(100000)
for n in "${sizes[@]}"; do
    if [ ! -d "$BENCH_DIR/h$n" ]; then
        echo "== generating $n pages" >&2
        "$GEN" "$BENCH_DIR/h$n" "$n" >&2
    fi
done

# files and bytes of a tree, as handbook-lint would find them
tree_size() {
    python3 - "$1" <<'EOF'
import os, sys
files = total = 0
for root, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".md"):
            files += 1
            total += os.path.getsize(os.path.join(root, name))
print(files, total)
EOF
}

# "wall cpu": mean wall-clock and mean CPU (user + system) seconds of a
# hyperfine JSON export. CPU time is what other load on the machine
# disturbs least.
mean_of() {
    python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["user"] + r["system"])' "$1"
}

# hyperfine NAME RUNS COMMAND -> prints "wall cpu" seconds
timeit() {
    local name=$1 runs=$2 cmd=$3
    hyperfine --style none --warmup 1 --runs "$runs" -i \
        --export-json "$BENCH_DIR/$name.json" "$cmd" >&2
    mean_of "$BENCH_DIR/$name.json"
}

# peak RSS in MiB of COMMAND
peak_mib() {
    { /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null || true; } |
        awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}')" "$1" "$2"; }
wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }

say "# handbook-lint benchmark"
say ""
say "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$LINT" --version), $("$LINT" rules --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') rules"
say ""
say "## Throughput, parse-only floor, memory and linearity"
say ""
say "Wall-clock seconds, with CPU seconds (user + system, all threads) in brackets."
say ""
say "| pages | MB | parse-only s | handbook-lint s | files/s | MB/s | lint / parse wall (cpu) | us per page | peak RSS MiB |"
say "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    dir="$BENCH_DIR/h$n"
    read -r files bytes < <(tree_size "$dir")
    runs=$RUNS
    [ "$n" -ge 100000 ] && runs=2
    parse_s=$(timeit "parse-$n" "$runs" "$PARSE $dir")
    lint_s=$(timeit "lint-$n" "$runs" "$LINT check --format json $dir > /dev/null")
    rss=$(peak_mib "$LINT check --format json $dir")
    say "$(python3 - "$n" "$files" "$bytes" $parse_s $lint_s "$rss" <<'EOF'
import sys
n, files, size = map(int, sys.argv[1:4])
parse, parse_cpu, lint, lint_cpu, rss = map(float, sys.argv[4:9])
print(f"| {n} | {size / 1e6:.1f} | {parse:.3f} ({parse_cpu:.3f}) | {lint:.3f} ({lint_cpu:.3f}) | "
      f"{files / lint:,.0f} | {size / 1e6 / lint:.1f} | {lint / parse:.2f} ({lint_cpu / parse_cpu:.2f}) | "
      f"{lint / files * 1e6:.0f} | {rss} |")
EOF
)"
done
human_s=$(timeit "human-10000" "$RUNS" "$LINT check --color never $BENCH_DIR/h10000 > /dev/null")
say ""
say "Human report on 10,000 pages: $(printf '%.3f' "$(wall "$human_s")") s ($(printf '%.3f' "$(cpu "$human_s")") s CPU)."

if [ "${BENCH_PEERS:-1}" = 0 ]; then
    echo "results: $RESULTS" >&2
    exit 0
fi

echo "== peers" >&2
mkdir -p "$PEERS_DIR"
MDL=$(command -v markdownlint-cli2 || true)
if [ -z "$MDL" ]; then
    MDL="$PEERS_DIR/node_modules/.bin/markdownlint-cli2"
    [ -x "$MDL" ] || npm install --silent --prefix "$PEERS_DIR" markdownlint-cli2 >&2
fi
RUMDL=$(command -v rumdl || true)
TYPOS=$(command -v typos || true)
if [ -z "$RUMDL" ] || [ -z "$TYPOS" ]; then
    [ -x "$PEERS_DIR/venv/bin/pip" ] || python3 -m venv "$PEERS_DIR/venv"
    [ -x "$PEERS_DIR/venv/bin/rumdl" ] && [ -x "$PEERS_DIR/venv/bin/typos" ] ||
        "$PEERS_DIR/venv/bin/pip" install --quiet rumdl typos >&2
    RUMDL=${RUMDL:-$PEERS_DIR/venv/bin/rumdl}
    TYPOS=${TYPOS:-$PEERS_DIR/venv/bin/typos}
fi

dir="$BENCH_DIR/h2000"
read -r files bytes < <(tree_size "$dir")
say ""
say "## Against other linters, $files pages ($(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB)"
say ""
say "| tool | checks | wall s | CPU s | peak RSS MiB | handbook-lint is N x faster (wall) | (CPU) |"
say "|---|---|---:|---:|---:|---:|---:|"
ours=$(timeit "peer-ours" "$RUNS" "$LINT check --format json $dir > /dev/null")
parse=$(timeit "peer-parse" "$RUNS" "$PARSE $dir")
row() {
    local name=$1 checks=$2 runs=$3 cmd=$4 mean rss
    mean=$(timeit "peer-$name" "$runs" "$cmd")
    rss=$(peak_mib "$cmd")
    say "| $name | $checks | $(printf '%.3f' "$(wall "$mean")") | $(printf '%.3f' "$(cpu "$mean")") | $rss | $(ratio "$(wall "$mean")" "$(wall "$ours")") | $(ratio "$(cpu "$mean")" "$(cpu "$ours")") |"
}
say "| handbook-lint | all its rules | $(printf '%.3f' "$(wall "$ours")") | $(printf '%.3f' "$(cpu "$ours")") | $(peak_mib "$LINT check --format json $dir") | 1.00 | 1.00 |"
say "| parse-only floor | pulldown-cmark only | $(printf '%.3f' "$(wall "$parse")") | $(printf '%.3f' "$(cpu "$parse")") | $(peak_mib "$PARSE $dir") | $(ratio "$(wall "$parse")" "$(wall "$ours")") | $(ratio "$(cpu "$parse")" "$(cpu "$ours")") |"
row typos "spelling only" "$RUNS" "$TYPOS $dir > /dev/null"
row rumdl "Markdown style" "$RUNS" "$RUMDL check --no-cache $dir > /dev/null"
row markdownlint-cli2 "Markdown style" "${BENCH_MDL_RUNS:-2}" "cd $dir && $MDL '**/*.md' > /dev/null 2>&1"
say ""
say "Versions: $("$TYPOS" --version), $("$RUMDL" --version), markdownlint-cli2 $("$MDL" --help 2>/dev/null | head -1 | grep -o 'v[0-9.]*' | head -1 || true)."
echo "results: $RESULTS" >&2
