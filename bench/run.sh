#!/usr/bin/env bash
# Whole-process benchmark of handbook-lint, on real-shaped and on generated
# handbooks, against the parse-only floor and other linters.
#
#   bench/run.sh               # real-shaped 2k and 10k, generated 1k/2k/10k, each rule
#                              # group's cost, peers (with like-for-like selections)
#   BENCH_100K=1 bench/run.sh  # also 100,000 generated pages (about 700 MB)
#   BENCH_PEERS=0 bench/run.sh # skip the comparison with other linters
#   BENCH_REAL_SITE=DIR bench/run.sh   # real pages from the Hugo site DIR
#
# The headline corpus is real-shaped: copies of a Hugo site of real
# job-family pages (BENCH_REAL_SITE, by default ../shared/realworld beside
# the checkout), laid out in distinct folders with their site-absolute
# links rewritten so that they resolve within each copy
# (bench/real_corpus.py). Without such a site, the generator's pages stand
# in, and the output says so. The generated corpus is the second table.
#
# Needs: cargo, python3, hyperfine (Debian package `hyperfine`) and GNU
# time (Debian package `time`, /usr/bin/time). This script does not install
# those. For the comparison it installs markdownlint-cli2 (npm), rumdl and
# typos (PyPI) into $BENCH_PEERS_DIR (default ~/.cache/handbook-lint-bench)
# when they are not on PATH; that needs npm and python3 -m venv.
#
# Peers and handbook-lint are timed in one hyperfine invocation per round,
# BENCH_ROUNDS rounds (default 3), so that load on the machine falls on all
# of them alike; tables give the range of the rounds' means.
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
REAL_SITE=${BENCH_REAL_SITE:-../shared/realworld}
RUNS=${BENCH_RUNS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.md"
: >"$RESULTS"
say() { echo "$@" | tee -a "$RESULTS"; }

echo "== building (release)" >&2
cargo build --release --quiet --bin handbook-lint --example gen_corpus --example parse_only
LINT=$PWD/target/release/handbook-lint
PARSE=$PWD/target/release/examples/parse_only
GEN=$PWD/target/release/examples/gen_corpus

# The corpora: real-shaped (rN) when real pages are at hand, generated (hN).
real_sizes=(2000 10000)
gen_sizes=(1000 2000 10000)
[ "${BENCH_100K:-0}" = 1 ] && gen_sizes+=(100000)
if [ -d "$REAL_SITE/content" ]; then
    real_kind="copies of the $(find "$REAL_SITE/content" -name '*.md' | wc -l) real pages of $REAL_SITE"
    for n in "${real_sizes[@]}"; do
        if [ ! -d "$BENCH_DIR/r$n" ]; then
            echo "== copying real pages to $n" >&2
            python3 bench/real_corpus.py "$REAL_SITE" "$BENCH_DIR/r$n" "$n" >&2
        fi
    done
else
    real_kind="GENERATED, no real pages at $REAL_SITE (set BENCH_REAL_SITE): the first table is not real-shaped"
    for n in "${real_sizes[@]}"; do
        [ -d "$BENCH_DIR/r$n" ] || "$GEN" "$BENCH_DIR/r$n" "$n" 7 >&2
    done
fi
for n in "${gen_sizes[@]}"; do
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

# throughput_table PREFIX SIZES...: the table of time, floor, memory
throughput_table() {
    local prefix=$1
    shift
    say "| pages | MB | findings | parse-only s | handbook-lint s | files/s | MB/s | lint / parse wall (cpu) | us per page | peak RSS MiB |"
    say "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in "$@"; do
        local dir="$BENCH_DIR/$prefix$n" files bytes runs=$RUNS parse_s lint_s rss findings
        read -r files bytes < <(tree_size "$dir")
        [ "$n" -ge 100000 ] && runs=2
        parse_s=$(timeit "parse-$prefix$n" "$runs" "$PARSE $dir")
        lint_s=$(timeit "lint-$prefix$n" "$runs" "$LINT check --format json $dir > /dev/null")
        rss=$(peak_mib "$LINT check --format json $dir")
        findings=$("$LINT" check --format json "$dir" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnostics"]))' || true)
        say "$(python3 - "$n" "$files" "$bytes" "$findings" $parse_s $lint_s "$rss" <<'EOF'
import sys
n, files, size, findings = map(int, sys.argv[1:5])
parse, parse_cpu, lint, lint_cpu, rss = map(float, sys.argv[5:10])
print(f"| {n:,} | {size / 1e6:.1f} | {findings:,} | {parse:.3f} ({parse_cpu:.3f}) | {lint:.3f} ({lint_cpu:.3f}) | "
      f"{files / lint:,.0f} | {size / 1e6 / lint:.1f} | {lint / parse:.1f}x ({lint_cpu / parse_cpu:.1f}x) | "
      f"{lint / files * 1e6:.0f} | {rss} |")
EOF
)"
    done
}

# groups_table: handbook-lint with one group of rules at a time on the
# real-shaped 2,000 pages, beside a run of one near-free rule
# (`end-of-file`: reading, parsing, the page model and the report) and
# the full run, in one hyperfine invocation: where the full run's time
# goes. Groups share work (the prose rules share the page's words), so
# the shares need not add up to 100%.
groups_table() {
    local dir="$BENCH_DIR/r2000" group args=()
    local groups=(end-of-file spelling "prose --ignore spelling" family structure layout links)
    for group in "${groups[@]}"; do
        args+=(-n "$group" "$LINT check --format json --select $group $dir")
    done
    args+=(-n "all rules" "$LINT check --format json $dir")
    hyperfine --style none --warmup 1 --runs "$RUNS" -i -N \
        --export-json "$BENCH_DIR/groups.json" "${args[@]}" >&2
    say "| rules (\`--select\`) | wall s | CPU s | CPU s above \`end-of-file\` alone | share of the full run's CPU above it |"
    say "|---|---:|---:|---:|---:|"
    say "$(python3 - "$BENCH_DIR/groups.json" <<'EOF'
import json, sys
results = {r["command"]: (r["mean"], r["user"] + r["system"]) for r in json.load(open(sys.argv[1]))["results"]}
floor = results["end-of-file"][1]
above_all = results["all rules"][1] - floor
for name, (wall, cpu) in results.items():
    above = "" if name == "end-of-file" else f"{cpu - floor:.3f}"
    share = "" if name == "end-of-file" else f"{(cpu - floor) / above_all:.0%}"
    print(f"| {name} | {wall:.3f} | {cpu:.3f} | {above} | {share} |")
EOF
)"
}

say "# handbook-lint benchmark"
say ""
say "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$LINT" --version), $("$LINT" rules --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))') rules, load average $(cut -d' ' -f1-3 /proc/loadavg)"
say ""
say "Wall-clock seconds, with CPU seconds (user + system, all threads) in brackets."
say ""
say "## Real-shaped pages ($real_kind)"
say ""
throughput_table r "${real_sizes[@]}"

# One page, as a pre-commit hook or an editor lints it: a clean page of
# the example handbook, and a real page of median size.
count_findings() {
    "$LINT" check --format json "$1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnostics"]))' || true
}
one_page_ms() {
    local s
    s=$(timeit "$1" 20 "$LINT check --format json $2 > /dev/null")
    python3 -c "print(f'{${s% *} * 1000:.1f}')"
}
clean_page=examples/handbook/content/job-families/engineering/data-analyst.md
say ""
say "One clean page ($clean_page, $(wc -c <"$clean_page") bytes, $(count_findings "$clean_page") findings): $(one_page_ms clean-page "$clean_page") ms."
median_page=$(find "$BENCH_DIR/r2000/content" -path '*/copy-*' -prune -o -name '*.md' -printf '%s %p\n' | sort -n | awk '{ p[NR] = $2 } END { print p[int((NR + 1) / 2)] }')
say "One page of median size ($(wc -c <"$median_page") bytes, $(count_findings "$median_page") findings): $(one_page_ms median-page "$median_page") ms."

say ""
say "## Generated pages (examples/gen_corpus.rs)"
say ""
throughput_table h "${gen_sizes[@]}"
human_s=$(timeit "human-10000" "$RUNS" "$LINT check --color never $BENCH_DIR/h10000 > /dev/null")
say ""
say "Human report on 10,000 generated pages: $(printf '%.3f' "${human_s% *}") s ($(printf '%.3f' "${human_s#* }") s CPU)."

say ""
say "## Where the time goes: one group of rules at a time (real-shaped 2,000 pages)"
say ""
groups_table

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

# peers_table PREFIX: handbook-lint, the floor, typos and rumdl timed in
# one hyperfine invocation per round; markdownlint-cli2 (slow) once.
peers_table() {
    local dir="$BENCH_DIR/${1}2000" files bytes round
    read -r files bytes < <(tree_size "$dir")
    for round in $(seq "$ROUNDS"); do
        hyperfine --style none --warmup 1 --runs "$RUNS" -i -N \
            --export-json "$BENCH_DIR/peers-$1-$round.json" \
            -n handbook-lint "$LINT check --format json $dir" \
            -n parse-only "$PARSE $dir" \
            -n typos "$TYPOS $dir" \
            -n rumdl "$RUMDL check --no-cache $dir" \
            -n handbook-lint-spelling "$LINT check --format json --select spelling $dir" \
            -n handbook-lint-markdown "$LINT check --format json --select layout,structure $dir" >&2
    done
    local mdl
    mdl=$(timeit "peer-mdl-$1" "${BENCH_MDL_RUNS:-1}" "cd $dir && $MDL '**/*.md' > /dev/null 2>&1")
    say "$files pages ($(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB), $ROUNDS rounds of $RUNS runs; ranges are the lowest and highest round means."
    say ""
    say "| tool | checks | wall s | CPU s | peak RSS MiB | its time / handbook-lint's (wall) | (CPU) |"
    say "|---|---|---:|---:|---:|---:|---:|"
    local rss_ours rss_parse rss_typos rss_rumdl rss_mdl
    rss_ours=$(peak_mib "$LINT check --format json $dir")
    rss_parse=$(peak_mib "$PARSE $dir")
    rss_typos=$(peak_mib "$TYPOS $dir")
    rss_rumdl=$(peak_mib "$RUMDL check --no-cache $dir")
    rss_mdl=$(peak_mib "cd $dir && $MDL '**/*.md'")
    say "$(python3 - "$BENCH_DIR" "$1" "$ROUNDS" $mdl "$rss_ours" "$rss_parse" "$rss_typos" "$rss_rumdl" "$rss_mdl" <<'EOF'
import json, sys
bench, prefix, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
mdl_wall, mdl_cpu = map(float, sys.argv[4:6])
rss = dict(zip(["handbook-lint", "parse-only", "typos", "rumdl", "markdownlint-cli2"], sys.argv[6:11]))
runs = []
for r in range(1, rounds + 1):
    results = json.load(open(f"{bench}/peers-{prefix}-{r}.json"))["results"]
    runs.append({x["command"]: (x["mean"], x["user"] + x["system"]) for x in results})
checks = {"handbook-lint": "all its rules", "parse-only": "pulldown-cmark only",
          "typos": "spelling only", "rumdl": "Markdown style", "markdownlint-cli2": "Markdown style"}
def span(values, fmt):
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}-{fmt.format(hi)}"
for tool in ["handbook-lint", "parse-only", "typos", "rumdl"]:
    wall = [r[tool][0] for r in runs]
    cpu = [r[tool][1] for r in runs]
    rw = [r[tool][0] / r["handbook-lint"][0] for r in runs]
    rc = [r[tool][1] / r["handbook-lint"][1] for r in runs]
    print(f"| {tool} | {checks[tool]} | {span(wall, '{:.3f}')} | {span(cpu, '{:.3f}')} | {rss[tool]} | "
          f"{span(rw, '{:.2f}')} | {span(rc, '{:.2f}')} |")
ours_wall = sum(r["handbook-lint"][0] for r in runs) / rounds
ours_cpu = sum(r["handbook-lint"][1] for r in runs) / rounds
print(f"| markdownlint-cli2 | Markdown style | {mdl_wall:.3f} | {mdl_cpu:.3f} | {rss['markdownlint-cli2']} | "
      f"{mdl_wall / ours_wall:.2f} | {mdl_cpu / ours_cpu:.2f} |")
print()
print("Like for like, in the same runs: handbook-lint with only its rules that check what the peer checks.")
print()
print("| handbook-lint with | wall s | peer | peer wall s | peer's time / handbook-lint's (wall) | (CPU) |")
print("|---|---:|---|---:|---:|---:|")
pairs = [("handbook-lint-spelling", "`--select spelling`", "typos"),
         ("handbook-lint-markdown", "`--select layout,structure` (Markdown form)", "rumdl")]
for ours, selection, peer in pairs:
    wall = [r[ours][0] for r in runs]
    peer_wall = [r[peer][0] for r in runs]
    rw = [r[peer][0] / r[ours][0] for r in runs]
    rc = [r[peer][1] / r[ours][1] for r in runs]
    print(f"| {selection} | {span(wall, '{:.3f}')} | {peer} | {span(peer_wall, '{:.3f}')} | "
          f"{span(rw, '{:.2f}')} | {span(rc, '{:.2f}')} |")
EOF
)"
}


say ""
say "## Against other linters: real-shaped pages"
say ""
peers_table r
say ""
say "## Against other linters: generated pages"
say ""
peers_table h
say ""
say "Versions: $("$TYPOS" --version), $("$RUMDL" --version), markdownlint-cli2 $("$MDL" --help 2>/dev/null | head -1 | grep -o 'v[0-9.]*' | head -1 || true)."
echo "results: $RESULTS" >&2
