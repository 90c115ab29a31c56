#!/usr/bin/env python3
"""Matches the vendored district map to the gazetteer and fits its projection.

Reads  Assets/map/pakistan.districts.svg (npm @svg-maps/pakistan.districts 2.0.0, Unlicense)
and    src/EarlyWarning.Gazetteer/Data/gazetteer.json,
writes Assets/map/districts.json: every gazetteer district's shape, every shape's districts, the shapes no
district claims, and the affine transform from (lon, lat) to the map's coordinates with its residuals.

Run from anywhere, with the standard library only:  python3 src/EarlyWarning.Host/Dashboard/tools/fit_map.py
The output is committed; the host never runs this.
"""
import json
import math
import pathlib
import re
import statistics
import unicodedata
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
ASSETS = HERE.parent / "Assets" / "map"
REPO = HERE.parents[3]
SVG = ASSETS / "pakistan.districts.svg"
GAZETTEER = REPO / "src" / "EarlyWarning.Gazetteer" / "Data" / "gazetteer.json"
OUT = ASSETS / "districts.json"


def norm(name):
    """Case-, diacritic-, punctuation- and space-insensitive, as the gazetteer compares names."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.lower())


def rings(d):
    """The closed rings of an SVG path made of M/m, L/l and z (all this map uses), in absolute coordinates."""
    tokens = re.findall(r"[MmLlZz]|-?\d*\.?\d+(?:e-?\d+)?", d)
    out, ring, cmd, i = [], [], None, 0
    x = y = sx = sy = 0.0
    while i < len(tokens):
        t = tokens[i]
        if t in "MmLlZz":
            cmd = t
            i += 1
            if t in "Zz":
                if ring:
                    out.append(ring)
                ring, x, y = [], sx, sy
            continue
        dx, dy = float(tokens[i]), float(tokens[i + 1])
        i += 2
        if cmd in "Mm":
            if ring:
                out.append(ring)
            x, y = (x + dx, y + dy) if cmd == "m" else (dx, dy)
            sx, sy, ring = x, y, [(x, y)]
            cmd = "l" if cmd == "m" else "L"  # later pairs of a moveto are linetos
        else:
            x, y = (x + dx, y + dy) if cmd == "l" else (dx, dy)
            ring.append((x, y))
    if ring:
        out.append(ring)
    return out


def area_centroid(path_rings):
    """Area-weighted centroid of the rings, each counted by its absolute area (the map has no holes)."""
    total, cx, cy = 0.0, 0.0, 0.0
    for r in path_rings:
        a = sx = sy = 0.0
        for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
            cross = x0 * y1 - x1 * y0
            a += cross
            sx += (x0 + x1) * cross
            sy += (y0 + y1) * cross
        if a == 0:
            continue
        a /= 2
        total += abs(a)
        cx += abs(a) * sx / (6 * a)
        cy += abs(a) * sy / (6 * a)
    return cx / total, cy / total


def inside(point, path_rings):
    x, y = point
    hit = False
    for r in path_rings:
        for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
    return hit


def segment_distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def solve3(m, v):
    """Gaussian elimination for the 3x3 normal equations."""
    a = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(3):
        p = max(range(c, 3), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(3):
            if r != c:
                f = a[r][c] / a[c][c]
                a[r] = [a[r][k] - f * a[c][k] for k in range(4)]
    return [a[i][3] / a[i][i] for i in range(3)]


def fit_affine(pairs):
    """Least squares: x = a·lon + b·lat + c and y = d·lon + e·lat + f."""
    ata = [[0.0] * 3 for _ in range(3)]
    atx, aty = [0.0] * 3, [0.0] * 3
    for (lon, lat), (x, y) in pairs:
        row = (lon, lat, 1.0)
        for i in range(3):
            for j in range(3):
                ata[i][j] += row[i] * row[j]
            atx[i] += row[i] * x
            aty[i] += row[i] * y
    return solve3(ata, atx), solve3(ata, aty)


def apply(t, lon, lat):
    (a, b, c), (d, e, f) = t
    return a * lon + b * lat + c, d * lon + e * lat + f


def invert(t, x, y):
    (a, b, c), (d, e, f) = t
    det = a * e - b * d
    return (e * (x - c) - b * (y - f)) / det, (a * (y - f) - d * (x - c)) / det


def km(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def main():
    root = ET.parse(SVG).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    shapes = {}
    for p in root.iter(ns + "path"):
        r = rings(p.get("d"))
        shapes[p.get("id")] = {"name": p.get("aria-label"), "rings": r, "centroid": area_centroid(r)}

    gazetteer = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    districts = gazetteer["districts"]

    # Names: a shape answers to its label and id; a district to its name and aliases (not sharedAliases,
    # which several districts answer to, and so name no single shape).
    shape_by_name = {}
    for sid, s in shapes.items():
        for n in {norm(s["name"]), norm(sid)}:
            shape_by_name.setdefault(n, set()).add(sid)
    by_name = {}
    for dist in districts:
        names = {norm(dist["name"]), norm(dist["id"])} | {norm(a) for a in dist.get("aliases", [])}
        found = set().union(*(shape_by_name.get(n, set()) for n in names))
        if len(found) == 1:
            by_name[dist["id"]] = found.pop()

    claims = {}
    for sid in by_name.values():
        claims[sid] = claims.get(sid, 0) + 1

    out_districts, disagreements = {}, []
    for dist in districts:
        did, curated = dist["id"], dist.get("svgMapId")
        named = by_name.get(did)
        if named and curated and named != curated:
            disagreements.append({"district": did, "byName": named, "gazetteer": curated})
        shape = curated or named
        # "name": the shape's label is the district's name or alias; "gazetteer": only the gazetteer's svgMapId
        # links them (a misspelt label, or a district the map predates, drawn inside an older, larger shape).
        match = "none" if shape is None else "name" if named == shape else "gazetteer"
        out_districts[did] = {"name": dist["name"], "province": dist["province"], "shape": shape, "match": match}

    shape_districts = {sid: [] for sid in shapes}
    for did, d in out_districts.items():
        if d["shape"]:
            shape_districts[d["shape"]].append(did)

    # The fit uses the shapes that are one district each, matched by name, whose gazetteer centroid is meant to be
    # the shape's centre (centroidSource "map-shape"). The others with a shape of their own (hand-placed points
    # where the map's line is known to be wrong, as between Kharan and Washuk) are held out and reported.
    sample, held_out = [], []
    for dist in districts:
        d = out_districts[dist["id"]]
        if d["match"] == "name" and len(shape_districts[d["shape"]]) == 1:
            c = dist["centroid"]
            row = (dist["id"], dist.get("centroidSource"), (c["lon"], c["lat"]), shapes[d["shape"]]["centroid"])
            (sample if dist.get("centroidSource") == "map-shape" else held_out).append(row)
    t = fit_affine([(g, s) for _, _, g, s in sample])

    def residual(rows):
        out = []
        for did, source, (lon, lat), (x, y) in rows:
            px, py = apply(t, lon, lat)
            out.append({"district": did, "centroidSource": source, "svg": round(math.hypot(px - x, py - y), 2),
                        "km": round(km(lon, lat, *invert(t, x, y)), 1)})
        return sorted(out, key=lambda r: -r["km"])

    residuals = residual(sample)
    kms = [r["km"] for r in residuals]
    units = [r["svg"] for r in residuals]

    # An independent check: GeoNames points of towns should fall inside their district's shape.
    places = [p for p in gazetteer["places"] if p.get("pointSource") == "geonames"]
    km_per_unit = km(*invert(t, 0, 0), *invert(t, 100, 0)) / 100  # along a parallel near the middle of the map
    misses = []
    for p in places:
        shape = out_districts[p["district"]]["shape"]
        pt = apply(t, p["point"]["lon"], p["point"]["lat"])
        if not inside(pt, shapes[shape]["rings"]):
            falls_in = next((s for s in shapes if inside(pt, shapes[s]["rings"])), None)
            edge = min(segment_distance(pt, a, b) for r in shapes[shape]["rings"] for a, b in zip(r, r[1:] + r[:1]))
            misses.append({"place": p["id"], "district": p["district"], "shape": shape, "fallsIn": falls_in,
                           "kmOutside": round(edge * km_per_unit, 1)})

    result = {
        "source": "npm @svg-maps/pakistan.districts 2.0.0 (Unlicense), pakistan.districts.svg; matched to "
                  "src/EarlyWarning.Gazetteer/Data/gazetteer.json by src/EarlyWarning.Host/Dashboard/tools/fit_map.py",
        "viewBox": root.get("viewBox"),
        "transform": {
            "about": "map x = x[0]*lon + x[1]*lat + x[2]; map y = y[0]*lon + y[1]*lat + y[2] (least squares)",
            "x": [round(v, 6) for v in t[0]],
            "y": [round(v, 6) for v in t[1]],
        },
        "fit": {
            "districts": len(sample),
            "rmsSvgUnits": round(math.sqrt(sum(u * u for u in units) / len(units)), 2),
            "rmsKm": round(math.sqrt(sum(k * k for k in kms) / len(kms)), 1),
            "medianKm": round(statistics.median(kms), 1),
            "maxKm": max(kms),
            "worst": residuals[:5],
            "heldOut": residual(held_out),
            "placesChecked": len(places),
            "placesOutsideTheirShape": misses,
        },
        "districts": out_districts,
        "shapes": {sid: {"name": s["name"], "districts": sorted(shape_districts[sid])} for sid, s in sorted(shapes.items())},
        "shapesWithoutDistrict": sorted(sid for sid, ds in shape_districts.items() if not ds),
        "districtsMatchedOnlyByGazetteerId": sorted(did for did, d in out_districts.items() if d["match"] == "gazetteer"),
        "shapesHoldingSeveralDistricts": {sid: sorted(ds) for sid, ds in sorted(shape_districts.items()) if len(ds) > 1},
        "nameDisagreements": disagreements,
    }
    OUT.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    f = result["fit"]
    print(f"{OUT.relative_to(REPO)}: {len(out_districts)} districts, {sum(d['match'] == 'name' for d in out_districts.values())} "
          f"matched by name, {len(result['districtsMatchedOnlyByGazetteerId'])} only by the gazetteer's svgMapId, "
          f"{len(result['shapesHoldingSeveralDistricts'])} shapes holding several districts, "
          f"{len(result['shapesWithoutDistrict'])} shapes without a district, {len(disagreements)} name disagreements")
    print(f"fit on {f['districts']} districts: rms {f['rmsSvgUnits']} map units = {f['rmsKm']} km, median {f['medianKm']} km, "
          f"max {f['maxKm']} km; {len(misses)} of {len(places)} GeoNames places outside their district's shape")


if __name__ == "__main__":
    main()
