"""Writes the JSON Schema and the yamale schema that encode the default pack's submission constraints, for the
benchmark's check-jsonschema and yamale runs. Both are generated from the pack (140 indicators, each under its key
and its Chinese name, would be error-prone to copy by hand) and committed, so the benchmark does not regenerate them.

    python make_schemas.py Rules/shenyang-2025 Benchmarks/schemas

What they check, as far as each language can: the document's shape and allowed keys, the header (district code in
the registry, the plan year), every indicator key (catalogue key or exact Chinese name), every figure's form (a
number, or a number with a unit of the indicator's base and an optional qualifier, or the long form), and the
deviations' shape. JSON Schema can also say which indicators each kind of district must report; yamale cannot make
a requirement depend on another value, nor say "this key or its Chinese name". Neither can convert units or compare
a figure written as text (`5.6%`) with a target, so neither checks the rules themselves.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import corpus  # noqa: E402

DIGITS = "[0-9０-９]"
NUMBER = f"[-+－]?{DIGITS}+(?:[,，]{DIGITS}{{3}})*(?:[.．]{DIGITS}+)?"
MAGNITUDES = ["万亿", "亿", "千万", "百万", "十万", "万", "千", "百"]
QUALIFIER = "(?:以上|左右|以内|以下)?"


def unit_pattern(unit):
    if unit == "%":
        return "(?:%|％)?"
    base = unit
    for prefix in MAGNITUDES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            base = unit[len(prefix):]
            break
    prefixes = "|".join(re.escape(p) for p in MAGNITUDES)
    return f"(?:(?:{prefixes})?{re.escape(base)})?"


def figure_pattern(unit):
    return f"^\\s*(?:{NUMBER}\\s*{unit_pattern(unit)}{QUALIFIER}|(?:同比)?持平|保持正增长|正增长)\\s*$"


def json_schema(pack, indicators, rules):
    definitions, properties = {}, {}
    for unit in sorted({spec["unit"] for spec in indicators.values()}):
        name = "figure_" + str(len(definitions))
        scalar = {"oneOf": [{"type": "number"}, {"type": "string", "pattern": figure_pattern(unit)}]}
        definitions[name] = {"oneOf": [
            scalar,
            {"type": "object", "required": ["value"], "additionalProperties": False, "properties": {
                "value": scalar, "unit": {"type": "string"}, "qualifier": {"type": "string"},
                "note": {"type": "string"}, "source": {"type": "string"}}},
        ]}
        for key, spec in indicators.items():
            if spec["unit"] == unit:
                properties[key] = {"$ref": f"#/$defs/{name}"}
                properties[spec["zh"]] = {"$ref": f"#/$defs/{name}"}
    figures = {"type": ["object", "null"], "additionalProperties": False, "properties": properties}
    conditions = []
    for kind in pack["district_kinds"]:
        codes = [d["code"] for d in pack["districts"] if d["kind"] == kind["id"]]
        required = [k for k, spec in indicators.items() if kind["id"] in (spec.get("required_for") or [])]
        conditions.append({
            "if": {"properties": {"submission": {"properties": {"district": {"enum": codes}}}}},
            "then": {"properties": {"indicators": {"allOf": [
                {"anyOf": [{"required": [k]}, {"required": [indicators[k]["zh"]]}]} for k in required]}}},
        })
    text = {"type": "string"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "District submission for the shenyang-2025 pack (benchmark schema)",
        "type": "object",
        "required": ["submission", "indicators"],
        "additionalProperties": False,
        "properties": {
            "submission": {"type": "object", "required": ["district", "year"], "additionalProperties": False,
                           "properties": {"district": {"enum": [d["code"] for d in pack["districts"]]},
                                          "name": {"enum": [d["zh"] for d in pack["districts"]]},
                                          "year": {"const": pack["plan"]["year"]}, "pack": text,
                                          "prepared_by": text, "contact": text, "date": text}},
            "indicators": figures,
            "previous": figures,
            "deviations": {"type": "array", "items": {
                "type": "object", "required": ["rule", "reason", "approved_by"], "additionalProperties": False,
                "properties": {"rule": {"enum": [r["id"] for r in rules]}, "reason": text, "approved_by": text,
                               "document": text, "expires": {}}}},
        },
        "allOf": conditions,
        "$defs": definitions,
    }


def yamale_schema(pack, indicators, rules):
    def quote(text):
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"

    codes = ", ".join(quote(d["code"]) for d in pack["districts"])
    names = ", ".join(quote(d["zh"]) for d in pack["districts"])
    ids = ", ".join(quote(r["id"]) for r in rules)
    lines = [
        "# Generated by Benchmarks/python/make_schemas.py from the default pack; see that script for what it checks.",
        "submission: include('header')",
        "indicators: include('figures')",
        "previous: include('figures', required=False)",
        "deviations: list(include('deviation'), required=False)",
        "---",
        "header:",
        f"  district: enum({codes})",
        f"  name: enum({names}, required=False)",
        f"  year: int(min={pack['plan']['year']}, max={pack['plan']['year']})",
        "  pack: str(required=False)",
        "  prepared_by: str(required=False)",
        "  contact: str(required=False)",
        "  date: any(str(), day(), required=False)",
        "deviation:",
        f"  rule: enum({ids})",
        "  reason: str()",
        "  approved_by: str()",
        "  document: str(required=False)",
        "  expires: any(str(), day(), required=False)",
        "figures:",
    ]
    units = sorted({spec["unit"] for spec in indicators.values()})
    for key, spec in indicators.items():
        figure = f"include('figure_{units.index(spec['unit'])}', required=False)"
        lines.append(f"  {key}: {figure}")
        lines.append(f"  {quote(spec['zh'])}: {figure}")
    for index, unit in enumerate(units):
        scalar = f"num(), regex({quote(figure_pattern(unit))})"
        lines.append(f"figure_{index}: any({scalar}, include('long_{index}'))")
        lines.append(f"long_{index}:")
        lines.append(f"  value: any({scalar})")
        for optional in ("unit", "qualifier", "note", "source"):
            lines.append(f"  {optional}: str(required=False)")
    return "\n".join(lines) + "\n"


def main(pack_dir, out_dir):
    pack, indicators, rules = corpus.load_pack(pack_dir)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "submission.schema.json"), "w", encoding="utf-8") as f:
        json.dump(json_schema(pack, indicators, rules), f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(out_dir, "submission.yamale"), "w", encoding="utf-8") as f:
        f.write(yamale_schema(pack, indicators, rules))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
