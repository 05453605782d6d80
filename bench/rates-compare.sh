#!/usr/bin/env bash
# Compares `cevns rates` of two jars on every shipped config (configs/*.yaml except reference.yaml): the text
# output must be byte-identical, every number of `rates --json` equal within REL (1e-12) relative, every other
# JSON value equal. Used for the issue-12 `rates` speed-ups (docs/performance-history.md, "Fourth pass").
#
# Usage: bench/rates-compare.sh BEFORE.jar AFTER.jar     env: REL (1e-12), OUT (a temporary directory)
set -euo pipefail
# computed runs: the result cache of rates off unless CEVNS_CACHE is set (CEVNS_CACHE=1 XDG_CACHE_HOME=DIR: cached runs)
export CEVNS_CACHE=${CEVNS_CACHE:-0}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before=$1 after=$2
out=${OUT:-$(mktemp -d)}
opts=(-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
fail=0
for c in "$root"/configs/*.yaml; do
  n=$(basename "$c" .yaml)
  [[ $n == reference ]] && continue
  for side in before after; do
    jar=${!side}
    mkdir -p "$out/$side"
    [[ -s "$out/$side/$n.txt" ]] || java "${opts[@]}" -jar "$jar" rates "$c" >"$out/$side/$n.txt"
    [[ -s "$out/$side/$n.json" ]] || java "${opts[@]}" -jar "$jar" rates --json "$c" >"$out/$side/$n.json"
  done
  if ! cmp -s "$out/before/$n.txt" "$out/after/$n.txt"; then
    echo "$n: text differs"; diff "$out/before/$n.txt" "$out/after/$n.txt" | head -10; fail=1
  fi
  python3 - "$out/before/$n.json" "$out/after/$n.json" "${REL:-1e-12}" "$n" <<'PY' || fail=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
rel, name = float(sys.argv[3]), sys.argv[4]
worst = [0.0, ""]
def walk(x, y, path):
    if isinstance(x, bool) or isinstance(y, bool) or not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
        if type(x) != type(y):
            raise SystemExit(f"{name}: {path}: {x!r} vs {y!r}")
        if isinstance(x, dict):
            if x.keys() != y.keys():
                raise SystemExit(f"{name}: {path}: keys differ")
            for k in x:
                walk(x[k], y[k], f"{path}.{k}")
        elif isinstance(x, list):
            if len(x) != len(y):
                raise SystemExit(f"{name}: {path}: lengths differ")
            for i, (u, v) in enumerate(zip(x, y)):
                walk(u, v, f"{path}[{i}]")
        elif x != y:
            raise SystemExit(f"{name}: {path}: {x!r} vs {y!r}")
        return
    d = abs(x - y) / max(abs(x), abs(y)) if x != y else 0.0
    if d > worst[0]:
        worst[:] = [d, path]
walk(a, b, "")
status = "FAIL" if worst[0] > rel else "ok"
print(f"{name}: text identical, json max rel diff {worst[0]:.3g} {worst[1]} {status}")
sys.exit(1 if worst[0] > rel else 0)
PY
done
exit $fail
