"""The invariants of `kpi-circular/1` (shared/contract/README.md), checked on any document.

Used on the hand-written expected JSON of every fixture and on what the parser prints, so a
fixture that breaks the contract and a parser that drifts from it both fail.
"""

import datetime as dt
import re

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
LETTER = re.compile(r"[ก-ฮ]{2,3} \d{4}(\.\d+)?/(ว )?\d+")


def contract_problems(document: dict, stem: str = "document") -> list[str]:
    """Every way *document* breaks the contract's rules; empty when it keeps them."""
    errors: list[str] = []

    def err(stem, msg):
        errors.append(f"{stem}: {msg}")

    def keys(stem, where, obj, expected, optional=()):
        got = list(obj.keys())
        want = [k for k in expected]
        base = [k for k in got if k not in optional]
        if base != want:
            err(stem, f"{where}: keys {got} != {want}")
        extra = [k for k in got if k in optional]
        if extra != [k for k in optional if k in extra]:
            err(stem, f"{where}: optional keys out of order {extra}")

    def walk_strings(obj, path="$"):
        if isinstance(obj, str):
            yield path, obj
        elif isinstance(obj, dict):
            for k, v in obj.items():
                yield from walk_strings(v, f"{path}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                yield from walk_strings(v, f"{path}[{i}]")

    def walk_numbers(obj, path="$"):
        if isinstance(obj, bool):
            return
        if isinstance(obj, (int, float)):
            yield path, obj
        elif isinstance(obj, dict):
            for k, v in obj.items():
                yield from walk_numbers(v, f"{path}.{k}")
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                yield from walk_numbers(v, f"{path}[{i}]")

    def iso(stem, where, s, nullable=True):
        if s is None:
            if not nullable:
                err(stem, f"{where}: null")
            return None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            err(stem, f"{where}: not ISO {s!r}")
            return None
        return dt.date.fromisoformat(s)

    def check_shape(stem, d):
        keys(stem, "$", d, ["schema", "document", "round", "agreement", "indicators"])
        if d["schema"] != "kpi-circular/1":
            err(stem, "schema")
        doc = d["document"]
        keys(
            stem,
            "document",
            doc,
            [
                "number",
                "date",
                "issuer",
                "to",
                "subject",
                "references",
                "owner_unit",
                "phone",
                "fax",
            ],
        )
        if doc["number"] is not None and not LETTER.fullmatch(doc["number"]):
            err(stem, f"document.number {doc['number']!r}")
        iso(stem, "document.date", doc["date"])
        if doc["issuer"] and not doc["issuer"].startswith("สำนักงาน"):
            err(stem, "issuer is not an office")
        for i, r in enumerate(doc["references"]):
            keys(stem, f"references[{i}]", r, ["number", "date"])
            if not LETTER.fullmatch(r["number"]):
                err(stem, f"reference number {r['number']!r}")
            iso(stem, f"references[{i}].date", r["date"])
        for k in ("phone", "fax"):
            if doc[k] is not None and not re.fullmatch(r"0[0-9 -]+[0-9]", doc[k]):
                err(stem, f"{k} {doc[k]!r}")
        rd = d["round"]
        keys(stem, "round", rd, ["fiscal_year", "number", "start", "end"])
        fy, n = rd["fiscal_year"], rd["number"]
        ce = fy - 543
        want = (
            (dt.date(ce - 1, 10, 1), dt.date(ce, 3, 31))
            if n == 1
            else (dt.date(ce, 4, 1), dt.date(ce, 9, 30))
        )
        if (iso(stem, "round.start", rd["start"]), iso(stem, "round.end", rd["end"])) != want:
            err(stem, f"round dates {rd} != {want}")
        keys(stem, "agreement", d["agreement"], ["evaluator", "evaluatee"])
        seen = set()
        for i, ind in enumerate(d["indicators"]):
            w = f"indicators[{i}]"
            keys(stem, w, ind, ["kind", "number", "name", "versions"])
            if ind["kind"] not in ("team", "individual"):
                err(stem, f"{w}.kind")
            if (ind["kind"], ind["number"]) in seen:
                err(stem, f"{w} duplicate number per kind")
            seen.add((ind["kind"], ind["number"]))
            if not isinstance(ind["number"], int):
                err(stem, f"{w}.number not int")
            if ind["name"].startswith("ตัวชี้วัด"):
                err(stem, f"{w}.name keeps prefix")
            statuses = [v["status"] for v in ind["versions"]]
            if statuses not in (["current"], ["original", "revised"]):
                err(stem, f"{w} statuses {statuses}")
            for j, v in enumerate(ind["versions"]):
                vw = f"{w}.versions[{j}]"
                keys(
                    stem,
                    vw,
                    v,
                    [
                        "status",
                        "weight",
                        "responsible_unit",
                        "responsible_persons",
                        "method",
                        "unit",
                        "direction",
                        "criteria",
                    ],
                )
                if not (isinstance(v["weight"], (int, float)) and v["weight"] > 0):
                    err(stem, f"{vw}.weight")
                if "/" in (v["responsible_unit"] or ""):
                    err(stem, f"{vw}.responsible_unit has /")
                for person in v["responsible_persons"]:
                    if "/" in person or "," in person or not person:
                        err(stem, f"{vw} person {person!r}")
                sizes = [c["district_size"] for c in v["criteria"]]
                if None in sizes and len(sizes) != 1:
                    err(stem, f"{vw} null size with others")
                if len(set(sizes)) != len(sizes) or not set(sizes) <= {
                    None,
                    "large",
                    "medium",
                    "small",
                }:
                    err(stem, f"{vw} sizes {sizes}")
                for k, c in enumerate(v["criteria"]):
                    cw = f"{vw}.criteria[{k}]"
                    keys(stem, cw, c, ["district_size", "levels"])
                    if [lv["level"] for lv in c["levels"]] != [1, 2, 3, 4, 5]:
                        err(stem, f"{cw} levels")
                    for lv in c["levels"]:
                        lw = f"{cw}.levels[{lv['level']}]"
                        keys(
                            stem,
                            lw,
                            lv,
                            ["level", "text", "min", "max"],
                            optional=("min_exclusive", "max_exclusive"),
                        )
                        for side in ("min", "max"):
                            if f"{side}_exclusive" in lv and (
                                lv[f"{side}_exclusive"] is not True or lv[side] is None
                            ):
                                err(stem, f"{lw} {side}_exclusive")
                        if re.match(r"ระดับ(คะแนน)?\s*\d", lv["text"]):
                            err(stem, f"{lw} keeps label")
                        if (
                            lv["min"] is not None
                            and lv["max"] is not None
                            and lv["min"] > lv["max"]
                        ):
                            err(stem, f"{lw} min > max")
                    if v["method"] == "milestone":
                        if v["unit"] is not None or v["direction"] is not None:
                            err(stem, f"{vw} milestone with unit/direction")
                        if any(
                            lv["min"] is not None or lv["max"] is not None for lv in c["levels"]
                        ):
                            err(stem, f"{cw} milestone with bounds")
                    elif v["method"] == "threshold":
                        if v["unit"] is None or v["direction"] not in ("higher", "lower"):
                            err(stem, f"{vw} threshold without unit/direction")
                        lv = c["levels"]
                        if any(x["min"] is None and x["max"] is None for x in lv):
                            err(stem, f"{cw} threshold level without bounds")
                        inf = float("inf")
                        if v["direction"] == "higher":
                            lows = [x["min"] if x["min"] is not None else -inf for x in lv]
                            if lows != sorted(lows) or lows[4] <= lows[0]:
                                err(stem, f"{cw} not increasing {lows}")
                        else:
                            highs = [x["max"] if x["max"] is not None else inf for x in lv]
                            if highs != sorted(highs, reverse=True) or highs[4] >= highs[0]:
                                err(stem, f"{cw} not decreasing {highs}")
                    else:
                        err(stem, f"{vw}.method")
        for path, s in walk_strings(d):
            if s != s.strip():
                err(stem, f"{path}: untrimmed")
            if "  " in s or re.search(r"[\t\n\r\f\u00a0\u200b\u200c\u200d\ufeff]", s):
                err(stem, f"{path}: whitespace {s!r}")
            if any(ch in THAI_DIGITS for ch in s):
                err(stem, f"{path}: Thai digit")
            if "\u0e4d\u0e32" in s or "\u0e4d" in s:
                err(stem, f"{path}: nikhahit")
            if re.search(r"</?[a-zA-Z][^>]*>|&[a-zA-Z#0-9]+;", s):
                err(stem, f"{path}: markup {s!r}")
        for path, x in walk_numbers(d):
            if isinstance(x, float) and x.is_integer():
                err(stem, f"{path}: integral float {x}")

    check_shape(stem, document)
    return errors
