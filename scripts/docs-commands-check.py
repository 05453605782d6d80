#!/usr/bin/env python3
"""Runs the `bin/cevns` commands shown in the documentation's code blocks, as a reader would type them.

Which commands: every line of a fenced code block (```sh, ```bash or a block without a language; not java, python,
sql or yaml) of the files in DOCS that starts with `bin/cevns ` or `cevns ` (optionally after `$ `), with its `\\`
continuation lines. A line with a placeholder (an upper-case word such as CONFIG or DIR, ` [-` or ` [A`, `...`, `…`, `|`) is a
synopsis and is only listed. The commands of one file run in order in one scratch directory (so an import feeds
the analysis after it), where `bin/cevns` links to this clone's launcher and `configs`, `scripts`, `analysis` link
to its folders; `cevns ` is run as `bin/cevns `.

With `--python PY` the ```python and ```sql blocks of the same files run too (SQL through PY's duckdb), in
order with the commands, in the same directory; they are named by their first line that is not an import.

What is checked:
- the exit code: 0, or 2 for a `$ cevns ...` line followed by a line starting `cevns:` (an error example), whose
  text up to the first `…` or `...` must then start stderr;
- the output: a line `# prints: TEXT` right after a command must occur in its stdout or stderr (blanks squeezed).

Commands not run on purpose are listed in scripts/docs-commands-skip.txt, one per line: `FILE<TAB>PREFIX<TAB>WHY`,
where PREFIX is the start of the command as written (after `bin/`), and WHY starts with `slow` (run with --all) or
`never` (needs a cluster, a batch system or the output of a command that is never run). Every skip entry must still
match a command of the docs (a stale entry fails the check).

Usage: scripts/docs-commands-check.py [--all] [--list] [--python PY] [--timeout S] [FILE ...]
Exit 0 when every command run behaved as shown, 1 otherwise. The last line is `docs-commands: N passed, N failed`.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["README.md", "docs/io.md", "docs/python.md", "docs/real-data.md", "docs/scale.md", "docs/new-physics.md",
        "docs/design.md", "docs/performance.md"]
SKIP_FILE = ROOT / "scripts" / "docs-commands-skip.txt"
RUN_LANGS = {"", "sh", "bash", "shell", "console"}
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]{2,}\b|\s\[[-A-Z]|\.\.\.|…|\s\|\s")
COMMAND = re.compile(r"^(\$ )?(bin/)?cevns\s")


class Command:
    def __init__(self, doc, line, text, expect_error=None, prints=None, kind="cevns"):
        self.doc, self.line, self.text, self.kind = doc, line, text, kind
        self.expect_error = expect_error   # start of the stderr line of an error example, or None
        self.prints = prints or []         # texts that must occur in the output

    def key(self):
        if self.kind != "cevns":   # a snippet: named by its first line that is not an import, comment or blank
            first = next((x for x in self.text.splitlines() if x.strip() and not re.match(r"(import|from|--|#)\b", x)), "")
            return f"{self.kind}: {first.strip()}"
        return re.sub(r"^(\$ )?(bin/)?", "", self.text)


def extract(doc):
    """The cevns commands of DOC's code blocks, in order."""
    lines = (ROOT / doc).read_text(encoding="utf-8").splitlines()
    out, in_block, lang, i = [], False, "", 0
    while i < len(lines):
        raw = lines[i]
        fence = re.match(r"^\s*```(\w*)", raw)
        if fence:
            in_block, lang = (not in_block), fence.group(1).lower()
            if in_block and lang in ("python", "sql"):
                end = next(k for k in range(i + 1, len(lines)) if lines[k].strip().startswith("```"))
                out.append(Command(doc, i + 2, "\n".join(lines[i + 1:end]) + "\n", kind=lang))
                i, in_block = end + 1, False
                continue
            i += 1
            continue
        if in_block and lang in RUN_LANGS and COMMAND.match(raw.strip()):
            start = i
            text = raw.strip()
            while text.endswith("\\") and i + 1 < len(lines):
                i += 1
                text = text[:-1].rstrip() + " " + lines[i].strip()
            text = re.sub(r"\s+#\s.*$", "", text)          # a trailing comment
            cmd = Command(doc, start + 1, text)
            j = i + 1
            if text.startswith("$ ") and j < len(lines) and lines[j].startswith("cevns:"):
                cmd.expect_error = re.split(r"…|\.\.\.", lines[j])[0].rstrip()
            while j < len(lines) and lines[j].strip().startswith("# prints: "):
                cmd.prints.append(lines[j].strip()[len("# prints: "):])
                j += 1
            out.append(cmd)
        i += 1
    return out


def load_skips():
    skips = []
    for n, line in enumerate(SKIP_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].startswith(("slow", "never")):
            sys.exit(f"docs-commands: {SKIP_FILE.name}:{n}: want FILE<TAB>PREFIX<TAB>slow|never ..., got {line!r}")
        skips.append({"doc": parts[0], "prefix": parts[1], "why": parts[2], "line": n, "used": False})
    return skips


def squeeze(s):
    return " ".join(s.split())


def scratch_for(doc, base):
    d = base / re.sub(r"[^A-Za-z0-9]+", "-", doc)
    (d / "bin").mkdir(parents=True)
    os.symlink(ROOT / "bin" / "cevns", d / "bin" / "cevns")
    for name in ("configs", "scripts", "analysis"):
        os.symlink(ROOT / name, d / name)
    return d


SQL_RUNNER = "import sys, duckdb\nfor q in sys.stdin.read().split(';'):\n    q.strip() and print(duckdb.sql(q))\n"


def run(cmd, cwd, timeout, python):
    feed = None
    if cmd.kind == "python":
        argv = [python, "-c", cmd.text]
    elif cmd.kind == "sql":
        argv, feed = [python, "-c", SQL_RUNNER], cmd.text
    else:   # through bash, as typed: quotes, globs and redirections as a reader's shell reads them
        argv = ["bash", "-c", re.sub(r"^(\$ )?(bin/)?cevns ", "bin/cevns ", cmd.text)]
    start = time.monotonic()
    try:
        p = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                           input=feed if feed is not None else "")
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout} s (mark it slow in {SKIP_FILE.name}?)", time.monotonic() - start
    seconds = time.monotonic() - start
    problems = []
    want_rc = 2 if cmd.expect_error is not None else 0
    if p.returncode != want_rc:
        problems.append(f"exit {p.returncode}, expected {want_rc}: {p.stderr.strip()[-400:]}")
    if cmd.expect_error is not None and not p.stderr.startswith(cmd.expect_error):
        problems.append(f"stderr {p.stderr.strip()[:300]!r} does not start with {cmd.expect_error!r}")
    for text in cmd.prints:
        if squeeze(text) not in squeeze(p.stdout + "\n" + p.stderr):
            problems.append(f"output lacks {text!r}; it was: {(p.stdout + p.stderr).strip()[-400:]!r}")
    return not problems, "; ".join(problems), seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="also run the commands marked slow")
    ap.add_argument("--list", action="store_true", help="list the commands and what would be done, run nothing")
    ap.add_argument("--timeout", type=float, default=180, help="seconds per command (default 180)")
    ap.add_argument("--python", help="also run the ```python and ```sql snippets with this interpreter (it needs "
                    "pyarrow, pandas, duckdb, numpy, jsonschema); without it they are listed only")
    ap.add_argument("docs", nargs="*", help=f"files to check (default: {' '.join(DOCS)})")
    args = ap.parse_args()
    docs = args.docs or DOCS
    skips = load_skips()
    passed = failed = 0
    total_start = time.monotonic()
    if not args.list:
        # bin/cevns rebuilds a stale jar and makes its class-data archive on its first call: not part of any
        # command's time (a rebuild took the first command past the timeout).
        warm = subprocess.run([str(ROOT / "bin" / "cevns"), "--version"], capture_output=True, text=True)
        if warm.returncode != 0:
            print(f"docs-commands: bin/cevns --version failed: {warm.stderr.strip()[-400:]}")
            print("docs-commands: 0 passed, 1 failed")
            return 1
        print(f"docs-commands: {'; '.join(warm.stdout.split(chr(10))).strip('; ')} ({time.monotonic() - total_start:.0f} s)", flush=True)
    with tempfile.TemporaryDirectory(prefix="docs-commands-") as tmp:
        for doc in docs:
            cwd = None
            for cmd in extract(doc):
                skip = next((s for s in skips if s["doc"] == doc and cmd.key().startswith(s["prefix"])), None)
                where = f"{doc}:{cmd.line}"
                if skip:
                    skip["used"] = True
                if cmd.kind != "cevns" and not args.python and not (skip and skip["why"].startswith("never")):
                    print(f"snippet  {where}: {cmd.key()}  (not run: no --python)")
                    continue
                if cmd.kind == "cevns" and PLACEHOLDER.search(cmd.key()) and not skip:
                    print(f"synopsis {where}: {cmd.text}")
                    continue
                if skip and (skip["why"].startswith("never") or not args.all):
                    print(f"skipped  {where}: {cmd.key() if cmd.kind != 'cevns' else cmd.text}  ({skip['why']})")
                    continue
                if args.list:
                    print(f"run      {where}: {cmd.key() if cmd.kind != 'cevns' else cmd.text}")
                    continue
                if cwd is None:
                    cwd = scratch_for(doc, Path(tmp))
                ok, why, seconds = run(cmd, cwd, args.timeout, args.python)
                shown = cmd.key() if cmd.kind != "cevns" else cmd.text
                print(f"{'ok' if ok else 'FAILED':8} {where}: {shown}  ({seconds:.1f} s){'' if ok else ': ' + why}",
                      flush=True)
                passed, failed = passed + ok, failed + (not ok)
    for s in skips:
        if not s["used"] and s["doc"] in docs:
            print(f"FAILED   {SKIP_FILE.name}:{s['line']}: no command of {s['doc']} starts with {s['prefix']!r}")
            failed += 1
    print(f"docs-commands: {time.monotonic() - total_start:.0f} s")
    print(f"docs-commands: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
