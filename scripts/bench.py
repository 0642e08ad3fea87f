#!/usr/bin/env python3
"""The performance benchmark (docs/performance.md): generates the corpora, runs every tool on each, prints the table
and the targets' ratios, all measured in the same run.

    scripts/bench.sh [options]          # sets up .venv-bench and the release build, then runs this
    scripts/bench.py [options]          # when both are already there

Options:
    --runs N          timed runs per tool and corpus (default 5; slow runs are repeated fewer times, see --budget)
    --budget S        stop repeating a tool on a corpus once its runs have taken S seconds (default 60)
    --corpora LIST    comma-separated (default 1,1000,10000,large5,large,national1000,national10000):
                        N           N files in batches of the default pack's 13 districts (codes repeat)
                        large       one large file of --large-mb MiB; largeN: of N MiB
                        nationalN   N distinct reporting units, one file each, with a generated pack of N units
    --large-mb N      size of `large` in MiB (default 50)
    --tools LIST      comma-separated subset of: parse,parse2,plancheck,version,pyyaml,yamale,jsonschema
                      (`version` is `plancheck --version`, measured on one-file corpora only)
    --plancheck BIN   the plancheck binary to measure (default .build/release/plancheck), e.g. an older build
    --write-doc       replace the figures in docs/performance.md (between the bench markers; with --callgrind,
                      between the callgrind markers)
    --callgrind       instead of timing: count instructions under `valgrind --tool=callgrind` (plancheck with
                      --jobs 1, the parse-only baseline on 1 thread, `plancheck --version` on one-file corpora)
                      and print total instructions (Ir) and Ir per file, e.g.
                      --callgrind --corpora 1,1000,national1000 --tools parse,plancheck,version
    --verify          before measuring, lint each generated pack and check each corpus once (JSON report): no
                      lint finding, no duplicate submission (PC034), no rule left not evaluated, no unit missing
Corpora go to bench-out/corpora (ignored by git) and are regenerated when their generator or the pack changes.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks", "python"))
import corpus  # noqa: E402
import make_schemas  # noqa: E402
import national  # noqa: E402

PACK = os.path.join(ROOT, "Rules", "shenyang-2025")
OUT = os.path.join(ROOT, "bench-out")
VENV_BIN = os.path.join(ROOT, ".venv-bench", "bin")
RELEASE = os.path.join(ROOT, ".build", "release")
DOC = os.path.join(ROOT, "docs", "performance.md")
PLANCHECK = os.path.join(RELEASE, "plancheck")
TIME = "/usr/bin/time"  # GNU time (Debian package `time`)
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
CALLGRIND_BEGIN, CALLGRIND_END = "<!-- callgrind:begin -->", "<!-- callgrind:end -->"
DEFAULT_CORPORA = "1,1000,10000,large5,large,national1000,national10000"

TOOLS = {
    "parse": "(a) parse only: libyaml events, 1 thread",
    "parse2": "(a2) parse only: libyaml events, 2 threads",
    "plancheck": "(b) plancheck check (release)",
    "version": "(v) plancheck --version: process start-up only",
    "pyyaml": "(c1) Python hand check, PyYAML CSafeLoader",
    "yamale": "(c2) yamale -n 2, equivalent schema",
    "jsonschema": "(c3) check-jsonschema, equivalent schema",
}


class Corpus:
    """One corpus: its label in the table, the path the tools read, its files and bytes, the pack it is checked
    against (None: the built-in pack), its family (corpora of one family differ only in size), its count of files."""

    def __init__(self, name, label, path, pack, family, count):
        self.name, self.label, self.path, self.pack, self.family, self.count = name, label, path, pack, family, count
        self.files, self.bytes = 0, 0
        if os.path.isdir(path):
            for folder, _, entries in os.walk(path):
                for entry in entries:
                    if entry.endswith((".yml", ".yaml")):
                        self.files += 1
                        self.bytes += os.path.getsize(os.path.join(folder, entry))
        else:
            self.files, self.bytes = 1, os.path.getsize(path)

    @property
    def schemas(self):
        """The yamale and JSON Schema files for this corpus's pack."""
        if self.pack is None:
            return os.path.join(ROOT, "Benchmarks", "schemas")
        return os.path.join(os.path.dirname(self.pack), "schemas")


def generator_stamp(generators):
    digest = hashlib.sha256()
    for name in generators:
        with open(os.path.join(ROOT, "Benchmarks", "python", name), "rb") as f:
            digest.update(f.read())
    for folder, _, names in sorted(os.walk(PACK)):
        for name in sorted(names):
            with open(os.path.join(folder, name), "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:16]


def prepare_corpora(names, large_mb):
    """Returns [Corpus], generating what is missing or stale."""
    base = os.path.join(OUT, "corpora")
    result = []
    for name in names:
        if name.startswith("large"):
            size_mb = int(name[len("large"):] or large_mb)
            target = os.path.join(base, f"large-{size_mb}mb.yml")
            label, family, count, generators = f"1 file of {size_mb} MiB", "large", 1, ("corpus.py",)
        elif name.startswith("national"):
            count = int(name[len("national"):])
            target = os.path.join(base, f"national-{count}")
            label, family, generators = f"national, {count:,} units", "national", ("corpus.py", "national.py",
                                                                                    "make_schemas.py")
        else:
            count = int(name)
            target = os.path.join(base, f"files-{count}")
            label, family, generators = f"{count:,} file" + ("s" if count != 1 else ""), "files", ("corpus.py",)
        stamp = generator_stamp(generators)
        marker = target + ".stamp"
        fresh = os.path.exists(marker) and open(marker).read() == stamp
        if not fresh:
            print(f"generating {label} …", file=sys.stderr, flush=True)
            if os.path.isdir(target):
                shutil.rmtree(target)
            os.makedirs(base, exist_ok=True)
            if family == "large":
                corpus.write_large(target, size_mb, PACK)
            elif family == "national":
                pack_dir, _ = national.write_corpus(target, count, PACK)
                make_schemas.main(pack_dir, os.path.join(target, "schemas"))
            else:
                corpus.write_many(target, count, PACK)
            with open(marker, "w") as f:
                f.write(stamp)
        if family == "national":
            result.append(Corpus(name, label, os.path.join(target, "submissions"), os.path.join(target, "pack"),
                                 family, count))
        else:
            result.append(Corpus(name, label, target, None, family, count))
    return result


def yaml_files(path):
    if os.path.isfile(path):
        return [path]
    found = []
    for folder, dirs, names in os.walk(path):
        dirs.sort()
        found += [os.path.join(folder, n) for n in sorted(names) if n.endswith((".yml", ".yaml"))]
    return found


def command(tool, item, jobs=None):
    """The command line of `tool` on corpus `item`; `jobs` limits plancheck's workers (callgrind)."""
    python = os.path.join(VENV_BIN, "python")
    path = item.path
    if tool == "parse":
        return [os.path.join(RELEASE, "plancheck-parse-baseline"), path]
    if tool == "parse2":
        return [os.path.join(RELEASE, "plancheck-parse-baseline"), "--jobs", "2", path]
    if tool == "plancheck":
        argv = [PLANCHECK, "check"]
        if item.pack:
            # The generated pack; `--today` so that the deviations' expiry does not depend on the clock.
            argv += ["--rules", item.pack, "--today", national.TODAY]
        if jobs:
            argv += ["--jobs", str(jobs)]
        return argv + [path]
    if tool == "version":
        return [PLANCHECK, "--version"]
    if tool == "pyyaml":
        return [python, os.path.join(ROOT, "Benchmarks", "python", "handcheck.py"), "--pack", item.pack or PACK, path]
    if tool == "yamale":
        return [os.path.join(VENV_BIN, "yamale"), "-n", "2", "-s", os.path.join(item.schemas, "submission.yamale"),
                path]
    if tool == "jsonschema":
        return [os.path.join(VENV_BIN, "check-jsonschema"), "--schemafile",
                os.path.join(item.schemas, "submission.schema.json")] + yaml_files(path)
    raise ValueError(tool)


def applies(tool, item):
    """`plancheck --version` reads no input: it is the start-up baseline of the one-file corpus only."""
    return tool != "version" or (item.files == 1 and item.family != "large")


def run_once(argv):
    """Wall seconds and peak resident memory in KiB of one run.

    The peak comes from GNU time (`%M`), not from this process's wait4: Linux starts an exec'ed child's ru_maxrss at
    the size of the process that spawned it, which for a Python parent would hide every tool's real peak."""
    report = os.path.join(OUT, "time.txt")
    with open(os.path.join(OUT, "stderr.txt"), "w+b") as errors:
        start = time.perf_counter()
        process = subprocess.run([TIME, "-f", "%M", "-o", report, *argv], stdout=subprocess.DEVNULL, stderr=errors)
        wall = time.perf_counter() - start
        # Checkers exit 1 when they find problems, and the corpora contain some on purpose.
        if process.returncode not in (0, 1):
            errors.seek(0)
            raise RuntimeError(f"{argv[0]} exited {process.returncode}: "
                               f"{errors.read().decode(errors='replace')[-500:]}")
    with open(report) as f:
        peak = int(f.read().split()[-1])
    return wall, peak


def measure(tools, item, runs, budget):
    """{tool: (wall seconds of each counted run, peak KiB)} for the tools on one corpus.

    The tools take turns, one run each (A B C A B C …), so that a change in the machine's speed during the
    measurement (other work on a shared machine) touches every tool alike and the ratios between them stay
    meaningful. Each tool's first run warms the page cache and the binary and is not counted, unless it is so slow
    (a Python tool on a large corpus) that warming is noise next to it and repeating it would blow the budget; a
    tool stops once it has its runs or its runs have taken `budget` seconds."""
    walls = {tool: [] for tool in tools}
    peaks = {tool: [] for tool in tools}
    spent = {tool: 0.0 for tool in tools}

    def once(tool):
        print(f"  {item.label}: {TOOLS[tool]} …", file=sys.stderr, flush=True)
        wall, peak = run_once(command(tool, item))
        return wall, peak

    def record(tool, wall, peak):
        walls[tool].append(wall)
        peaks[tool].append(peak)
        spent[tool] += wall

    for tool in tools:
        wall, peak = once(tool)
        if wall > 5.0:
            record(tool, wall, peak)
    while True:
        pending = [t for t in tools if len(walls[t]) < runs and (spent[t] < budget or not walls[t])]
        if not pending:
            break
        for tool in pending:
            record(tool, *once(tool))
    return {tool: (walls[tool], max(peaks[tool])) for tool in tools}


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def fmt_time(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def fmt_ratio(value):
    return f"{value:.2f}×" if value < 10 else f"{value:.1f}×"


def verdict(value, limit):
    return "yes" if value <= limit else "no"


def targets(rows, corpora):
    """The issue's targets, as ratios between figures of this run: a Markdown table (or no lines)."""
    by = {(row["corpus_name"], row["tool_id"]): row for row in rows}
    lines = []
    for item in corpora:
        whole, parse, start = (by.get((item.name, t)) for t in ("plancheck", "parse", "version"))
        if item.family != "large" and item.files == 1 and whole:
            measured = f"{fmt_time(whole['median'])}"
            if start:
                measured += (f"; `plancheck --version` {fmt_time(start['median'])}: "
                             f"{fmt_ratio(whole['median'] / start['median'])}")
            lines.append(f"| {item.label}: whole process, median (and ÷ `plancheck --version`) | < 30 ms | "
                         f"{measured} | {verdict(whole['median'], 0.030)} |")
        elif item.files > 1 and whole and parse:
            ratio = whole["median"] / parse["median"]
            goal = "≤ 1.5×" if item.count >= 10000 else "(≤ 1.5× at 10,000)"
            lines.append(f"| {item.label}: `plancheck check` ÷ parse-only (a), median wall time | {goal} | "
                         f"{fmt_time(whole['median'])} ÷ {fmt_time(parse['median'])} = {fmt_ratio(ratio)} | "
                         f"{verdict(ratio, 1.5) if item.count >= 10000 else '—'} |")
    families = {}
    for item in corpora:
        if item.family != "large" and item.files > 1 and (item.name, "plancheck") in by:
            families.setdefault(item.family, []).append(item)
    for members in families.values():
        members.sort(key=lambda m: m.count)
        small, big = members[0], members[-1]
        if big.count > small.count:
            a, b = by[(big.name, "plancheck")]["peak"], by[(small.name, "plancheck")]["peak"]
            lines.append(f"| peak memory of `plancheck check`: {big.label} ÷ {small.label} | ≤ 1.5× | "
                         f"{a / 1024:,.0f} MiB ÷ {b / 1024:,.0f} MiB = {fmt_ratio(a / b)} | {verdict(a / b, 1.5)} |")
    large = sorted((item for item in corpora if item.family == "large" and (item.name, "plancheck") in by),
                   key=lambda m: m.bytes)
    for item in large:
        whole, parse = by[(item.name, "plancheck")], by.get((item.name, "parse"))
        memory = whole["peak"] * 1024 / item.bytes
        measured = f"{fmt_time(whole['median'])}"
        if parse:
            measured += f" ({fmt_ratio(whole['median'] / parse['median'])} parse-only)"
        applies_here = item.bytes >= 50 * 2 ** 20  # below that, the process's own ≈ 18 MiB weighs on the ratio
        lines.append(f"| {item.label}: peak memory ÷ file size (time: {measured}) | "
                     f"{'< 10×' if applies_here else '(< 10× at 50 MiB)'} | "
                     f"{whole['peak'] / 1024:,.0f} MiB ÷ {item.bytes / 2 ** 20:,.1f} MiB = {fmt_ratio(memory)} | "
                     f"{verdict(memory, 10) if applies_here else '—'} |")
    if len(large) > 1:
        small, big = large[0], large[-1]
        per_small = by[(small.name, "plancheck")]["median"] / small.bytes
        per_big = by[(big.name, "plancheck")]["median"] / big.bytes
        lines.append(f"| linear time: `plancheck check`'s time per byte, {big.label} ÷ {small.label} | ≤ 1.2× "
                     f"(start-up makes the small file dearer per byte) | {fmt_ratio(per_big / per_small)} | "
                     f"{verdict(per_big / per_small, 1.2)} |")
    if not lines:
        return []
    return ["Targets (issue 7), as ratios between the figures above:", "",
            "| target | goal | measured | met? |", "|---|---|---|---|", *lines]


def replace_block(begin, end, block):
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    if begin not in text or end not in text:
        raise SystemExit(f"{DOC} has no {begin} … {end} markers")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(DOC, "w", encoding="utf-8") as f:
        f.write(head + begin + "\n" + block + "\n" + end + tail)
    print(f"wrote {os.path.relpath(DOC, ROOT)}", file=sys.stderr)


def verify(corpora):
    """Lints each generated pack and checks each corpus once; exits 2 when a corpus is not what it should be."""
    problems = []
    for item in corpora:
        if item.family == "large":
            continue
        if item.pack:
            lint = subprocess.run([PLANCHECK, "rules", "lint", "--rules", item.pack], capture_output=True, text=True)
            if lint.returncode != 0 or lint.stdout.strip():
                problems.append(f"{item.label}: `plancheck rules lint` exited {lint.returncode}: "
                                f"{(lint.stdout + lint.stderr)[-500:]}")
        report = os.path.join(OUT, "verify.json")
        argv = command("plancheck", item)
        argv[2:2] = ["--format", "json", "--output", report]
        process = subprocess.run(argv, capture_output=True, text=True)
        if process.returncode not in (0, 1):
            problems.append(f"{item.label}: plancheck exited {process.returncode}: {process.stderr[-500:]}")
            continue
        with open(report, encoding="utf-8") as f:
            result = json.load(f)
        os.remove(report)
        codes = {}
        for finding in result["findings"]:
            codes[finding["code"]] = codes.get(finding["code"], 0) + 1
        city = [row for row in result["districts"] if row["code"] is None]
        summary = result["summary"]
        line = (f"{item.label}: {len(result['files']):,} files, {summary['evaluated']:,} rule results, "
                f"{summary['failed']:,} failed, {summary['acknowledged']:,} acknowledged, "
                f"{summary['not_evaluated']:,} not evaluated; duplicates (PC034): {codes.get('PC034', 0):,}; "
                f"city-wide rules evaluated: {city[0]['evaluated'] if city else 0}, not evaluated: "
                f"{city[0]['not_evaluated'] if city else 0}")
        print("verify: " + line, file=sys.stderr)
        if item.family == "national":
            missing = sum(1 for f in result["findings"] if f.get("outcome") == "not_evaluated")
            if codes.get("PC034") or summary["not_evaluated"] or missing or (city and city[0]["not_evaluated"]):
                problems.append(line)
            errors = [c for c, n in codes.items() if c.startswith("PC") and c not in ("PC024", "PC025")]
            if errors:
                problems.append(f"{item.label}: file findings {sorted(errors)}")
    if problems:
        raise SystemExit("verify failed:\n  " + "\n  ".join(problems))


def instructions(argv, out_file):
    """Instructions executed (callgrind's Ir, every thread) by one run of argv."""
    process = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", *argv],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"valgrind {argv[0]} exited {process.returncode}: {process.stderr[-500:]}")
    total = None
    with open(out_file) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
    if total is None:
        raise RuntimeError(f"no totals in {out_file}")
    return total


def callgrind(corpora, tools):
    if not shutil.which("valgrind"):
        raise SystemExit("bench: --callgrind needs valgrind: apt-get install -y valgrind")
    folder = os.path.join(OUT, "callgrind")
    os.makedirs(folder, exist_ok=True)
    rows = []
    for item in corpora:
        baseline = None
        for tool in sorted(tools, key=lambda t: t != "parse"):
            if tool not in ("parse", "plancheck", "version") or not applies(tool, item):
                continue
            print(f"  {item.label}: {TOOLS[tool]} under callgrind …", file=sys.stderr, flush=True)
            argv = command(tool, item, jobs=1)
            total = instructions(argv, os.path.join(folder, f"{item.name}-{tool}.out"))
            if tool == "parse":
                baseline = total
            rows.append((item, tool, total, baseline))
    lines = ["| corpus | tool | instructions (Ir) | Ir per file | vs (a) |", "|---|---|---:|---:|---:|"]
    for item, tool, total, baseline in rows:
        label = TOOLS[tool] + (", --jobs 1" if tool == "plancheck" else "")
        ratio = fmt_ratio(total / baseline) if baseline and tool != "parse" else "—"
        lines.append(f"| {item.label} | {label} | {total / 1e6:,.1f} M | {total / item.files / 1e6:,.3f} M | "
                     f"{ratio} |")
    context = (f"Counted {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} with `valgrind --tool=callgrind` "
               f"(instructions of every thread; deterministic, independent of the machine's load), plancheck "
               f"{plancheck_version()}.")
    return "\n".join([context, "", *lines])


def plancheck_version():
    """The measured binary's version and where it comes from: this checkout's commit, or the path given."""
    try:
        version = subprocess.run([PLANCHECK, "--version"], capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        version = "?"
    if os.path.abspath(PLANCHECK) != os.path.join(RELEASE, "plancheck"):
        return f"{version} ({os.path.relpath(PLANCHECK, ROOT)})"
    # The binaries are built from these; the benchmark's own files do not make another build, so the commit named is
    # the last one that changed them.
    inputs = ["Sources", "Package.swift", "Rules", "Benchmarks/ParseBaseline"]
    commit = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h", "--", *inputs], capture_output=True,
                            text=True).stdout.strip()
    if not commit:
        return version
    changed = subprocess.run(["git", "-C", ROOT, "diff", "--quiet", "HEAD", "--", *inputs]).returncode != 0
    return f"{version} (release build of the sources at {commit}{' with local changes' if changed else ''})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--corpora", default=DEFAULT_CORPORA)
    parser.add_argument("--large-mb", type=int, default=50)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--write-doc", action="store_true")
    parser.add_argument("--plancheck")
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    global PLANCHECK
    PLANCHECK = os.path.abspath(args.plancheck) if args.plancheck else PLANCHECK
    tools = [t for t in args.tools.split(",") if t]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        raise SystemExit(f"bench: unknown tool(s) {', '.join(unknown)}; known: {', '.join(TOOLS)}")
    corpora = prepare_corpora([c for c in args.corpora.split(",") if c], args.large_mb)
    if args.verify:
        verify(corpora)
    if args.callgrind:
        table = callgrind(corpora, tools)
        print(table)
        if args.write_doc:
            replace_block(CALLGRIND_BEGIN, CALLGRIND_END, table)
        return

    load_before = load_average()
    rows = []
    for item in corpora:
        present = [tool for tool in tools if applies(tool, item)]
        results = measure(present, item, args.runs, args.budget)
        baseline = None
        if "parse" in results:
            walls, peak = results["parse"]
            baseline = (statistics.median(walls), peak)
        for tool in present:
            walls, peak = results[tool]
            rows.append({"corpus": item.label, "corpus_name": item.name, "tool": TOOLS[tool], "tool_id": tool,
                         "runs": len(walls), "min": min(walls), "median": statistics.median(walls),
                         "max": max(walls), "files": item.files, "bytes": item.bytes, "peak": peak,
                         "baseline": baseline})
    load_after = load_average()

    header = ("| corpus | tool | runs | wall min / median / max | files/s | MB/s | peak memory | time vs (a) "
              "| memory vs (a) |")
    lines = [header, "|---|---|---:|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        ratio_time = ratio_memory = "—"
        if row["baseline"] and row["tool_id"] != "parse":
            ratio_time = f"{row['median'] / row['baseline'][0]:.2f}×"
            ratio_memory = f"{row['peak'] / row['baseline'][1]:.1f}×"
        lines.append(
            f"| {row['corpus']} | {row['tool']} | {row['runs']} | {fmt_time(row['min'])} / "
            f"**{fmt_time(row['median'])}** / {fmt_time(row['max'])} | {row['files'] / row['median']:,.0f} | "
            f"{row['bytes'] / 1e6 / row['median']:.1f} | {row['peak'] / 1024:.1f} MiB | {ratio_time} | "
            f"{ratio_memory} |")
    corpus_lines = [f"- {item.label}: {item.files:,} file(s), {item.bytes / 1e6:.1f} MB"
                    + (f", checked against its generated pack of {item.count:,} units" if item.pack else "")
                    for item in corpora]
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    context = (f"Measured {stamp} on {machine()}; plancheck {plancheck_version()}; load average {load_before} "
               f"before and {load_after} after (1, 5, 15 min). Medians of the runs shown; on each corpus the tools take turns run by run, and "
               f"the first run of each is a discarded warm-up unless it took over 5 s.")
    summary = targets(rows, corpora)
    table = "\n".join([context, "", *corpus_lines, "", *lines] + (["", *summary] if summary else []))
    print(table)
    if args.write_doc:
        replace_block(BEGIN, END, table)


if __name__ == "__main__":
    main()
