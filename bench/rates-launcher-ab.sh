#!/usr/bin/env bash
# Whole-process A/B of `cevns rates` as a user runs it: two copies of a clone's launcher, each a directory DIR with
# bin/cevns, cli/target/cevns.jar with cli/target/lib/ (bin/cevns makes its class-data archive beside it on the first run) and configs/,
# alternated run by run (A, B, A, B, ...) so that both see the same load; computed runs (CEVNS_CACHE=0).
# Prints one line per run (config, side, wall s, user s, system s, 1-minute load) and the means of wall and CPU-s
# (user + system) per config and side. CONFIG "version" times `cevns --version`.
# Usage: bench/rates-launcher-ab.sh ROUNDS DIR_A DIR_B CONFIG...   (CONFIG: a name of configs/, without .yaml)
# e.g.   mkdir -p /tmp/a/bin /tmp/a/cli/target && cp bin/cevns /tmp/a/bin && cp -r configs /tmp/a \
#          && cp -r cli/target/cevns.jar cli/target/lib /tmp/a/cli/target   (the same for /tmp/b with the other jar), then
#        bench/rates-launcher-ab.sh 4 /tmp/a /tmp/b coherent-csi reference ess
# (docs/performance-history.md, "ratescold (twenty-eighth session)").
set -euo pipefail
rounds=$1 A=$2 B=$3
shift 3
tf=$(mktemp)
trap 'rm -f "$tf"' EXIT
for c in "$@"; do
  for ((r = 0; r < rounds; r++)); do
    for side in "$A" "$B"; do
      if [[ $c == version ]]; then args=(--version); else args=(rates "$side/configs/$c.yaml"); fi
      CEVNS_CACHE=0 /usr/bin/time -o "$tf" -f "%e %U %S" "$side/bin/cevns" "${args[@]}" >/dev/null 2>&1
      echo "$c $(basename "$side") $(tail -1 "$tf") $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done | awk '{print; k = $1 " " $2; w[k] += $3; c[k] += $4 + $5; n[k]++}
  END {for (k in w) printf "MEAN %s wall %.3f cpu %.3f n %d\n", k, w[k] / n[k], c[k] / n[k], n[k] | "sort"}'
