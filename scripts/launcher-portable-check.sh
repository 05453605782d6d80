#!/usr/bin/env bash
# Checks bin/cevns on machines that are not ours (docs/design.md, "walkportable (twenty-seventh session)"), with a
# stand-in `java` first on PATH (it prints the arguments of `java ... -jar JAR ARGS`, counts class-data-sharing
# training runs and writes a dummy archive for -Xshare:dump), in a scratch copy of the launcher beside an empty jar:
# - a clone installed read-only whose sources look newer than the jar (cp -r stamps every file with its copy time)
#   runs the jar it has, with one line on stderr (before: "line 26: .../.cevns-build.lock: Permission denied",
#   exit 1), and a read-only clone without a jar stops with one line, exit 1;
# - two launchers started at once make the class-data-sharing archive once (before: each trained and dumped one);
# - under Java 17 a clone whose path has a blank or a non-ASCII character makes no archive (Java 17 loads none of
#   the jar's classes from it), with one line once; another java (Java 25) then makes it there.
# - a stale or missing jar without Maven on PATH: one line naming Maven (before: the log's "mvn: command not found");
# - `sh bin/cevns` (dash) runs the launcher with bash (before: "set: Illegal option -o pipefail", exit 2);
# - in the C or POSIX locale (LC_ALL=C, or no LANG: cron, ssh, containers) java runs in a UTF-8 one (LC_ALL or
#   LC_CTYPE C.UTF-8), other locales are left alone, and with the real jar (when built) a config whose spectrum
#   file is spektrum-ü.csv runs `rates` under LC_ALL=C (before: "must be a valid file path (Malformed input ...)");
# Runs the read-only cases as user nobody (setpriv) when started as root, whom file modes do not stop.
# Usage: scripts/launcher-portable-check.sh   (exit 0: as expected; 1: not)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'chmod -R u+w "$scratch"; rm -rf "$scratch"' EXIT
chmod 755 "$scratch"
mkdir -p "$scratch/fake"
cat >"$scratch/fake/java" <<'END'
#!/usr/bin/env bash
for a in "$@"; do
  case "$a" in
    -jar) printf '%s\n' "$@"; exit 0 ;;
    -XshowSettings:properties) echo "    java.specification.version = ${FAKE_JAVA_SPEC:-25}" >&2; exit 0 ;;
    org.cevns.cli.CdsTraining) echo trained >>"$(dirname "$0")/trainings"; sleep 3; exit 0 ;;
    -XX:SharedArchiveFile=*) [[ " $* " != *" -Xshare:dump "* ]] || { echo archive >"${a#*=}"; exit 0; } ;;
  esac
done
exit 0
END
chmod 755 "$scratch/fake/java"
: >"$scratch/fake/trainings"
chmod 666 "$scratch/fake/trainings"
clone() { # clone DIR: bin/cevns and an empty jar, the jar older than pom.xml (stale) or newer (fresh: $2)
  mkdir -p "$1/bin" "$1/cli/target"
  cp "$root/bin/cevns" "$1/bin/cevns"
  touch -d '2026-01-01' "$1/cli/target/cevns.jar"
  if [[ "${2:-}" == fresh ]]; then touch -d '2025-01-01' "$1/pom.xml"; else touch "$1/pom.xml"; fi
}
as_user() { if [[ "$(id -u)" == 0 ]]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
fail=0
check() { if ! eval "$2"; then echo "launcher-portable-check: $1" >&2; fail=1; fi; }

clone "$scratch/ro"
chmod -R a-w "$scratch/ro"
rc=0
out="$(as_user env PATH="$scratch/fake:$PATH" "$scratch/ro/bin/cevns" --version 2>"$scratch/err")" || rc=$?
check "read-only stale clone: exit $rc, stderr $(cat "$scratch/err")" '[[ $rc == 0 ]]'
check "read-only stale clone: did not run its jar: $out" 'grep -qxF "$scratch/ro/cli/target/cevns.jar" <<<"$out"'
check "read-only stale clone: stderr not one line: $(cat "$scratch/err")" \
  '[[ "$(wc -l <"$scratch/err")" == 1 ]] && grep -q "not writable: running it as it is" "$scratch/err"'

mkdir -p "$scratch/nojar/bin" "$scratch/nojar/cli"
cp "$root/bin/cevns" "$scratch/nojar/bin/cevns"
chmod -R a-w "$scratch/nojar"
rc=0
as_user env PATH="$scratch/fake:$PATH" "$scratch/nojar/bin/cevns" --version >/dev/null 2>"$scratch/err" || rc=$?
check "read-only clone without jar: exit $rc, stderr $(cat "$scratch/err")" \
  '[[ $rc == 1 && "$(wc -l <"$scratch/err")" == 1 ]] && grep -q "is missing and .* is not writable" "$scratch/err"'

mkdir -p "$scratch/nomvn" "$scratch/bare"
for tool in bash env find mkdir flock mktemp cat rm readlink timeout sed nproc; do
  ! command -v "$tool" >/dev/null || ln -s "$(command -v "$tool")" "$scratch/bare/$tool"
done
clone "$scratch/nomvn"
rc=0
PATH="$scratch/fake:$scratch/bare" "$scratch/nomvn/bin/cevns" --version >/dev/null 2>"$scratch/err" || rc=$?
check "no Maven on PATH: exit $rc, stderr $(cat "$scratch/err")" \
  '[[ $rc == 1 && "$(wc -l <"$scratch/err")" == 1 ]] && grep -q "needs Maven" "$scratch/err"'

clone "$scratch/rw" fresh
for i in 1 2; do
  PATH="$scratch/fake:$PATH" "$scratch/rw/bin/cevns" --version >"$scratch/out$i" 2>&1 &
done
wait
check "concurrent first runs: $(wc -l <"$scratch/fake/trainings") training runs, not 1" \
  '[[ "$(wc -l <"$scratch/fake/trainings")" == 1 ]]'
for i in 1 2; do
  check "concurrent first run $i: $(cat "$scratch/out$i")" 'grep -qxF -- -jar "$scratch/out$i"'
done
check "concurrent first runs: no archive" '[[ -s "$scratch/rw/cli/target/cevns.jsa" ]]'
if command -v dash >/dev/null; then
  out="$(PATH="$scratch/fake:$PATH" dash "$scratch/rw/bin/cevns" --version 2>&1)" || true
  check "run by dash (sh bin/cevns): $out" 'grep -qxF -- -jar <<<"$out"'
fi
mkdir -p "$scratch/fake25"
cp -p "$scratch/fake/java" "$scratch/fake25/java"
: >"$scratch/fake/trainings"
clone "$scratch/my clone ü" fresh
for i in 1 2; do
  FAKE_JAVA_SPEC=17 PATH="$scratch/fake:$PATH" "$scratch/my clone ü/bin/cevns" --version >/dev/null 2>"$scratch/err$i"
done
check "Java 17, blank and ü in the path: $(wc -l <"$scratch/fake/trainings") training runs, stderr $(cat \
  "$scratch/err1")" '[[ ! -s "$scratch/fake/trainings" ]] && grep -q "^cevns: Java 17 does not" "$scratch/err1"'
check "Java 17, blank and ü in the path: second run said $(cat "$scratch/err2")" '[[ ! -s "$scratch/err2" ]]'
PATH="$scratch/fake25:$PATH" "$scratch/my clone ü/bin/cevns" --version >/dev/null 2>&1
check "Java 25 after Java 17, blank and ü in the path: no archive" '[[ -s "$scratch/my clone ü/cli/target/cevns.jsa" ]]'
mkdir -p "$scratch/fakeenv"
printf '#!/usr/bin/env bash\necho "LC_ALL=${LC_ALL:-} LC_CTYPE=${LC_CTYPE:-} LANG=${LANG:-}"\n' >"$scratch/fakeenv/java"
chmod 755 "$scratch/fakeenv/java"
clone "$scratch/loc" fresh
utf8="$(locale -a 2>/dev/null | sed -n '/^[Cc]\.[Uu][Tt][Ff]-*8$/{p;q}')" || true
[[ ! -d /usr/lib/locale/C.utf8 ]] || utf8=C.UTF-8
if [[ -n "$utf8" ]]; then
  locale_run() { env -u LANG -u LC_ALL -u LC_CTYPE CEVNS_CDS=0 PATH="$scratch/fakeenv:$PATH" "$@" \
    "$scratch/loc/bin/cevns" rates x.yaml 2>&1; }
  out="$(locale_run LC_ALL=C)"
  check "LC_ALL=C: java ran with $out" '[[ "$out" == "LC_ALL=$utf8 LC_CTYPE= LANG=" ]]'
  out="$(locale_run)"
  check "no LANG: java ran with $out" '[[ "$out" == "LC_ALL= LC_CTYPE=$utf8 LANG=" ]]'
  out="$(locale_run LANG=POSIX LC_NUMERIC=de_DE.UTF-8)"
  check "LANG=POSIX: java ran with $out" '[[ "$out" == "LC_ALL= LC_CTYPE=$utf8 LANG=POSIX" ]]'
  out="$(locale_run LANG=de_DE.UTF-8)"
  check "LANG=de_DE.UTF-8 changed: java ran with $out" '[[ "$out" == "LC_ALL= LC_CTYPE= LANG=de_DE.UTF-8" ]]'
  if [[ -f "$root/cli/target/cevns.jar" ]]; then
    mkdir -p "$scratch/umlaut"
    printf 'energy_mev,dn_de\n1,0\n5,1\n10,0\n' >"$scratch/umlaut/spektrum-ü.csv"
    printf '%s\n' "name: umlaut" "sources:" "  - {name: s, type: spectrum-file, file: spektrum-ü.csv, flavor: nuebar," \
      "     rate_per_s: 1.0e18, exposure: {live_days: 10}}" "detectors:" \
      "  - {name: d, target: {formula: Ge}, mass_kg: 1, distance_m: 10}" >"$scratch/umlaut/ü.yaml"
    rc=0
    out="$(cd "$scratch/umlaut" && env -u LANG -u LC_CTYPE LC_ALL=C "$root/bin/cevns" rates ü.yaml 2>&1)" || rc=$?
    check "LC_ALL=C, spectrum file spektrum-ü.csv: exit $rc, $out" '[[ $rc == 0 && "$out" == "experiment umlaut"* ]]'
  fi
else
  echo "launcher-portable-check: no C.UTF-8 locale (locale -a): locale cases not run" >&2
fi
exit "$fail"
