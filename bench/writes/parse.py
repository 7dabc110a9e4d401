"""Reads the load tools' output for bench/writes/run; each mode prints one JSON line.

  python3 parse.py pgbench [CPU] < OUTPUT
                                        tps, latency and failures from pgbench's report
  python3 parse.py wrk [BEFORE AFTER [CPU]] < OUTPUT
                                        post.lua's JSON lines as one; with BEFORE and AFTER (the server's
                                        dateline_http_requests_total lines before and after the run),
                                        also the 201s and the other answers it counted meanwhile
  CPU, when given, is bench/lib/cpu.py's JSON for the run, kept as "cpu".
  python3 parse.py progress JSON_LINE   a results line as a progress line on standard error
"""

import json
import re
import sys


def pgbench(text, cpu=None):
    def number(pattern, default=None):
        match = re.search(pattern, text, re.MULTILINE)
        return float(match.group(1)) if match else default

    return {
        "tps": number(r"^tps = ([0-9.]+) \(without initial connection time\)", 0.0),
        "transactions": int(number(r"^number of transactions actually processed: (\d+)", 0)),
        "failed": int(number(r"^number of failed transactions: (\d+)", 0)),
        "latency_ms": number(r"^latency average = ([0-9.]+) ms"),
        "ok": "tps = " in text and "ERROR" not in text,
    } | ({"cpu": json.loads(cpu)} if cpu else {})


def wrk(text, before=None, after=None, cpu=None):
    merged = {}
    for line in text.splitlines():
        if line.startswith("{"):
            merged.update(json.loads(line))
    if not merged:
        merged["error"] = text.strip().splitlines()[-1] if text.strip() else "no output"
    if after is not None:
        merged.update(answered(before or "", after))
    if cpu:
        merged["cpu"] = json.loads(cpu)
    return merged


def statuses(metrics):
    """The counts of a /metrics text's dateline_http_requests_total lines, by status."""
    counts = {}
    for match in re.finditer(r'status="(\d+)"\}\s+([0-9.]+)', metrics):
        counts[match.group(1)] = counts.get(match.group(1), 0) + int(float(match.group(2)))
    return counts


def answered(before, after):
    """What the server answered between two /metrics readings: 201s, and the rest by status."""
    start, end = statuses(before), statuses(after)
    delta = {status: count - start.get(status, 0) for status, count in end.items() if count > start.get(status, 0)}
    created = delta.pop("201", 0)
    return {"created": created, "other_status": sum(delta.values()), "statuses": delta}


def progress(line):
    record = json.loads(line)
    kind = record["kind"]
    if kind == "postgresql":
        run = record["pgbench"]
        print(f"  run {record['repeat']} PostgreSQL pgbench: {run['tps']:>9.0f} tps  "
              f"mean latency {run.get('latency_ms') or 0:6.2f} ms  failed {run['failed']}", file=sys.stderr)
        return
    run = record["run"]
    wrk_run = run["wrk"]
    where = f"{record['size']:,} events" if kind == "size" else f"run {record['repeat']} {kind}"
    print(f"  {where} Dateline: {wrk_run.get('rps', 0):>9.0f} writes/s  p50 {wrk_run.get('p50_us', 0) / 1000:6.1f} ms"
          f"  p99 {wrk_run.get('p99_us', 0) / 1000:6.1f} ms  201s {wrk_run.get('created', 0)}"
          f"  other {wrk_run.get('other_status', '?')}  snapshots {run['snapshots']}"
          f"  store {run['events_before']} -> {run['events_after']}  (ready in {run['start_s']} s)", file=sys.stderr)
    reader = run.get("reader")
    if reader:
        latencies = sorted(reader["latencies_ms"]) or [0]
        print(f"  reads beside them: {reader['reads']} (failed {reader['failed']})  p50 {latencies[(len(latencies) - 1) // 2]:.1f} ms"
              f"  slowest {latencies[-1]:.1f} ms", file=sys.stderr)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "pgbench":
        print(json.dumps(pgbench(sys.stdin.read(), *sys.argv[2:3])))
    elif mode == "wrk":
        print(json.dumps(wrk(sys.stdin.read(), *sys.argv[2:5])))
    elif mode == "progress":
        progress(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
