#!/usr/bin/env bash
# Checks the JVM options bin/cevns chooses per command (docs/performance.md, "Toys in the eleventh session"):
# runs bin/cevns with a stand-in `java` first on PATH that prints the arguments of the final `java ... -jar JAR
# ARGS` (and runs the real java for anything else, e.g. mvn building a stale jar), without the class-data-sharing
# archive (CEVNS_CDS=0), and fails unless
# - `toys` gets a 4 GB heap with a fixed 256 MB young generation (-Xmx4g -Xmn256m),
# - `fit` keeps -Xmx4g without -Xmn (the other analysis commands are unchanged),
# - CEVNS_JAVA_OPTS still replaces the defaults,
# - `generate` gets 192 + 32 x (2 x threads + 1) MB and -Dcevns.heap=auto (docs/performance.md, "Heap sizing
#   (twelfth session)"), a young generation of at most 12 MB per block and a native heap trimmed every second
#   ("Peak RSS flat in the number of events (seventeenth session)"), which CEVNS_JAVA_OPTS drops;
# and then, with the real java, that `generate configs/reference.yaml` (112 sampling tables, 293 MB: more than the
# launcher's heap) succeeds at --threads 1 and 2 (a child JVM with the heap it needs; before, an OutOfMemoryError),
# and that with CEVNS_JAVA_OPTS=-Xmx288m it stops at once, exit 1, naming -Xmx517m.
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
expect "fit" -Xmx4g < <(args fit configs/coherent-csi.yaml)
reject "fit" -Xmn256m < <(args fit configs/coherent-csi.yaml)
expect "CEVNS_JAVA_OPTS" -Xmx2g < <(CEVNS_JAVA_OPTS="-Xmx2g" args toys configs/coherent-csi.yaml)
reject "CEVNS_JAVA_OPTS" -Xmn256m < <(CEVNS_JAVA_OPTS="-Xmx2g" args toys configs/coherent-csi.yaml)
expect "generate 1" -Xmx288m -XX:MaxNewSize=36m -Dcevns.heap=auto -XX:TrimNativeHeapInterval=1000 \
  < <(args generate configs/coherent-lar.yaml --threads 1 -o x.parquet)
expect "generate 2" -Xmx352m -XX:MaxNewSize=60m -Dcevns.heap=auto -XX:TrimNativeHeapInterval=1000 \
  < <(args generate configs/coherent-lar.yaml --threads=2 -o x.parquet)
reject "generate CEVNS_JAVA_OPTS" -XX:MaxNewSize=60m < <(CEVNS_JAVA_OPTS="-Xmx2g" args generate configs/coherent-lar.yaml --threads 2)
reject "generate CEVNS_JAVA_OPTS" -Dcevns.heap=auto < <(CEVNS_JAVA_OPTS="-Xmx2g" args generate configs/coherent-lar.yaml)
# Real runs (no class-data archive: it may be stale, and making it takes a minute)
cevns() { CEVNS_CDS=0 "$root/bin/cevns" "$@"; }
for t in 1 2; do
  if ! cevns generate "$root/configs/reference.yaml" --events 2000 --threads "$t" --seed 1 --quiet \
      -o "$fake/reference-$t.parquet" 2>"$fake/err"; then
    echo "launcher-options-check: generate reference.yaml --threads $t failed: $(cat "$fake/err")" >&2
    fail=1
  fi
done
code=0
CEVNS_JAVA_OPTS=-Xmx288m cevns generate "$root/configs/reference.yaml" --events 2000 --threads 1 --seed 1 --quiet \
  -o "$fake/small.parquet" 2>"$fake/err" || code=$?
if ((code != 1)) || ! grep -q "not enough heap: .* give it -Xmx517m" "$fake/err" || [[ -e "$fake/small.parquet" ]]; then
  echo "launcher-options-check: reference.yaml at -Xmx288m: exit $code, $(cat "$fake/err")" >&2
  fail=1
fi
if ((fail == 0)); then
  echo "launcher-options-check: toys -Xmx4g -Xmn256m, fit -Xmx4g, generate -Xmx288m/-Xmx352m -XX:MaxNewSize=36m/60m" \
    "-Dcevns.heap=auto -XX:TrimNativeHeapInterval=1000," \
    "CEVNS_JAVA_OPTS replaces them; reference.yaml generated at 1 and 2 threads, refused at -Xmx288m"
fi
exit "$fail"
