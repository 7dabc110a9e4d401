"""The timeline lists the store's events, grouped by month, and the filters in the URL narrow it."""
import urllib.parse

from conftest import all_events, open_page, timeline_ids, wait


def test_lists_every_event_in_the_store(browser, base_url, api):
    expected = {event["id"] for event in all_events(api)}
    assert expected, "the seeded store has no events"
    open_page(browser, base_url + "/")
    shown = timeline_ids(browser)
    assert len(shown) == len(set(shown)), "an event is listed twice"
    assert set(shown) == expected
    count = browser.find_element("id", "timeline-count").text
    assert count.startswith(f"{len(expected)} event")


def test_groups_by_month_in_date_order_with_undated_last(browser, base_url, api):
    events = {event["id"]: event for event in all_events(api)}
    open_page(browser, base_url + "/")
    groups = browser.execute_script("""
        return [...document.querySelectorAll('#timeline-body .month')].map(section => ({
            title: section.querySelector('.month-title').firstChild.textContent,
            ids: [...section.querySelectorAll('.event')].map(e => e.dataset.id),
        }));""")
    titles = [group["title"] for group in groups]
    assert len(titles) == len(set(titles)), f"a month is split in two: {titles}"
    starts = []
    for group in groups:
        dated = [events[i]["date"] for i in group["ids"] if events[i].get("date")]
        if group["title"] == "Undated":
            assert not dated, "a dated event sits among the undated"
            continue
        assert len(dated) == len(group["ids"])
        values = {d["value"][:7] if d["precision"] != "year" else d["value"] for d in dated}
        assert len(values) == 1, f"{group['title']} mixes {values}"
        starts.append(min(d["earliest"] for d in dated))
    assert starts == sorted(starts), "months are out of order"
    if any(not event.get("date") for event in events.values()):
        assert titles[-1] == "Undated"


def test_dates_read_as_precisely_as_the_data_allows(browser, base_url, api):
    open_page(browser, base_url + "/")
    shown = dict(browser.execute_script("""
        return [...document.querySelectorAll('#timeline-body .event')]
            .map(e => [e.dataset.id, e.querySelector('.event-date').textContent]);"""))
    for event in all_events(api):
        text = shown[event["id"]]
        date = event.get("date")
        if not date:
            assert text == "Undated"
            continue
        year = date["value"][:4]
        assert year in text, f"{event['id']}: {text!r} lost the year"
        if date.get("modifier"):
            assert text.startswith(date["modifier"] + " "), f"{event['id']}: {text!r} lost {date['modifier']!r}"
        if date["precision"] == "day":
            assert text.split()[-3].isdigit(), f"{event['id']}: {text!r} is not a day"
        if date["precision"] == "year":
            assert text.split()[-1] == year and not any(c.isalpha() for c in text.replace(date.get("modifier") or "", ""))


def test_status_is_marked_in_words_not_colour_alone(browser, base_url, api):
    open_page(browser, base_url + "/")
    for event in all_events(api):
        if event["status"] in ("scheduled", "possible", "ongoing"):
            item = browser.find_element("css selector", f'.event[data-id="{event["id"]}"]')
            assert event["status"].capitalize() in item.text
            style = browser.execute_script("return getComputedStyle(arguments[0]).borderLeftStyle;", item)
            if event["status"] != "ongoing":
                assert style in ("dashed", "dotted"), f"{event['status']} drawn {style}"


def filtered_url(base_url, **params):
    pairs = []
    for name, value in params.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, item))
    return base_url + "/?" + urllib.parse.urlencode(pairs)


def test_entity_filter_in_the_url_narrows_the_timeline(browser, base_url, api):
    events = all_events(api)
    entity = max({p["entityId"] for e in events for p in e["participants"]},
                 key=lambda i: sum(any(p["entityId"] == i for p in e["participants"]) for e in events))
    expected = {e["id"] for e in all_events(api, f"&entity={entity}")}
    assert 0 < len(expected) < len(events)
    open_page(browser, filtered_url(base_url, entity=entity))
    assert set(timeline_ids(browser)) == expected
    chips = browser.find_elements("css selector", "#chips .chip")
    assert len(chips) == 1
    name = api.get(f"/entities/{entity}")["name"]
    assert name in chips[0].text


def test_type_and_date_filters_in_the_url_narrow_and_fill_the_form(browser, base_url, api):
    params = {"type": "consult", "from": "2024-01-01", "to": "2024-12-31"}
    expected = {e["id"] for e in all_events(api, "&" + urllib.parse.urlencode(params))}
    open_page(browser, filtered_url(base_url, **params))
    assert set(timeline_ids(browser)) == expected
    assert browser.find_element("id", "f-type").get_attribute("value") == "consult"
    assert browser.find_element("id", "f-from").get_attribute("value") == "2024-01-01"
    assert browser.find_element("id", "f-to").get_attribute("value") == "2024-12-31"


def test_typing_narrows_and_writes_the_url(browser, base_url, api):
    open_page(browser, base_url + "/")
    everything = len(timeline_ids(browser))
    word = "Hamas"
    expected = {e["id"] for e in all_events(api, f"&q={word}")}
    assert 0 < len(expected) < everything
    browser.find_element("id", "f-q").send_keys(word)
    wait(browser, lambda d: "q=Hamas" in d.current_url and set(timeline_ids(d)) == expected,
         "typing did not narrow the timeline")
    # The address reloads to the same view.
    open_page(browser, browser.current_url)
    assert set(timeline_ids(browser)) == expected
    assert browser.find_element("id", "f-q").get_attribute("value") == word


def test_choosing_and_removing_an_entity_chip(browser, base_url, api):
    open_page(browser, base_url + "/")
    wait(browser, lambda d: d.execute_script("return document.querySelectorAll('#entity-options option').length > 0"),
         "the entity names never loaded")
    field = browser.find_element("id", "f-entity")
    field.send_keys("Qatar\n")
    expected = {e["id"] for e in all_events(api, "&entity=qatar")}
    wait(browser, lambda d: "entity=qatar" in d.current_url and set(timeline_ids(d)) == expected,
         "choosing an entity did not narrow the timeline")
    browser.find_element("css selector", "#chips .chip-remove").click()
    wait(browser, lambda d: "entity=" not in d.current_url and len(timeline_ids(d)) == len(all_events(api)),
         "removing the chip did not widen the timeline")


def test_no_match_shows_the_empty_state(browser, base_url):
    open_page(browser, filtered_url(base_url, q="zzzyyqqxx"))
    state = browser.find_element("css selector", "#timeline-body .state-empty")
    assert "No events match" in state.text
    state.find_element("tag name", "button").click()
    wait(browser, lambda d: "q=" not in d.current_url and len(timeline_ids(d)) > 0, "clearing did not bring events back")


def test_a_refused_filter_shows_the_problem_detail(browser, base_url, api):
    status, body = api.request("GET", "/events?from=2024-12-31&to=2024-01-01")
    assert status == 400
    open_page(browser, filtered_url(base_url, **{"from": "2024-12-31", "to": "2024-01-01"}))
    error = browser.find_element("css selector", "#timeline-body .state-error")
    assert "must not come after" in error.text


def test_back_and_forward_walk_the_filters_and_the_panel(browser, base_url, api):
    from selenium.webdriver.support.ui import Select
    open_page(browser, base_url + "/")
    everything = set(timeline_ids(browser))
    consults = {e["id"] for e in all_events(api, "&type=consult")}
    Select(browser.find_element("id", "f-type")).select_by_value("consult")
    wait(browser, lambda d: "type=consult" in d.current_url and set(timeline_ids(d)) == consults, "the type filter did not apply")
    browser.find_element("css selector", "#timeline-body .event-link").click()
    wait(browser, lambda d: d.find_elements("css selector", "#panel.is-open .detail"), "the event did not open")
    browser.back()
    wait(browser, lambda d: not d.find_elements("css selector", "#panel.is-open"), "Back did not close the event")
    assert set(timeline_ids(browser)) == consults
    browser.back()
    wait(browser, lambda d: "type=" not in d.current_url and set(timeline_ids(d)) == everything,
         "Back did not undo the filter")
    assert browser.find_element("id", "f-type").get_attribute("value") == ""
    browser.forward()
    wait(browser, lambda d: set(timeline_ids(d)) == consults, "Forward did not redo the filter")
