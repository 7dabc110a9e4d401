"""Visibility delay between two replicas: writes go to A one at a time, and B's change feed
says when each one is there.

    python3 visibility.py A_URL B_URL TEMPLATE TOKEN COUNT OFFSET

TEMPLATE is bench/writes' body template (@DATE@, @TYPE@, @N@ filled in as post.lua's distinct
mode does, with N from OFFSET on, so each event's id base is new). A `GET /changes` stream
(`Accept: text/event-stream`) is held open on B; a reader thread timestamps every event id it
sees in the feed's `change` events. For each write: POST it to A, take the time the 201 is read
(its `Location` names the event), then wait until B's feed has carried that id; the delay is
the feed's time minus the 201's (negative when B's feed carried it before the client had read
A's answer). Then, untimed, `GET /events/{id}` on B must answer 200.

Prints one JSON line: the delays in ms, the write round trips on A in ms, and counts of
anything that went wrong (non-201 answers, ids B never showed, B's GET not 200).
"""

import datetime
import http.client
import json
import sys
import threading
import time
import urllib.parse

TYPES = ["statement", "appeal", "intent", "consult", "cooperate", "material-cooperation", "aid", "yield",
         "investigate", "demand", "disapprove", "reject", "threaten", "protest", "force-posture",
         "reduce-relations", "coerce", "assault", "fight", "mass-violence", "election", "ruling",
         "disaster", "sport", "economic"]
WAIT_SECONDS = 10.0


def body(template, n):
    """post.lua's distinct mode: one type after another, then the next day from 1970-01-01."""
    date = (datetime.date(1970, 1, 1) + datetime.timedelta(days=n // len(TYPES))).isoformat()
    return template.replace("@DATE@", date).replace("@TYPE@", TYPES[n % len(TYPES)]).replace("@N@", str(n))


class Feed:
    """B's change feed, read on a thread: event id -> the monotonic time it was read."""

    def __init__(self, url):
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.connection.request("GET", "/changes", headers={"Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            sys.exit(f"visibility: GET /changes on B answered {self.response.status}")
        self.seen = {}
        self.condition = threading.Condition()
        self.events = 0
        self.error = None
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        try:
            while True:
                line = self.response.readline()
                now = time.monotonic()
                if not line:
                    self.error = "B closed the change feed"
                    break
                if not line.startswith(b"data:"):
                    continue
                payload = json.loads(line[5:])
                with self.condition:
                    self.events += 1
                    for change in payload.get("changes", []):
                        self.seen.setdefault(change.get("id"), now)
                    self.condition.notify_all()
        except Exception as error:  # the thread's end is reported through self.error
            self.error = f"reading B's feed: {error!r}"
        with self.condition:
            self.condition.notify_all()

    def wait(self, event_id, seconds):
        deadline = time.monotonic() + seconds
        with self.condition:
            while event_id not in self.seen:
                left = deadline - time.monotonic()
                if left <= 0 or self.error:
                    return None
                self.condition.wait(left)
            return self.seen[event_id]


def main():
    a_url, b_url, template_path, token, count, offset = sys.argv[1:7]
    count, offset = int(count), int(offset)
    with open(template_path, encoding="utf-8") as file:
        template = file.readline().rstrip("\n")
    a = urllib.parse.urlsplit(a_url)
    b = urllib.parse.urlsplit(b_url)
    feed = Feed(b_url)
    time.sleep(0.2)  # the subscription is in place before the first write
    writer = http.client.HTTPConnection(a.hostname, a.port, timeout=60)
    reader = http.client.HTTPConnection(b.hostname, b.port, timeout=60)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    delays, round_trips = [], []
    statuses, missing, not_served, ahead = {}, [], 0, 0
    for i in range(count):
        payload = body(template, offset + i).encode()
        sent = time.monotonic()
        writer.request("POST", "/events", body=payload, headers=headers)
        response = writer.getresponse()
        response.read()
        acknowledged = time.monotonic()
        if response.status != 201:
            statuses[response.status] = statuses.get(response.status, 0) + 1
            continue
        round_trips.append((acknowledged - sent) * 1000)
        event_id = urllib.parse.unquote(response.getheader("Location", "").rsplit("/", 1)[-1])
        arrived = feed.wait(event_id, WAIT_SECONDS)
        if arrived is None:
            missing.append(event_id)
            if feed.error:
                break
            continue
        delays.append((arrived - acknowledged) * 1000)
        ahead += arrived < acknowledged
        reader.request("GET", "/events/" + urllib.parse.quote(event_id))
        check = reader.getresponse()
        check.read()
        not_served += check.status != 200
    print(json.dumps({
        "count": count, "delays_ms": [round(d, 3) for d in delays],
        "round_trips_ms": [round(r, 3) for r in round_trips],
        "non_201": statuses, "missing": missing[:10], "missing_count": len(missing),
        "not_served_by_b": not_served, "seen_before_ack": ahead, "feed_events": feed.events,
        "feed_error": feed.error}))


if __name__ == "__main__":
    main()
