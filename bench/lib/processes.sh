# Sourced by bench/writes/run and bench/import/run: ports, readiness, a durable Dateline, and
# stopping processes by their PID. Needs python (the interpreter to run) and say/die;
# start_dateline also needs source_dir and dateline_bin (bench/lib/build-dateline.sh) and token.

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

# start_dateline DATA_DIR LOG: a Dateline process on a free port, durable in DATA_DIR, access log
# off; sets dateline_pid and dateline_port. The token goes through the environment, out of the
# process list. Waits up to 900 s for /readyz: a store of a million events takes a while to load.
start_dateline() {
    local data=$1 log=$2
    dateline_port=$(free_port)
    (cd "$source_dir" && DATELINE_API_TOKEN=$token exec "$dateline_bin" serve --port "$dateline_port" \
        --log-format json --set log.access=false --set "dataDirectory=$data") >"$log" 2>&1 &
    dateline_pid=$!
    wait_ready "http://127.0.0.1:$dateline_port/readyz" "$dateline_pid" 900 || { tail -n 20 "$log" >&2; exit 1; }
}

stop_dateline() {
    stop_pid "$dateline_pid"
    dateline_pid=
}
