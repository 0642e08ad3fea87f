"""A national-scale corpus for the benchmark: N distinct reporting units, each with exactly one submission, checked
against a pack of their own.

The project's other many-file corpora (`corpus.write_many`) repeat the 13 districts of the default pack, so from the
second batch on every file is a duplicate submission and the city-wide totals run over repeats. Here every unit the
pack's registry lists submits exactly once, so the run is what a national roll-out would see: no duplicates, every
unit known, and every rule evaluated: each unit reports every indicator a rule applying to it uses (required or
not), so no district rule is left "not evaluated" and every city-wide total runs over all N units.

The pack (`write_pack`) is the default pack (Rules/shenyang-2025) with its district registry replaced:

- N generated units with GB/T 2260-shaped six-digit codes `PPCCDD`: PP one of the 31 province-level prefixes, CC a
  prefecture 01.., DD 02-11 for districts (kind `urban`, 第00001区 / Unit 00001 District), 21-28 for counties and
  81-83 for county-level cities (kind `county`, 第00012县 / Unit 00012 County, 第00020市 / Unit 00020 City);
- the rules and the indicator catalogue unchanged, except that district codes the rules name (an `applies_to` list,
  the districts of rule examples) are mapped to generated units of the same kind, as are the retired codes;
- its own id (`national-N`) and title; the plan, its year, the city figures and the defaults are kept.

Submissions (`write_submissions`) reuse the figure styles of Examples/shenyang-2025 (`5.6%`, `"-2.6%"`, the long
form with a qualifier and a note, Chinese names as keys, full-width `"５.５％"`, `"1,080,000万元"` for 亿元,
`"15000人"` for 万人, `"6.5%以上"`, `"1,320户"`, `同比持平`, trailing comments, a `previous:` section). The figures
are plausible for a county-level unit: district targets are met by most units and missed, now and then, by a
small margin (about one unit in five misses one; half of those carry a deviation that acknowledges it, expiring at
the end of the plan year). The same seed and N always give the same bytes.

    python national.py OUT_DIR N        # writes OUT_DIR/pack/ and OUT_DIR/submissions/
"""
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402
import yaml  # noqa: E402

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same data, faster when PyYAML has its C loader

PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
             "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"]
# Suffixes of a prefecture's units: districts (urban), counties and county-level cities (county).
SUFFIXES = ([(f"{n:02d}", "urban", "区", "District") for n in range(2, 12)]
            + [(f"{n:02d}", "county", "县", "County") for n in range(21, 29)]
            + [(f"{n:02d}", "county", "市", "City") for n in range(81, 84)])
# The day `plancheck check` is told it is (`--today`), so that deviations' expiry does not depend on the clock.
TODAY = "2025-03-01"
FAIL = 0.007          # chance that a unit misses one given district target
DEVIATION = 0.5       # chance that a unit which misses a target declares a deviation for it

# Typical figures of one county-level unit, by catalogue unit: (low, high, decimals).
TYPICAL = {
    "%": (3.0, 12.0, 1), "亿元": (5.0, 300.0, 1), "万人": (0.2, 3.0, 2), "人": (20, 5000, 0), "万亩": (0.0, 120.0, 1),
    "公里": (1, 120, 0), "平方公里": (0.1, 5.0, 1), "万平方米": (0.5, 30.0, 1), "万千瓦": (5, 80, 0),
    "亿斤": (0.2, 12.0, 1), "万吨": (1.0, 60.0, 1), "万单": (1, 100, 0), "亿人次": (0.01, 0.5, 2),
    "万户": (0.05, 1.0, 2), "万株": (0.5, 20.0, 1), "P": (10, 500, 0), "TB": (50, 2000, 0), "个": (1, 60, 0),
    "户": (5, 800, 0), "家": (1, 40, 0), "条": (1, 20, 0), "项": (1, 30, 0), "场": (2, 120, 0), "套": (10, 400, 0),
    "座": (1, 20, 0), "宗": (5, 300, 0),
}
# Farm figures an urban district often reports as 0 (Examples: `grain_sown_area: 0万亩  # 无耕地 no farmland`).
FARM_UNITS = ("万亩", "亿斤", "万吨")
FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")
NOTES = corpus.NOTES
HEADER = ("# 示例数据（虚构，仅供演示），不是真实数据。全国规模基准：每个报送单位一份。\n"
          "# Generated benchmark data, not real data: one submission per reporting unit.\n")
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
QUANTITY = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(.*?)\s*$")
CODE = re.compile(r'"(\d{6})"')
RELATIONS = ("at_least", "more_than", "at_most", "less_than", "equals", "about", "decrease_at_least", "in_step_with")


def units(count):
    """`count` units: dicts with code, zh, en, kind. Enough prefectures per province that 31 provinces hold them."""
    per_province = -(-count // (len(PROVINCES) * len(SUFFIXES)))
    result = []
    for province in PROVINCES:
        for prefecture in range(1, per_province + 1):
            for suffix, kind, zh, en in SUFFIXES:
                if len(result) == count:
                    return result
                n = len(result) + 1
                result.append({"code": f"{province}{prefecture:02d}{suffix}", "zh": f"第{n:05d}{zh}",
                               "en": f"Unit {n:05d} {en}", "kind": kind})
    return result


def load_pack(pack_dir):
    """(pack.yml, the catalogue, the rules) as `corpus.load_pack` reads them."""
    def load(name):
        with open(os.path.join(pack_dir, name), encoding="utf-8") as f:
            return yaml.load(f, Loader=LOADER)
    pack = load("pack.yml")
    rules = [rule for include in pack["include"] if include.startswith("rules/") for rule in load(include)["rules"]]
    return pack, load("indicators.yml")["indicators"], rules


def code_mapping(source_pack, generated):
    """Each code of the source registry -> a generated unit of the same kind; each retired code -> an unused code."""
    mapping, used = {}, set()
    for district in source_pack["districts"]:
        unit = next((u for u in generated if u["kind"] == district["kind"] and u["code"] not in used), None)
        if unit is None:
            raise ValueError(f"{len(generated)} units hold no unused unit of kind {district['kind']}")
        used.add(unit["code"])
        mapping[district["code"]] = unit["code"]
    taken = {u["code"] for u in generated}
    spare = (f"{p}0{n}" for p in (u["code"][:4] for u in generated) for n in range(90, 100))
    for retired in source_pack.get("retired_codes") or []:
        code = next(c for c in spare if c not in taken)
        taken.add(code)
        mapping[retired["code"]] = code
    return mapping


def _flow(value):
    """A YAML flow scalar or collection: JSON, which YAML reads the same way (dates become quoted text)."""
    return json.dumps(value, ensure_ascii=False, default=str)


def write_pack(pack_dir, count, source_dir):
    """The generated pack in `pack_dir`; returns (pack.yml's data, the catalogue, the rules, the code mapping)."""
    source, indicators, rules = load_pack(source_dir)
    generated = units(count)
    mapping = code_mapping(source, generated)
    # Units that took over a source district with former names get synthetic former names too.
    former = {mapping[d["code"]]: d["former_names"] for d in source["districts"] if d.get("former_names")}
    os.makedirs(os.path.join(pack_dir, "rules"), exist_ok=True)
    pack_id = f"national-{count}"
    lines = [f"# Generated by Benchmarks/python/national.py: the rules of {source['id']} over {count:,} generated "
             "reporting units.\n", "# Benchmark data, not a real plan's registry.\n"]
    for key, value in source.items():
        if key == "id":
            lines.append(f"id: {pack_id}\n")
        elif key == "title":
            lines.append("title: " + _flow({
                "zh": f"全国规模基准规则包（{count}个报送单位，规则取自{source['title']['zh']}）",
                "en": f"National-scale benchmark pack ({count:,} reporting units; rules of the {source['title']['en']})",
            }) + "\n")
        elif key == "documentation":
            continue  # the source pack's reference does not describe this registry
        elif key == "scenarios":
            continue  # the source pack's own tests (`plancheck rules test`) name its districts, not these units
        elif key == "districts":
            lines.append("districts:\n")
            for unit in generated:
                entry = dict(unit)
                if unit["code"] in former:
                    entry["former_names"] = [{"zh": f"原{unit['zh']}", "en": f"former {unit['en']}"}
                                             for _ in former[unit["code"]][:1]]
                lines.append("  - " + _flow(entry) + "\n")
        elif key == "retired_codes":
            lines.append("retired_codes:\n")
            for retired in value:
                replaced = retired.get("replaced_by")
                entry = {"code": mapping[retired["code"]], "zh": f"原{retired['zh']}（已撤销）",
                         "en": f"Former {retired.get('en', retired['zh'])} (abolished)"}
                if replaced:
                    entry["replaced_by"] = mapping[replaced]
                lines.append("  - " + _flow(entry) + "\n")
        elif isinstance(value, dict) and key in ("city", "plan", "defaults"):
            lines.append(f"{key}:\n")
            lines += [f"  {k}: {_flow(v)}\n" for k, v in value.items()]
        elif isinstance(value, list) and key in ("include", "district_kinds", "languages"):
            lines.append(f"{key}:\n")
            lines += [f"  - {_flow(v)}\n" for v in value]
        else:
            lines.append(f"{key}: {_flow(value)}\n")
    with open(os.path.join(pack_dir, "pack.yml"), "w", encoding="utf-8") as f:
        f.write("".join(lines))
    # Included files: copied, with the district codes they name (always quoted, per the format) mapped.
    for include in source["include"]:
        with open(os.path.join(source_dir, include), encoding="utf-8") as f:
            text = f.read()
        text = CODE.sub(lambda m: '"' + mapping.get(m.group(1), m.group(1)) + '"', text)
        os.makedirs(os.path.dirname(os.path.join(pack_dir, include)), exist_ok=True)
        with open(os.path.join(pack_dir, include), "w", encoding="utf-8") as f:
            f.write(text)
    # The rules as the generated pack has them: the codes they name mapped.
    mapped = [dict(rule, applies_to={"districts": [mapping.get(c, c) for c in rule["applies_to"]["districts"]]})
              if "districts" in (rule.get("applies_to") or {}) else rule for rule in rules]
    written = dict(source, id=pack_id, districts=generated)
    return written, indicators, mapped, mapping


# Figures

def _number(text):
    """The number and unit text of a rule's operand such as `5.5%`, `0亿元`, `60万千瓦` or 0."""
    match = QUANTITY.match(str(text))
    if not match:
        return None, None
    return float(match.group(1)), match.group(2)


def applies(rule, unit):
    applies_to = rule.get("applies_to") or {}
    if "kinds" in applies_to:
        return unit["kind"] in applies_to["kinds"]
    if "districts" in applies_to:
        return unit["code"] in applies_to["districts"]
    return True


class Plan:
    """What the pack asks of each kind of unit: the district targets per indicator and the indicators city rules add
    up."""

    def __init__(self, pack, indicators, rules):
        self.pack, self.indicators, self.rules = pack, indicators, rules
        self.city = {k: _number(v)[0] for k, v in (pack.get("city") or {}).items()}
        self.district_rules = [r for r in rules if r.get("scope") == "district" and "value" in r.get("check", {})]
        self.city_rules = [r for r in rules if r.get("scope") == "city" and "value" in r.get("check", {})]
        self.share_floor = {}   # part key -> (whole key, lowest share in %) from share(a, b) / share(sum(a), sum(b))
        for rule in self.district_rules + self.city_rules:
            check = rule["check"]
            match = re.fullmatch(r"share\((?:sum\()?(\w+)\)?,\s*(?:sum\()?(\w+)\)?\)", str(check["value"]).strip())
            if match and "at_least" in check:
                self.share_floor[match.group(1)] = (match.group(2), _number(check["at_least"])[0])
        # Units a rule names by code; every other unit's targets depend on its kind only (cached per kind).
        self.named = {code for r in rules for code in (r.get("applies_to") or {}).get("districts") or []}
        self._summed, self._targets = {}, {}
        # A unit's typical share of a city total: the source plan's total over its 13 districts.
        self.typical_share = {}
        for rule in self.city_rules:
            check = rule["check"]
            match = re.fullmatch(r"sum\((\w+)\)", str(check["value"]).strip())
            written = check.get("at_least", check.get("more_than"))
            if match and written is not None and match.group(1) in indicators:
                total = _in_unit(written, indicators[match.group(1)]["unit"])
                if total is not None:
                    self.typical_share[match.group(1)] = total / SOURCE_DISTRICTS

    def _cache_key(self, unit):
        return unit["kind"], unit["code"] if unit["code"] in self.named else None

    def summed(self, unit):
        """Indicators the city rules applying to `unit` aggregate: the unit must report them all."""
        cache = self._cache_key(unit)
        if cache in self._summed:
            return self._summed[cache]
        keys = self._summed[cache] = set()
        for rule in self.city_rules:
            if applies(rule, unit):
                keys |= {k for k in IDENT.findall(str(rule["check"]["value"])) if k in self.indicators}
        return keys

    def targets(self, unit):
        """key -> [(rule id, relation, operand, check)] for the district rules applying to `unit` whose value is one
        key."""
        cache = self._cache_key(unit)
        if cache in self._targets:
            return self._targets[cache]
        result = self._targets[cache] = {}
        for rule in self.district_rules:
            check = rule["check"]
            key = str(check["value"]).strip()
            if key not in self.indicators or not applies(rule, unit):
                continue
            for relation in RELATIONS:
                if relation in check:
                    result.setdefault(key, []).append((rule["id"], relation, check[relation], check))
        return result


def _operand(plan, written, values):
    """A rule operand in the indicator's unit: a quantity, city.KEY or another indicator the unit reports."""
    text = str(written).strip()
    if text.startswith("city."):
        return plan.city.get(text[len("city."):])
    if text in values:
        return values[text]
    return _number(text)[0]


MAGNITUDES = (("万亿", 12), ("亿", 8), ("万", 4))
SOURCE_DISTRICTS = 13  # the source plan's city totals are over 13 districts


def _magnitude(unit_text):
    for prefix, exponent in MAGNITUDES:
        if unit_text.startswith(prefix) and len(unit_text) > len(prefix):
            return unit_text[len(prefix):], exponent
    return unit_text, 0


def _in_unit(written, catalogue_unit):
    """A quantity such as `5.5万亿元` in the catalogue unit (亿元: 55000), or None when the units differ in base."""
    number, unit_text = _number(written)
    if number is None:
        return None
    if not unit_text or unit_text == catalogue_unit:
        return number
    base, exponent = _magnitude(unit_text)
    target_base, target_exponent = _magnitude(catalogue_unit)
    if base != target_base:
        return None
    return number * 10.0 ** (exponent - target_exponent)


def _typical(rng, unit, spec, key, plan=None):
    low, high, decimals = TYPICAL.get(spec["unit"], (1, 400, 0))
    if plan is not None and key in plan.typical_share:
        # A figure a city total adds up: about the source plan's total over its districts.
        share = plan.typical_share[key]
        low, high = share * 0.5, share * 1.8
    if key.endswith("_change") or "decrease" in key:
        low, high = -6.0, -1.0
    if spec.get("kind") == "share":
        low, high = 60.0, 99.0
    if unit["kind"] == "urban" and spec["unit"] in FARM_UNITS:
        if rng.random() < 0.4:
            return 0.0, decimals
        low, high = low, high / 8
    return round(rng.uniform(low, high), decimals), decimals


def _tolerance(plan, relation, check, operand):
    """The tolerance a result within which is not a failure (the pack's default for `about`)."""
    tolerance = check.get("tolerance")
    if tolerance is None and relation == "about":
        defaults = (plan.pack.get("defaults") or {}).get("about_tolerance") or {}
        tolerance = defaults.get("percent") if "%" in str(check["about"]) else defaults.get("other")
    if not tolerance:
        return 0.0
    if "points" in tolerance:
        return float(tolerance["points"])
    if "relative" in tolerance:
        return abs(operand) * _number(tolerance["relative"])[0] / 100
    if "absolute" in tolerance:
        return _number(tolerance["absolute"])[0]
    return 0.0


def _violated(value, relation, operand, tolerance, step):
    if relation in ("at_least", "about", "in_step_with"):
        return value < operand - tolerance
    if relation == "more_than":
        return value <= operand - tolerance
    if relation == "at_most":
        return value > operand + tolerance
    if relation == "less_than":
        return value >= operand + tolerance
    if relation == "decrease_at_least":
        return value > -operand + tolerance
    if relation == "equals":
        return abs(value - operand) > tolerance
    return False


def _figure(rng, plan, unit, key, values, failures):
    """The unit's figure for `key` in the catalogue unit, meeting the district targets unless it misses them on
    purpose; the rules it then fails (beyond their tolerance) are added to `failures`."""
    spec = plan.indicators[key]
    value, decimals = _typical(rng, unit, spec, key, plan)
    step = 10.0 ** -decimals
    percent = spec["unit"] == "%"
    targets = []
    for rule_id, relation, written, check in plan.targets(unit).get(key, []):
        operand = _operand(plan, written, values)
        if operand is not None:
            targets.append((rule_id, relation, operand, _tolerance(plan, relation, check, operand)))
    if not targets:
        return value, decimals
    low = high = exact = None
    for _, relation, operand, _ in targets:
        if relation in ("at_least", "about", "in_step_with", "more_than"):
            bound = operand + (step if relation == "more_than" else 0)
            low = bound if low is None else max(low, bound)
        elif relation in ("at_most", "less_than", "decrease_at_least"):
            bound = {"at_most": operand, "less_than": operand - step, "decrease_at_least": -operand}[relation]
            high = bound if high is None else min(high, bound)
        elif relation == "equals":
            exact = operand
    spread = 3.0 if percent else max(1.0, (low or 0) * 0.3)
    if exact is not None:
        value = exact
    elif low is not None:
        value = round(low + round(rng.uniform(0, spread), decimals), decimals)
        if spec.get("kind") == "share" and low <= 100.0:
            value = min(value, 100.0)
    elif high is not None:
        value = round(high - round(rng.uniform(0, spread), decimals), decimals) if percent else max(0.0, min(value, high))
    if rng.random() < FAIL * len(targets):
        # A miss by more than the rules' usual tolerance (0.5 percentage points), as in the Examples.
        gap = rng.uniform(0.6, 1.5) if percent else max(step, abs(low or high or 10) * rng.uniform(0.05, 0.2))
        if exact is not None:
            value = exact + rng.randint(1, 3)
        elif low is not None:
            value = 0.0 if percent and spec.get("kind") == "growth" and rng.random() < 0.15 else low - gap
        else:
            value = high + gap
        value = round(value, decimals)
        failures += [rule_id for rule_id, relation, operand, tolerance in targets
                     if _violated(value, relation, operand, tolerance, step)]
    return value, decimals


def _digits(value, decimals):
    return "0" if value == 0 else f"{value:.{decimals}f}"


def _grouped(number):
    return f"{number:,}"


def figure_text(rng, key, spec, value, decimals):
    """How an officer types the figure (the styles of Examples/shenyang-2025)."""
    unit = spec["unit"]
    number = _digits(value, decimals)
    roll = rng.random()
    quoted = False
    if unit == "%" and value == 0 and roll < 0.5:
        return "同比持平"
    if unit == "亿元" and roll < 0.08:
        text, quoted = _grouped(round(value * 10000)) + "万元", True        # "1,080,000万元"
    elif unit == "万人" and roll < 0.3:
        text, quoted = str(round(value * 10000)) + "人", True               # "15000人"
    elif unit != "%" and value >= 1000 and decimals == 0 and roll < 0.5:
        text, quoted = _grouped(int(value)) + unit, True                   # "1,320户"
    elif unit != "%" and roll < 0.05:
        text = number                                                      # a bare number takes the catalogue unit
    else:
        text = number + unit
    if unit == "%" and spec.get("kind") == "growth" and value > 0 and rng.random() < 0.03:
        text, quoted = text + "以上", True                                  # "6.5%以上"
    elif rng.random() < 0.015:
        text, quoted = text.translate(FULL_WIDTH), True                    # "５.５％", pasted from Word
    if text.startswith("-"):
        quoted = True                                                      # "-2.6%"
    if quoted:
        text = f'"{text}"'
    if rng.random() < 0.06 and not text.endswith('以上"'):
        return "{value: %s, qualifier: %s, note: %s}" % (text, rng.choice(["以上", "左右"]), rng.choice(NOTES))
    return text


def submission(rng, plan, unit, pack_id, year):
    """One unit's submission text."""
    indicators = plan.indicators
    summed = plan.summed(unit)
    targeted = plan.targets(unit)
    keys = []
    for key, spec in indicators.items():
        required = unit["kind"] in (spec.get("required_for") or [])
        if required or key in summed or key in targeted:
            keys.append(key)
        elif rng.random() < 0.2:
            keys.append(key)
    # Wholes before parts (livelihood_spending is a share of general_budget_spending), targets' operands first.
    order = {k: i for i, k in enumerate(indicators)}
    keys.sort(key=lambda k: (k in plan.share_floor, order[k]))
    values, failures, lines = {}, [], []
    for key in keys:
        spec = indicators[key]
        if key in plan.share_floor and plan.share_floor[key][0] in values:
            whole, floor = plan.share_floor[key]
            _, decimals = _typical(rng, unit, spec, key, plan)
            miss = rng.random() < FAIL
            ratio = rng.uniform(floor - 8, floor - 2) if miss else rng.uniform(floor + 1.5, floor + 8)
            value = round(values[whole] * min(ratio, 99.0) / 100, decimals)
            if miss:
                failures += [r["id"] for r in plan.district_rules
                             if key in str(r["check"]["value"]) and applies(r, unit)][:1]
        else:
            value, decimals = _figure(rng, plan, unit, key, values, failures)
        values[key] = value
        written = spec["zh"] if rng.random() < 0.05 else key
        comment = "  # " + rng.choice(NOTES) if rng.random() < 0.08 else ""
        if value == 0 and spec["unit"] in FARM_UNITS and rng.random() < 0.5:
            comment = "  # 无耕地 no farmland"
        lines.append((order[key], f"  {written}: {figure_text(rng, key, spec, value, decimals)}{comment}\n"))
    lines.sort()
    text = [HEADER, "submission:\n", f'  district: "{unit["code"]}"\n', f"  name: {unit['zh']}\n",
            f"  year: {year}\n", f"  pack: {pack_id}\n", f"  prepared_by: {unit['zh']}发展和改革局\n",
            "indicators:\n", *(line for _, line in lines)]
    growth = [k for k in keys if indicators[k]["unit"] == "%" and indicators[k].get("kind") == "growth"]
    if growth:
        text.append("previous:\n")
        for key in rng.sample(growth, k=min(len(growth), rng.randint(2, 6))):
            value, decimals = _typical(rng, unit, indicators[key], key)
            text.append(f"  {key}: {figure_text(rng, key, indicators[key], value, decimals)}\n")
    if failures and rng.random() < DEVIATION:
        text += ["deviations:\n", f"  - rule: {failures[0]}\n", "    reason: 产业深度调整，相关指标增速低于计划目标\n",
                 "    approved_by: 发展和改革委员会\n", f"    document: 发改发〔{year}〕{rng.randint(1, 99)}号\n",
                 f"    expires: {year}-12-31\n"]
    return "".join(text)


def write_submissions(out_dir, pack, indicators, rules, seed=2025):
    """One submission per unit of `pack`, under out_dir/<province>/<code>.yml. Returns the total size in bytes."""
    plan = Plan(pack, indicators, rules)
    rng = random.Random(seed)
    total = 0
    for unit in pack["districts"]:
        folder = os.path.join(out_dir, unit["code"][:2])
        os.makedirs(folder, exist_ok=True)
        text = submission(rng, plan, unit, pack["id"], pack["plan"]["year"]).encode("utf-8")
        with open(os.path.join(folder, f"{unit['code']}.yml"), "wb") as f:
            f.write(text)
        total += len(text)
    return total


def write_corpus(out_dir, count, source_dir, seed=2025):
    """out_dir/pack (the generated pack) and out_dir/submissions (one file per unit). Returns (pack dir, submissions
    dir)."""
    pack_dir = os.path.join(out_dir, "pack")
    submissions_dir = os.path.join(out_dir, "submissions")
    pack, indicators, rules, _ = write_pack(pack_dir, count, source_dir)
    write_submissions(submissions_dir, pack, indicators, rules, seed)
    return pack_dir, submissions_dir


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    print(write_corpus(sys.argv[1], int(sys.argv[2]), os.path.join(root, "Rules", "shenyang-2025")))
