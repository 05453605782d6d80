#!/usr/bin/env bash
# Issue 12: whole-process `cevns generate` (CENNS-10 config, to Parquet) against MARLEY 1.2.1 generating the same
# number of CEvNS events on 40Ar with no output, and against `cevns generate --threads 1`, interleaved in one run
# (the machine is shared: the ratios compare runs made under the same load). Wall time, user + system CPU time
# and peak RSS from GNU time; the median of REPEAT runs each.
#
# MARLEY is not part of cevns: build it from its public source (https://github.com/MARLEY-MC/marley, tag v1.2.1)
# with GSL (Debian: apt-get install libgsl-dev), outside this repository, e.g. in /work/marley:
#   cd /work/marley/build && make
# MARLEY's job: CEvNS40Ar.react, the pion decay-at-rest nu_e (Michel) spectrum, `output: [ ]` (no event output),
# log level "warning"; its status line still goes to stdout (discarded here).
#
# Usage: MARLEY_DIR=/work/marley bench/marley.sh        env: EVENTS ("2e6 2e7"), REPEAT (3), CONFIG, CEVNS
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
MARLEY_DIR=${MARLEY_DIR:?set MARLEY_DIR to a MARLEY 1.2.1 source tree built with make}
CEVNS=${CEVNS:-bin/cevns}
CONFIG=${CONFIG:-configs/coherent-lar.yaml}
REPEAT=${REPEAT:-3}
EVENTS=${EVENTS:-2e6 2e7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CEVNS" --version >/dev/null # builds the jar and the class-data archive outside the timings

# run LABEL CMD...: one run; appends "wall cpu rss_mb" to $tmp/LABEL
run() {
  local label=$1; shift
  rm -f "$tmp"/out.parquet
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" \
    || { cat "$tmp/err" >&2; echo "failed: $*" >&2; exit 1; }
  awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$tmp/time" >>"$tmp/$label"
}
median() { sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

echo "== cevns vs MARLEY, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores; median of $REPEAT, runs interleaved"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo
echo "| events | program | wall s | CPU s | max RSS MB | events/s (wall) | events per CPU-s |"
echo "|---|---|---|---|---|---|---|"
for n in $EVENTS; do
  events=$(awk "BEGIN{printf \"%d\", $n}")
  cat >"$tmp/marley.js" <<JS
{
  seed: 123456,
  reactions: [ "CEvNS40Ar.react" ],
  source: { type: "decay-at-rest", neutrino: "ve" },
  executable_settings: { events: $events, output: [ ] },
  log: [ { file: "stdout", level: "warning" } ],
}
JS
  rm -f "$tmp"/marley-"$n" "$tmp"/t1-"$n" "$tmp"/t2-"$n"
  for ((i = 0; i < REPEAT; i++)); do
    (cd "$tmp" && MARLEY="$MARLEY_DIR" LD_LIBRARY_PATH="$MARLEY_DIR/build" \
      /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$MARLEY_DIR/build/marley" marley.js >/dev/null 2>"$tmp/err") \
      || { cat "$tmp/err" >&2; exit 1; }
    awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$tmp/time" >>"$tmp/marley-$n"
    for t in 2 1; do
      run "t$t-$n" "$CEVNS" generate "$CONFIG" --events "$events" --threads "$t" --seed 1 --quiet --overwrite \
        -o "$tmp/out.parquet"
    done
  done
  declare -A w=() c=()
  for label in marley t2 t1; do
    f="$tmp/$label-$n"
    w[$label]=$(cut -d' ' -f1 "$f" | median)
    c[$label]=$(cut -d' ' -f2 "$f" | median)
    rss=$(cut -d' ' -f3 "$f" | sort -g | tail -1)
    name=$([[ $label == marley ]] && echo "MARLEY 1.2.1, no output" || echo "cevns generate --threads ${label#t} → Parquet")
    printf '| %s | %s | %.2f | %.2f | %s | %.3g | %.3g |\n' "$n" "$name" "${w[$label]}" "${c[$label]}" "$rss" \
      "$(awk "BEGIN{print $events/${w[$label]}}")" "$(awk "BEGIN{print $events/${c[$label]}}")"
  done
  echo "| $n | ratios (wall rates) | cevns 2 threads / MARLEY: $(awk "BEGIN{printf \"%.2f\", ${w[marley]}/${w[t2]}}")x (target >= 3); cevns 2 threads / 1 thread: $(awk "BEGIN{printf \"%.2f\", ${w[t1]}/${w[t2]}}")x (target >= 1.7) | | | | | |"
done
echo
echo "load after: $(uptime | sed 's/.*load average: //')"
