"""bench/replicas/run's figures.

  python3 report.py progress JSON_LINE       a results line as a progress line on standard error
  python3 report.py render META RESULTS OUT  the markdown report (META: the settings as JSON;
                                             RESULTS: one JSON line per measurement)
"""

import json
import statistics
import sys


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def number(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def percentile(values, fraction):
    """Nearest rank: the smallest value with at least `fraction` of them at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


def socket_errors(w):
    return sum(w.get(k, 0) for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))


def split_parts(record):
    return [record["wrk"]["a"], record["wrk"]["b"]]


def progress(line):
    record = json.loads(line)
    kind = record["kind"]
    if kind == "postgresql":
        run = record["pgbench"]
        print(f"  run {record['repeat']} PostgreSQL pgbench: {run['tps']:>8.0f} tps  mean latency "
              f"{run.get('latency_ms') or 0:6.2f} ms  failed {run['failed']}", file=sys.stderr)
    elif kind in ("one", "read-replica", "read-embedded"):
        w = record["wrk"]
        label = {"one": "writes, all on A", "read-replica": "reads on A (database)",
                 "read-embedded": "reads embedded"}[kind]
        extra = (f"  201s {w.get('created', 0)}  other {w.get('other_status', '?')}" if kind == "one"
                 else f"  non-2xx {w.get('non2xx', '?')}")
        print(f"  run {record['repeat']} {label}: {w.get('rps', 0):>8.0f}/s  p50 {w.get('p50_us', 0) / 1000:6.1f} ms"
              f"  p99 {w.get('p99_us', 0) / 1000:6.1f} ms{extra}  socket errors {socket_errors(w)}", file=sys.stderr)
    elif kind == "split":
        a, b = split_parts(record)
        print(f"  run {record['repeat']} writes split over A and B: {a.get('rps', 0) + b.get('rps', 0):>8.0f}/s "
              f"(A {a.get('rps', 0):.0f}, B {b.get('rps', 0):.0f})  201s {a.get('created', 0) + b.get('created', 0)}  "
              f"other {a.get('other_status', 0) + b.get('other_status', 0)}", file=sys.stderr)
    elif kind == "visibility":
        r = record["result"]
        d = r["delays_ms"]
        print(f"  visibility A -> B over {len(d)} writes: p50 {percentile(d, 0.5) or 0:.1f} ms  p99 "
              f"{percentile(d, 0.99) or 0:.1f} ms  max {max(d) if d else 0:.1f} ms  missing {r['missing_count']}  "
              f"non-201 {sum(r['non_201'].values())}", file=sys.stderr)


def wrk_errors(parts):
    other, sockets, statuses, problems = 0, 0, {}, []
    for w in parts:
        other += w.get("other_status", w.get("non2xx", 0))
        sockets += socket_errors(w)
        for status, count in w.get("statuses", {}).items():
            statuses[status] = statuses.get(status, 0) + count
        if "error" in w:
            problems.append(w["error"])
    return other, sockets, statuses, problems


def error_text(parts, what):
    other, sockets, statuses, problems = wrk_errors(parts)
    text = f"{other:,} {what}"
    if statuses:
        text += " (" + ", ".join(f"{count:,} × {status}" for status, count in sorted(statuses.items())) + ")"
    text += f", {sockets:,} socket errors"
    if problems:
        text += ", wrk: " + "; ".join(problems)
    return text


def render(meta_path, results_path, out):
    meta = json.load(open(meta_path))
    records = [json.loads(line) for line in open(results_path) if line.strip()]
    by_kind = {}
    for r in records:
        by_kind.setdefault(r["kind"], []).append(r)

    lines = [f"# Replicas sharing PostgreSQL ({meta['date']})", ""]
    lines.append(
        f"Dateline {meta['commit']}{' (with uncommitted changes)' if meta['dirty'] else ''}, release build, access "
        f"log off, two replicas A and B on one database of a throwaway PostgreSQL {meta['postgresql']} cluster "
        f"(fresh from initdb, on {meta['filesystem']}; {meta['pg_settings']}), everything over TCP to 127.0.0.1. "
        f"Both replicas ran throughout; they were ready {meta['replicas_ready_s']} s after starting together on "
        f"an empty database (the seed extracted once).")
    lines.append("")

    # Visibility.
    lines.append("## Visibility delay: a write on A, seen on B")
    lines.append("")
    vis = by_kind.get("visibility", [{}])[0].get("result")
    if vis:
        d, rt = vis["delays_ms"], vis["round_trips_ms"]
        lines.append(
            f"{vis['count']} events posted to A one at a time; for each, the time from reading A's 201 to the "
            f"event's id arriving on a `GET /changes` stream (Server-Sent Events) held open on B. The next write "
            f"went out once B had it, then `GET /events/{{id}}` on B was checked (untimed).")
        lines.append("")
        lines.append("| | samples | p50 | p90 | p99 | max | mean |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for label, values in (("A's 201 → B's change feed (ms)", d), ("write round trip on A (ms)", rt)):
            lines.append(
                f"| {label} | {len(values)} | {number(percentile(values, 0.5), 1)} | "
                f"{number(percentile(values, 0.9), 1)} | {number(percentile(values, 0.99), 1)} | "
                f"{number(max(values) if values else None, 1)} | "
                f"{number(statistics.mean(values) if values else None, 1)} |")
        lines.append("")
        p99 = percentile(d, 0.99)
        lines.append(
            f"- Target p99 under 100 ms on loopback: {'met' if p99 is not None and p99 < 100 else 'not met'} "
            f"(p99 {number(p99, 1)} ms).")
        lines.append(
            f"- Non-201 answers from A: {sum(vis['non_201'].values())}"
            f"{' ' + json.dumps(vis['non_201']) if vis['non_201'] else ''}; ids B's feed never carried (within "
            f"10 s): {vis['missing_count']}; B's `GET /events/{{id}}` not 200 after its feed carried the id: "
            f"{vis['not_served_by_b']}; carried by B's feed before the client had read A's 201: "
            f"{vis['seen_before_ack']} (counted as negative delays: B's feed and A's answer both follow the commit)"
            f"{'; feed: ' + vis['feed_error'] if vis.get('feed_error') else ''}.")
    else:
        lines.append("Not measured.")
    lines.append("")

    # Writes.
    lines.append("## Durable writes")
    lines.append("")
    lines.append(
        f"{meta['connections']} concurrent writers, {meta['duration']} s a run after {meta['warmup']} s of warm-up; "
        f"medians of {meta['repeats']} runs taken in turns. pgbench: `-M prepared`, {meta['threads']} threads, one "
        f"`INSERT` of the same JSON body a transaction, into its own database on the same cluster. Dateline: wrk "
        f"with bench/writes/post.lua, each request a new, valid event with a new id base; on A alone "
        f"(`-t{meta['threads']} -c{meta['connections']}`, B following), then split over A and B (two wrk processes "
        f"at once, `-t1 -c{meta['connections'] // 2}` each). Every answer must be 201.")
    lines.append("")
    lines.append("| | writes/s (median) | runs | latency p50 (median) / p99 (ms) | errors |")
    lines.append("|---|---:|---|---|---|")
    pg = [r["pgbench"] for r in by_kind.get("postgresql", [])]
    pg_rate = median([p["tps"] for p in pg])
    lines.append(
        f"| PostgreSQL pgbench insert, one JSON row a transaction | {number(pg_rate)} | "
        f"{', '.join(number(p['tps']) for p in pg)} | mean {number(median([p.get('latency_ms') for p in pg]), 1)} | "
        f"{sum(p['failed'] for p in pg)} failed |")
    one = [r["wrk"] for r in by_kind.get("one", [])]
    one_rate = median([w.get("rps") for w in one])
    lines.append(
        f"| Dateline `POST /events`, all {meta['connections']} writers on A | {number(one_rate)} | "
        f"{', '.join(number(w.get('rps')) for w in one)} | {number(median([w.get('p50_us') for w in one]) / 1000 if one else None, 1)}"
        f" / {number(median([w.get('p99_us') for w in one]) / 1000 if one else None, 1)} | "
        f"{error_text(one, 'non-201')} |")
    split = by_kind.get("split", [])
    split_rates = [sum(w.get("rps", 0) for w in split_parts(r)) for r in split]
    split_rate = median(split_rates)
    parts = [w for r in split for w in split_parts(r)]
    per = "; ".join(f"A {r['wrk']['a'].get('rps', 0):,.0f} + B {r['wrk']['b'].get('rps', 0):,.0f}" for r in split)
    lines.append(
        f"| Dateline `POST /events`, {meta['connections'] // 2} writers on A and {meta['connections'] // 2} on B | "
        f"{number(split_rate)} | {', '.join(number(v) for v in split_rates)} ({per}) | "
        f"{number(median([w.get('p50_us') for w in parts]) / 1000 if parts else None, 1)} / "
        f"{', '.join(number(w.get('p99_us', 0) / 1000) for w in parts)} (each run's A, B) | "
        f"{error_text(parts, 'non-201')} |")
    lines.append("")
    if pg_rate and one_rate is not None:
        lines.append(f"- Dateline on one replica / PostgreSQL's insert rate: {one_rate / pg_rate:.2f}.")
    if one_rate and split_rate is not None:
        lines.append(f"- Two replicas / one replica: {split_rate / one_rate:.2f}.")
    created = sum(w.get("created", 0) for w in one + parts)
    warm = [w for r in by_kind.get("warmup", []) for w in r["wrk"].values()]
    if warm:
        lines.append(
            f"- Warm-up runs (not in the table, {len(by_kind['warmup'])} of {meta['warmup']} s): "
            f"{sum(w.get('created', 0) for w in warm):,} created, {error_text(warm, 'non-201')}.")
    lines.append(f"- Events created by the measured runs: {created:,} (answered within the runs; the writes in flight "
                 f"when wrk stops are committed but not counted).")
    for c in by_kind.get("converged", []):
        lines.append(
            f"- Afterwards A held {c['a_total']:,} events and B {c['b_total']:,} "
            f"({'the same' if c['converged'] else 'NOT the same'} {c['seconds']} s after the last write), the "
            f"database's `dateline_events` {c['db_events']:,} rows, its change log at version {c['db_version']:,}.")
    lines.append("")

    # Reads.
    lines.append("## Reads: `GET /events`")
    lines.append("")
    lines.append(
        f"wrk `-t{meta['threads']} -c{meta['connections']}`, {meta['read_duration']} s a run after {meta['warmup']} s "
        f"of warm-up, medians of {meta['repeats']} runs taken in turns, before any write (both stores held only the "
        f"seed). The embedded server is the same binary without `database.url` (in memory, no data directory).")
    lines.append("")
    lines.append("| | requests/s (median) | runs | latency p50 / p99 (ms) | errors |")
    lines.append("|---|---:|---|---|---|")
    rates = {}
    for kind, label in (("read-replica", "replica A, database attached"), ("read-embedded", "embedded, in memory")):
        runs = [r["wrk"] for r in by_kind.get(kind, [])]
        rates[kind] = median([w.get("rps") for w in runs])
        lines.append(
            f"| {label} | {number(rates[kind])} | {', '.join(number(w.get('rps')) for w in runs)} | "
            f"{number(median([w.get('p50_us') for w in runs]) / 1000 if runs else None, 2)} / "
            f"{number(median([w.get('p99_us') for w in runs]) / 1000 if runs else None, 2)} | "
            f"{error_text(runs, 'non-2xx')} |")
    lines.append("")
    if rates.get("read-replica") and rates.get("read-embedded"):
        lines.append(f"- Replica / embedded: {rates['read-replica'] / rates['read-embedded']:.2f}.")
        lines.append("")

    # Logs and machine.
    lines.append("## Logs and machine")
    lines.append("")
    for r in by_kind.get("log", []):
        text = f"- {r['name']}'s log: {r['errors']} lines at error or critical level"
        if r["mentions"] != r["errors"]:
            text += f" ({r['mentions']} lines mention error or critical at all)"
        if r["first"]:
            text += "; first: " + " / ".join(f"`{line}`" for line in r["first"][:3])
        lines.append(text + ".")
    lines.append(f"- PostgreSQL's log: {meta['pg_log_errors']} ERROR, FATAL or PANIC lines.")
    rss = meta.get("peak_rss_kb", {})
    lines.append(f"- Peak RSS: A {rss.get('A', 0) / 1024:,.0f} MB, B {rss.get('B', 0) / 1024:,.0f} MB.")
    lines.append("")
    lines.append(
        f"Machine: {meta['cpus']} × {meta['cpu_model']} (shared; other work was running), Linux {meta['kernel']}; "
        f"{meta['swift']}; wrk {meta['wrk']}. Load (uptime) at the start: {meta['load_before']}; at the end: "
        f"{meta['load_after']}. Replicas, PostgreSQL and the load tools all share these cores, so the figures are "
        f"for this machine only.")
    with open(out, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "progress":
        progress(sys.argv[2])
    elif mode == "render":
        render(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
