#!/usr/bin/env bash
# Checks that bin/cevns starts from its class-data-sharing archive (cli/target/cevns.jsa, docs/performance.md,
# "Class-data archive"): runs `bin/cevns --version` and `bin/cevns rates configs/coherent-csi.yaml` (making the jar and the
# archive first if they are missing or stale) with -Xlog:class+load to a file, and fails when more than MAX_MISSED
# (default 20) of cevns's own and picocli's classes were loaded from the jar instead of the archive. Today 4 picocli
# interfaces (and the 2 classes implementing them) cannot be archived ("Old class has been linked": Java 5 class
# files are linked at dump time before they can be verified) and 2 or 3 classes are generated at run time.
# Also checks that the same two commands never open the jar past cevns.jar, lib/cevns-hadoop.jar (Hadoop's classes,
# cli/pom.xml): the JVM opens it, and reads its directory of 28,500 entries, only when a class or resource is not in
# cevns.jar (picocli's lookup of groovy.lang.Closure did it at every start before Main.NO_GROOVY_CLOSURES). The JDK's
# class path names every jar it opens under -Dsun.misc.URLClassPath.debug=true ("Opening file:...").
# Usage: scripts/cds-check.sh   (exit 0: archive used; 1: not used, or the Hadoop jar opened; 2: no archive was made)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log" "$log.out"' EXIT
opts="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:class+load=info:file=$log"
for run in "--version" "rates $root/configs/coherent-csi.yaml"; do
  # shellcheck disable=SC2086  # run is a command line of words without blanks
  CEVNS_JAVA_OPTS="$opts" "$root/bin/cevns" $run >"$log.out"
  if [[ ! -s "$root/cli/target/cevns.jsa" ]]; then
    echo "cds-check: no archive $root/cli/target/cevns.jsa was made" >&2
    exit 2
  fi
  shared=$(grep -c 'source: shared objects file' "$log" || true)
  missed=$(grep -E '\] org\.cevns\.' "$log" | grep -vc 'source: shared objects file' || true)
  echo "cds-check: cevns $run: $shared classes from the archive, $missed of org.cevns.* (incl. picocli) from elsewhere"
  if ((missed > ${MAX_MISSED:-20})); then
    grep -E '\] org\.cevns\.' "$log" | grep -v 'source: shared objects file' | head -20 >&2
    echo "cds-check: the archive is not used (more than ${MAX_MISSED:-20} classes not from it)" >&2
    exit 1
  fi
done
for run in "--version" "rates $root/configs/coherent-csi.yaml"; do
  # shellcheck disable=SC2086  # run is a command line of words without blanks
  CEVNS_CACHE=0 CEVNS_JAVA_OPTS="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dsun.misc.URLClassPath.debug=true" \
    "$root/bin/cevns" $run >"$log.out" 2>"$log"
  opened=$(grep '^Opening ' "$log" | sed 's/^Opening //' | tr '\n' ' ')
  echo "cds-check: cevns $run opened: $opened"
  if [[ "$opened" != *cevns.jar* ]]; then
    echo "cds-check: -Dsun.misc.URLClassPath.debug=true named no jar: this JDK no longer prints it" >&2
    exit 1
  fi
  if [[ "$opened" == *cevns-hadoop.jar* ]]; then
    grep -B2 -A30 '^Opening .*cevns-hadoop\.jar' "$log" | head -40 >&2
    echo "cds-check: cevns $run opened lib/cevns-hadoop.jar (something looked past cevns.jar)" >&2
    exit 1
  fi
done
