"""Inputs for bench/writes/run, made from a snapshot Dateline itself wrote of its seed.

  python3 store.py body SNAPSHOT OUT
      OUT gets one line: an event body for POST /events with @DATE@, @TYPE@ and @N@ to fill
      in (post.lua does), built from a seed event: its participants, location, figures and
      source sentence, all naming entities and an article the seed store holds.

  python3 store.py grow SNAPSHOT EVENTS OUT
      OUT gets a snapshot holding the seed plus synthetic items up to EVENTS events: per
      100 events, 5 entities and 3 articles (the proportions of bench/store). Every item is a
      copy of one Dateline encoded, with a new id and new values where they would differ, so the
      server reads the file as it reads its own snapshots. Generated events never take a seed
      entity as first participant, so their id bases never meet the ones post.lua posts; a tenth
      of them name a seed entity too, as popular names recur in the news.

The snapshot is written as snapshot.json next to an empty journal: Dateline loads it at start
instead of seeding. Deterministic: the same arguments give the same bytes.
"""

import copy
import datetime
import json
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "tra", "ven", "dor", "sa", "qui", "ber", "nal", "os", "tek", "ru", "zan", "phi",
             "mar", "el", "gon", "dy", "is"]
EVENT_TYPES = ["statement", "appeal", "intent", "consult", "cooperate", "material-cooperation", "aid", "yield",
               "investigate", "demand", "disapprove", "reject", "threaten", "protest", "force-posture",
               "reduce-relations", "coerce", "assault", "fight", "mass-violence", "election", "ruling", "disaster",
               "sport", "economic"]
STATUSES = ["occurred", "ongoing", "scheduled", "possible"]
ROLES = ["actor", "target", "host", "guest", "mediator", "participant"]


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def template_event(snapshot):
    """The first seed event with two participants and a source sentence (the seed's headline)."""
    for event in snapshot["events"]:
        if len(event.get("participants", [])) >= 2 and event.get("sources"):
            return event
    sys.exit("bench: no seed event has two participants and a source")


def body(snapshot, out):
    event = template_event(snapshot)
    participants = [{"entityId": p["entityId"], "role": p["role"]} for p in event["participants"]]
    if not participants:
        sys.exit("bench: the template event has no participants")
    posted = {
        "type": "@TYPE@",
        "summary": event["summary"] + " (bench write @N@)",
        "date": {"value": "@DATE@", "phrase": "on @DATE@"},
        "status": "occurred",
        "participants": participants,
        "sources": [{k: s[k] for k in ("articleId", "sentenceIndex", "start", "end", "quote")} for s in
                    event.get("sources", [])[:1]],
        "confidence": 0.9,
    }
    if event.get("location"):
        posted["location"] = event["location"]
    if event.get("figures"):
        posted["figures"] = [{k: v for k, v in f.items() if v is not None} for f in event["figures"][:1]]
    with open(out, "w", encoding="utf-8") as file:
        file.write(json.dumps(posted, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"bench: POST body from seed event {event['id']}: {len(json.dumps(posted))} bytes", file=sys.stderr)


def word(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def skewed(rng, bound):
    """Skewed towards 0: a few items are picked often, most rarely."""
    return min(bound - 1, int(rng.random() ** 3 * bound))


def grow(snapshot, event_count, out):
    rng = random.Random(2024)
    seed_events = snapshot["events"]
    seed_entities = snapshot["entities"]
    seed_articles = snapshot["articles"]
    extra_events = max(0, event_count - len(seed_events))
    entity_count = max(1, event_count * 5 // 100)
    article_count = max(1, event_count * 3 // 100)
    locations = [e["id"] for e in seed_entities if e["type"] == "location"]

    entity_template = next((e for e in seed_entities if e["type"] == "person"), seed_entities[0])
    entities = []
    kinds = ["person", "person", "person", "organization", "organization", "location", "group"]
    for index in range(entity_count):
        entity = copy.deepcopy(entity_template)
        name = f"{word(rng, 2).capitalize()} {word(rng, 3).capitalize()}"
        entity.update(id=f"bench-entity-{index}", name=name, type=kinds[index % len(kinds)],
                      aliases=[word(rng, 3).capitalize()] if index % 3 == 0 else [], description=None,
                      wikidataId=None, mentionCount=0, articleIds=[], extractorVersion=None)
        entities.append(entity)
        if entity["type"] == "location":
            locations.append(entity["id"])

    # Article copies: the seed article's text (the mentions keep their offsets), one sentence
    # added at the end so that each body, title and URL is new.
    articles = []
    mentioned = {}
    base = seed_articles[0]
    for index in range(article_count):
        article = copy.deepcopy(base)
        article["id"] = f"{base['id']}-bench-{index}"
        article["title"] = f"{base['title']} (bench copy {index})"
        article["body"] = base["body"] + f" Bench copy {index} of this report."
        article["wordCount"] = len(article["body"].split())
        article["source"] = {"name": "Bench Wire", "url": f"https://bench.example/{index}"}
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        article["publishedAt"] = day.isoformat()
        articles.append(article)
        for entity_id in dict.fromkeys(m["entityId"] for m in article.get("mentions", [])):
            mentioned.setdefault(entity_id, []).append(article["id"])
    per_copy = {}
    for mention in base.get("mentions", []):
        per_copy[mention["entityId"]] = per_copy.get(mention["entityId"], 0) + 1
    entities_out = []
    for entity in seed_entities:
        entity = copy.deepcopy(entity)
        extra = mentioned.get(entity["id"], [])
        entity["articleIds"] = entity.get("articleIds", []) + extra
        entity["mentionCount"] = entity.get("mentionCount", 0) + len(extra) * per_copy.get(entity["id"], 0)
        entities_out.append(entity)
    entities_out += entities

    events = [copy.deepcopy(e) for e in seed_events]
    start = datetime.date(2015, 1, 1)
    used = set(e["id"] for e in events)
    written = 0
    for index in range(extra_events):
        source_event = seed_events[index % len(seed_events)]
        event = dict(source_event)  # nested values are replaced, or shared unchanged
        kind = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))]
        first = entities[skewed(rng, len(entities))]["id"]
        participants = [{"entityId": first, "role": rng.choice(ROLES)}]
        if rng.randrange(10) == 0:
            participants.append({"entityId": rng.choice(seed_entities)["id"], "role": rng.choice(ROLES)})
        day = start + datetime.timedelta(days=rng.randrange(3650))
        value = day.isoformat()
        event["date"] = {"phrase": f"on {value}", "value": value, "precision": "day", "earliest": value,
                         "latest": value}
        base_id = f"{value}-{kind}-{first}"
        event_id, n = base_id, 1
        while event_id in used:
            n += 1
            event_id = f"{base_id}-{n}"
        used.add(event_id)
        event.update(id=event_id, type=kind, status=STATUSES[rng.randrange(len(STATUSES))],
                     participants=participants,
                     location=rng.choice(locations) if locations and rng.randrange(3) == 0 else None)
        event["summary"] = f"{source_event['summary']} ({word(rng, 2)} {index})"
        article = articles[rng.randrange(len(articles))]
        event["sources"] = [dict(s, articleId=article["id"]) for s in source_event.get("sources", [])[:1]]
        events.append(event)
        written += 1
    contents = {
        "version": snapshot["version"] + len(entities) + len(articles) + written,
        "articles": seed_articles + articles,
        "entities": entities_out,
        "events": events,
        "redirects": snapshot.get("redirects", {}),
    }
    with open(out, "w", encoding="utf-8") as file:
        json.dump(contents, file, ensure_ascii=False, separators=(",", ":"))
    print(f"bench: wrote a snapshot of {len(events)} events, {len(entities_out)} entities, "
          f"{len(contents['articles'])} articles", file=sys.stderr)


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "body" and len(sys.argv) == 4:
        body(load(sys.argv[2]), sys.argv[3])
    elif command == "grow" and len(sys.argv) == 5:
        grow(load(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
