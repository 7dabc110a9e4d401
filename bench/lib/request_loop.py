"""Sends a fixed number of GET requests over one keep-alive connection, one after another.

    python3 request_loop.py PORT TARGET COUNT [HEADER...]

Each response is read in full (Content-Length framing) before the next request goes out.
Prints the count of 200s and the elapsed time; exits 1 when any answer is not a 200.
"""
import socket
import sys
import time


def read_response(connection, buffer):
    """Reads one response (Content-Length framing) from `connection`, after what `buffer`
    holds already; returns its head and what is left over for the next one."""
    while b"\r\n\r\n" not in buffer:
        chunk = connection.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        buffer += chunk
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(buffer) < length:
        chunk = connection.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        buffer += chunk
    return head, buffer[length:]


def main():
    port, target, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    extra = "".join(f"{header}\r\n" for header in sys.argv[4:])
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode()
    connection = socket.create_connection(("127.0.0.1", port), timeout=60)
    buffer, ok = b"", 0
    started = time.monotonic()
    for _ in range(count):
        connection.sendall(request)
        try:
            head, buffer = read_response(connection, buffer)
        except ConnectionError as error:
            sys.exit(f"request_loop: {error}")
        ok += head.startswith(b"HTTP/1.1 200")
    connection.close()
    print(f"  {ok} of {count} answered 200 in {time.monotonic() - started:.1f} s")
    sys.exit(0 if ok == count else 1)


if __name__ == "__main__":
    main()
