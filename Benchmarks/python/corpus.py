"""Deterministic corpora of district submissions for the benchmark.

Every file is a plausible submission for one of the default pack's districts, generated from the pack's own
catalogue (Rules/shenyang-2025), so the corpus follows the catalogue when the pack changes. The same seed always
gives the same bytes: the generator uses its own random.Random and never the clock.

Shapes:
- many files: each folder `bNNNNN/` holds one batch of the 13 districts (the way a year's submissions arrive);
  a corpus of N files is N/13 such batches checked together, so district codes repeat across batches;
- one very large file: see `write_large`.
"""
import os
import random

import yaml

# What a district office writes around the number, by catalogue unit: (scale, decimals) of typical values.
TYPICAL = {
    "%": (4.0, 12.0, 1), "亿元": (10.0, 800.0, 1), "万人": (0.2, 5.0, 2), "人": (100, 20000, 0),
    "万亩": (0.0, 80.0, 1), "公里": (1, 120, 0), "平方公里": (1, 50, 1),
}
HEADER_COMMENTS = [
    "# 示例数据（虚构，仅供演示），不是真实数据。\n# Generated benchmark data, not real data.\n",
]
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
NOTES = ["含重大项目", "按可比价格计算", "预计数", "统计口径调整", "含新建续建项目", "初步测算"]


def load_pack(pack_dir):
    with open(os.path.join(pack_dir, "pack.yml"), encoding="utf-8") as f:
        pack = yaml.safe_load(f)
    with open(os.path.join(pack_dir, "indicators.yml"), encoding="utf-8") as f:
        indicators = yaml.safe_load(f)["indicators"]
    rules = []
    for include in pack["include"]:
        if include.startswith("rules/"):
            with open(os.path.join(pack_dir, include), encoding="utf-8") as f:
                rules += yaml.safe_load(f)["rules"]
    return pack, indicators, rules


def _bound(text, unit):
    """The number of a `plausible:` bound such as `60个`, `-30%` or `0`, when it is in the catalogue unit."""
    text = str(text)
    number = text.rstrip("".join(ch for ch in text if not (ch.isdigit() or ch in ".-")))
    if not number or text[len(number):] not in ("", unit):
        return None
    return float(number)


def _number(rng, unit, kind, key, plausible=None):
    low, high, decimals = TYPICAL.get(unit, (1, 400, 0))
    if key.endswith("_change") or "decrease" in key or "intensity" in key:
        low, high = -6.0, -1.0
    # Within the indicator's plausible range, when the pack declares one: a figure outside it is a warning (PC026),
    # one of the mistakes an officer makes now and then, not in every file.
    least, most = (_bound(plausible.get(side), unit) if plausible and side in plausible else None
                   for side in ("min", "max"))
    if least is not None:
        low = max(low, least)
    if most is not None:
        high = min(high, most)
    if low > high:
        low, high = (least, least) if least is not None and least > high else (most, most)
    value = rng.uniform(low, high)
    return f"{value:.{decimals}f}" if decimals else str(int(round(value)))


def figure_text(rng, key, spec):
    """One figure as an officer types it: mostly `5.6%` or `120个`, sometimes a bare number, a converted unit,
    full-width digits or the long form."""
    unit = spec["unit"]
    number = _number(rng, unit, spec.get("kind"), key, spec.get("plausible"))
    roll = rng.random()
    if unit == "人" and roll < 0.3:
        text = f"{float(number) / 10000:.2f}万人"
    elif unit == "亿元" and roll < 0.1:
        text = f"{float(number) * 10000:.0f}万元"
    elif roll < 0.12:
        text = number  # a bare number takes the catalogue unit
    else:
        text = number + unit
    if rng.random() < 0.02:
        text = text.translate(FULL_WIDTH)
    if text.startswith("-"):
        text = '"' + text + '"'
    if rng.random() < 0.08:
        qualifier = rng.choice(["以上", "左右"])
        return "{value: %s, qualifier: %s, note: %s}" % (text, qualifier, rng.choice(NOTES))
    return text


def submission(rng, district, indicators, rules, pack_year):
    kind = district["kind"]
    lines = [rng.choice(HEADER_COMMENTS)]
    lines.append("submission:\n")
    lines.append(f'  district: "{district["code"]}"\n')
    lines.append(f'  name: {district["zh"]}\n')
    lines.append(f"  year: {pack_year}\n")
    lines.append("  pack: shenyang-2025\n")
    lines.append(f'  prepared_by: {district["zh"]}发展和改革局\n')
    lines.append("indicators:\n")
    keys = []
    for key, spec in indicators.items():
        required = kind in (spec.get("required_for") or [])
        if required or rng.random() < 0.45:
            keys.append(key)
    for key in keys:
        spec = indicators[key]
        written = spec["zh"] if rng.random() < 0.05 else key
        comment = "  # " + rng.choice(NOTES) if rng.random() < 0.1 else ""
        lines.append(f"  {written}: {figure_text(rng, key, spec)}{comment}\n")
    if rng.random() < 0.01:
        lines.append("  gdp_growht: 5.6%\n")  # a typo: an unknown indicator with a suggestion
    growth = [k for k in keys if indicators[k]["unit"] == "%"]
    if growth:
        lines.append("previous:\n")
        for key in rng.sample(growth, k=min(len(growth), rng.randint(2, 8))):
            lines.append(f"  {key}: {figure_text(rng, key, indicators[key])}\n")
    if rng.random() < 0.1:
        district_rules = [r["id"] for r in rules if r.get("scope") == "district"]
        lines.append("deviations:\n")
        lines.append(f"  - rule: {rng.choice(district_rules)}\n")
        lines.append("    reason: 产业深度调整，相关指标增速低于全市目标\n")
        lines.append("    approved_by: 沈阳市发展和改革委员会\n")
        lines.append("    document: 沈发改发〔2025〕12号\n")
        lines.append("    expires: 2026-12-31\n")
    return "".join(lines)


def write_many(out_dir, count, pack_dir, seed=2025):
    """`count` files in batches of one file per district. Returns the total size in bytes."""
    pack, indicators, rules = load_pack(pack_dir)
    districts = pack["districts"]
    rng = random.Random(seed)
    total = 0
    for index in range(count):
        batch, member = divmod(index, len(districts))
        district = districts[member]
        folder = os.path.join(out_dir, f"b{batch:05d}")
        os.makedirs(folder, exist_ok=True)
        text = submission(rng, district, indicators, rules, pack["plan"]["year"]).encode("utf-8")
        with open(os.path.join(folder, f'{district["code"]}.yml'), "wb") as f:
            f.write(text)
        total += len(text)
    return total


def write_large(path, megabytes, pack_dir, seed=2025):
    """One very large submission.

    A submission is one district's figures, and the catalogue bounds how many figures there can be (140
    indicators, each also under `previous:`), so a file does not grow by structure: it grows by text. The large
    file is therefore what an office produces when it pastes its explanations from a Word document into the
    long form: every indicator and previous-year figure as `{value, qualifier, note, source}` with `note` a
    literal block of many lines of explanatory prose, padded to the requested size. It is a valid submission, and
    every byte of it goes through the YAML scanner.
    """
    pack, indicators, rules = load_pack(pack_dir)
    district = pack["districts"][0]
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    keys = list(indicators)
    figures = 2 * len(keys)
    per_note = max(200, target // figures)
    sentence = ("本区坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动经济实现质的有效提升和量的合理增长，"
                "该指标测算依据为统计部门快报数与重点项目储备清单。").encode("utf-8")
    lines = ["# Generated benchmark data, not real data: one very large submission.\n", "submission:\n",
             f'  district: "{district["code"]}"\n', f'  name: {district["zh"]}\n',
             f'  year: {pack["plan"]["year"]}\n', "  pack: shenyang-2025\n"]

    def section(name):
        lines.append(f"{name}:\n")
        for key in keys:
            spec = indicators[key]
            number = figure_text(random.Random(rng.random()), key, spec)
            if number.startswith("{"):
                number = number[len("{value: "):].split(",")[0]
            lines.append(f"  {key}:\n    value: {number}\n    qualifier: 以上\n    source: 区统计局快报\n"
                         "    note: |\n")
            written = 0
            while written < per_note:
                line = "      " + sentence.decode("utf-8") + f"（第{written // len(sentence) + 1}段）\n"
                lines.append(line)
                written += len(line.encode("utf-8"))

    section("indicators")
    section("previous")
    text = "".join(lines).encode("utf-8")
    with open(path, "wb") as f:
        f.write(text)
    return len(text)
