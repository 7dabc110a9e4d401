"""Captures the benchmark routes' response bodies from a running Dateline.

    python3 capture.py BASE_URL PUBLIC_DIR OUT_DIR

Picks the routes (an entity that exists, a static file from PUBLIC_DIR or /openapi.json), fetches
each once from Dateline and writes, into OUT_DIR:
  routes.json   the routes, in order: name, path, query, headers, status, content type, sizes
  routes.tsv    the Hummingbird peer's manifest: path, query, encoding, content type, file
  body-N.*      the bodies, byte for byte as Dateline sent them (the gzip route still compressed)
Exits 1 when a route does not answer 200.
"""
import json
import os
import sys
import urllib.parse
import urllib.request

PREFERRED_ENTITY = "vladimir-putin"


def fetch(base, target, headers=None):
    request = urllib.request.Request(base + target, headers=headers or {"Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers.items()), response.read()


def entity_ids(base):
    """Entity ids from /entities, following at most a few pages."""
    ids = []
    target = "/entities?limit=100"
    for _ in range(5):
        _, _, body = fetch(base, target)
        document = json.loads(body)
        items = document if isinstance(document, list) else next(
            (value for key, value in document.items() if isinstance(value, list)), [])
        ids += [item["id"] for item in items if isinstance(item, dict) and "id" in item]
        cursor = document.get("next") if isinstance(document, dict) else None
        if PREFERRED_ENTITY in ids or not cursor or not isinstance(cursor, str):
            break
        target = cursor if cursor.startswith("/") else "/entities?limit=100&cursor=" + urllib.parse.quote(cursor)
    return ids


def static_target(public_dir):
    files = sorted(name for name in os.listdir(public_dir)
                   if os.path.isfile(os.path.join(public_dir, name))) if os.path.isdir(public_dir) else []
    if "index.html" in files:
        return "/index.html"
    if files:
        return "/" + urllib.parse.quote(files[0])
    return "/openapi.json"


def main():
    base, public_dir, out_dir = sys.argv[1:4]
    ids = entity_ids(base)
    if not ids:
        sys.exit("capture: /entities listed no entity")
    entity = PREFERRED_ENTITY if PREFERRED_ENTITY in ids else ids[0]
    # (name, path, query, request headers, encoding the body is stored in)
    routes = [
        ("events", "/events", "", {}, "identity"),
        ("events-filtered", "/events", f"entity={entity}&from=2024-01-01", {}, "identity"),
        ("entity", f"/entities/{entity}", "", {}, "identity"),
        ("static", static_target(public_dir), "", {}, "identity"),
        ("events-gzip", "/events", "", {"Accept-Encoding": "gzip"}, "gzip"),
    ]
    records, manifest = [], []
    for index, (name, path, query, headers, encoding) in enumerate(routes):
        target = path + ("?" + query if query else "")
        status, response_headers, body = fetch(base, target, headers or None)
        if status != 200:
            sys.exit(f"capture: {target} answered {status}")
        lowered = {key.lower(): value for key, value in response_headers.items()}
        content_type = lowered.get("content-type", "application/octet-stream")
        sent_encoding = lowered.get("content-encoding", "identity")
        if sent_encoding != encoding:
            sys.exit(f"capture: {target} came back with Content-Encoding {sent_encoding}, expected {encoding}")
        extension = {"identity": "body", "gzip": "gz"}[encoding]
        file_name = f"body-{index}.{extension}"
        with open(os.path.join(out_dir, file_name), "wb") as stream:
            stream.write(body)
        records.append({"name": name, "path": path, "query": query, "target": target, "headers": headers,
                        "encoding": encoding, "content_type": content_type, "file": file_name,
                        "bytes": len(body)})
        manifest.append("\t".join([path, query or "-", encoding, content_type, file_name]))
    # The identity size of the gzip route, for the report.
    plain = next(record for record in records if record["name"] == "events")
    for record in records:
        if record["encoding"] == "gzip":
            record["identity_bytes"] = plain["bytes"]
    with open(os.path.join(out_dir, "routes.json"), "w") as stream:
        json.dump({"entity": entity, "routes": records}, stream, indent=2)
    with open(os.path.join(out_dir, "routes.tsv"), "w") as stream:
        stream.write("\n".join(manifest) + "\n")
    for record in records:
        print(f"  {record['name']:<16} {record['target']:<48} {record['bytes']:>8} bytes  {record['content_type']}"
              + (" (gzip)" if record["encoding"] == "gzip" else ""))


if __name__ == "__main__":
    main()
