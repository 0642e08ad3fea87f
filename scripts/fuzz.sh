#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets and runs them.
#
#   scripts/fuzz.sh build                  build every target (into .build-fuzz/)
#   scripts/fuzz.sh run TARGET [SECONDS]   build, then fuzz TARGET for SECONDS (default 600)
#   scripts/fuzz.sh repro TARGET FILE...   run TARGET once on each FILE (to reproduce a crash)
#   scripts/fuzz.sh list                   the target names
#
# Targets: yaml (YAMLReader.read), expression (parser, printer, evaluator), pack (PackLoader on pack.yml or an
# included file), submission (SubmissionLoader + Checker + TextReporter against the built-in pack), render (hostile
# text in every quoted place, every format held to OutputSafety: no raw control character, well-formed JSON and
# XML, markup escaped).
#
# Why swiftc and not SwiftPM: the modules are compiled directly with -sanitize=fuzzer,address so that only our
# code is instrumented and no package manifest change is needed. They share one -package-name, as under SwiftPM,
# so that `package` declarations are visible between them; PlancheckRules and PlancheckEngine are built with
# -enable-testing so the expression target can call the (internal) evaluator and expression messages.
#
# The grown corpus lives in Fuzz/corpus/TARGET (ignored by git); Fuzz/seeds/TARGET is the small committed seed
# corpus. Crashes are written to Fuzz/artifacts/TARGET/ (ignored): turn each into a regression test.
# Leak detection is off: LeakSanitizer misreads Swift enum payloads with spare bits set as leaked memory.
# One fuzzer at a time: -jobs=1 -workers=1, on purpose (shared machine).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build-fuzz"
targets=(yaml expression pack submission render)
# In dependency order: each is compiled against the modules before it.
modules=(PlancheckSystem PlancheckValues PlancheckYAML PlancheckRules PlancheckEngine PlancheckReport PlancheckDocs
         PlancheckDefaultPack PlancheckCore)
sanitize="${FUZZ_SANITIZE:-fuzzer,address}"
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
common=(-O -sanitize="$sanitize" -parse-as-library -swift-version 6 -package-name plancheck -I "$out"
        -I "$root/Sources/CYAML")

source_of() {
    case "$1" in
        yaml) echo "YAMLReaderFuzz.swift" ;;
        expression) echo "ExpressionFuzz.swift" ;;
        pack) echo "PackLoaderFuzz.swift" ;;
        submission) echo "SubmissionFuzz.swift" ;;
        render) echo "RenderFuzz.swift" ;;
        *) echo "unknown target: $1 (one of: ${targets[*]})" >&2; exit 2 ;;
    esac
}

build_modules() {
    mkdir -p "$out"
    local stamp="$out/modules.stamp"
    local newest
    newest="$(find "${modules[@]/#/$root/Sources/}" "$root/Sources/CYAML" -newer "$stamp" -type f 2>/dev/null | head -1 || true)"
    if [[ -f "$stamp" && -z "$newest" ]]; then return; fi
    local module testing
    for module in "${modules[@]}"; do
        echo "building $module" >&2
        testing=()
        [[ "$module" == PlancheckRules || "$module" == PlancheckEngine || "$module" == PlancheckReport ]] && testing=(-enable-testing)
        swiftc "${common[@]}" "${testing[@]}" -wmo -module-name "$module" -emit-module \
            -emit-module-path "$out/$module.swiftmodule" \
            -c $(find "$root/Sources/$module" -name '*.swift' | sort) -o "$out/$module.o"
    done
    touch "$stamp"
}

build_target() {
    local name="$1" src
    src="$(source_of "$name")"
    build_modules
    if [[ -x "$out/fuzz-$name" && "$out/fuzz-$name" -nt "$root/Fuzz/Targets/$src" && "$out/fuzz-$name" -nt "$out/modules.stamp" ]]; then
        return
    fi
    echo "building fuzz-$name" >&2
    local objects=("$out/PlancheckYAML.o") module
    if [[ "$name" != yaml ]]; then
        for module in "${modules[@]}"; do [[ "$module" != PlancheckYAML ]] && objects+=("$out/$module.o"); done
    fi
    swiftc "${common[@]}" -module-name "Fuzz_$name" "$root/Fuzz/Targets/$src" "${objects[@]}" -lyaml \
        -o "$out/fuzz-$name"
}

case "${1:-}" in
    list) printf '%s\n' "${targets[@]}" ;;
    build)
        for t in "${targets[@]}"; do build_target "$t"; done ;;
    run)
        name="${2:?target}"; seconds="${3:-600}"
        build_target "$name"
        corpus="$root/Fuzz/corpus/$name"; seeds="$root/Fuzz/seeds/$name"; artifacts="$root/Fuzz/artifacts/$name"
        mkdir -p "$corpus" "$artifacts"
        dict=()
        [[ -f "$root/Fuzz/dictionaries/$name.dict" ]] && dict=(-dict="$root/Fuzz/dictionaries/$name.dict")
        # -jobs=1 writes the log to fuzz-0.log in the working directory: run from the artifacts folder.
        cd "$artifacts"
        "$out/fuzz-$name" "$corpus" "$seeds" "${dict[@]}" -jobs=1 -workers=1 -max_total_time="$seconds" \
            -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -max_len="${FUZZ_MAX_LEN:-8192}" -print_final_stats=1 \
            -artifact_prefix="$artifacts/"
        echo "log: $artifacts/fuzz-0.log" >&2 ;;
    repro)
        name="${2:?target}"; shift 2
        build_target "$name"
        "$out/fuzz-$name" -runs=1 "$@" ;;
    *)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
