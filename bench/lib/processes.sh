# Sourced by bench/writes/run: ports, readiness and stopping processes by their PID.
# Needs python (the interpreter to run) and say/die.

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# stop_pid PID [SIGNAL]: sends SIGNAL (TERM) and waits up to 30 s, then SIGKILL.
stop_pid() {
    local pid=$1 signal=${2:-TERM}
    [[ -n $pid ]] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    say "PID $pid did not stop on SIG$signal within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

# wait_ready URL PID SECONDS: polls until URL answers 200 while PID lives.
wait_ready() {
    "$python" - "$@" <<'PY'
import os, sys, time, urllib.request
url, pid, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(f"bench: the process behind {url} exited")
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.05)
sys.exit(f"bench: {url} not ready within {seconds:.0f} s")
PY
}

status_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
