"""A well-behaved client beside a load: sequential keep-alive GETs, latencies recorded.

    python3 latency_probe.py BASE_URL PATH SECONDS [CLIENTS] [PAUSE_MS]

Each of CLIENTS threads (default 4) sends GET PATH over one keep-alive connection, waits
PAUSE_MS (default 10) and sends the next, for SECONDS. A failed or refused request counts as
an error and reconnects. Prints one JSON object: requests, errors, statuses, and latency
percentiles (p50, p90, p99, max) in milliseconds.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse


def client(host, port, path, deadline, pause, latencies, errors, statuses, lock):
    connection = None
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            if connection is None:
                connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("GET", path, headers={"Accept": "application/json"})
            response = connection.getresponse()
            response.read()
            elapsed = (time.monotonic() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.status >= 400:
                    errors.append(f"status {response.status}")
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException) as error:
            with lock:
                errors.append(type(error).__name__)
            if connection is not None:
                connection.close()
            connection = None
        time.sleep(pause)
    if connection is not None:
        connection.close()


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return round(ordered[index], 2)


def main():
    base, path, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    clients = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    pause = (float(sys.argv[5]) if len(sys.argv) > 5 else 10) / 1000
    url = urllib.parse.urlsplit(base)
    deadline = time.monotonic() + seconds
    latencies, errors, statuses, lock = [], [], {}, threading.Lock()
    threads = [threading.Thread(target=client, args=(url.hostname, url.port, path, deadline, pause,
                                                     latencies, errors, statuses, lock))
               for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({
        "requests": len(latencies), "errors": len(errors), "error_kinds": sorted(set(errors)),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "p50_ms": percentile(latencies, 0.50), "p90_ms": percentile(latencies, 0.90),
        "p99_ms": percentile(latencies, 0.99), "max_ms": round(max(latencies), 2) if latencies else None,
    }))


if __name__ == "__main__":
    main()
