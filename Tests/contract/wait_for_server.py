"""Waits for a dateline server started with --log-format json and --port 0.

Reads the log until the JSON line whose message is "listening" gives the bound address, then
polls /readyz until it answers 200. Prints the base URL (http://host:port). Exits 1 when the
process dies or nothing is ready within the deadline.

    python3 wait_for_server.py LOG_FILE PID [SECONDS]
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request


def alive(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def listening_address(path):
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("message") == "listening":
            return str(record.get("address", ""))
    return None


def base_url(address):
    host, _, port = address.rpartition(":")
    host = host.strip("[]")
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def main():
    path, pid = sys.argv[1], int(sys.argv[2])
    deadline = time.monotonic() + (float(sys.argv[3]) if len(sys.argv) > 3 else 60)
    base = None
    while time.monotonic() < deadline and alive(pid):
        if base is None:
            address = listening_address(path)
            if address:
                base = base_url(address)
        if base is not None:
            try:
                with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        print(base)
                        return 0
            except (urllib.error.URLError, OSError):
                pass
        time.sleep(0.2)
    return 1


if __name__ == "__main__":
    sys.exit(main())
