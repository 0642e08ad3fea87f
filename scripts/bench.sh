#!/usr/bin/env bash
# One command for the performance benchmark on a clean clone (docs/performance.md):
# installs the Python tools into .venv-bench (ignored by git), builds the release binaries, runs scripts/bench.py.
#   scripts/bench.sh [--write-doc] [other options of scripts/bench.py]
#   scripts/bench.sh --corpora national1000,national10000 --tools parse,plancheck      # the national-scale corpora
#   scripts/bench.sh --callgrind --corpora 1000,national1000 --tools parse,plancheck   # instructions (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo 'bench: GNU time is needed for peak memory: apt-get install -y time' >&2; exit 2; }
if [ ! -x .venv-bench/bin/check-jsonschema ] || [ ! -x .venv-bench/bin/yamale ]; then
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install --quiet --upgrade pip
    .venv-bench/bin/pip install --quiet PyYAML yamale check-jsonschema
fi
.venv-bench/bin/python -c 'import yaml, sys; sys.exit(0 if yaml.__with_libyaml__ else "PyYAML was installed without its libyaml C loader")'
swift build -c release --product plancheck >/dev/null
swift build -c release --product plancheck-parse-baseline >/dev/null
exec .venv-bench/bin/python scripts/bench.py "$@"
