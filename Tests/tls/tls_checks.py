"""Server-level HTTPS checks against a running dateline with TLS on.

The server must have been started with --log-format json, a plain-HTTP port with
tls.redirectHTTP=true, an HTTPS port, timeouts.headerRead of a few seconds, and the certificate
CERT (self-signed for localhost and 127.0.0.1). NEXT_CERT and NEXT_KEY are a second certificate
and key that the reload check copies over CERT and KEY before sending SIGHUP.

    python3 tls_checks.py LOG PID CERT KEY NEXT_CERT NEXT_KEY HEADER_TIMEOUT

Prints one line per check and exits 1 when any fails.
"""
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time

LOG, PID, CERT, KEY, NEXT_CERT, NEXT_KEY = sys.argv[1], int(sys.argv[2]), *sys.argv[3:7]
HEADER_TIMEOUT = float(sys.argv[7])
HOST = "127.0.0.1"


def log_records():
    try:
        lines = open(LOG, encoding="utf-8", errors="replace").read().splitlines()
    except FileNotFoundError:
        return []
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def ports():
    """The plain and HTTPS ports from the "listening" log lines, once both are there."""
    found = {}
    for record in log_records():
        if record.get("message") == "listening":
            found[record.get("scheme", "http")] = int(str(record.get("address")).rpartition(":")[2])
    return found.get("http"), found.get("https")


def client_context(maximum=None, alpn=("http/1.1",)):
    context = ssl.create_default_context(cafile=CERT)
    if maximum is not None:
        context.maximum_version = maximum
    if alpn:
        context.set_alpn_protocols(list(alpn))
    return context


def tls_connect(port, context, session=None):
    raw = socket.create_connection((HOST, port), timeout=10)
    return context.wrap_socket(raw, server_hostname="localhost", session=session)


def read_response(sock):
    """One HTTP/1.1 response with a Content-Length body: (status line, headers, body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed mid-head: {data[:200]!r}")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError("connection closed mid-body")
        body += chunk
    return lines[0], headers, body[:length]


def get(sock, path, close=False):
    extra = "Connection: close\r\n" if close else ""
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n{extra}\r\n".encode())
    return read_response(sock)


def openssl_client(port, *arguments):
    """Runs `openssl s_client`; returns (exit status, output)."""
    process = subprocess.run(
        ["openssl", "s_client", "-connect", f"{HOST}:{port}", "-servername", "localhost", *arguments],
        input=b"", capture_output=True, timeout=20,
    )
    return process.returncode, (process.stdout + process.stderr).decode("latin-1")


# MARK: Checks. Each raises AssertionError with a reason, or returns.

def check_curl(plain, secure):
    output = subprocess.run(
        ["curl", "-sS", "--cacert", CERT, "-o", "/dev/null", "-D", "-", "-w", "%{http_version}",
         f"https://localhost:{secure}/readyz", "--resolve", f"localhost:{secure}:{HOST}"],
        capture_output=True, timeout=20, text=True,
    )
    assert output.returncode == 0, f"curl failed: {output.stderr.strip()}"
    head = output.stdout
    assert head.startswith("HTTP/1.1 200"), f"status: {head.splitlines()[:1]}"
    assert "strict-transport-security: max-age=31536000" in head.lower(), "no HSTS header"
    assert head.rstrip().endswith("1.1"), f"HTTP version {head.rstrip()[-3:]}"


def check_tls13_alpn(plain, secure):
    with tls_connect(secure, client_context(alpn=("h2", "http/1.1"))) as sock:
        assert sock.version() == "TLSv1.3", sock.version()
        assert sock.selected_alpn_protocol() == "http/1.1", sock.selected_alpn_protocol()
        status, headers, _ = get(sock, "/readyz", close=True)
        assert status.startswith("HTTP/1.1 200"), status
        assert headers.get("strict-transport-security") == "max-age=31536000", headers


def check_tls12_suites(plain, secure):
    with tls_connect(secure, client_context(maximum=ssl.TLSVersion.TLSv1_2)) as sock:
        name, version, _ = sock.cipher()
        assert version == "TLSv1.2", version
        assert name.startswith("ECDHE-") and ("GCM" in name or "CHACHA20" in name), name


def check_old_versions_refused(plain, secure):
    for flag in ("-tls1_1", "-tls1"):
        status, output = openssl_client(secure, flag, "-cipher", "DEFAULT@SECLEVEL=0")
        assert status != 0 and "alert protocol version" in output, f"{flag} was not refused:\n{output[-400:]}"


def check_weak_suites_refused(plain, secure):
    for cipher in ("AES128-SHA", "ECDHE-RSA-AES128-SHA", "DHE-RSA-AES128-GCM-SHA256"):
        status, output = openssl_client(secure, "-tls1_2", "-cipher", cipher + "@SECLEVEL=0")
        assert status != 0, f"{cipher} was accepted"


def check_plain_http_on_tls_port(plain, secure):
    with socket.create_connection((HOST, secure), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        data = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    assert data.startswith(b"HTTP/1.1 400"), f"answer: {data[:80]!r}"


def check_stalled_handshake(plain, secure):
    started = time.monotonic()
    with socket.create_connection((HOST, secure), timeout=HEADER_TIMEOUT + 10) as stalled:
        stalled.sendall(bytes([0x16, 0x03, 0x01, 0x00, 0xC8, 0x01, 0x00, 0x00]))  # a ClientHello cut short
        # Others are served meanwhile.
        with tls_connect(secure, client_context()) as other:
            status, _, _ = get(other, "/readyz", close=True)
            assert status.startswith("HTTP/1.1 200"), status
        assert stalled.recv(100) == b"", "the stalled connection got bytes"
    waited = time.monotonic() - started
    assert HEADER_TIMEOUT - 0.5 <= waited <= HEADER_TIMEOUT + 3, f"closed after {waited:.1f} s"


def check_redirect(plain, secure):
    with socket.create_connection((HOST, plain), timeout=10) as sock:
        status, headers, _ = get(sock, "/v1/events?limit=2", close=True)
    assert status.startswith("HTTP/1.1 308"), status
    location = headers.get("location", "")
    assert location.startswith("https://") and location.endswith(f":{secure}/v1/events?limit=2"), location
    assert "strict-transport-security" not in headers, "HSTS over plain HTTP"


def check_large_pipelined_responses(plain, secure):
    count = 30
    with tls_connect(secure, client_context()) as sock:
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n" * count)
        sizes = set()
        for _ in range(count):
            time.sleep(0.005)  # A slow reader: the server's writes back up.
            status, _, body = read_response(sock)
            assert status.startswith("HTTP/1.1 200"), status
            sizes.add(len(body))
    assert len(sizes) == 1, f"bodies of different sizes: {sizes}"


def check_hang_ups(plain, secure):
    for _ in range(40):
        raw = socket.create_connection((HOST, secure), timeout=10)
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        sock = client_context().wrap_socket(raw, server_hostname="localhost")
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: localhost\r\n\r\n" * 20)
        sock.recv(100)
        sock.close()  # A reset while responses are still being written.
    time.sleep(0.5)
    os.kill(PID, 0)
    with tls_connect(secure, client_context()) as sock:
        status, _, _ = get(sock, "/readyz", close=True)
        assert status.startswith("HTTP/1.1 200"), status


def check_resumption_and_reload(plain, secure):
    context = client_context()
    with tls_connect(secure, context) as first:
        get(first, "/readyz")  # Reading lets the TLS 1.3 tickets arrive.
        session = first.session
        old_certificate = first.getpeercert(binary_form=True)
    with tls_connect(secure, context, session=session) as second:
        assert second.session_reused, "no resumption"

    kept = tls_connect(secure, context)
    get(kept, "/readyz")
    shutil.copyfile(NEXT_CERT, CERT)
    shutil.copyfile(NEXT_KEY, KEY)
    reloads = sum(1 for record in log_records() if record.get("message") == "TLS certificate reloaded")
    os.kill(PID, signal.SIGHUP)
    deadline = time.monotonic() + 10
    while sum(1 for record in log_records() if record.get("message") == "TLS certificate reloaded") == reloads:
        assert time.monotonic() < deadline, "no reload logged after SIGHUP"
        time.sleep(0.1)

    status, _, _ = get(kept, "/readyz", close=True)  # Opened before the reload, still served.
    assert status.startswith("HTTP/1.1 200"), status
    kept.close()
    fresh_context = client_context()  # Trusts the new certificate (CERT now holds it).
    with tls_connect(secure, fresh_context) as third:
        assert third.getpeercert(binary_form=True) != old_certificate, "the old certificate is still served"
    with tls_connect(secure, context, session=session) as fourth:
        assert fourth.session_reused, "a ticket from before the reload did not resume"


def check_sslyze(plain, secure):
    if os.environ.get("TLS_SSLYZE", "1") == "0":
        raise SkipCheck("TLS_SSLYZE=0")
    output = subprocess.run(
        [sys.executable, "-m", "sslyze", "--tlsv1", "--tlsv1_1", "--tlsv1_2", "--tlsv1_3", "--sslv2", "--sslv3",
         "--compression", "--reneg", "--heartbleed", "--robot", "--json_out=-", f"localhost:{secure}{{{HOST}}}"],
        capture_output=True, timeout=300, text=True,
    )
    start = output.stdout.find("{")
    assert start >= 0, f"sslyze gave no JSON: {output.stderr[-400:]}"
    report = json.loads(output.stdout[start:])
    result = report["server_scan_results"][0]
    assert result["scan_status"] == "COMPLETED", result.get("connectivity_error_trace")
    scans = result["scan_result"]

    def accepted(name):
        return [suite["cipher_suite"]["name"] for suite in scans[name]["result"]["accepted_cipher_suites"]]

    for old in ("ssl_2_0_cipher_suites", "ssl_3_0_cipher_suites", "tls_1_0_cipher_suites", "tls_1_1_cipher_suites"):
        assert not accepted(old), f"{old}: {accepted(old)}"
    tls12 = accepted("tls_1_2_cipher_suites")
    assert tls12, "no TLS 1.2 suites"
    weak = [name for name in tls12 if "ECDHE" not in name or not ("GCM" in name or "CHACHA20" in name)]
    assert not weak, f"weak TLS 1.2 suites: {weak}"
    assert accepted("tls_1_3_cipher_suites"), "no TLS 1.3 suites"
    assert not scans["tls_compression"]["result"]["supports_compression"], "compression"
    renegotiation = scans["session_renegotiation"]["result"]
    assert not renegotiation["is_vulnerable_to_client_renegotiation_dos"], "client renegotiation accepted"
    assert renegotiation["supports_secure_renegotiation"] is not None
    assert not scans["heartbleed"]["result"]["is_vulnerable_to_heartbleed"], "heartbleed"
    assert "NOT_VULNERABLE" in scans["robot"]["result"]["robot_result"], scans["robot"]["result"]["robot_result"]


class SkipCheck(Exception):
    pass


CHECKS = [
    check_curl, check_tls13_alpn, check_tls12_suites, check_old_versions_refused, check_weak_suites_refused,
    check_plain_http_on_tls_port, check_stalled_handshake, check_redirect, check_large_pipelined_responses,
    check_hang_ups, check_resumption_and_reload, check_sslyze,
]


def ready(secure):
    """Whether /readyz answers 200 over TLS."""
    try:
        with tls_connect(secure, client_context()) as sock:
            status, _, _ = get(sock, "/readyz", close=True)
            return " 200 " in status
    except OSError:
        return False


def main():
    deadline = time.monotonic() + 60
    plain, secure = ports()
    while (plain is None or secure is None) and time.monotonic() < deadline:
        os.kill(PID, 0)
        time.sleep(0.2)
        plain, secure = ports()
    if plain is None or secure is None:
        print("tls-tests: the server did not log both listening addresses", file=sys.stderr)
        return 1
    print(f"tls-tests: http on {plain}, https on {secure}", flush=True)
    # The port opens before the store has loaded; the checks expect a ready server.
    while not ready(secure):
        if time.monotonic() > deadline:
            print("tls-tests: /readyz never answered 200", file=sys.stderr)
            return 1
        os.kill(PID, 0)
        time.sleep(0.2)
    failures = 0
    for check in CHECKS:
        name = check.__name__.removeprefix("check_")
        try:
            check(plain, secure)
            print(f"  pass  {name}", flush=True)
        except SkipCheck as reason:
            print(f"  skip  {name}: {reason}", flush=True)
        except Exception as error:  # Every check reports; one failure does not hide the rest.
            failures += 1
            print(f"  FAIL  {name}: {type(error).__name__}: {error}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
