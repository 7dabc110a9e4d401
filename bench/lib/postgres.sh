# Sourced by bench/writes/run and bench/replicas/run: a throwaway PostgreSQL cluster from Debian's
# package, and pgbench's insert on it. Needs python, bench, pg_bin, say, die and
# bench/lib/processes.sh; run_pgbench also connections, threads, work and raw.
#
# PostgreSQL refuses to run as root: as root, its programs run as the postgres user (as_pg).
as_pg=()
if [[ $(id -u) == 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no postgres user to run PostgreSQL as"
    as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

# start_postgres DIR MAX_CONNECTIONS: initdb into DIR/data (superuser bench, trust on loopback),
# then the server on a free port of 127.0.0.1 with fsync and synchronous_commit on. Sets pg_pid,
# pg_port and psql (an array: psql as bench, without a database; add -d NAME).
start_postgres() {
    local dir=$1 max_connections=$2
    mkdir -p "$dir"
    [[ ${#as_pg[@]} -gt 0 ]] && chown postgres: "$dir"
    pg_port=$(free_port)
    say "initdb and start PostgreSQL ($("$pg_bin/postgres" --version | awk '{ print $3 }')) on 127.0.0.1:$pg_port"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$dir/data" -U bench -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    "${as_pg[@]}" "$pg_bin/postgres" -D "$dir/data" -p "$pg_port" -k "$dir" -c listen_addresses=127.0.0.1 \
        -c max_connections="$max_connections" -c synchronous_commit=on -c fsync=on >"$dir/server.log" 2>&1 &
    pg_pid=$!
    for _ in $(seq 1 300); do
        "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" -U bench -d postgres && break
        kill -0 "$pg_pid" 2>/dev/null || { cat "$dir/server.log" >&2; die "PostgreSQL exited"; }
        sleep 0.1
    done
    psql=("$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U bench)
}

# The settings that decide durability and flush cost, as one line.
postgres_settings() {
    "${psql[@]}" -d "$1" -At -c "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings
        WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_wal_size', 'commit_delay')"
}

# write_insert_script TEMPLATE OUT: pgbench's script, one INSERT a transaction of the body
# Dateline gets, with a number filled in per transaction. The body's text is put together in each
# transaction and cast to jsonb then, so that PostgreSQL parses every row's JSON as Dateline
# parses every body: a literal cast once would be parsed once, when the statement is prepared.
write_insert_script() {
    "$python" - "$1" "$2" <<'PY'
import sys
template = open(sys.argv[1], encoding="utf-8").readline().rstrip("\n")
body = template.replace("@DATE@", "2024-08-13").replace("@TYPE@", "consult")
text = " || :n || ".join("'" + part.replace("'", "''") + "'" for part in body.split("@N@"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\\set n random(1, 1000000000)\n")
    out.write(f"INSERT INTO events(body) VALUES (({text})::jsonb);\n")
PY
}

# run_pgbench SECONDS: one run; prints a JSON line, with the CPU time the server (the postmaster
# and every process under it) and pgbench spent, and the machine's idle share (bench/lib/cpu.py).
run_pgbench() {
    local output
    output=$("$python" "$bench/lib/cpu.py" measure "$pg_pid" "$work/pgbench.cpu" -- "$pg_bin/pgbench" -n -h 127.0.0.1 \
        -p "$pg_port" -U bench -c "$connections" -j "$threads" -T "$1" -M prepared -r -f "$work/insert.sql" bench 2>&1) || true
    printf '### pgbench (%s s)\n%s\n\n' "$1" "$output" >>"$raw"
    if ! grep -q '^tps = ' <<<"$output" || grep -q 'ERROR' <<<"$output"; then
        tail -n 5 <<<"$output" >&2
        die "pgbench failed"
    fi
    "$python" "$bench/writes/parse.py" pgbench "$(cat "$work/pgbench.cpu")" <<<"$output"
}
