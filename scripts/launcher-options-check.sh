#!/usr/bin/env bash
# Checks the JVM options bin/cevns chooses per command (docs/performance.md, "Toys in the eleventh session"):
# runs bin/cevns with a stand-in `java` first on PATH that prints the arguments of the final `java ... -jar JAR
# ARGS` (and runs the real java for anything else, e.g. mvn building a stale jar), without the class-data-sharing
# archive (CEVNS_CDS=0), and fails unless
# - `toys` gets a 4 GB heap with a fixed 256 MB young generation (-Xmx4g -Xmn256m),
# - `fit` keeps -Xmx4g without -Xmn (the other analysis commands are unchanged),
# - CEVNS_JAVA_OPTS still replaces the defaults.
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
if ((fail == 0)); then
  echo "launcher-options-check: toys -Xmx4g -Xmn256m, fit -Xmx4g, CEVNS_JAVA_OPTS replaces them"
fi
exit "$fail"
