"""An event's detail, an entity's panel and the article reader."""
from selenium.webdriver.common.keys import Keys

from conftest import all_events, open_page, timeline_ids, wait


def code_points(text, start, end):
    # Python strings index code points, as the API's offsets do.
    return text[start:end]


def test_clicking_an_event_shows_its_source_sentence_highlighted_in_the_article(browser, base_url, api):
    event = next(e for e in all_events(api) if e["sources"] and e["participants"])
    source = event["sources"][0]
    article = api.get(f"/articles/{source['articleId']}")
    sentence = code_points(article["body"], source["start"], source["end"])
    open_page(browser, base_url + "/")
    browser.find_element("css selector", f'.event[data-id="{event["id"]}"] .event-link').click()
    wait(browser, lambda d: d.find_elements("css selector", "#panel .in-article mark"), "no highlighted sentence")
    assert f"event={event['id']}" in browser.current_url
    box = browser.find_element("css selector", "#panel .in-article")
    marks = box.find_elements("tag name", "mark")
    highlighted = "".join(browser.execute_script("return arguments[0].textContent;", m) for m in marks)
    assert highlighted == sentence
    body = browser.execute_script("return arguments[0].textContent;", box)
    assert body == article["body"], "the sentence is not shown inside its whole article"
    assert marks[0].is_displayed()
    # The highlighted sentence is scrolled into the article's box.
    visible = browser.execute_script("""
        const box = arguments[0].getBoundingClientRect(), mark = arguments[1].getBoundingClientRect();
        return mark.top >= box.top - 1 && mark.top < box.bottom;""", box, marks[0])
    assert visible
    panel = browser.find_element("id", "panel").text
    assert event["summary"] in panel
    for participant in event["participants"]:
        name = api.get(f"/entities/{participant['entityId']}")["name"]
        assert name in panel and participant["role"] in panel


def test_figures_are_shown_with_their_words(browser, base_url, api):
    event = next((e for e in all_events(api) if e["figures"]), None)
    if event is None:
        return
    open_page(browser, f"{base_url}/#event={event['id']}")
    wait(browser, lambda d: d.find_elements("css selector", "#panel .figures li"), "no figures")
    text = browser.find_element("css selector", "#panel .figures").text
    for figure in event["figures"]:
        assert f"{figure['value']:g}" in text.replace(",", "")
        if figure.get("text"):
            assert figure["text"] in text


def test_entity_panel_shows_what_it_is_its_events_and_company(browser, base_url, api):
    entity = api.get("/entities/vladimir-putin") if api.status("/entities/vladimir-putin") == 200 \
        else api.get("/entities?limit=1")["data"][0]
    events = {e["id"] for e in all_events(api, f"&entity={entity['id']}")}
    related = api.get(f"/entities/{entity['id']}/related?limit=20")["data"]
    open_page(browser, f"{base_url}/#entity={entity['id']}")
    wait(browser, lambda d: not d.find_elements("css selector", "#panel .state-loading"), "the entity panel never loaded")
    panel = browser.find_element("id", "panel")
    assert entity["name"] in panel.find_element("css selector", ".panel-title").text
    assert entity["type"].capitalize() in panel.text
    shown = {e.get_attribute("data-id") for e in panel.find_elements("css selector", ".events .event")}
    assert shown == events
    for item in related:
        assert item["entity"]["name"] in panel.find_element("css selector", ".related").text
    # Its button narrows the timeline to it.
    panel.find_element("css selector", ".entity button.button").click()
    wait(browser, lambda d: f"?entity={entity['id']}" in d.current_url and set(timeline_ids(d)) == events,
         "the entity filter was not applied")


def test_reader_marks_and_links_every_mention(browser, base_url, api):
    article_id = api.get("/articles?limit=1")["data"][0]["id"]
    article = api.get(f"/articles/{article_id}")
    open_page(browser, f"{base_url}/#article={article_id}")
    wait(browser, lambda d: d.find_elements("css selector", "#panel .reader .article-body"), "the reader never opened")
    links = browser.execute_script("""
        return [...document.querySelectorAll('#panel .reader .mention')]
            .map(a => [a.textContent, decodeURIComponent(a.getAttribute('href'))]);""")
    expected = [[m["text"], f"#entity={m['entityId']}"] for m in article["mentions"]]
    assert links == expected
    body = browser.execute_script("return document.querySelector('#panel .reader .article-body').textContent;")
    assert body == article["body"]
    # A mention opens its entity.
    browser.find_element("css selector", "#panel .reader .mention").click()
    wait(browser, lambda d: "#entity=" in d.current_url and d.find_elements("css selector", "#panel .entity"),
         "a mention did not open its entity")


def test_a_missing_event_shows_the_problem_detail(browser, base_url, api):
    status, body = api.request("GET", "/events/no-such-event")
    assert status == 404
    open_page(browser, f"{base_url}/#event=no-such-event")
    error = wait(browser, lambda d: d.find_elements("css selector", "#panel .state-error"), "no error state")[0]
    assert "no-such-event" in error.text
    assert error.get_attribute("role") == "alert"


def test_keyboard_opens_and_closes_an_event(browser, base_url):
    open_page(browser, base_url + "/")
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.get_attribute("class") == "skip-link"
    # The skip link leads to the timeline; Tab passes each chart once (one stop each, its focus
    # drawn on the mark), then reaches the first event.
    skip.send_keys(Keys.ENTER)
    for _ in range(3):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        link = browser.switch_to.active_element
        chart = browser.execute_script("return arguments[0].closest('#histogram, #map') ? true : false;", link)
        if not chart:
            break
        ring = browser.execute_script("""
            const mark = arguments[0].querySelector('.bar-hit, .place-dot');
            const style = getComputedStyle(mark);
            return style.stroke !== 'none' && parseFloat(style.strokeWidth) >= 2;""", link)
        assert ring, "a chart mark's focus is not visible"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle;", link)
    assert outline != "none", "focus is not visible"
    assert "event-link" in link.get_attribute("class") or "entity-link" in link.get_attribute("class")
    first_event = browser.find_element("css selector", "#timeline-body .event-link")
    first_event.send_keys(Keys.ENTER)
    wait(browser, lambda d: d.switch_to.active_element.get_attribute("class") == "panel-title",
         "focus did not move to the opened event")
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(browser, lambda d: "event=" not in d.current_url, "Escape did not close the event")
    assert browser.switch_to.active_element == first_event
