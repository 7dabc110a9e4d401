"""Times GET TARGET on one keep-alive connection, one request after another, until STOP_FILE
exists, and prints the latency percentiles in milliseconds as JSON.

    python3 sample_latency.py PORT TARGET STOP_FILE

A request that does not answer 200 is counted apart, not timed.
"""
import json
import os
import pathlib
import socket
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "lib"))
from request_loop import read_response  # noqa: E402


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else None


def main():
    port, target, stop_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    connection = socket.create_connection(("127.0.0.1", port), timeout=60)
    buffer, latencies, failures = b"", [], 0
    while not os.path.exists(stop_file):
        started = time.perf_counter()
        connection.sendall(request)
        head, buffer = read_response(connection, buffer)
        elapsed = (time.perf_counter() - started) * 1000
        if head.startswith(b"HTTP/1.1 200"):
            latencies.append(elapsed)
        else:
            failures += 1
        time.sleep(0.005)
    print(json.dumps({
        "requests": len(latencies), "failures": failures,
        "p50": percentile(latencies, 0.5), "p99": percentile(latencies, 0.99), "max": max(latencies, default=None),
    }))


if __name__ == "__main__":
    main()
