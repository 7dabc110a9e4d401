"""CPU time for the benchmarks, from /proc: what a server and a load tool spent on a run, and how
much of the machine was left idle.

  python3 cpu.py ticks PID      one JSON object: "tree", the CPU seconds PID and every process
                                under it have used (those still running, and those that exited
                                and were reaped: PostgreSQL's backends leave with their clients);
                                "idle" and "total", the machine's idle (idle and iowait) and
                                total seconds over all CPUs
  python3 cpu.py run FILE -- COMMAND...
                                runs COMMAND (its output passed through) and writes the CPU
                                seconds it used to FILE
  python3 cpu.py delta BEFORE AFTER CLIENT_SECONDS
                                one JSON object from two `ticks` readings around a run and the
                                load tool's seconds: server_s, client_s and idle_share
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


def machine_seconds():
    with open("/proc/stat") as file:
        values = [int(value) for value in file.readline().split()[1:]]
    return values[3] + values[4], sum(values)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "ticks" and len(sys.argv) == 3:
        idle, total = machine_seconds()
        print(json.dumps({"tree": tree_seconds(int(sys.argv[2])), "idle": idle / TICK, "total": total / TICK}))
    elif mode == "run" and len(sys.argv) > 4 and sys.argv[3] == "--":
        child = subprocess.Popen(sys.argv[4:])
        _, status, usage = os.wait4(child.pid, 0)
        with open(sys.argv[2], "w") as file:
            file.write(f"{usage.ru_utime + usage.ru_stime:.3f}\n")
        sys.exit(os.waitstatus_to_exitcode(status))
    elif mode == "delta" and len(sys.argv) == 5:
        before, after = json.loads(sys.argv[2]), json.loads(sys.argv[3])
        total = after["total"] - before["total"]
        print(json.dumps({
            "server_s": round(after["tree"] - before["tree"], 3),
            "client_s": float(sys.argv[4]),
            "idle_share": round((after["idle"] - before["idle"]) / total, 4) if total > 0 else None,
        }))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
