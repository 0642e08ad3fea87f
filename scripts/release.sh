#!/usr/bin/env bash
# Builds what a release publishes for this machine's architecture, into dist/:
#   plancheck-<version>-linux-<arch>.tar.gz (+ .sha256)   the binary, needing neither Swift nor libyaml
#   plancheck-<version>-py3-none-<platform>.whl (+ .sha256) the same binary as a Python wheel (pip install plancheck)
# The Swift standard library and libyaml are linked statically; the script fails when `ldd` shows the binary
# needing anything beyond the C and C++ runtime. scripts/check-release-in-minbase.sh then runs the archive in a
# bare Debian root. Linux only (on macOS, `swift build -c release` gives a binary that needs nothing more).
#
# Usage: scripts/release.sh [--output DIR]    (DIR defaults to dist)
set -euo pipefail
cd "$(dirname "$0")/.."

output=dist
while [ $# -gt 0 ]; do
    case "$1" in
        --output) output="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ "$(uname -s)" != "Linux" ]; then
    echo "release.sh: builds Linux archives; on $(uname -s) use swift build -c release" >&2
    exit 2
fi

version="$(python3 python/plancheck_wheel.py version)"
arch="$(uname -m)"
case "$arch" in arm64) arch=aarch64 ;; esac

# libyaml statically: SwiftPM takes libyaml's link flags from pkg-config (yaml-0.1) and puts them before any flag
# given here. So a pkg-config file of our own comes first on PKG_CONFIG_PATH, naming a folder that holds only
# libyaml.a: `-lyaml` then finds the archive, not the shared library. Its include folder is the system's own.
static_libs="$PWD/.build/release-static-libs"
archive_lib="$(gcc -print-file-name=libyaml.a 2>/dev/null || true)"
if [ ! -f "$archive_lib" ]; then
    archive_lib="$(pkg-config --variable=libdir yaml-0.1 2>/dev/null || echo /usr/lib)/libyaml.a"
fi
if [ ! -f "$archive_lib" ]; then
    echo "release.sh: libyaml.a not found (Debian and Ubuntu: apt-get install libyaml-dev)" >&2
    exit 2
fi
mkdir -p "$static_libs/pkgconfig"
ln -sf "$(readlink -f "$archive_lib")" "$static_libs/libyaml.a"
{
    echo "includedir=$(pkg-config --variable=includedir yaml-0.1 2>/dev/null || echo /usr/include)"
    echo "libdir=$static_libs"
    echo "Name: LibYAML (static, for release builds)"
    echo "Description: libyaml.a alone, so that plancheck links it statically"
    echo "Version: $(pkg-config --modversion yaml-0.1 2>/dev/null || echo 0.2.5)"
    echo 'Cflags: -I${includedir}'
    echo 'Libs: -L${libdir} -lyaml'
} > "$static_libs/pkgconfig/yaml-0.1.pc"

export PKG_CONFIG_PATH="$static_libs/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
swift build -c release --product plancheck --static-swift-stdlib
binary="$(swift build -c release --show-bin-path)/plancheck"

# What the binary may still load: the C library and the C++ runtime (with the loader and libgcc_s).
unexpected="$(ldd "$binary" | awk '{print $1}' \
    | grep -Ev '^(linux-vdso\.so|/lib.*/ld-linux.*\.so|ld-linux.*\.so|libc\.so|libm\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so|libstdc\+\+\.so|libgcc_s\.so)' || true)"
if [ -n "$unexpected" ]; then
    echo "release.sh: the binary needs libraries beyond the C and C++ runtime:" >&2
    echo "$unexpected" >&2
    exit 1
fi
"$binary" --version >/dev/null

name="plancheck-$version-linux-$arch"
mkdir -p "$output"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
mkdir "$staging/$name"
install -m 755 "$binary" "$staging/$name/plancheck"
strip "$staging/$name/plancheck" 2>/dev/null || true
cat > "$staging/$name/README.txt" <<EOF
plancheck $version for Linux $arch: checks district development-plan submissions against a city plan's rule pack.
It needs no Swift toolchain and no libyaml: put \`plancheck\` on PATH (for example in /usr/local/bin) and run
\`plancheck --help\`. 安装说明与数据仓库的设置见 docs/install.md · Installing and setting up a data repository: docs/install.md.
EOF
# The same bytes for the same binary: sorted names, fixed owner and time, no time stamp in the gzip header.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$staging" -cf - "$name" | gzip -n -9 > "$output/$name.tar.gz"
(cd "$output" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

wheel="$(python3 python/plancheck_wheel.py binary "$staging/$name/plancheck" "$arch" "$output")"
(cd "$output" && sha256sum "$(basename "$wheel")" > "$(basename "$wheel").sha256")

echo "release.sh: $output/$name.tar.gz"
echo "release.sh: $wheel"
