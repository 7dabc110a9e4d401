"""A page of another origin can read the API when the config allows that origin, and only then.

scripts/browser-tests starts dateline with cors.allowedOrigins set to http://127.0.0.1:PORT,
PORT being CROSS_ORIGIN_PORT; here the same probe page is served from that port and from
another one that the server does not know.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, all_events, wait

PAGES = ROOT / "Tests" / "browser" / "cross-origin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port):
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                "--directory", str(PAGES)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"the static server on port {port} did not start")


@pytest.fixture(scope="module")
def origins():
    allowed_port = os.environ.get("CROSS_ORIGIN_PORT")
    if not allowed_port:
        pytest.skip("CROSS_ORIGIN_PORT is not set: run through scripts/browser-tests")
    processes = [serve(int(allowed_port)), serve(free_port())]
    yield [f"http://127.0.0.1:{p.args[3]}" for p in processes]
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def probe(browser, origin, base_url):
    browser.get(f"{origin}/index.html?api={base_url}")
    wait(browser, lambda d: d.find_element("id", "result").get_attribute("data-state") != "pending",
         "the probe page never finished")
    return browser.find_element("id", "result")


def test_an_allowed_origin_reads_the_api(browser, base_url, api, origins):
    result = probe(browser, origins[0], base_url)
    assert result.get_attribute("data-state") == "allowed", result.text
    assert result.get_attribute("data-total") == str(len(all_events(api)))


def test_another_origin_is_refused(browser, base_url, origins):
    result = probe(browser, origins[1], base_url)
    assert result.get_attribute("data-state") == "refused", result.text
    refusals = [entry["message"] for entry in browser.get_log("browser") if "CORS" in entry["message"]]
    assert refusals, "the browser did not say CORS refused the request"
    assert origins[1] in refusals[0]
