"""A reader beside the writers, for bench/writes/run: python3 reader.py URL INTERVAL SECONDS.

Every INTERVAL seconds for SECONDS, one GET of URL on a kept-alive connection, the whole answer
read; prints one JSON line: the reads made, those that failed (any status but 200, or a broken
connection, which is then made again), and the latency of each of the others in milliseconds,
for the report to pool over runs. A reader that comes after a spell of writes alone is the one a server that
makes its snapshots for readers only when asked keeps waiting.
"""

import http.client
import json
import sys
import time
import urllib.parse


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    url = urllib.parse.urlsplit(sys.argv[1])
    interval, seconds = float(sys.argv[2]), float(sys.argv[3])
    target = url.path + (f"?{url.query}" if url.query else "")
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    latencies, failed = [], 0
    end = time.monotonic() + seconds
    next_read = time.monotonic()
    while next_read < end:
        time.sleep(max(0.0, next_read - time.monotonic()))
        next_read += interval
        started = time.perf_counter()
        try:
            connection.request("GET", target)
            answer = connection.getresponse()
            answer.read()
        except (OSError, http.client.HTTPException):
            failed += 1
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            continue
        if answer.status != 200:
            failed += 1
            continue
        latencies.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"reads": len(latencies) + failed, "failed": failed, "latencies_ms": [round(v, 3) for v in latencies]}))


if __name__ == "__main__":
    main()
