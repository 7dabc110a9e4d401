"""The charts above the timeline and in the entity panel: the histogram of /timeline, the map of
/places and the who-with-whom graph of /entities/{id}/related."""
import json
import os
import time
import urllib.parse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import all_events, open_page, timeline_ids, wait

SEED_PLACES = {"novo-ogaryovo": "Novo-Ogaryovo", "sochi": "Sochi", "doha": "Doha", "gaza-strip": "Gaza Strip"}


def histogram(driver):
    """The drawn histogram: its granularity and its bars, once it has finished loading."""
    wait(driver, lambda d: d.find_element("id", "histogram").get_attribute("aria-busy") == "false",
         "the histogram never finished loading")
    return driver.execute_script("""
        const root = document.getElementById('histogram');
        return { granularity: root.dataset.granularity,
                 bars: [...root.querySelectorAll('.bar')].map(b => ({ key: b.dataset.key, count: Number(b.dataset.count),
                    from: b.dataset.from, to: b.dataset.to, name: b.getAttribute('aria-label') })),
                 rows: [...root.querySelectorAll('table tbody tr')].map(r => [...r.cells].map(c => c.textContent)) };""")


def timeline(api, granularity, query=""):
    return api.get(f"/timeline?granularity={granularity}{query}")["data"]


def overlaps(event, start, end):
    date = event.get("date")
    return bool(date) and date["earliest"] <= end and date["latest"] >= start


def query_of(driver):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)


@pytest.mark.parametrize("query", ["", "&entity=vladimir-putin", "&type=consult&from=2024-01-01&to=2024-12-31"])
def test_the_histogram_bars_match_the_timeline(browser, base_url, api, query):
    open_page(browser, base_url + "/?" + query.lstrip("&"))
    drawn = histogram(browser)
    assert drawn["granularity"] in ("year", "month", "day")
    expected = timeline(api, drawn["granularity"], query)
    assert expected, "the seeded store has no dated events"
    assert [(b["key"], b["count"]) for b in drawn["bars"]] == [(b["key"], b["count"]) for b in expected]
    # Each bar is named with its count, and the hidden table holds the same numbers.
    for bar in drawn["bars"]:
        assert bar["name"].endswith(f"{bar['count']} event" + ("" if bar["count"] == 1 else "s")), bar["name"]
    assert [int(row[1]) for row in drawn["rows"]] == [b["count"] for b in expected]


def test_the_granularity_follows_the_range_shown(browser, base_url, api):
    open_page(browser, base_url + "/?from=2024-08-01&to=2024-08-31")
    drawn = histogram(browser)
    assert drawn["granularity"] == "day"
    assert [b["key"] for b in drawn["bars"]] == [b["key"] for b in timeline(api, "day", "&from=2024-08-01&to=2024-08-31")]
    open_page(browser, base_url + "/?from=2023-01-01&to=2024-12-31")
    assert histogram(browser)["granularity"] == "month"


def test_dragging_across_bars_sets_the_dates_and_the_list_follows(browser, base_url, api):
    open_page(browser, base_url + "/")
    bars = histogram(browser)["bars"]
    assert len(bars) >= 2
    first, last = bars[-2], bars[-1]
    marks = browser.find_elements("css selector", "#histogram .bar")
    ActionChains(browser).click_and_hold(marks[-2]).move_to_element(marks[-1]).release().perform()
    wait(browser, lambda d: "from" in query_of(d) and "to" in query_of(d), "the drag did not set from and to")
    query = query_of(browser)
    start, end = query["from"][0], query["to"][0]
    assert (start, end) == (min(first["from"], last["from"]), max(first["to"], last["to"]))
    expected = {e["id"] for e in all_events(api, f"&from={start}&to={end}")}
    assert expected
    wait(browser, lambda d: set(timeline_ids(d)) == expected, "the list did not follow the dates")
    events = {e["id"]: e for e in all_events(api)}
    assert all(overlaps(events[i], start, end) for i in timeline_ids(browser)), "a listed event falls outside the range"
    assert browser.find_element("id", "f-from").get_attribute("value") == start
    assert browser.find_element("id", "f-to").get_attribute("value") == end
    # The histogram draws the chosen range, finer, and still as /timeline counts it.
    drawn = histogram(browser)
    assert [(b["key"], b["count"]) for b in drawn["bars"]] == \
        [(b["key"], b["count"]) for b in timeline(api, drawn["granularity"], f"&from={start}&to={end}")]
    # "Show all dates" goes back.
    browser.find_element("css selector", "#histogram .chart-reset").click()
    wait(browser, lambda d: "from" not in query_of(d) and len(timeline_ids(d)) == len(events), "the dates were not cleared")


def test_the_keyboard_chooses_dates_and_focus_shows_a_count(browser, base_url, api):
    open_page(browser, base_url + "/")
    bars = histogram(browser)["bars"]
    marks = browser.find_elements("css selector", "#histogram .bar")
    # One tab stop for the whole chart.
    assert [m.get_attribute("tabindex") for m in marks].count("0") == 1
    browser.execute_script("arguments[0].focus();", marks[0])
    readout = browser.find_element("css selector", "#histogram .chart-readout")
    wait(browser, lambda d: f"{bars[0]['count']} event" in readout.text, "focusing a bar did not show its count")
    ActionChains(browser).send_keys(Keys.ARROW_RIGHT).perform()
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("data-key") == bars[1]["key"], "the arrow did not move")
    assert bars[1]["from"] in readout.text
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.ARROW_RIGHT).key_up(Keys.SHIFT).perform()
    assert "Enter" in readout.text
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait(browser, lambda d: query_of(d).get("from") == [bars[1]["from"]] and query_of(d).get("to") == [bars[2]["to"]],
         "Shift and the arrow, then Enter, did not choose the two bars")
    expected = {e["id"] for e in all_events(api, f"&from={bars[1]['from']}&to={bars[2]['to']}")}
    wait(browser, lambda d: set(timeline_ids(d)) == expected, "the list did not follow the keyboard's dates")


def test_hovering_a_bar_shows_its_count_and_range(browser, base_url):
    open_page(browser, base_url + "/")
    bar = histogram(browser)["bars"][-1]
    mark = browser.find_elements("css selector", "#histogram .bar")[-1]
    ActionChains(browser).move_to_element(mark).perform()
    readout = browser.find_element("css selector", "#histogram .chart-readout")
    wait(browser, lambda d: f"{bar['count']} event" in readout.text and bar["from"] in readout.text,
         "hovering did not show the count and the range")


def test_a_posted_event_changes_the_histogram_live(browser, base_url, api):
    if api.status("/changes", headers={"Accept": "text/event-stream"}) == 404:
        pytest.skip("GET /changes answers 404: the change feed is not served yet")
    token = os.environ.get("DATELINE_TOKEN", "")
    auth = {"Authorization": f"Bearer {token}"}
    open_page(browser, base_url + "/")
    wait(browser, lambda d: d.find_element("id", "live-status").get_attribute("data-state") == "live",
         "the page never connected to /changes")
    browser.execute_script("window.__notReloaded = true;")
    before = histogram(browser)
    day = "2024-08-20"
    event = {"type": "consult", "summary": f"Histogram live test {int(time.time() * 1000)}",
             "date": {"phrase": "on 20 August 2024", "value": day, "precision": "day", "earliest": day, "latest": day},
             "status": "occurred", "participants": [{"entityId": "vladimir-putin", "role": "participant"}],
             "figures": [], "sources": [], "confidence": 1}
    status, body = api.request("POST", "/events", body=event, headers=auth)
    assert status in (200, 201), f"POST /events answered {status}: {body[:300]!r}"
    created = json.loads(body)["id"]
    try:
        total = sum(b["count"] for b in before["bars"])
        wait(browser, lambda d: sum(b["count"] for b in histogram(d)["bars"]) == total + 1,
             "the histogram did not count the posted event")
        after = histogram(browser)
        assert [(b["key"], b["count"]) for b in after["bars"]] == \
            [(b["key"], b["count"]) for b in timeline(api, after["granularity"])]
        assert browser.execute_script("return window.__notReloaded === true;"), "the page reloaded"
    finally:
        api.request("DELETE", f"/events/{created}", headers=auth)
    wait(browser, lambda d: sum(b["count"] for b in histogram(d)["bars"]) == total, "the deletion was not counted")


def places_missing(api):
    return api.status("/places") == 404


def map_marks(driver):
    wait(driver, lambda d: d.find_element("id", "map").get_attribute("aria-busy") == "false", "the map never finished loading")
    return driver.execute_script("""
        return [...document.querySelectorAll('#map .place')].map(p => ({ id: p.dataset.id, events: Number(p.dataset.events),
            name: p.getAttribute('aria-label'), title: p.querySelector('title').textContent,
            pressed: p.getAttribute('aria-pressed') }));""")


def test_the_seed_places_are_marks_with_names(browser, base_url, api):
    if places_missing(api):
        pytest.skip("GET /places answers 404: the places route is not served yet")
    places = api.get("/places")["data"]
    by_id = {place["id"]: place for place in places}
    for place_id, name in SEED_PLACES.items():
        assert place_id in by_id, f"/places lacks {place_id}"
        assert by_id[place_id]["name"] == name
        assert "coordinates" in by_id[place_id], f"{place_id} has no coordinates"
    open_page(browser, base_url + "/")
    marks = {mark["id"]: mark for mark in map_marks(browser)}
    assert set(marks) == {place["id"] for place in places if place.get("coordinates")}
    for place_id, name in SEED_PLACES.items():
        count = by_id[place_id]["events"]
        label = f"{name}: {count} event" + ("" if count == 1 else "s")
        assert marks[place_id]["name"] == label and marks[place_id]["title"] == label
        assert marks[place_id]["events"] == count
    rows = browser.execute_script("return [...document.querySelectorAll('#map table tbody tr')].map(r => r.cells[0].textContent);")
    assert rows == [place["name"] for place in places], "the hidden table does not list every place"
    assert browser.find_elements("css selector", "#map path.land"), "the world outline is not drawn"


def test_choosing_a_mark_filters_the_list(browser, base_url, api):
    if places_missing(api):
        pytest.skip("GET /places answers 404: the places route is not served yet")
    open_page(browser, base_url + "/")
    map_marks(browser)
    expected = {e["id"] for e in all_events(api, "&location=doha")}
    assert expected
    browser.find_element("css selector", '#map .place[data-id="doha"] circle').click()
    wait(browser, lambda d: query_of(d).get("location") == ["doha"] and set(timeline_ids(d)) == expected,
         "choosing Doha did not filter the list")
    marks = {mark["id"]: mark for mark in map_marks(browser)}
    assert marks["doha"]["pressed"] == "true"
    assert "Doha" in browser.find_element("id", "chips").text
    # The keyboard: another mark, by Enter.
    sochi = browser.find_element("css selector", '#map .place[data-id="sochi"]')
    browser.execute_script("arguments[0].focus();", sochi)
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    expected = {e["id"] for e in all_events(api, "&location=sochi")}
    wait(browser, lambda d: query_of(d).get("location") == ["sochi"] and set(timeline_ids(d)) == expected,
         "Enter on Sochi did not filter the list")
    # Choosing the shown place again shows every place.
    browser.find_element("css selector", '#map .place[data-id="sochi"] circle').click()
    wait(browser, lambda d: "location" not in query_of(d) and len(timeline_ids(d)) == len(all_events(api)),
         "choosing Sochi again did not clear the place")


def graph_nodes(driver):
    wait(driver, lambda d: d.find_elements("css selector", "#panel .graph .node"), "the graph was never drawn")
    return driver.execute_script("""
        return [...document.querySelectorAll('#panel .graph a.node')].map(n => ({ id: n.dataset.id, shared: Number(n.dataset.shared),
            name: n.getAttribute('aria-label'), href: n.getAttribute('href'),
            r: Number(n.querySelector('circle').getAttribute('r')),
            x: n.querySelector('circle').getAttribute('cx'), y: n.querySelector('circle').getAttribute('cy') }));""")


def test_the_graph_for_putin_includes_abbas(browser, base_url, api):
    related = api.get("/entities/vladimir-putin/related?limit=20")["data"]
    sharing = {r["entity"]["id"]: r for r in related if r["sharedEvents"] > 0}
    assert "mahmoud-abbas" in sharing
    open_page(browser, base_url + "/#entity=vladimir-putin")
    nodes = graph_nodes(browser)
    assert {n["id"] for n in nodes} == set(sharing)
    by_id = {n["id"]: n for n in nodes}
    abbas = by_id["mahmoud-abbas"]
    assert abbas["name"].startswith("Mahmoud Abbas") and f"{sharing['mahmoud-abbas']['sharedEvents']} shared event" in abbas["name"]
    for node in nodes:
        assert node["shared"] == sharing[node["id"]]["sharedEvents"]
    # Sized by shared events: more shared, never smaller.
    for a in nodes:
        for b in nodes:
            if a["shared"] > b["shared"]:
                assert a["r"] > b["r"]
    table = browser.execute_script("return [...document.querySelectorAll('#panel .graph-chart table tbody tr')].map(r => r.cells[0].textContent);")
    assert set(table) == {r["entity"]["name"] for r in sharing.values()}
    # The same layout on every load.
    open_page(browser, base_url + "/")
    browser.execute_script("location.hash = 'entity=vladimir-putin';")
    assert graph_nodes(browser) == nodes
    # Choosing a node moves to its entity.
    browser.find_element("css selector", '#panel .graph a.node[data-id="mahmoud-abbas"]').click()
    wait(browser, lambda d: d.current_url.endswith("#entity=mahmoud-abbas")
         and "Mahmoud Abbas" in d.find_element("css selector", "#panel .panel-title").text, "the node did not move to Abbas")
    assert "vladimir-putin" in {n["id"] for n in graph_nodes(browser)}


def test_a_posted_event_grows_its_place_live(browser, base_url, api):
    if places_missing(api):
        pytest.skip("GET /places answers 404: the places route is not served yet")
    if api.status("/changes", headers={"Accept": "text/event-stream"}) == 404:
        pytest.skip("GET /changes answers 404: the change feed is not served yet")
    auth = {"Authorization": f"Bearer {os.environ.get('DATELINE_TOKEN', '')}"}
    open_page(browser, base_url + "/")
    wait(browser, lambda d: d.find_element("id", "live-status").get_attribute("data-state") == "live",
         "the page never connected to /changes")
    before = {mark["id"]: mark["events"] for mark in map_marks(browser)}["doha"]
    day = "2024-08-21"
    event = {"type": "consult", "summary": f"Map live test {int(time.time() * 1000)}", "location": "doha",
             "date": {"phrase": "on 21 August 2024", "value": day, "precision": "day", "earliest": day, "latest": day},
             "status": "occurred", "participants": [{"entityId": "mahmoud-abbas", "role": "participant"}],
             "figures": [], "sources": [], "confidence": 1}
    status, body = api.request("POST", "/events", body=event, headers=auth)
    assert status in (200, 201), f"POST /events answered {status}: {body[:300]!r}"
    created = json.loads(body)["id"]
    try:
        wait(browser, lambda d: {m["id"]: m for m in map_marks(d)}["doha"]["events"] == before + 1,
             "the Doha mark did not count the posted event")
        mark = {m["id"]: m for m in map_marks(browser)}["doha"]
        assert mark["name"] == f"Doha: {before + 1} events"
    finally:
        api.request("DELETE", f"/events/{created}", headers=auth)


def test_a_posted_event_changes_the_graph_live(browser, base_url, api):
    if api.status("/changes", headers={"Accept": "text/event-stream"}) == 404:
        pytest.skip("GET /changes answers 404: the change feed is not served yet")
    auth = {"Authorization": f"Bearer {os.environ.get('DATELINE_TOKEN', '')}"}
    sharing = {r["entity"]["id"]: r["sharedEvents"] for r in api.get("/entities/vladimir-putin/related?limit=20")["data"]}
    open_page(browser, base_url + "/#entity=vladimir-putin")
    wait(browser, lambda d: d.find_element("id", "live-status").get_attribute("data-state") == "live",
         "the page never connected to /changes")
    browser.execute_script("window.__notReloaded = true;")
    before = {n["id"]: n["shared"] for n in graph_nodes(browser)}
    day = "2024-08-22"
    event = {"type": "consult", "summary": f"Graph live test {int(time.time() * 1000)}",
             "date": {"phrase": "on 22 August 2024", "value": day, "precision": "day", "earliest": day, "latest": day},
             "status": "occurred", "participants": [{"entityId": "vladimir-putin", "role": "participant"},
                                                     {"entityId": "mahmoud-abbas", "role": "participant"}],
             "figures": [], "sources": [], "confidence": 1}
    status, body = api.request("POST", "/events", body=event, headers=auth)
    assert status in (200, 201), f"POST /events answered {status}: {body[:300]!r}"
    created = json.loads(body)["id"]
    try:
        now = {r["entity"]["id"]: r["sharedEvents"] for r in api.get("/entities/vladimir-putin/related?limit=20")["data"]}
        assert now["mahmoud-abbas"] == sharing["mahmoud-abbas"] + 1
        wait(browser, lambda d: {n["id"]: n["shared"] for n in graph_nodes(d)}.get("mahmoud-abbas") == before["mahmoud-abbas"] + 1,
             "the graph did not count the shared event")
        assert browser.execute_script("return window.__notReloaded === true;"), "the page reloaded"
    finally:
        api.request("DELETE", f"/events/{created}", headers=auth)
