"""Fixtures for the browser tests: the server under test, headless Chromium, small helpers.

scripts/browser-tests starts dateline and sets DATELINE_URL (and, for the cross-origin and
live tests, CROSS_ORIGIN_PORT and DATELINE_TOKEN) before running pytest.
"""
import json
import os
import pathlib
import shutil
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
WAIT_SECONDS = 15


def find_executable(names, env):
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.exit(f"none of {', '.join(names)} found; install Debian's chromium and chromium-driver", returncode=3)


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("DATELINE_URL")
    if not url:
        pytest.exit("DATELINE_URL is not set: run the tests through scripts/browser-tests", returncode=4)
    return url.rstrip("/")


class Api:
    """Plain HTTP calls to the server, outside the browser."""

    def __init__(self, base):
        self.base = base

    def request(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def get(self, path):
        status, body = self.request("GET", path)
        assert status == 200, f"GET {path} answered {status}: {body[:300]!r}"
        return json.loads(body)

    def status(self, path, headers=None):
        # A stream (the change feed) never ends, so only the status line is read.
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


@pytest.fixture(scope="session")
def api(base_url):
    return Api(base_url)


def make_driver(width=1440, height=1000, dark=False):
    options = webdriver.ChromeOptions()
    options.binary_location = find_executable(["chromium", "chromium-browser"], "CHROMIUM")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--disable-extensions", "--no-first-run", "--lang=en-US",
                     f"--window-size={width},{height}"]:
        options.add_argument(argument)
    if dark:
        options.add_argument("--blink-settings=preferredColorScheme=0")
        options.add_argument("--force-dark-mode")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(find_executable(["chromedriver"], "CHROMEDRIVER"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    driver.set_window_size(width, height)
    # The viewport itself at exactly this size (the window size counts the browser's frame too).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


@pytest.fixture(scope="session")
def driver():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def browser(driver):
    """The shared browser at 1440 px, its console log emptied."""
    driver.set_window_size(1440, 1000)
    driver.get("about:blank")
    driver.get_log("browser")
    return driver


def wait(driver, condition, message, seconds=WAIT_SECONDS):
    return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: condition(d), message)


def open_page(driver, url):
    """Loads the page and waits until the timeline has finished loading."""
    driver.get(url)
    wait(driver, lambda d: d.execute_script(
        "const b = document.getElementById('timeline-body');"
        "return b && b.getAttribute('aria-busy') === 'false';"), f"the timeline of {url} never finished loading")


def timeline_ids(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('#timeline-body .event')].map(e => e.dataset.id);")


def all_events(api, query=""):
    events, cursor = [], None
    while True:
        path = f"/events?limit=500{query}" + (f"&cursor={cursor}" if cursor else "")
        page = api.get(path)
        events += page["data"]
        cursor = page["next"]
        if not cursor:
            return events
