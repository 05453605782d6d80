#!/usr/bin/env bash
# `cevns rates` of two jars, interleaved (A, B, A, B, ...) so that both see the same load: median wall and CPU
# (user + system, all threads, GNU time) of REPEAT runs per config, with bin/cevns's JVM options for `rates` and a
# static class-data-sharing archive per jar, from that jar's own CdsTraining (made first if missing, JAR.jsa).
# Usage: bench/rates-ab.sh A.jar B.jar [CONFIG...]   (default: every shipped config)   env: REPEAT (5)
set -euo pipefail
# computed runs: the result cache of rates off unless CEVNS_CACHE is set (CEVNS_CACHE=1 XDG_CACHE_HOME=DIR: cached runs)
export CEVNS_CACHE=${CEVNS_CACHE:-0}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
a=$1 b=$2
shift 2
configs=("$@")
[[ ${#configs[@]} -gt 0 ]] || configs=($(ls "$root"/configs/*.yaml | grep -v reference.yaml))
opts=(-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=off)
if java -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -version >/dev/null 2>&1; then
  opts=(-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 "${opts[@]}")
fi
for jar in "$a" "$b"; do
  if [[ ! -s "$jar.jsa" || "$jar" -nt "$jar.jsa" ]]; then
    # a static archive as bin/cevns makes it (docs/performance-history.md, "Sixth pass: a static class-data
    # archive"); the -cp is the -jar path below
    scratch=$(mktemp -d)
    java -XX:DumpLoadedClassList="$scratch/classes.lst" -Xlog:disable -Xlog:all=off -Xmx1g -cp "$jar" \
      org.cevns.cli.CdsTraining "$root" "$scratch" >/dev/null 2>&1
    java_home="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
    [[ ! -f "$java_home/lib/classlist" ]] || cat "$java_home/lib/classlist" >>"$scratch/classes.lst"
    java -Xshare:dump -XX:SharedClassListFile="$scratch/classes.lst" -XX:SharedArchiveFile="$jar.jsa" -Xmx1g \
      -cp "$jar" >/dev/null 2>&1 || true
    rm -rf "$scratch"
  fi
done
median() { sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "| config | wall s A | wall s B | CPU s A | CPU s B |"
echo "|---|---|---|---|---|"
for c in "${configs[@]}"; do
  declare -A w=() u=()
  for ((i = 0; i < ${REPEAT:-5}; i++)); do
    for side in a b; do
      jar=${!side}
      /usr/bin/time -f "%e %U %S" -o /tmp/rates-ab.$$ java "${opts[@]}" -XX:SharedArchiveFile="$jar.jsa" -jar "$jar" \
        rates "$c" >/dev/null
      read -r e us sy </tmp/rates-ab.$$
      w[$side]+="$e "
      u[$side]+="$(awk "BEGIN{print $us + $sy}") "
    done
  done
  printf '| %s | %s | %s | %s | %s |\n' "$(basename "$c" .yaml)" \
    "$(tr ' ' '\n' <<<"${w[a]}" | grep . | median)" "$(tr ' ' '\n' <<<"${w[b]}" | grep . | median)" \
    "$(tr ' ' '\n' <<<"${u[a]}" | grep . | median)" "$(tr ' ' '\n' <<<"${u[b]}" | grep . | median)"
done
rm -f /tmp/rates-ab.$$
echo "load after: $(uptime | sed 's/.*load average: //')"
