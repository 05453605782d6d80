#!/usr/bin/env bash
# Whole-process benchmark of bin/cevns as a user runs it: wall time and peak memory (max RSS, GNU time -v) of
#   `cevns --version`, `cevns rates` on every shipped config (configs/*.yaml except reference.yaml), computed
#   (CEVNS_CACHE=0) and cached,
#   `cevns generate configs/coherent-lar.yaml` of GEN_SMALL (2e6) and GEN_BIG (2e7) events to Parquet at 1 and 2
#   threads and at 1 thread confined to one core with taskset (events/s and the 2-thread / 1-thread and
#   2-thread / one-core ratios, measured in the same run),
# each REPEAT (3) times, median wall and the largest RSS. Prints a Markdown table and the load average before and
# after; record it in a new section at the end of docs/performance-history.md and update docs/performance.md
# ("What to expect", "Issue 12's targets").
#
# Usage: bench/whole.sh [--quick]       (--quick: --version, two rates and the 2e6 generate only)
#   env: CEVNS (bin/cevns), REPEAT (3), GEN_SMALL (2e6), GEN_BIG (2e7), GEN_CONFIG (configs/coherent-lar.yaml),
#        BENCH_DIR (a temporary directory), RATES_CONFIGS (all shipped configs), GENERATE (1; 0 skips generate)
# Also run by bench/run.sh (after the in-process benchmarks). Needs GNU time as /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
CEVNS=${CEVNS:-bin/cevns}
REPEAT=${REPEAT:-3}
GEN_SMALL=${GEN_SMALL:-2e6}
GEN_BIG=${GEN_BIG:-2e7}
GEN_CONFIG=${GEN_CONFIG:-configs/coherent-lar.yaml}
quick=0
[[ "${1:-}" == --quick ]] && quick=1
if [[ ! -x /usr/bin/time ]]; then
  echo "bench/whole.sh needs GNU time as /usr/bin/time (apt-get install time)" >&2
  exit 1
fi
tmp=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$tmp"
cleanup() { if [[ -z "${BENCH_DIR:-}" ]]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT
"$CEVNS" --version >/dev/null # builds the jar and the class-data archive if needed, outside the timings

# measure LABEL CMD...: runs CMD REPEAT times, prints "| LABEL | median wall s | median CPU s | max RSS MB |" and
# sets $wall and $cpu (user + system, all threads: less sensitive than the wall time to other work on the machine).
measure() {
  local label=$1; shift
  local walls=() cpus=() rss=0 out w r c
  for ((i = 0; i < REPEAT; i++)); do
    rm -f "$tmp"/out.parquet
    /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; echo "failed: $*" >&2; exit 1; }
    out=$(cat "$tmp/time")
    w=$(awk '/Elapsed \(wall clock\)/{n=split($NF,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' <<<"$out")
    r=$(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' <<<"$out")
    c=$(awk -F: '/User time|System time/{s+=$2} END{print s}' <<<"$out")
    walls+=("$w")
    cpus+=("$c")
    (( r > rss )) && rss=$r
  done
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  printf '| %s | %.2f | %.2f | %.0f |' "$label" "$wall" "$cpu" "$(awk "BEGIN{print $rss/1024}")"
}
rate() { awk "BEGIN{printf \"%.3g\", $1/$2}"; }

echo "== cevns whole-process benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores, $(java -version 2>&1 | sed -n 1p); $CEVNS; median of $REPEAT"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo
echo "| command | wall s (median) | CPU s (median) | max RSS MB | events/s (wall) | events per CPU-s |"
echo "|---|---|---|---|---|---|"
measure "cevns --version" "$CEVNS" --version; echo " | |"
configs=(${RATES_CONFIGS:-$(ls configs/*.yaml | grep -v reference.yaml | sort -u)})
[[ $quick == 1 ]] && configs=(configs/coherent-csi.yaml configs/xenonnt-b8.yaml)
# rates twice per config: computed (CEVNS_CACHE=0, the result cache off) and from the result cache (a cache directory
# of this benchmark, filled by one untimed run first; docs/design.md, "rates" cache)
for c in "${configs[@]}"; do
  measure "cevns rates $(basename "$c")" env CEVNS_CACHE=0 "$CEVNS" rates "$c"; echo " | |"
done
for c in "${configs[@]}"; do
  XDG_CACHE_HOME="$tmp/xdg-cache" "$CEVNS" rates "$c" >/dev/null
  measure "cevns rates $(basename "$c"), cached" env XDG_CACHE_HOME="$tmp/xdg-cache" "$CEVNS" rates "$c"; echo " | |"
done
sizes=("$GEN_SMALL" "$GEN_BIG")
[[ $quick == 1 ]] && sizes=("$GEN_SMALL")
[[ "${GENERATE:-1}" == 0 ]] && sizes=()
for n in ${sizes[@]+"${sizes[@]}"}; do
  events=$(awk "BEGIN{printf \"%d\", $n}")
  declare -A w_t=()
  for t in 1 2; do
    measure "cevns generate $(basename "$GEN_CONFIG") --events $n --threads $t -o out.parquet" \
      "$CEVNS" generate "$GEN_CONFIG" --events "$events" --threads "$t" --seed 1 --quiet --overwrite -o "$tmp/out.parquet"
    echo " $(rate "$events" "$wall") | $(rate "$events" "$cpu") |"
    w_t[$t]=$wall
  done
  echo "| 2 threads / 1 thread, $n events (wall-time rates) | | | | $(awk "BEGIN{printf \"%.2fx\", ${w_t[1]}/${w_t[2]}}") | |"
  if command -v taskset >/dev/null 2>&1; then
    # --threads 1 still encodes and compresses row groups beside its worker (~1.4 cores): the single-core rate is
    # the same command confined to one CPU, where the JVM also sees one processor.
    measure "taskset -c 0 cevns generate $(basename "$GEN_CONFIG") --events $n --threads 1 (one core)" \
      taskset -c 0 "$CEVNS" generate "$GEN_CONFIG" --events "$events" --threads 1 --seed 1 --quiet --overwrite \
      -o "$tmp/out.parquet"
    echo " $(rate "$events" "$wall") | $(rate "$events" "$cpu") |"
    echo "| 2 threads on 2 cores / one core, $n events (wall-time rates) | | | | $(awk "BEGIN{printf \"%.2fx\", $wall/${w_t[2]}}") | |"
  fi
done
echo
echo "load after: $(uptime | sed 's/.*load average: //')"
