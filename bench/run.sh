#!/usr/bin/env bash
# cevns benchmark: prints, from one run on this machine,
#   events/s of generate without output, generate to Parquet, simulate to Parquet, analyze from Parquet,
#   and a bare Parquet write of the same columns (the I/O ceiling), the Parquet read paths (cevns' page decoder
#   against parquet-java's column and record readers), plus the peak memory (max RSS) of a
#   generation of SMALL (1e6) and BIG (1e9) events without output.
# Record the output in a new section at the end of docs/performance-history.md with the date and the load average
# printed here, and update the figures it changes in docs/performance.md.
#
# Then the whole-process figures of bin/cevns as a user runs it (bench/whole.sh: --version, rates on every
# shipped config, generate 2e6 and 2e7 events at 1 and 2 threads, wall, CPU and peak RSS).
#
# Usage: bench/run.sh [--jmh] [--no-build] [--no-whole]
#   env: CONFIG (configs/coherent-csi.yaml), EVENTS per throughput phase (2e7), ANALYZE_EVENTS (5e7),
#        READ_EVENTS (2e7, the read-path comparison),
#        THREADS (all cores),
#        SMALL (1e6), BIG (1e9), JAVA_OPTS (-Xmx4g, as bin/cevns), BENCH_DIR (a temporary directory)
#   --jmh      also run the JMH micro benchmarks (benchmarks/), ~3 minutes
#   --no-build use the existing benchmarks/target/benchmarks.jar
#   --no-whole skip bench/whole.sh
# The benchmark mains (GenerateBench, SimulateBench, HistogramBench, ParquetWriteBench) live in the benchmarks
# module (Maven profile -Pbench), built here into benchmarks/target/benchmarks.jar with all the cevns modules.
# Needs JDK 17+, Maven, and GNU time as /usr/bin/time for the memory lines (Debian/Ubuntu:
# `apt-get install time`; without it the memory lines are skipped).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
CONFIG=${CONFIG:-configs/coherent-csi.yaml}
EVENTS=${EVENTS:-2e7}
THREADS=${THREADS:-$(nproc)}
SMALL=${SMALL:-1e6}
BIG=${BIG:-1e9}
ANALYZE_EVENTS=${ANALYZE_EVENTS:-5e7}
READ_EVENTS=${READ_EVENTS:-2e7}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g}
jmh=0
build=1
whole=1
for a in "$@"; do
  case "$a" in
    --jmh) jmh=1 ;;
    --no-build) build=0 ;;
    --no-whole) whole=0 ;;
    *) echo "usage: bench/run.sh [--jmh] [--no-build] [--no-whole]" >&2; exit 2 ;;
  esac
done
jar=benchmarks/target/benchmarks.jar
if [[ $build == 1 ]]; then
  echo "== building $jar" >&2
  mvn -q -B -o -Pbench -pl benchmarks -am package -DskipTests >&2 || mvn -q -B -Pbench -pl benchmarks -am package -DskipTests >&2
fi
tmp=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$tmp"
cleanup() { if [[ -z "${BENCH_DIR:-}" ]]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT

has_class() { unzip -l "$jar" "${1//.//}.class" >/dev/null 2>&1; }
run() { java $JAVA_OPTS -cp "$jar" "$@" 2>&1 | grep -v -e '^SLF4J' -e '^\[main\] WARN'; }

echo "== cevns benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB;" \
  "$(java -version 2>&1 | sed -n 1p)"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "config $CONFIG, $EVENTS events per phase, $THREADS threads, JAVA_OPTS=$JAVA_OPTS"
echo
echo "-- generate (benchmarks.GenerateBench: no output, to Parquet, bare Parquet write of the same columns)"
run org.cevns.benchmarks.GenerateBench "$CONFIG" "$EVENTS" "$THREADS" --dir "$tmp"
echo
if has_class org.cevns.benchmarks.SimulateBench; then
  echo "-- simulate (benchmarks.SimulateBench: to Parquet vs a bare Parquet write of the same 18 columns)"
  run org.cevns.benchmarks.SimulateBench --config "$CONFIG" --events "$EVENTS" --threads "$THREADS" --dir "$tmp" \
    --repeat 3
else
  echo "-- simulate: not in this build (benchmarks.SimulateBench missing)"
fi
echo
if has_class org.cevns.benchmarks.HistogramBench; then
  echo "-- analyze (benchmarks.HistogramBench: histogramming a ZSTD Parquet file of simulated-layout events,"
  echo "   as cevns analyze; the first rounds are JIT warm-up)"
  run org.cevns.benchmarks.HistogramBench --events "$ANALYZE_EVENTS" --shards 1 --threads "$THREADS" \
    --repeat 9 --codec zstd --dir "$tmp"
else
  echo "-- analyze: not in this build (benchmarks.HistogramBench missing)"
fi
echo
echo "-- Parquet read paths (benchmarks.ParquetWriteBench --read-path all: cevns' page decoder, PageColumnReader,"
echo "   against parquet-java's ColumnReader and its record assembly; ZSTD, 3 columns, 1 thread, 3 rounds)"
run org.cevns.benchmarks.ParquetWriteBench --events "$READ_EVENTS" --codecs zstd --repeat 3 --read-path all \
  --dir "$tmp"
echo
if [[ -x /usr/bin/time ]]; then
  echo "-- peak memory (max RSS) of generation without output, $THREADS threads, JAVA_OPTS=$JAVA_OPTS"
  for n in "$SMALL" "$BIG"; do
    out=$( { /usr/bin/time -v java $JAVA_OPTS -cp "$jar" org.cevns.benchmarks.GenerateBench "$CONFIG" "$n" \
      "$THREADS" --phases none --reps 1; } 2>&1 )
    rss=$(awk -F: '/Maximum resident set size/{gsub(/ /,"",$2); print $2}' <<<"$out")
    wall=$(awk '/Elapsed \(wall clock\)/{print $NF}' <<<"$out")
    rate=$(grep 'no output' <<<"$out" | sed 's/.*output: *//')
    printf "%-6s events: max RSS %6.1f MB, %s wall, %s\n" "$n" "$(awk "BEGIN{print $rss/1024}")" "$wall" "$rate"
  done
else
  echo "-- peak memory: skipped (no /usr/bin/time; install GNU time: apt-get install time)"
fi
echo
if [[ $jmh == 1 ]]; then
  echo "-- JMH micro benchmarks (ns per operation, one thread)"
  java -jar "$jar" -f 1 -wi 3 -i 5 -w 1 -r 1 -foe true 2>&1 \
    | sed -n '/^Benchmark /,$p'
  echo
fi
echo "load after: $(uptime | sed 's/.*load average: //')"
if [[ $whole == 1 ]]; then
  echo
  "$root/bench/whole.sh"
fi
