#!/usr/bin/env python3
"""Builds Public/world.json, the world outline the web page's map draws, from Natural Earth land.

Usage: python3 make_world.py ne_110m_land.json > ../../Public/world.json

The input is Natural Earth's 1:110m land polygons as GeoJSON (public domain; see NOTICE.md).
Each outer ring is simplified with Douglas-Peucker (TOLERANCE degrees), its points rounded to
STEP degrees, repeated points dropped, and rings whose area stays under MIN_AREA square degrees
left out. Holes are left out too: at this scale they are lakes the map does not need.

The output is plain equirectangular degrees, one ring a list of [lon, lat] points, the first
point not repeated at the end:
    {"source": "...", "rings": [[[lon, lat], ...], ...]}
"""
import json
import sys

TOLERANCE = 0.25
STEP = 0.1
MIN_AREA = 1.0
SOURCE = "Natural Earth 1:110m land (naturalearthdata.com), public domain"


def perpendicular(p, a, b):
    """The distance in degrees from point p to the segment a-b."""
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    px, py = x1 + t * dx, y1 + t * dy
    return ((x - px) ** 2 + (y - py) ** 2) ** 0.5


def simplify(points, tolerance):
    """Douglas-Peucker over an open polyline, iterative so long coasts need no deep recursion."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > farthest:
                farthest, index = d, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance):
    """A closed ring simplified: split at the point farthest from its start so both ends stay."""
    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    if len(points) < 4:
        return points
    start = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - start[0]) ** 2 + (points[i][1] - start[1]) ** 2)
    first = simplify(points[: far + 1], tolerance)
    second = simplify(points[far:] + [start], tolerance)
    return first[:-1] + second[:-1]


def quantize(points, step):
    """Points rounded to `step` degrees, with consecutive repeats dropped."""
    decimals = len(str(step).partition(".")[2])
    out = []
    for lon, lat in points:
        q = [round(round(lon / step) * step, decimals), round(round(lat / step) * step, decimals)]
        q = [int(v) if v == int(v) else v for v in q]
        if not out or out[-1] != q:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def area(points):
    """The absolute shoelace area of a ring, in square degrees."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def outer_rings(geometry):
    """The outer ring of each polygon of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        collection = json.load(f)
    rings = []
    for feature in collection["features"]:
        for ring in outer_rings(feature["geometry"]):
            points = quantize(simplify_ring([tuple(p[:2]) for p in ring], TOLERANCE), STEP)
            if len(points) >= 3 and area(points) >= MIN_AREA:
                rings.append(points)
    rings.sort(key=area, reverse=True)
    json.dump({"source": SOURCE, "rings": rings}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
