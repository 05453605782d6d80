#!/usr/bin/env bash
# Checks the JVM options bin/cevns chooses per command (docs/performance.md, "Knobs";
# docs/performance-history.md, "Toys in the eleventh session"):
# runs bin/cevns with a stand-in `java` first on PATH that prints the arguments of the final `java ... -jar JAR
# ARGS` (and runs the real java for anything else, e.g. mvn building a stale jar), without the class-data-sharing
# archive (CEVNS_CDS=0), and fails unless
# - `toys` gets a 4 GB heap with a fixed 256 MB young generation (-Xmx4g -Xmn256m),
# - `fit` (and sensitivity, run, scan) gets the same, `analyze` keeps -Xmx4g without -Xmn,
# - CEVNS_JAVA_OPTS still replaces the defaults,
# - a symbolic link to bin/cevns runs the clone's jar,
# - `generate` gets 192 + 32 x (2 x threads + 1) MB and -Dcevns.heap=auto (docs/performance-history.md, "Heap sizing
#   (twelfth session)"), a young generation of at most 12 MB per block and a native heap trimmed every second
#   ("Peak RSS flat in the number of events (seventeenth session)") and the client compiler only ("genstart
#   (twenty-seventh session)"), which CEVNS_JAVA_OPTS drops; simulate and detsim 192 MB more for the row group they
#   fill in memory, simulate with the client compiler too, detsim with C2;
# and then, with the real java, that `generate configs/reference.yaml` (119 sampling tables, 257 MB: more than the
# launcher's heap) succeeds at --threads 1 and 2 (a child JVM with the heap it needs; before, an OutOfMemoryError),
# and that with CEVNS_JAVA_OPTS=-Xmx288m it stops at once, exit 1, naming -Xmx481m (136 tables and -Xmx517m before
# the isotopes of one element shared their EvES tables, 2026-12-06); that simulate of 1e6 dresden-ii
# events and detsim of 3e6 run in their heaps (both ran out of memory before the row group was counted); and under
# `ulimit -v` (small class space and code cache, a heap that fits, one line when none does; rates and generate run
# at ulimit -v 2000000 without leaving an hs_err file; a child JVM whose heap would not fit the limit is one line).
# Usage: scripts/launcher-options-check.sh   (exit 0: as expected; 1: not)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fake="$(mktemp -d)"
trap 'rm -rf "$fake"' EXIT
real="$(command -v java)"
{
  echo '#!/usr/bin/env bash'
  echo 'for a in "$@"; do [[ "$a" == -jar ]] && { printf "%s\n" "$@"; exit 0; }; done'
  echo "exec \"$real\" \"\$@\""
} >"$fake/java"
chmod +x "$fake/java"
args() { PATH="$fake:$PATH" CEVNS_CDS=0 "$root/bin/cevns" "$@"; }
fail=0
expect() { # expect WHAT LINES... : every line must be among the arguments read from stdin
  local what="$1" out
  shift
  out="$(cat)"
  for want in "$@"; do
    if ! grep -qxF -- "$want" <<<"$out"; then
      echo "launcher-options-check: $what: missing $want in: $(tr '\n' ' ' <<<"$out")" >&2
      fail=1
    fi
  done
}
reject() { # reject WHAT LINE : the line must not be among the arguments read from stdin
  if grep -qxF -- "$2" <<<"$(cat)"; then
    echo "launcher-options-check: $1: unexpected $2" >&2
    fail=1
  fi
}
# input redirected, not piped: expect and reject must run in this shell to set fail
expect "toys" -Xmx4g -Xmn256m toys --toys 10 < <(args toys configs/coherent-csi.yaml --toys 10 --threads 2)
expect "fit" -Xmx4g -Xmn256m < <(args fit configs/coherent-csi.yaml)
expect "sensitivity" -Xmx4g -Xmn256m < <(args sensitivity configs/coherent-csi.yaml)
expect "analyze" -Xmx4g < <(args analyze configs/coherent-csi.yaml x.parquet)
reject "analyze" -Xmn256m < <(args analyze configs/coherent-csi.yaml x.parquet)
expect "CEVNS_JAVA_OPTS" -Xmx2g < <(CEVNS_JAVA_OPTS="-Xmx2g" args toys configs/coherent-csi.yaml)
reject "CEVNS_JAVA_OPTS" -Xmn256m < <(CEVNS_JAVA_OPTS="-Xmx2g" args toys configs/coherent-csi.yaml)
expect "generate 1" -Xmx288m -XX:MaxNewSize=36m -Dcevns.heap=auto -XX:TrimNativeHeapInterval=1000 \
  < <(args generate configs/coherent-lar.yaml --threads 1 -o x.parquet)
expect "generate 2" -Xmx352m -XX:MaxNewSize=60m -Dcevns.heap=auto -XX:TrimNativeHeapInterval=1000 \
  < <(args generate configs/coherent-lar.yaml --threads=2 -o x.parquet)
# generate and simulate with the client compiler only (docs/performance-history.md, "genstart (twenty-seventh session)");
# detsim keeps C2
# short commands: an 8 MB young generation, and transparent huge pages where the kernel offers them
# (docs/performance-history.md, "Launcher options for rates (thirty-first session)")
expect "rates young" -Xmx1g -XX:+UseSerialGC -Xmn8m < <(args rates configs/coherent-csi.yaml)
expect "version young" -Xmn8m < <(args --version)
thp=""
[[ ! -r /sys/kernel/mm/transparent_hugepage/enabled ]] || read -r thp </sys/kernel/mm/transparent_hugepage/enabled || true
if [[ "$thp" == *"[always]"* || "$thp" == *"[madvise]"* ]]; then
  expect "rates THP ($thp)" -XX:+UseTransparentHugePages < <(args rates configs/coherent-csi.yaml)
else
  reject "rates THP ($thp)" -XX:+UseTransparentHugePages < <(args rates configs/coherent-csi.yaml)
fi
reject "generate THP" -XX:+UseTransparentHugePages < <(args generate configs/coherent-lar.yaml --events 10 -o x.parquet)
reject "fit young" -Xmn8m < <(args fit configs/coherent-csi.yaml)
expect "generate C1" -XX:TieredStopAtLevel=1 < <(args generate configs/coherent-lar.yaml --events 10 -o x.parquet)
expect "simulate C1" -XX:TieredStopAtLevel=1 < <(args simulate configs/dresden-ii.yaml --threads 2 -o x.parquet)
reject "detsim C1" -XX:TieredStopAtLevel=1 < <(args detsim configs/dresden-ii.yaml --threads 1 -i t.parquet -o x.parquet)
expect "simulate 2" -Xmx544m -XX:MaxNewSize=60m -Dcevns.heap=auto < <(args simulate configs/dresden-ii.yaml --threads 2 -o x.parquet)
expect "detsim 1" -Xmx480m -XX:MaxNewSize=36m < <(args detsim configs/dresden-ii.yaml --threads 1 -i t.parquet -o x.parquet)
reject "generate CEVNS_JAVA_OPTS" -XX:MaxNewSize=60m < <(CEVNS_JAVA_OPTS="-Xmx2g" args generate configs/coherent-lar.yaml --threads 2)
reject "generate CEVNS_JAVA_OPTS" -Dcevns.heap=auto < <(CEVNS_JAVA_OPTS="-Xmx2g" args generate configs/coherent-lar.yaml)
# Under a virtual-memory limit (ulimit -v, clusters' login nodes) the JVM's reservations are made small and the heap
# of fit fits the limit; a limit too small for generate's heap is one line, exit 1, before java (walkleft,
# twenty-ninth session: before, "Could not allocate compressed class space", exit 1, at ulimit -v 2000000)
expect "rates at ulimit -v 2000000" -Xmx1g -XX:CompressedClassSpaceSize=64m -XX:ReservedCodeCacheSize=48m \
  "-XX:ErrorFile=$fake/cevns_hs_err_pid%p.log" < <(ulimit -v 2000000; TMPDIR="$fake" args rates configs/coherent-csi.yaml)
reject "fit at ulimit -v 4000000" -Xmx4g < <(ulimit -v 4000000; args fit configs/coherent-csi.yaml)
expect "fit at ulimit -v 4000000" -XX:ReservedCodeCacheSize=128m < <(ulimit -v 4000000; args fit configs/coherent-csi.yaml)
code=0
(ulimit -v 800000; args generate configs/coherent-lar.yaml --threads 2 -o x.parquet) >"$fake/out" 2>"$fake/err" || code=$?
if ((code != 1)) || [[ -s "$fake/out" || "$(wc -l <"$fake/err")" != 1 ]] \
    || ! grep -q "^cevns: the virtual-memory limit (ulimit -v 800000 KB = 781 MB) is too small for Java to run generate" \
    "$fake/err"; then
  echo "launcher-options-check: generate at ulimit -v 800000: exit $code, $(cat "$fake/out" "$fake/err")" >&2
  fail=1
fi
# A symbolic link to bin/cevns (cevns on PATH) runs the clone's jar: it took the clone's root from the link's
# directory, and its `mvn package` there failed (walkscript, twenty-second session)
ln -s "$root/bin/cevns" "$fake/cevns-link"
expect "symbolic link" -jar "$root/cli/target/cevns.jar" < <(PATH="$fake:$PATH" CEVNS_CDS=0 "$fake/cevns-link" --version)
# Real runs (no class-data archive: it may be stale, and making it takes a minute)
cevns() { CEVNS_CDS=0 "$root/bin/cevns" "$@"; }
for t in 1 2; do
  if ! cevns generate "$root/configs/reference.yaml" --events 2000 --threads "$t" --seed 1 --quiet \
      -o "$fake/reference-$t.parquet" 2>"$fake/err"; then
    echo "launcher-options-check: generate reference.yaml --threads $t failed: $(cat "$fake/err")" >&2
    fail=1
  fi
done
# simulate and detsim with a full 128 MiB row group in memory beside dresden-ii's 122 MB of tables (simulate) or
# the pool (detsim): both ran out of memory in generate's heap (seventeenth session)
if ! cevns simulate "$root/configs/dresden-ii.yaml" --events 1000000 --threads 2 --seed 1 --quiet \
    -o "$fake/dresden-sim.parquet" 2>"$fake/err"; then
  echo "launcher-options-check: simulate dresden-ii 1e6 --threads 2 failed: $(cat "$fake/err")" >&2
  fail=1
fi
rm -f "$fake/dresden-sim.parquet"
if ! cevns generate "$root/configs/dresden-ii.yaml" --events 3000000 --threads 2 --seed 1 --quiet \
    -o "$fake/dresden-truth.parquet" 2>"$fake/err" \
    || ! cevns detsim "$root/configs/dresden-ii.yaml" -i "$fake/dresden-truth.parquet" --threads 2 --quiet \
    -o "$fake/dresden-det.parquet" 2>"$fake/err"; then
  echo "launcher-options-check: generate + detsim dresden-ii 3e6 --threads 2 failed: $(cat "$fake/err")" >&2
  fail=1
fi
rm -f "$fake/dresden-truth.parquet" "$fake/dresden-det.parquet"
# rates and generate run at ulimit -v 2000000, and leave no hs_err or replay file in the working directory
mkdir -p "$fake/cwd"
for c in "rates $root/configs/coherent-csi.yaml" "generate $root/configs/coherent-csi.yaml --events 1000 --quiet -o x.parquet"; do
  if ! (cd "$fake/cwd" && ulimit -v 2000000 && cevns $c >/dev/null 2>"$fake/err") \
      || [[ -n "$(find "$fake/cwd" -name 'hs_err*' -o -name 'replay*')" ]]; then
    echo "launcher-options-check: ${c%% *} at ulimit -v 2000000: $(cat "$fake/err"; ls "$fake/cwd")" >&2
    fail=1
  fi
done
# A configuration whose tables need a child JVM with a larger heap (nucleus.yaml: 983 MB) under a limit too small for
# that child: one line naming the limit, exit 1, no file (thirtieth session: before, the child JVM failed with "Could
# not reserve enough space for 1007616KB object heap" or a crash report, exit 1)
code=0
(cd "$fake/cwd" && ulimit -v 1200000 && cevns generate "$root/configs/nucleus.yaml" --events 10 --threads 2 --seed 1 --quiet \
  -o "$fake/nucleus.parquet") >"$fake/out" 2>"$fake/err" || code=$?
if ((code != 1)) || [[ -s "$fake/out" || "$(wc -l <"$fake/err")" != 1 || -e "$fake/nucleus.parquet" ]] \
    || ! grep -q "^cevns: not enough heap: .* more than the virtual-memory limit (ulimit -v 1200000 KB = 1171 MB)" \
    "$fake/err" || [[ -n "$(find "$fake/cwd" -name 'hs_err*' -o -name 'replay*')" ]]; then
  echo "launcher-options-check: generate nucleus.yaml at ulimit -v 1200000: exit $code, $(cat "$fake/out" "$fake/err")" >&2
  fail=1
fi
code=0
CEVNS_JAVA_OPTS=-Xmx288m cevns generate "$root/configs/reference.yaml" --events 2000 --threads 1 --seed 1 --quiet \
  -o "$fake/small.parquet" 2>"$fake/err" || code=$?
if ((code != 1)) || ! grep -q "not enough heap: .* give it -Xmx481m" "$fake/err" || [[ -e "$fake/small.parquet" ]]; then
  echo "launcher-options-check: reference.yaml at -Xmx288m: exit $code, $(cat "$fake/err")" >&2
  fail=1
fi
if ((fail == 0)); then
  echo "launcher-options-check: toys/fit/sensitivity -Xmx4g -Xmn256m, analyze -Xmx4g, rates/--version -Xmn8m (+ huge pages where offered), generate -Xmx288m/-Xmx352m -XX:MaxNewSize=36m/60m" \
    "-Dcevns.heap=auto -XX:TrimNativeHeapInterval=1000 -XX:TieredStopAtLevel=1 (simulate too), simulate/detsim 192 MB more," \
    "CEVNS_JAVA_OPTS replaces them; reference.yaml generated at 1 and 2 threads, refused at -Xmx288m;" \
    "simulate dresden-ii 1e6 and detsim of 3e6 events in their heaps; rates and generate at ulimit -v 2000000"
fi
exit "$fail"
