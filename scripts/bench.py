#!/usr/bin/env python3
"""The performance benchmark (docs/performance.md): generates the corpora, runs every tool on each, prints the table.

    scripts/bench.sh [options]          # sets up .venv-bench and the release build, then runs this
    scripts/bench.py [options]          # when both are already there

Options:
    --runs N          timed runs per tool and corpus (default 5; slow runs are repeated fewer times, see --budget)
    --budget S        stop repeating a tool on a corpus once its runs have taken S seconds (default 60)
    --corpora LIST    comma-separated: 1,1000,10000,large (default all four); largeN is a large file of N MiB
    --large-mb N      size of `large` in MiB (default 50)
    --tools LIST      comma-separated subset of: parse,parse2,plancheck,pyyaml,yamale,jsonschema
    --plancheck BIN   the plancheck binary to measure (default .build/release/plancheck), e.g. an older build
    --write-doc       replace the figures table in docs/performance.md
Corpora go to bench-out/corpora (ignored by git) and are regenerated when the generator changes.
"""
import argparse
import datetime
import hashlib
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

PACK = os.path.join(ROOT, "Rules", "shenyang-2025")
OUT = os.path.join(ROOT, "bench-out")
VENV_BIN = os.path.join(ROOT, ".venv-bench", "bin")
RELEASE = os.path.join(ROOT, ".build", "release")
DOC = os.path.join(ROOT, "docs", "performance.md")
PLANCHECK = os.path.join(RELEASE, "plancheck")
TIME = "/usr/bin/time"  # GNU time (Debian package `time`)
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

TOOLS = {
    "parse": "(a) parse only: libyaml events, 1 thread",
    "parse2": "(a2) parse only: libyaml events, 2 threads",
    "plancheck": "(b) plancheck check (release)",
    "pyyaml": "(c1) Python hand check, PyYAML CSafeLoader",
    "yamale": "(c2) yamale -n 2, equivalent schema",
    "jsonschema": "(c3) check-jsonschema, equivalent schema",
}


def generator_stamp():
    digest = hashlib.sha256()
    for name in ("corpus.py",):
        with open(os.path.join(ROOT, "Benchmarks", "python", name), "rb") as f:
            digest.update(f.read())
    for folder, _, names in sorted(os.walk(PACK)):
        for name in sorted(names):
            with open(os.path.join(folder, name), "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:16]


def prepare_corpora(names, large_mb):
    """Returns [(label, path, files, bytes)], generating what is missing or stale."""
    base = os.path.join(OUT, "corpora")
    stamp = generator_stamp()
    result = []
    for name in names:
        if name.startswith("large"):
            size_mb = int(name[len("large"):] or large_mb)
            target = os.path.join(base, f"large-{size_mb}mb.yml")
            label = f"1 file of {size_mb} MiB"
        else:
            count = int(name)
            target = os.path.join(base, f"files-{count}")
            label = f"{count:,} file" + ("s" if count != 1 else "")
        marker = target + ".stamp"
        fresh = os.path.exists(marker) and open(marker).read() == stamp
        if not fresh:
            print(f"generating {label} …", file=sys.stderr)
            if os.path.isdir(target):
                shutil.rmtree(target)
            os.makedirs(base, exist_ok=True)
            if name.startswith("large"):
                corpus.write_large(target, size_mb, PACK)
            else:
                corpus.write_many(target, int(name), PACK)
            with open(marker, "w") as f:
                f.write(stamp)
        files, size = 0, 0
        if os.path.isdir(target):
            for folder, _, entries in os.walk(target):
                for entry in entries:
                    files += 1
                    size += os.path.getsize(os.path.join(folder, entry))
        else:
            files, size = 1, os.path.getsize(target)
        result.append((label, target, files, size))
    return result


def yaml_files(path):
    if os.path.isfile(path):
        return [path]
    found = []
    for folder, dirs, names in os.walk(path):
        dirs.sort()
        found += [os.path.join(folder, n) for n in sorted(names) if n.endswith((".yml", ".yaml"))]
    return found


def command(tool, path):
    python = os.path.join(VENV_BIN, "python")
    if tool == "parse":
        return [os.path.join(RELEASE, "plancheck-parse-baseline"), path]
    if tool == "parse2":
        return [os.path.join(RELEASE, "plancheck-parse-baseline"), "--jobs", "2", path]
    if tool == "plancheck":
        return [PLANCHECK, "check", path]
    if tool == "pyyaml":
        return [python, os.path.join(ROOT, "Benchmarks", "python", "handcheck.py"), "--pack", PACK, path]
    if tool == "yamale":
        return [os.path.join(VENV_BIN, "yamale"), "-n", "2", "-s",
                os.path.join(ROOT, "Benchmarks", "schemas", "submission.yamale"), path]
    if tool == "jsonschema":
        return [os.path.join(VENV_BIN, "check-jsonschema"), "--schemafile",
                os.path.join(ROOT, "Benchmarks", "schemas", "submission.schema.json")] + yaml_files(path)
    raise ValueError(tool)


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


def measure(tool, path, runs, budget):
    argv = command(tool, path)
    walls, peaks, spent = [], [], 0.0
    # The first run warms the page cache and the binary and is not counted, unless it is so slow (a Python tool on
    # a large corpus) that warming is noise next to it and repeating it would blow the budget.
    wall, peak = run_once(argv)
    if wall > 5.0:
        walls.append(wall)
        peaks.append(peak)
        spent += wall
    while len(walls) < runs and (spent < budget or len(walls) < 1):
        wall, peak = run_once(argv)
        walls.append(wall)
        peaks.append(peak)
        spent += wall
    return walls, max(peaks)


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--corpora", default="1,1000,10000,large")
    parser.add_argument("--large-mb", type=int, default=50)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--write-doc", action="store_true")
    parser.add_argument("--plancheck")
    args = parser.parse_args()
    global PLANCHECK
    PLANCHECK = os.path.abspath(args.plancheck) if args.plancheck else PLANCHECK
    tools = [t for t in args.tools.split(",") if t]
    corpora = prepare_corpora([c for c in args.corpora.split(",") if c], args.large_mb)

    load_before = load_average()
    rows = []
    for label, path, files, size in corpora:
        baseline = None
        for tool in tools:
            print(f"  {label}: {TOOLS[tool]} …", file=sys.stderr, flush=True)
            walls, peak = measure(tool, path, args.runs, args.budget)
            median = statistics.median(walls)
            if tool == "parse":
                baseline = (median, peak)
            rows.append({"corpus": label, "tool": TOOLS[tool], "tool_id": tool, "runs": len(walls),
                         "min": min(walls), "median": median, "max": max(walls), "files": files, "bytes": size,
                         "peak": peak, "baseline": baseline})
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
    corpus_lines = [f"- {label}: {files:,} file(s), {size / 1e6:.1f} MB" for label, _, files, size in corpora]
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    context = (f"Measured {stamp} on {machine()}; load average {load_before} before and {load_after} after "
               f"(1, 5, 15 min). Medians of the runs shown; the first run of each is a discarded warm-up unless it took over 5 s.")
    table = "\n".join([context, "", *corpus_lines, "", *lines])
    print(table)
    if args.write_doc:
        with open(DOC, encoding="utf-8") as f:
            text = f.read()
        if BEGIN not in text or END not in text:
            raise SystemExit(f"{DOC} has no {BEGIN} … {END} markers")
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        with open(DOC, "w", encoding="utf-8") as f:
            f.write(head + BEGIN + "\n" + table + "\n" + END + tail)
        print(f"wrote {os.path.relpath(DOC, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
