"""Writes bench/writes/run's markdown report: python3 report.py META RESULTS OUT.

META is the run's settings (JSON); RESULTS holds one JSON line per measured run.
"""

import json
import math
import statistics
import sys


def number(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def rate(value):
    """Whole numbers, but one decimal below 100 so that slow rates do not round to nothing."""
    return number(value, 1 if value is not None and value < 100 else 0)


def ratio(value):
    return f"{value:.2f}" if value >= 0.01 else f"{value:.4f}"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ms(microseconds):
    return f"{microseconds / 1000:.1f}"


def cpu_text(runs):
    """Medians over runs of the server's and the load tool's CPU microseconds a write, and of
    the machine's idle share; each run is (its cpu object, the writes it made), or n/a."""
    measured = [(cpu, count) for cpu, count in runs if cpu and count]
    if not measured:
        return "n/a"
    server = median([cpu["server_s"] * 1e6 / count for cpu, count in measured])
    client = median([cpu["client_s"] * 1e6 / count for cpu, count in measured])
    idle = median([cpu.get("idle_share") for cpu, _ in measured])
    return f"{number(server)} / {number(client)} / {'n/a' if idle is None else f'{idle * 100:.0f}%'}"


def percentile(values, share):
    """The nearest-rank percentile of sorted `values`."""
    return values[max(0, math.ceil(share * len(values)) - 1)] if values else None


def reads_note(runs, meta):
    """The reader's latency, every run's reads pooled: p50, p99 and the slowest."""
    readers = [r["reader"] for r in runs if r.get("reader")]
    if not readers:
        return "the reader reported nothing"
    reads = sum(r["reads"] for r in readers)
    failed = sum(r["failed"] for r in readers)
    latencies = sorted(v for r in readers for v in r["latencies_ms"])
    figures = " / ".join(number(percentile(latencies, share), 1) for share in (0.5, 0.99, 1.0))
    return (f"one `GET /events?limit=1` every {meta.get('read_interval', '?')} s: {reads:,} reads, {failed} failed; "
            f"read latency p50 / p99 / slowest {figures} ms")


def main():
    meta = json.load(open(sys.argv[1]))
    records = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    out = sys.argv[3]

    postgres = [r["pgbench"] for r in records if r["kind"] == "postgresql"]
    distinct = [r["run"] for r in records if r["kind"] == "distinct"]
    shared = [r["run"] for r in records if r["kind"] == "shared"]
    reading = [r["run"] for r in records if r["kind"] == "reading"]
    sizes = {}
    for r in records:
        if r["kind"] == "size":
            sizes.setdefault(r["size"], []).append(r)

    def errors(runs):
        """Non-201 answers and socket errors, summed over the runs."""
        other, socket, statuses, problems = 0, 0, {}, []
        for run in runs:
            w = run["wrk"]
            other += w.get("other_status", 0)
            socket += sum(w.get(k, 0) for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
            for status, count in w.get("statuses", {}).items():
                statuses[status] = statuses.get(status, 0) + count
            if "error" in w or "created" not in w:
                problems.append(w.get("error", "no status counts"))
        text = f"{other:,} non-201"
        if statuses:
            text += " (" + ", ".join(f"{count:,} × {status}" for status, count in sorted(statuses.items())) + ")"
        if socket:
            text += f", {socket:,} socket errors"
        if problems:
            text += ", wrk: " + "; ".join(problems)
        return text

    def dateline_row(label, runs, note=""):
        rates = [r["wrk"].get("rps") for r in runs]
        middle = median(rates)
        p50 = median([r["wrk"].get("p50_us") for r in runs])
        p99 = median([r["wrk"].get("p99_us") for r in runs])
        latency = f"{ms(p50)} / {ms(p99)}" if p50 is not None and p99 is not None else "n/a"
        runs_text = ", ".join(rate(v) for v in rates)
        created = sum(r["wrk"].get("created", 0) for r in runs)
        cpu = cpu_text([(r["wrk"].get("cpu"), r["wrk"].get("requests")) for r in runs])
        return middle, (f"| {label} | {rate(middle)} | {runs_text} | {latency} | {cpu} | {errors(runs)} | "
                        f"{created:,} created; {note} |")

    lines = []
    lines.append(f"# Durable writes: Dateline beside PostgreSQL ({meta['date']})")
    lines.append("")
    lines.append(
        f"{meta['connections']} concurrent writers ({meta['threads']} load threads), {meta['duration']} s a run after "
        f"{meta['warmup']} s of warm-up; medians of {meta['repeats']} runs taken in turns (PostgreSQL, Dateline, "
        f"Dateline on one id base, Dateline with a reader). Dateline {meta['commit']}{' (with uncommitted changes)' if meta['dirty'] else ''}, "
        f"release build, access log off, a fresh `dataDirectory` each run. PostgreSQL {meta['postgresql']}: a fresh "
        f"cluster from initdb, its defaults ({meta['pg_settings']}), on the same disk ({meta['filesystem']}); "
        f"pgbench `-M prepared`, one `INSERT` of the same JSON body a transaction (its text put together and cast to "
        f"`jsonb` in each, so that every row's JSON is parsed), over TCP to 127.0.0.1 as wrk.")
    lines.append("")
    lines.append("| | per second (median) | runs | latency p50 / p99 (ms) | CPU µs a write: server / load tool / machine idle "
                 "| errors | notes |")
    lines.append("|---|---:|---|---|---|---|---|")
    pg_rate = median([p["tps"] for p in postgres])
    pg_latency = median([p.get("latency_ms") for p in postgres])
    pg_failed = sum(p["failed"] for p in postgres)
    lines.append(
        f"| PostgreSQL pgbench insert, one JSON row a transaction | {number(pg_rate)} | "
        f"{', '.join(number(p['tps']) for p in postgres)} | mean {number(pg_latency, 1)} | "
        f"{cpu_text([(p.get('cpu'), p['transactions']) for p in postgres])} | {pg_failed} failed | "
        f"`synchronous_commit` on; {meta['pg_rows']:,} rows after the last run |")
    dl_rate, row = dateline_row("Dateline durable `POST /events`, distinct events", distinct,
                                "store from the seed's {} events".format(meta["seed_events"]))
    lines.append(row)
    sh_rate, row = dateline_row("Dateline, every event on one id base", shared,
                                "`2024-08-13-consult-vladimir-putin-N`")
    lines.append(row)
    if reading:
        _, row = dateline_row("Dateline, distinct events, with a reader beside them", reading, reads_note(reading, meta))
        lines.append(row)
    size_rates = {}
    for size in sorted(sizes):
        runs = [r["run"] for r in sizes[size]]
        first = sizes[size][0]
        before = first["run"]["events_before"]
        snapshots = "+".join(str(r["snapshots"]) for r in runs)
        rss = max(r["peak_rss_kb"] for r in runs) / 1024
        ready = "/".join(str(r["start_s"]) for r in runs)
        note = (f"{before:,} events at the start; ready {ready} s after launch "
                f"({first['bytes'] / 1e6:,.0f} MB snapshot); {snapshots} snapshots written while measured; "
                f"peak RSS {rss:,.0f} MiB")
        size_rates[size], row = dateline_row(f"Dateline durable, store of {size:,} events", runs, note)
        lines.append(row)
    fsync = meta.get("fdatasync_per_s")
    lines.append(f"| the disk's `fdatasync` (pg_test_fsync, one 8 kB write each) | {number(fsync)} | | | | | |")
    lines.append("")

    checks = []
    if pg_rate and dl_rate is not None:
        checks.append(f"- Dateline / PostgreSQL: {ratio(dl_rate / pg_rate)} (goal: at least 1).")
    if dl_rate and sh_rate is not None:
        checks.append(f"- One id base / distinct: {ratio(sh_rate / dl_rate)} (goal: as fast as any others).")
    if size_rates:
        smallest, largest = min(size_rates), max(size_rates)
        if smallest != largest and size_rates[smallest]:
            checks.append(f"- {largest:,} events / {smallest:,} events: "
                          f"{ratio(size_rates[largest] / size_rates[smallest])} (goal: at least 0.8).")
    lines += checks
    lines.append("")
    lines.append(
        f"Machine: {meta['cpus']} × {meta['cpu_model']}, Linux {meta['kernel']}; load average {meta['load_before']} "
        f"before, {meta['load_after']} after; {meta['swift']}; wrk {meta['wrk']}. Errors count every answer that "
        f"was not 201 and every socket error; latencies are those of the writes answered within the run (when a "
        f"write takes longer than the run, most of the {meta['connections']} in flight are not). Growth stores are made by bench/writes/store.py from the snapshot "
        f"Dateline wrote of its seed (5 entities and 3 articles per 100 events) and loaded at start-up. CPU is user and "
        f"system time from /proc over the measured run: the server's (for PostgreSQL, the postmaster and every process "
        f"under it, its 64 backends' start included) and the load tool's, each divided by the writes made; machine idle "
        f"is the share of all CPUs' time left idle meanwhile.")
    text = "\n".join(lines) + "\n"
    with open(out, "w", encoding="utf-8") as file:
        file.write(text)


if __name__ == "__main__":
    main()
