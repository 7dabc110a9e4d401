"""Reads slowhttptest's CSV (-g -o PREFIX writes PREFIX.csv) and its console log.

    python3 slowhttp_summary.py PREFIX.csv CONSOLE_LOG

The CSV has one row a second: Seconds, Closed, Pending, Connected, Service Available. Its
last row can lag the end: when the server closes every connection the tool stops at once
("Exit status: No open connections left") without writing a final row, so `all_closed` comes
from that status line. Prints one JSON object: the peak of open connections, the closed count
of the last row and its first non-zero second, when the test ended, and the exit status.
"""
import csv
import re
import json
import sys


def main():
    rows = []
    with open(sys.argv[1], newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append({key.strip().lower(): value.strip() for key, value in row.items() if key})
    console = open(sys.argv[2], encoding="utf-8", errors="replace").read()
    console = re.sub(r"\x1b\[[0-9;]*m", "", console)
    exit_line = next((line.split(":", 1)[1].strip() for line in reversed(console.splitlines()) if "Exit status" in line), "")
    ended = re.findall(r"Test ended on (\d+)", console)

    def number(row, key):
        try:
            return int(float(row.get(key, "0") or 0))
        except ValueError:
            return 0

    peak = max((number(row, "connected") for row in rows), default=0)
    last = rows[-1] if rows else {}
    closed = number(last, "closed")
    unavailable = [row for row in rows if row.get("service available", "").lower() not in ("yes", "1")]
    first_closed = next((number(row, "seconds") for row in rows if number(row, "closed") > 0), None)
    print(json.dumps({
        "seconds": number(last, "seconds"), "peak_connected": peak, "closed": closed,
        "still_connected": number(last, "connected"), "pending": number(last, "pending"),
        "first_closed_at": first_closed, "unavailable_seconds": len(unavailable), "exit": exit_line,
        "ended_at": int(ended[-1]) if ended else None, "all_closed": "no open connections left" in exit_line.lower(),
    }))


if __name__ == "__main__":
    main()
