"""Turns one bench/run's measurements into Markdown.

    python3 report.py WORK_DIR OUT_MD

Reads meta.json, bodies/routes.json, verify.json, results.jsonl, rss.json and, when present,
tls-results.jsonl, engine-results.jsonl, startup.json, held.json and held-rss.json from WORK_DIR. Figures are medians over the repeats;
each Dateline figure is also given as a ratio to each peer's.
"""
import json
import os
import statistics
import sys

NAMES = {"dateline": "Dateline", "hummingbird": "Hummingbird 2.28.1", "nginx": "nginx"}
TARGETS = {"hummingbird_rps": 1.5, "nginx_rps": 0.8, "healthz_ms": 150, "idle_rss_mb": 20,
           "held_rss_mb": 100, "held_p99_ms": 20}


def load(work, name, default=None):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return default
    with open(path) as stream:
        return json.load(stream)


def verdict(passed):
    return "**pass**" if passed else "**FAIL**"


def summarize(rows):
    runs = [row["wrk"] for row in rows if row["wrk"].get("requests")]
    if not runs:
        return None
    rps = [run["rps"] for run in runs]
    return {
        "rps": statistics.median(rps), "min": min(rps), "max": max(rps), "runs": len(runs),
        "p50": statistics.median(run["p50_us"] for run in runs) / 1000,
        "p99": statistics.median(run["p99_us"] for run in runs) / 1000,
        "errors": sum(run["connect_errors"] + run["read_errors"] + run["write_errors"] + run["timeouts"]
                      for run in runs),
        "non2xx": sum(run["non2xx"] for run in runs),
    }


def write_https(w, meta, rows):
    """The HTTPS table: keep-alive requests and new connections (full handshakes) per second."""
    servers = [server for server in ("dateline", "nginx") if any(row["server"] == server for row in rows)]
    figures = {(server, mode): summarize([row for row in rows if row["server"] == server and row["mode"] == mode])
               for server in servers for mode in ("https", "handshake")}
    w(f"## HTTPS, `GET /events` (medians of {meta['repeats']} runs)")
    w("")
    w("Both servers use the same self-signed ECDSA P-256 certificate, TLS 1.2 and 1.3, and send "
      "Strict-Transport-Security. Keep-alive: the same wrk settings as above, over TLS. New connections: "
      "`Connection: close` on every request, so each request opens a connection with a full TLS handshake "
      "(wrk does not resume sessions); its req/s is handshakes per second.")
    w("")
    w("| Mode | Server | req/s | req/s range | p50 ms | p99 ms | Dateline ÷ nginx: req/s · p99 |")
    w("|---|---|---:|---:|---:|---:|---|")
    for mode, label in (("https", "keep-alive"), ("handshake", "new connection a request")):
        own = figures.get(("dateline", mode))
        for server in servers:
            row = figures[(server, mode)]
            if row is None:
                w(f"| {label} | {NAMES[server]} | no data | | | | |")
            else:
                ratio = (f"{own['rps'] / row['rps']:.2f}× · {own['p99'] / row['p99']:.2f}×"
                         if server != "dateline" and own else "")
                flags = (f" ({row['errors']} socket errors, {row['non2xx']} non-2xx)"
                         if row["errors"] or row["non2xx"] else "")
                w(f"| {label} | {NAMES[server]} | {row['rps']:,.0f}{flags} | {row['min']:,.0f}–{row['max']:,.0f} | "
                  f"{row['p50']:.2f} | {row['p99']:.2f} | {ratio} |")
            label = ""
    w("")


def write_access_log(w, meta, rows, lines):
    """The access-log table: `GET /events` with log.access off and on, runs taking turns."""
    off = summarize([row for row in rows if row["server"] == "dateline"])
    on = summarize([row for row in rows if row["server"] == "dateline-log"])
    w(f"## Access log, `GET /events` (medians of {meta['repeats']} runs)")
    w("")
    w("Two Dateline processes taking turns run by run, the same wrk settings as above: one with "
      "`log.access=false`, one with the default `log.access=true` and its JSON lines going to a file"
      + (f" ({lines['lines']:,} access-log lines written)" if lines.get("lines") else "") + ".")
    w("")
    w("| Access log | req/s | req/s range | p50 ms | p99 ms | cost in req/s |")
    w("|---|---:|---:|---:|---:|---:|")
    for label, row in (("off", off), ("on", on)):
        if row is None:
            w(f"| {label} | no data | | | | |")
            continue
        cost = f"{(1 - row['rps'] / off['rps']) * 100:.1f} %" if row is on and off else ""
        w(f"| {label} | {row['rps']:,.0f} | {row['min']:,.0f}–{row['max']:,.0f} | {row['p50']:.2f} | "
          f"{row['p99']:.2f} | {cost} |")
    w("")


def write_pair(w, meta, rows, title, text, pair, column):
    """Two Dateline processes taking turns on `GET /events`: `pair` is ((server, label), (server, label)),
    the second's figures divided by the first's."""
    w(f"## {title} (medians of {meta['repeats']} runs)")
    w("")
    w(text)
    w("")
    w(f"| {column} | req/s | req/s range | p50 ms | p99 ms | ÷ {pair[0][1]}: req/s · p99 |")
    w("|---|---:|---:|---:|---:|---|")
    first = summarize([row for row in rows if row["server"] == pair[0][0]])
    for server, label in pair:
        row = summarize([row for row in rows if row["server"] == server])
        if row is None:
            w(f"| {label} | no data | | | | |")
            continue
        ratio = f"{row['rps'] / first['rps']:.2f}× · {row['p99'] / first['p99']:.2f}×" if server != pair[0][0] and first else ""
        flags = f" ({row['errors']} socket errors, {row['non2xx']} non-2xx)" if row["errors"] or row["non2xx"] else ""
        w(f"| {label} | {row['rps']:,.0f}{flags} | {row['min']:,.0f}–{row['max']:,.0f} | {row['p50']:.2f} | "
          f"{row['p99']:.2f} | {ratio} |")
    w("")


def write_engines(w, meta, rows):
    """Dateline's two I/O engines on `GET /events`: epoll (the default on Linux) and Dispatch sources."""
    write_pair(w, meta, rows, "I/O engines, `GET /events`",
               "The same binary twice: the default epoll event loops, and `--set ioEngine=dispatch` (Dispatch read "
               "and write sources, the engine used where epoll does not exist), taking turns run by run.",
               (("dateline", "epoll"), ("dateline-dispatch", "dispatch")), "Engine")


def write_baseline(w, meta, rows):
    """This Dateline beside the one built from an earlier commit (BENCH_BASELINE), on `GET /events`."""
    commit = meta.get("baseline", "?")
    write_pair(w, meta, rows, f"Against commit `{commit}`, `GET /events`",
               f"Dateline built from commit `{commit}` beside this one, each serving its own `/events` (the body "
               "changes when the extractor does), taking turns run by run with the same wrk settings: whether the "
               "server got slower, free of the peers' noise.",
               (("dateline-baseline", f"`{commit}`"), ("dateline", "this build")), "Build")


def main():
    work, out_path = sys.argv[1:3]
    meta = load(work, "meta.json")
    captured = load(work, "bodies/routes.json")
    routes = captured["routes"]
    verify = load(work, "verify.json", {})
    rss = load(work, "rss.json", {})
    servers = meta["servers"].split()
    peers = [server for server in servers if server != "dateline"]
    rows = [json.loads(line) for line in open(os.path.join(work, "results.jsonl")) if line.strip()]
    table = {(route, server): summarize([row for row in rows if row["route"] == route and row["server"] == server])
             for route in range(len(routes)) for server in servers}

    out = []
    w = out.append
    w(f"# Dateline benchmark, {meta['date']}")
    w("")
    w(f"Dateline at commit `{meta['commit']}`" + (" with uncommitted source changes" if meta["dirty"] else "")
      + f", release build with the Swift runtime linked statically (as in the container image). Machine: {meta['cpus']} CPUs ({meta['cpu_model']}), Linux {meta['kernel']}; "
      f"{meta['swift']}; wrk {meta['wrk']}; nginx {meta['nginx']}.")
    pin = (f"wrk pinned to CPU {meta['wrk_cpu']} with taskset, the servers unpinned (they may use both CPUs "
           f"and share one with wrk)" if meta["wrk_cpu"] != "none" else "wrk and the servers unpinned")
    w("")
    w(f"Load: `wrk -t{meta['threads']} -c{meta['connections']} --latency`, {meta['repeats']} runs of "
      f"{meta['duration']} s per server and route after {meta['warmup']} s of warm-up, the servers taking turns "
      f"run by run; {pin}. Every server answers with the same bytes (checked before the load). "
      f"nginx: `worker_processes {meta['nginx_workers']}`.")
    w("")
    w(f"Load average (1, 5, 15 min) when the load began: {meta['load_before']}; when it ended: "
      f"{meta['load_after']}. Anything else running on the machine takes CPU from the servers and wrk, so "
      "figures from a busy machine are lower and noisier; compare runs made at similar load.")
    w("")
    w(f"## Throughput and latency (medians of {meta['repeats']} runs)")
    w("")
    w("Ratios are Dateline's figure divided by the peer's: above 1 is better for req/s, below 1 is better "
      "for latency.")
    w("")
    w("| Route | Body | Server | req/s | req/s range | p50 ms | p99 ms | Dateline ÷ peer: req/s · p50 · p99 |")
    w("|---|---:|---|---:|---:|---:|---:|---|")
    for index, route in enumerate(routes):
        label = f"`GET {route['target']}`" + (" gzip" if route["encoding"] == "gzip" else "")
        size = f"{route['bytes']:,} B" + (f" (of {route['identity_bytes']:,})" if "identity_bytes" in route else "")
        own = table[(index, "dateline")] if "dateline" in servers else None
        for server in servers:
            figures = table[(index, server)]
            if figures is None:
                w(f"| {label} | {size} | {NAMES[server]} | no data | | | | |")
                continue
            ratio = ""
            if server != "dateline" and own:
                ratio = (f"{own['rps'] / figures['rps']:.2f}× · {own['p50'] / figures['p50']:.2f}× · "
                         f"{own['p99'] / figures['p99']:.2f}×")
            flags = ""
            if figures["errors"] or figures["non2xx"]:
                flags = f" ({figures['errors']} socket errors, {figures['non2xx']} non-2xx)"
            w(f"| {label} | {size} | {NAMES[server]} | {figures['rps']:,.0f}{flags} | "
              f"{figures['min']:,.0f}–{figures['max']:,.0f} | {figures['p50']:.2f} | {figures['p99']:.2f} | {ratio} |")
            label, size = "", ""
    w("")
    access_path = os.path.join(work, "access-results.jsonl")
    if os.path.exists(access_path):
        write_access_log(w, meta, [json.loads(line) for line in open(access_path) if line.strip()],
                         load(work, "access-lines.json", {}))
    tls_path = os.path.join(work, "tls-results.jsonl")
    if os.path.exists(tls_path):
        write_https(w, meta, [json.loads(line) for line in open(tls_path) if line.strip()])
    engine_path = os.path.join(work, "engine-results.jsonl")
    if os.path.exists(engine_path):
        write_engines(w, meta, [json.loads(line) for line in open(engine_path) if line.strip()])
    baseline_path = os.path.join(work, "baseline-results.jsonl")
    if os.path.exists(baseline_path):
        write_baseline(w, meta, [json.loads(line) for line in open(baseline_path) if line.strip()])
    w("## Peak RSS over the whole load")
    w("")
    w("| Server | Peak RSS (VmHWM) | Processes |")
    w("|---|---:|---:|")
    for server in servers:
        if server in rss:
            note = " (master and workers, summed)" if rss[server]["processes"] > 1 else ""
            w(f"| {NAMES[server]} | {rss[server]['peak_kb'] / 1024:.1f} MB{note} | {rss[server]['processes']} |")
    w("")

    targets = []
    events = table.get((0, "dateline"))
    for peer, factor in (("hummingbird", TARGETS["hummingbird_rps"]), ("nginx", TARGETS["nginx_rps"])):
        other = table.get((0, peer))
        if events and other:
            ratio = events["rps"] / other["rps"]
            targets.append((f"`GET /events` req/s ≥ {factor}× {NAMES[peer]}'s",
                            f"{ratio:.2f}× ({events['rps']:,.0f} vs {other['rps']:,.0f})", ratio >= factor))
    other = table.get((0, "hummingbird"))
    if events and other:
        targets.append(("`GET /events` p99 no worse than Hummingbird's",
                        f"{events['p99']:.2f} ms vs {other['p99']:.2f} ms", events["p99"] <= other["p99"]))
    startup = load(work, "startup.json")
    if startup:
        targets.append((f"start to first 200 on `/healthz` < {TARGETS['healthz_ms']} ms (median of {startup['runs']})",
                        f"{startup['healthz_ms']:.1f} ms", startup["healthz_ms"] < TARGETS["healthz_ms"]))
        targets.append((f"idle RSS after start < {TARGETS['idle_rss_mb']} MB (median)",
                        f"{startup['idle_rss_mb']:.1f} MB", startup["idle_rss_mb"] < TARGETS["idle_rss_mb"]))
    held, held_rss = load(work, "held.json"), load(work, "held-rss.json")
    if held and held_rss:
        peak_mb = max(held_rss["held_kb"], held_rss["after_wrk_kb"], held_rss["peak_kb"]) / 1024
        all_held = held["answered"] == held["requested"] and held["still_open"] == held["requested"]
        targets.append((f"{held['requested']:,} idle keep-alive connections held",
                        f"{held['answered']:,} answered, {held['still_open']:,} still open after the wrk run",
                        all_held))
        targets.append((f"RSS with them held < {TARGETS['held_rss_mb']} MB", f"{peak_mb:.1f} MB (peak)",
                        peak_mb < TARGETS["held_rss_mb"]))
        p99 = held_rss["wrk"].get("p99_us", 0) / 1000
        ok = bool(held_rss["wrk"].get("requests")) and p99 < TARGETS["held_p99_ms"]
        targets.append((f"`GET /events` p99 beside them < {TARGETS['held_p99_ms']} ms",
                        f"{p99:.2f} ms ({held_rss['wrk'].get('rps', 0):,.0f} req/s)", ok))
    w("## Targets")
    w("")
    w("| Target | Measured | Result |")
    w("|---|---|---|")
    for name, measured, passed in targets:
        w(f"| {name} | {measured} | {verdict(passed)} |")
    w("")

    if startup:
        w(f"## Start-up (Dateline, {startup['runs']} starts)")
        w("")
        w("From the process start to the first 200; the idle RSS a second after `/readyz` answered 200 "
          "(the seed is loaded by then).")
        w("")
        w("| | median | min | max |")
        w("|---|---:|---:|---:|")
        for key, label, unit in (("healthz_ms", "first 200 on `/healthz`", "ms"),
                                 ("readyz_ms", "first 200 on `/readyz`", "ms"),
                                 ("idle_rss_mb", "idle RSS", "MB")):
            values = [start[key] for start in startup["starts"]]
            w(f"| {label} | {startup[key]:.1f} {unit} | {min(values):.1f} {unit} | {max(values):.1f} {unit} |")
        w("")
    if held and held_rss:
        wrk = held_rss["wrk"]
        w(f"## {held['requested']:,} idle keep-alive connections (a fresh Dateline)")
        w("")
        w(f"One `GET /healthz` on each, opened in {held['open_seconds']} s"
          + (f"; failures: {', '.join(held['failures'])}" if held["failures"] else "") + ". "
          f"RSS before: {held_rss['before_kb'] / 1024:.1f} MB; with them held: {held_rss['held_kb'] / 1024:.1f} MB; "
          f"after the wrk run beside them: {held_rss['after_wrk_kb'] / 1024:.1f} MB; peak (VmHWM): "
          f"{held_rss['peak_kb'] / 1024:.1f} MB. The wrk run (`GET /events`, same settings, {meta['duration']} s): "
          f"{wrk.get('rps', 0):,.0f} req/s, p50 {wrk.get('p50_us', 0) / 1000:.2f} ms, "
          f"p99 {wrk.get('p99_us', 0) / 1000:.2f} ms.")
        w("")

    w("## How the peers serve the same bytes")
    w("")
    w(f"- The bodies are fetched from the running Dateline first (entity `{captured['entity']}`, found through "
      "`/entities`); the Hummingbird peer (`bench/peers/hummingbird-peer`) serves each route's captured body "
      "from memory with Dateline's Content-Type, and nginx serves them as static files mapped by exact request "
      "URI, with `sendfile`, `open_file_cache` and `keepalive_requests 1000000` (its default of 1,000 would "
      "close each keep-alive connection every 1,000 requests).")
    w("- Gzip route: Dateline compresses with zlib level 6; nginx compresses on the fly (`gzip on`, "
      "`gzip_types application/json`, `gzip_min_length 1024`, `gzip_comp_level 6`); the Hummingbird peer "
      "sends Dateline's compressed bytes as they were captured, so it does no compression work at all.")
    w(f"- nginx `worker_processes {meta['nginx_workers']}`: on {meta['cpus']} CPUs that is "
      + ("as many workers as CPUs, the same parallelism Dateline's and NIO's event loops get (one per CPU)."
         if meta["nginx_workers"] == "auto" else f"{meta['nginx_workers']} worker(s)."))
    checked = ", ".join(f"{NAMES[server]}: " + ("same" if all(entry["same"] for entry in verify[server].values())
                                              else "DIFFERENT") for server in verify)
    w(f"- Byte check before the load: {checked}.")
    w("")
    with open(out_path, "w") as stream:
        stream.write("\n".join(out))


if __name__ == "__main__":
    main()
