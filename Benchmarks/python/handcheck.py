"""The check a user would write by hand in Python with PyYAML's C loader: the same structure, catalogue, figure,
required-indicator, district-rule and city-total checks plancheck makes on the default pack, without source
positions (PyYAML's C loader does not keep them for values) and without the rarer rule forms.

    python handcheck.py --pack Rules/shenyang-2025 PATH...

Prints one line per problem; exits 1 when there is an error, like plancheck.
"""
import os
import re
import sys

import yaml

LOADER = yaml.CSafeLoader
FULL = str.maketrans("０１２３４５６７８９．％－＋，", "0123456789.%-+,")
MAGNITUDES = [("万亿", 12), ("亿", 8), ("千万", 7), ("百万", 6), ("十万", 5), ("万", 4), ("千", 3), ("百", 2)]
NUMBER = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*(.*?)\s*$")
QUALIFIERS = ("以上", "左右", "以内", "以下", "力争")


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=LOADER)


def unit_of(text):
    """(base, exponent) of a unit text: '%' -> ('', -2), '亿元' -> ('元', 8), '' -> ('', 0)."""
    text = text.strip()
    if text in ("%", "％"):
        return ("", -2)
    if text in ("百分点", "个百分点"):
        return ("百分点", -2)
    for prefix, exponent in MAGNITUDES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return (text[len(prefix):], exponent)
    return (text, 0)


def quantity(value, catalogue_unit):
    """The value in the catalogue unit, or an error string."""
    target = unit_of(catalogue_unit)
    if isinstance(value, bool) or value is None:
        return None, "not a number"
    if isinstance(value, (int, float)):
        return float(value), None
    text = str(value).translate(FULL).replace(",", "")
    if text in ("持平", "同比持平"):
        return 0.0, None
    for qualifier in QUALIFIERS:
        if text.endswith(qualifier):
            text = text[: -len(qualifier)]
    match = NUMBER.match(text)
    if not match:
        return None, f"unreadable figure {value!r}"
    number, unit_text = float(match.group(1)), match.group(2)
    if not unit_text:
        return number, None
    base, exponent = unit_of(unit_text)
    if base != target[0]:
        return None, f"unit {unit_text} is not convertible to {catalogue_unit}"
    return number * 10.0 ** (exponent - target[1]), None


class Pack:
    def __init__(self, folder):
        pack = load(os.path.join(folder, "pack.yml"))
        self.year = pack["plan"]["year"]
        self.districts = {d["code"]: d for d in pack["districts"]}
        self.retired = {r["code"]: r for r in pack.get("retired_codes", [])}
        self.indicators = load(os.path.join(folder, "indicators.yml"))["indicators"]
        self.by_name = {}
        for key, spec in self.indicators.items():
            self.by_name[key] = key
            self.by_name[spec["zh"]] = key
        self.city = {}
        for key, text in (pack.get("city") or {}).items():
            self.city[key] = quantity(text, self.indicators[key]["unit"])[0]
        self.rules = []
        for include in pack["include"]:
            if include.startswith("rules/"):
                self.rules += load(os.path.join(folder, include))["rules"]

    def target(self, written, unit):
        if isinstance(written, str) and written.startswith("city."):
            return self.city.get(written[5:])
        return quantity(written, unit)[0]


RELATIONS = {
    "at_least": lambda v, t: v >= t, "more_than": lambda v, t: v > t, "at_most": lambda v, t: v <= t,
    "equals": lambda v, t: v == t, "decrease_at_least": lambda v, t: v <= -t,
}
SUM = re.compile(r"^sum\((\w+)\)$")
SHARE = re.compile(r"^share\(sum\((\w+)\),\s*sum\((\w+)\)\)$")


def applies(rule, district):
    applies_to = rule.get("applies_to") or {}
    if "kinds" in applies_to:
        return district["kind"] in applies_to["kinds"]
    if "districts" in applies_to:
        return district["code"] in applies_to["districts"]
    return True


def relation(check):
    for name in RELATIONS:
        if name in check:
            return name, check[name]
    return None, None


def check_file(path, pack, out):
    errors = 0

    def report(severity, message):
        nonlocal errors
        errors += severity == "error"
        out.append(f"{path}: {severity}: {message}")

    try:
        document = load(path)
    except yaml.YAMLError as error:
        report("error", f"YAML: {error}")
        return None, errors
    if not isinstance(document, dict):
        report("error", "expected a mapping")
        return None, errors
    for key in document:
        if key not in ("submission", "indicators", "previous", "deviations"):
            report("error", f"unknown key {key}")
    header = document.get("submission") or {}
    code = str(header.get("district", ""))
    district = pack.districts.get(code)
    if district is None:
        report("error", f"retired district code {code}" if code in pack.retired else f"unknown district {code}")
        return None, errors
    if header.get("name") not in (None, district["zh"], district["en"]):
        report("warning", f"name {header.get('name')} does not match {district['zh']}")
    if header.get("year") != pack.year:
        report("error", f"year {header.get('year')} is not {pack.year}")
    figures = {}
    for section in ("indicators", "previous"):
        table = {}
        for written, value in (document.get(section) or {}).items():
            key = pack.by_name.get(str(written).strip())
            if key is None:
                report("error", f"unknown indicator {written}")
                continue
            if isinstance(value, dict):
                unknown = set(value) - {"value", "unit", "qualifier", "note", "source"}
                if unknown:
                    report("error", f"{key}: unknown keys {sorted(unknown)}")
                value = value.get("value")
            number, problem = quantity(value, pack.indicators[key]["unit"])
            if problem:
                report("error", f"{key}: {problem}")
            else:
                table[key] = number
        figures[section] = table
    for key, spec in pack.indicators.items():
        if district["kind"] in (spec.get("required_for") or []) and key not in figures["indicators"]:
            report("error", f"missing required indicator {key}")
    excused = {d.get("rule") for d in (document.get("deviations") or []) if isinstance(d, dict)}
    for rule in pack.rules:
        check = rule.get("check") or {}
        if rule.get("scope") != "district" or "value" not in check or not applies(rule, district):
            continue
        name, written = relation(check)
        key = check["value"]
        if name is None or key not in figures["indicators"]:
            continue
        target = pack.target(written, pack.indicators[key]["unit"])
        if target is not None and not RELATIONS[name](figures["indicators"][key], target):
            report("note" if rule["id"] in excused else rule.get("severity", "error"),
                   f"{rule['id']}: {key} = {figures['indicators'][key]} misses {written}")
    return (district, figures["indicators"]), errors


def city_totals(pack, submissions, out):
    errors = 0
    for rule in pack.rules:
        check = rule.get("check") or {}
        if rule.get("scope") != "city" or "value" not in check:
            continue
        name, written = relation(check)
        if name is None:
            continue
        expression = str(check["value"])
        scope = [(d, f) for d, f in submissions if applies(rule, d)]
        match, share = SUM.match(expression), SHARE.match(expression)
        if match:
            key = match.group(1)
            if any(key not in f for _, f in scope) or not scope:
                continue
            value, unit = sum(f[key] for _, f in scope), pack.indicators[key]["unit"]
        elif share:
            a, b = share.groups()
            if any(a not in f or b not in f for _, f in scope) or not scope:
                continue
            denominator = sum(f[b] for _, f in scope)
            if denominator == 0:
                continue
            value, unit = 100.0 * sum(f[a] for _, f in scope) / denominator, "%"
        else:
            continue
        target = pack.target(written, unit)
        if target is not None and not RELATIONS[name](value, target):
            errors += rule.get("severity", "error") == "error"
            out.append(f"city: {rule['id']}: {expression} = {value} misses {written}")
    return errors


def files_under(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, folders, names in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for name in sorted(names):
                    if name.endswith((".yml", ".yaml")):
                        yield os.path.join(root, name)
        else:
            yield path


def main(argv):
    pack_folder = argv[argv.index("--pack") + 1]
    paths = [a for i, a in enumerate(argv) if a != "--pack" and (i == 0 or argv[i - 1] != "--pack")]
    pack = Pack(pack_folder)
    out, errors, submissions = [], 0, []
    for path in files_under(paths):
        result, file_errors = check_file(path, pack, out)
        errors += file_errors
        if result:
            submissions.append(result)
    errors += city_totals(pack, submissions, out)
    out.append(f"{len(submissions)} submissions, {errors} errors")
    sys.stdout.write("\n".join(out) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
