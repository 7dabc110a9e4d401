"""Start-up time and idle memory of a server, over several starts.

    python3 startup.py OUT_JSON RUNS -- COMMAND... --port {port} ...

Each start gets a free port (substituted for {port}), then the client polls GET /healthz every
millisecond until it answers 200 (the time to first 200), then GET /readyz likewise (the store is
loaded), waits a second and reads VmRSS from /proc (the idle RSS). The server is then stopped with
SIGTERM (SIGKILL after 10 s). Writes the medians and each start's figures as JSON.
"""
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

DEADLINE_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status_of(port, path):
    """The status code of one GET on a new connection, or None when nothing answers yet."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            head = connection.recv(64)
            return int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/1.1 ") else None
    except (OSError, ValueError, IndexError):
        return None


def wait_for(port, path, process, started):
    while time.monotonic() - started < DEADLINE_SECONDS:
        if status_of(port, path) == 200:
            return (time.monotonic() - started) * 1000
        if process.poll() is not None:
            raise SystemExit(f"startup: the server exited with {process.returncode}")
        time.sleep(0.001)
    raise SystemExit(f"startup: no 200 on {path} within {DEADLINE_SECONDS} s")


def status_field(pid, name):
    with open(f"/proc/{pid}/status") as stream:
        for line in stream:
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024  # kB to MB
    return None


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    out_path, runs = sys.argv[1], int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    starts = []
    for _ in range(runs):
        port = free_port()
        argv = [part.replace("{port}", str(port)) for part in command]
        started = time.monotonic()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            healthz = wait_for(port, "/healthz", process, started)
            readyz = wait_for(port, "/readyz", process, started)
            time.sleep(1)
            rss = status_field(process.pid, "VmRSS")
        finally:
            stop(process)
        starts.append({"healthz_ms": round(healthz, 1), "readyz_ms": round(readyz, 1), "idle_rss_mb": round(rss, 1)})
        print(f"  start: first 200 on /healthz {healthz:6.1f} ms, /readyz {readyz:6.1f} ms, idle RSS {rss:5.1f} MB")
    result = {
        "runs": runs,
        "healthz_ms": round(statistics.median(s["healthz_ms"] for s in starts), 1),
        "readyz_ms": round(statistics.median(s["readyz_ms"] for s in starts), 1),
        "idle_rss_mb": round(statistics.median(s["idle_rss_mb"] for s in starts), 1),
        "starts": starts,
    }
    with open(out_path, "w") as stream:
        json.dump(result, stream, indent=2)


if __name__ == "__main__":
    main()
