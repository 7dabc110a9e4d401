"""Opens many keep-alive connections to 127.0.0.1, one request each, then keeps them idle.

    python3 hold_connections.py PORT COUNT READY_FILE RELEASE_FILE OUT_JSON [MAX_SECONDS]

Connects in batches (under the server's listen backlog), sends `GET /healthz` on each and reads
its response. Then writes READY_FILE and idles until RELEASE_FILE appears (or MAX_SECONDS pass,
default 180), counts the connections the server still keeps open, closes them all and writes
the counts as JSON. Raises its own descriptor limit to the hard limit.
"""
import errno
import json
import os
import resource
import socket
import sys
import time

from request_loop import read_response

BATCH = 500
REQUEST = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def answered_ok(connection):
    """Reads one response with a Content-Length body; True when it was a 200."""
    try:
        head, _ = read_response(connection, b"")
    except ConnectionError:
        return False
    return head.startswith(b"HTTP/1.1 200")


def still_open(connection):
    """True when the server has not closed the connection (a read would block)."""
    connection.setblocking(False)
    try:
        return connection.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def main():
    port, count = int(sys.argv[1]), int(sys.argv[2])
    ready_file, release_file, out_path = sys.argv[3:6]
    max_seconds = float(sys.argv[6]) if len(sys.argv) > 6 else 180
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    connections, answered, failures = [], 0, []
    started = time.monotonic()
    while len(connections) < count:
        batch = []
        for _ in range(min(BATCH, count - len(connections))):
            try:
                connection = socket.create_connection(("127.0.0.1", port), timeout=10)
                connection.sendall(REQUEST)
                batch.append(connection)
            except OSError as error:
                failures.append(errno.errorcode.get(error.errno, str(error)))
                break
        for connection in batch:
            try:
                answered += answered_ok(connection)
            except OSError as error:
                failures.append(errno.errorcode.get(error.errno, str(error)))
        connections += batch
        if failures:
            break
    opened_seconds = time.monotonic() - started
    print(f"  held: {len(connections)} connections opened, {answered} answered 200 in {opened_seconds:.1f} s"
          + (f"; failures: {sorted(set(failures))}" if failures else ""), flush=True)
    with open(ready_file, "w") as stream:
        stream.write(str(len(connections)))

    deadline = time.monotonic() + max_seconds
    while not os.path.exists(release_file) and time.monotonic() < deadline:
        time.sleep(0.2)
    open_count = sum(still_open(connection) for connection in connections)
    for connection in connections:
        connection.close()
    result = {"requested": count, "opened": len(connections), "answered": answered,
              "still_open": open_count, "open_seconds": round(opened_seconds, 2),
              "failures": sorted(set(failures))}
    with open(out_path, "w") as stream:
        json.dump(result, stream)
    print(f"  held: {open_count} of {len(connections)} still open at the end", flush=True)


if __name__ == "__main__":
    main()
