"""The page with 10,000 events in the store: how soon the first chart is drawn.

Starts a second server of its own (the binary scripts/browser-tests runs, DATELINE_BINARY), posts
10,000 events over a few keep-alive connections, then loads the page in Chromium and reads the
`dateline:first-chart` mark the page sets when its first chart is drawn. The time is reported
(printed and written to bench/results/page-load-latest.md), not asserted: it depends on the
machine. What is asserted is that the charts show the 10,000 events.
"""
import datetime
import http.client
import json
import os
import pathlib
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

import pytest

from conftest import ROOT, make_driver, open_page, wait

EVENTS = 10_000
CONNECTIONS = 8
PLACES = ["novo-ogaryovo", "sochi", "doha", "gaza-strip"]
PEOPLE = ["vladimir-putin", "mahmoud-abbas"]
TYPES = ["consult", "statement", "economic", "fight", "aid", "appeal", "reject", "cooperate"]
RESULTS = ROOT / "bench" / "results" / "page-load-latest.md"
LOADS = 3


@pytest.fixture(scope="module")
def big_server():
    binary = os.environ.get("DATELINE_BINARY")
    if not binary or not os.access(binary, os.X_OK):
        pytest.skip("DATELINE_BINARY is not set: run through scripts/browser-tests")
    token = secrets.token_urlsafe(18)
    workdir = tempfile.mkdtemp()
    log = pathlib.Path(workdir) / "server.log"
    env = {**os.environ, "DATELINE_API_TOKEN": token}
    with open(log, "w") as out:
        process = subprocess.Popen([binary, "serve", "--port", "0", "--log-format", "json", "--set", "log.access=false"],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        waited = subprocess.run([sys.executable, str(ROOT / "Tests" / "contract" / "wait_for_server.py"), str(log), str(process.pid)],
                                capture_output=True, text=True, timeout=120)
        assert waited.returncode == 0, f"the second server did not start: {log.read_text()[-2000:]}"
        yield waited.stdout.strip(), token
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def make_events(count):
    """Events spread over ten years, at the seed's places, with its people; the same each run."""
    random_source = random.Random(20240813)
    start = datetime.date(2015, 1, 1)
    for i in range(count):
        day = start + datetime.timedelta(days=random_source.randrange(3650))
        yield {
            "type": random_source.choice(TYPES),
            "summary": f"Load test event {i}",
            "date": {"phrase": f"on {day.isoformat()}", "value": day.isoformat(), "precision": "day",
                     "earliest": day.isoformat(), "latest": day.isoformat()},
            "status": "occurred",
            "location": random_source.choice(PLACES),
            "participants": [{"entityId": random_source.choice(PEOPLE), "role": "participant"}],
            "figures": [],
            "sources": [],
            "confidence": 1,
        }


def post_all(base, token, events):
    address = urllib.parse.urlsplit(base)
    bodies = [json.dumps(event).encode() for event in events]
    failures = []

    def worker(part):
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for body in part:
            connection.request("POST", "/events", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status not in (200, 201):
                failures.append(response.status)
        connection.close()

    threads = [threading.Thread(target=worker, args=(bodies[i::CONNECTIONS],)) for i in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, f"{len(failures)} posts failed, first {failures[0]}"


def get(base, path):
    address = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.request("GET", path, headers={"Accept": "application/json"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_first_chart_with_10000_events(big_server):
    base, token = big_server
    started = time.monotonic()
    post_all(base, token, make_events(EVENTS))
    posting = time.monotonic() - started
    status, body = get(base, "/events?limit=1")
    assert status == 200
    total = json.loads(body)["total"]
    assert total >= EVENTS

    driver = make_driver(1440, 1000)
    timings = []
    try:
        for _ in range(LOADS):
            driver.get("about:blank")
            open_page(driver, base + "/")
            wait(driver, lambda d: d.execute_script(
                "return performance.getEntriesByName('dateline:first-chart').length > 0"), "no chart was drawn")
            mark = driver.execute_script("""
                const mark = performance.getEntriesByName('dateline:first-chart')[0];
                const nav = performance.getEntriesByType('navigation')[0];
                return { at: mark.startTime, chart: mark.detail, domContentLoaded: nav.domContentLoadedEventEnd };""")
            listed = driver.execute_script("""
                const mark = performance.getEntriesByName('dateline:list-drawn')[0];
                return mark ? mark.startTime : null;""")
            timings.append({**mark, "list": listed})
        # The histogram counts every event the store holds, dated ones all.
        counted = driver.execute_script(
            "return [...document.querySelectorAll('#histogram .bar')].reduce((n, b) => n + Number(b.dataset.count), 0);")
        status, body = get(base, "/timeline?granularity=" + driver.find_element("id", "histogram").get_attribute("data-granularity"))
        assert counted == sum(bucket["count"] for bucket in json.loads(body)["data"])
        assert counted >= EVENTS
    finally:
        driver.quit()

    first = [t["at"] for t in timings]
    lines = [
        "# The page with 10,000 events: time to the first chart",
        "",
        f"Measured by `Tests/browser/test_load_10k.py` on {datetime.date.today().isoformat()}: {total} events in an in-memory store "
        f"(posted in {posting:.1f} s over {CONNECTIONS} connections), headless Chromium at 1440 px, {LOADS} loads of `/`.",
        "The time is `performance.now()` at the `dateline:first-chart` mark, set when the first chart is drawn; "
        "the full list of events (up to 5,000 shown) arrives later and is reported beside it.",
        "",
        "| load | first chart | which | DOMContentLoaded | list drawn |",
        "|---|---|---|---|---|",
    ]
    for i, t in enumerate(timings, 1):
        listed_text = f"{t['list']:.0f} ms" if t["list"] is not None else "not marked"
        lines.append(f"| {i} | {t['at']:.0f} ms | {t['chart']} | {t['domContentLoaded']:.0f} ms | {listed_text} |")
    lines += ["", f"Median first chart: {sorted(first)[len(first) // 2]:.0f} ms; under 1 s in {sum(f < 1000 for f in first)} of {len(first)} loads.", ""]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines))
    print("\n" + "\n".join(lines))
