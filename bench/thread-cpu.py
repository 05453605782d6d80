#!/usr/bin/env python3
"""CPU seconds per thread of one command (Linux): which threads of a JVM spend the CPU of a run.

Usage: bench/thread-cpu.py COMMAND [ARG...]
  e.g. bench/thread-cpu.py bin/cevns generate configs/coherent-lar.yaml --events 2000000 --threads 1 -o /tmp/o.parquet

Starts COMMAND (bin/cevns execs java, so its process is the JVM), reads /proc/<pid>/task/<tid>/stat (utime + stime)
every 5 ms until it exits and keeps each thread's last value, then prints the CPU seconds per thread name, numbered
threads of a pool (GC Thread#0, cevns-worker-1, ...) summed under one name ending in '#'. Threads that live
shorter than the polling interval are missed; the total is therefore a little below the process' user + system time
(compare with /usr/bin/time). Exit status: the command's. Used in docs/performance-history.md ("Generate fixed costs").
"""
import collections
import os
import re
import subprocess
import sys
import time

STAT = re.compile(r"(\d+) \((.*)\) (.*)")


def sample(pid, last):
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                m = STAT.match(f.read().strip())
        except OSError:
            continue
        if m:
            fields = m.group(3).split()
            last[tid] = (m.group(2), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    p = subprocess.Popen(argv)
    last = {}
    while p.poll() is None:
        sample(p.pid, last)
        time.sleep(0.005)
    per_name = collections.Counter()
    for name, cpu in last.values():
        per_name[re.sub(r"(?<=\D)\d+$", "#", name)] += cpu
    for name, cpu in per_name.most_common():
        if cpu >= 0.01:
            print(f"{cpu:8.2f}  {name}")
    print(f"{sum(per_name.values()):8.2f}  total (threads seen)")
    return p.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
