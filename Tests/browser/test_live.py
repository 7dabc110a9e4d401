"""An event posted through the API appears on an open page without a reload."""
import json
import os
import time

import pytest

from conftest import open_page, timeline_ids, wait


def new_event(suffix, entity_id):
    # No id: the server makes one from the date, the type and the first participant.
    return {
        "type": "consult",
        "summary": f"Live test meeting {suffix}",
        "date": {"phrase": "on 2 September 2024", "value": "2024-09-02", "precision": "day",
                 "earliest": "2024-09-02", "latest": "2024-09-02"},
        "status": "scheduled",
        "participants": [{"entityId": entity_id, "role": "participant"}],
        "figures": [],
        "sources": [],
        "confidence": 1,
    }


def test_a_posted_event_appears_without_a_reload(browser, base_url, api):
    feed = api.status("/changes", headers={"Accept": "text/event-stream"})
    if feed == 404:
        pytest.skip("GET /changes answers 404: the change feed is not served yet")
    token = os.environ.get("DATELINE_TOKEN", "")
    status, body = api.request("POST", "/events", body={}, headers={"Authorization": f"Bearer {token}"})
    if status in (404, 405, 501):
        pytest.skip(f"POST /events answers {status}: writes are not served yet")
    if status in (401, 403):
        pytest.skip(f"POST /events answers {status}: the server did not take the test token ({body[:120]!r})")

    open_page(browser, base_url + "/")
    wait(browser, lambda d: d.find_element("id", "live-status").get_attribute("data-state") == "live",
         "the page never connected to /changes")
    browser.execute_script("window.__notReloaded = true;")
    before = set(timeline_ids(browser))

    entity = api.get("/entities?limit=1")["data"][0]
    event = new_event(int(time.time() * 1000), entity["id"])
    status, body = api.request("POST", "/events", body=event, headers={"Authorization": f"Bearer {token}"})
    assert status in (200, 201), f"POST /events answered {status}: {body[:300]!r}"
    event["id"] = json.loads(body)["id"]

    wait(browser, lambda d: event["id"] in timeline_ids(d), "the posted event never appeared")
    assert browser.execute_script("return window.__notReloaded === true;"), "the page reloaded"
    assert set(timeline_ids(browser)) == before | {event["id"]}
    item = browser.find_element("css selector", f'.event[data-id="{event["id"]}"]')
    assert "New" in item.text and "Scheduled" in item.text
    wait(browser, lambda d: event["summary"] in d.find_element("id", "announcer").text,
         "the new event was not announced")

    status, _ = api.request("DELETE", f"/events/{event['id']}", headers={"Authorization": f"Bearer {token}"})
    if status in (200, 204):
        wait(browser, lambda d: event["id"] not in timeline_ids(d), "the deleted event stayed")
