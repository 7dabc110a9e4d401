"""Checks that every server answers every route with the captured bytes.

    python3 verify.py BODIES_DIR NAME=BASE_URL...

Identity routes must match the captured body byte for byte; a gzip route must come back with
Content-Encoding gzip and decompress to the identity body of its path (nginx compresses on its
own, so its compressed bytes differ). Prints JSON with each server's sizes and content types;
exits 1 on any difference.
"""
import gzip
import json
import os
import sys
import urllib.request


def main():
    bodies_dir = sys.argv[1]
    servers = dict(argument.split("=", 1) for argument in sys.argv[2:])
    routes = json.load(open(os.path.join(bodies_dir, "routes.json")))["routes"]
    bodies = {route["name"]: open(os.path.join(bodies_dir, route["file"]), "rb").read() for route in routes}
    report, problems = {}, []
    for server, base in servers.items():
        for route in routes:
            request = urllib.request.Request(base + route["target"],
                                             headers=route["headers"] or {"Accept-Encoding": "identity"})
            with urllib.request.urlopen(request, timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
                encoding = response.headers.get("Content-Encoding", "identity")
            if route["encoding"] == "gzip":
                same = encoding == "gzip" and gzip.decompress(body) == bodies["events"]
            else:
                same = encoding == "identity" and body == bodies[route["name"]]
            if content_type.replace(" ", "").lower() != route["content_type"].replace(" ", "").lower():
                problems.append(f"{server} {route['target']}: Content-Type {content_type!r}, "
                                f"Dateline sent {route['content_type']!r}")
            if not same:
                problems.append(f"{server} {route['target']}: the body differs from Dateline's")
            report.setdefault(server, {})[route["name"]] = {
                "bytes": len(body), "content_type": content_type, "encoding": encoding, "same": same}
    print(json.dumps(report, indent=2))
    if problems:
        sys.exit("verify: " + "; ".join(problems))


if __name__ == "__main__":
    main()
