"""Prints one measured run as a progress line: python3 progress.py JSON_LINE."""
import json
import sys

record = json.loads(sys.argv[1])
wrk = record["wrk"]
where = f"route {record['route']}" if "route" in record else record["mode"]
print(f"  {where} {record['server']:<12} run {record['repeat']}: {wrk.get('rps', 0):>9.0f} req/s"
      f"  p50 {wrk.get('p50_us', 0) / 1000:6.2f} ms  p99 {wrk.get('p99_us', 0) / 1000:6.2f} ms", file=sys.stderr)
