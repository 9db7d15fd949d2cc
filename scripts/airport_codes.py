#!/usr/bin/env python3
"""Generate data/curated/airport_codes.tsv: IATA airport and metropolitan-area codes mapped
to the GeoNames city they serve.

    pip download airportsdata --no-deps -d /tmp/ad && unzip -o /tmp/ad/*.whl -d /tmp/ad
    python3 scripts/airport_codes.py /tmp/ad/airportsdata [--version 20260905]

Reads airports.csv (icao, iata, name, city, subd, country, ...) and iata_macs.csv (Country,
City Code, City Name, ...) from the airportsdata package (MIT, Mike Borsetti; data from
mwgg/Airports), and data/places.tsv and data/place_names.tsv of this repository. Writes
the TSV to stdout unless --out is given; prints counts to stderr.

A code is kept only when its city name names exactly one city of the same country in our
tables: first among the cities' main names, else among their alternate names. Codes whose
city matches no city (a town under 15,000 people, say) or several (two cities of one name
in one country) are left out. Standard library only; the output is deterministic.
"""
import argparse
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm(s):
    """Lower-case, no diacritics, hyphens/apostrophes/dots/parentheses as spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[-‐‑'’ʼ`.,()/]+", " ", s)
    # `St Paul`, `Ste Marie`: GeoNames writes Saint / Sainte.
    s = re.sub(r"^(st|ste) ", lambda m: "saint " if m.group(1) == "st" else "sainte ", s.strip())
    return " ".join(s.split())


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return rows[1:]


def load_cities():
    """Returns (main, alt): {(country, norm name): set of ids} for cities only."""
    country_of, main, alt = {}, {}, {}
    for id_, kind, country, _pop, name in read_tsv(os.path.join(ROOT, "data/places.tsv")):
        if kind != "city":
            continue
        country_of[id_] = country
        main.setdefault((country, norm(name)), set()).add(id_)
    for id_, name in read_tsv(os.path.join(ROOT, "data/place_names.tsv")):
        if id_ in country_of:
            alt.setdefault((country_of[id_], norm(name)), set()).add(id_)
    return main, alt


def resolve(city, country, main, alt, use_alt=True):
    """The one city id `city` names in `country`, "ambiguous", or None."""
    key = (country, norm(city))
    if not key[1]:
        return None
    for table in (main, alt) if use_alt else (main,):
        ids = table.get(key)
        if ids:
            return next(iter(ids)) if len(ids) == 1 else "ambiguous"
    return None


def main_():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("package_dir", help="the unpacked airportsdata/ directory")
    ap.add_argument("--version", default="20260905", help="airportsdata version, for the source column")
    ap.add_argument("--out", help="output file (default stdout)")
    args = ap.parse_args()
    main, alt = load_cities()
    src = f"airportsdata {args.version}"

    rows = {}  # code -> (id or None for a conflict, city, source)
    status = {}  # code -> "kept", "ambiguous" or "no city" (first attempt that decided)

    def add(code, city, country, source, use_alt=True):
        # A conflict stays one; a code the metropolitan file placed keeps its city there
        # (EWR serves New York, though it lies in Newark).
        if code in rows and (rows[code][0] is None or source.startswith("airports.csv")):
            return
        id_ = resolve(city, country, main, alt, use_alt)
        if id_ in (None, "ambiguous"):
            status.setdefault(code, id_ or "no city")
        elif code in rows and rows[code][0] != id_:
            # Two metropolitan areas list the code: keep neither.
            rows[code] = (None, city, "")
            status[code] = "conflict"
        elif code not in rows:
            rows[code] = (id_, city, f"{src} {source}")
            status[code] = "kept"

    # Metropolitan-area codes first (LON, NYC), then the airports the same file lists
    # under them (LHR, JFK serve London, New York): the file names the city served.
    with open(os.path.join(args.package_dir, "iata_macs.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            metro, airport = r["City Code"].strip(), r["Airport Code"].strip()
            for code in (metro, airport):
                if re.fullmatch("[A-Z]{3}", code):
                    add(code, r["City Name"], r["Country"].strip(), f"iata_macs.csv {metro}")
    # Then each airport's own city. GeoNames alternate names of US cities carry nicknames
    # and names of nearby towns (`Forest City` is Cleveland, `Glasgow` a name of Pampa,
    # Texas), so there only a city's main name counts.
    with open(os.path.join(args.package_dir, "airports.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code, country = r["iata"].strip(), r["country"].strip()
            if re.fullmatch("[A-Z]{3}", code):
                add(code, r["city"], country, f"airports.csv {r['icao']}", use_alt=country != "US")

    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    # Header first (build.rs skips one line, then lines starting with '#').
    out.write("code\tid\tcity\tsource\n")
    out.write(f"# @generated by scripts/airport_codes.py from airportsdata {args.version} (MIT); do not edit by hand.\n")
    for code in sorted(rows):
        id_, city, source = rows[code]
        if id_ is not None:
            out.write(f"{code}\t{id_}\t{city}\t{source}\n")
    if args.out:
        out.close()
    counts = {k: list(status.values()).count(k) for k in ("kept", "ambiguous", "no city", "conflict")}
    print(f"{len(status)} codes: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main_()
