"""CPU time for the benchmarks, from /proc: what a server and a load tool spent on a run, and how
much of the machine was left idle.

  python3 cpu.py measure PID OUT -- COMMAND...
      runs COMMAND (its output passed through, its exit status returned) and writes to OUT one
      JSON object: "server_s", the CPU seconds PID and every process under it used meanwhile
      (those still running, and those that exited and were reaped: PostgreSQL's backends leave
      with their clients); "client_s", COMMAND's own CPU seconds; "idle_share", the share of all
      CPUs' time left idle (idle and iowait) meanwhile.
"""

import json
import os
import subprocess
import sys

TICK = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    """The fields of /proc/PID/stat after the command name (which may hold spaces)."""
    with open(f"/proc/{pid}/stat") as file:
        return file.read().rsplit(")", 1)[1].split()


def tree_seconds(root):
    """CPU seconds of `root` and its descendants: each live process's own time and that of its
    reaped children (fields utime, stime, cutime, cstime)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents.setdefault(int(stat_fields(entry)[1]), []).append(int(entry))
            except (OSError, IndexError):
                pass
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            fields = stat_fields(pid)
        except OSError:
            continue  # exited meanwhile: its parent's reaped-children time will hold it
        total += sum(int(value) for value in fields[11:15])
        pending += parents.get(pid, [])
    return total / TICK


def machine_ticks():
    """The machine's idle (idle and iowait) and total ticks over all CPUs."""
    with open("/proc/stat") as file:
        values = [int(value) for value in file.readline().split()[1:]]
    return values[3] + values[4], sum(values)


def main():
    if len(sys.argv) < 6 or sys.argv[1] != "measure" or sys.argv[4] != "--":
        sys.exit(__doc__)
    server, out, command = int(sys.argv[2]), sys.argv[3], sys.argv[5:]
    server_before, (idle_before, total_before) = tree_seconds(server), machine_ticks()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    server_after, (idle_after, total_after) = tree_seconds(server), machine_ticks()
    total = total_after - total_before
    with open(out, "w") as file:
        json.dump({
            "server_s": round(server_after - server_before, 3),
            "client_s": round(usage.ru_utime + usage.ru_stime, 3),
            "idle_share": round((idle_after - idle_before) / total, 4) if total > 0 else None,
        }, file)
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
