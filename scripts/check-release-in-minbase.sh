#!/usr/bin/env bash
# Runs a release archive in a bare Debian root (debootstrap --variant=minbase: no Swift, no libyaml), as a user's
# machine would: `plancheck --version`, the built-in pack's rules, and a check of the example submissions whose
# findings are known. Needs root, debootstrap and the Debian archive; the root is made once and kept for reuse.
#
# Usage: scripts/check-release-in-minbase.sh [ARCHIVE] [ROOT]
#   ARCHIVE  dist/plancheck-<version>-linux-<arch>.tar.gz (default: the newest in dist/)
#   ROOT     where the Debian root is made or reused (default: /var/tmp/plancheck-minbase-<suite>)
# Environment: DEBIAN_SUITE (default: bookworm), DEBIAN_MIRROR (default: the deb.debian.org archive).
set -euo pipefail
cd "$(dirname "$0")/.."

archive="${1:-$(ls -t dist/plancheck-*-linux-*.tar.gz 2>/dev/null | head -n 1)}"
suite="${DEBIAN_SUITE:-bookworm}"
root="${2:-/var/tmp/plancheck-minbase-$suite}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
if [ -z "$archive" ] || [ ! -f "$archive" ]; then
    echo "check-release-in-minbase.sh: no archive (run scripts/release.sh first)" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "check-release-in-minbase.sh: needs root (debootstrap and chroot)" >&2
    exit 2
fi
(cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256")

if [ ! -x "$root/bin/sh" ]; then
    command -v debootstrap >/dev/null || { echo "check-release-in-minbase.sh: apt-get install debootstrap" >&2; exit 2; }
    debootstrap --variant=minbase "$suite" "$root" "$mirror"
fi
# The point of the exercise: neither Swift nor libyaml is there.
if chroot "$root" sh -c 'command -v swift || ls /usr/lib/*/libyaml* /lib/*/libyaml*' 2>/dev/null; then
    echo "check-release-in-minbase.sh: $root has Swift or libyaml; use a fresh minbase root" >&2
    exit 1
fi

# A real system has /proc; Swift's runtime reads the command line from /proc/self/cmdline.
if ! mountpoint -q "$root/proc"; then
    mount -t proc proc "$root/proc"
    trap 'umount "$root/proc"' EXIT
fi

work="$root/tmp/plancheck-release-check"
rm -rf "$work"
mkdir -p "$work"
tar -xzf "$archive" -C "$work"
binary="$(cd "$work" && ls -d plancheck-*/plancheck)"
cp -r Examples/shenyang-2025 "$work/examples"

echo "== ldd (in the bare root)"
chroot "$root" ldd "/tmp/plancheck-release-check/$binary"
echo "== plancheck --version"
chroot "$root" "/tmp/plancheck-release-check/$binary" --version
echo "== plancheck rules lint (the built-in pack loads; clean: nothing printed)"
chroot "$root" "/tmp/plancheck-release-check/$binary" rules lint
echo "== plancheck check on the examples (one district misses the city's GDP growth floor: exit status 1)"
status=0
chroot "$root" env LANG=C.UTF-8 "/tmp/plancheck-release-check/$binary" check /tmp/plancheck-release-check/examples \
    --lang zh > "$work/report.txt" 2>&1 || status=$?
tail -n 5 "$work/report.txt"
if [ "$status" -ne 1 ] || ! grep -q 'SY25-M01' "$work/report.txt"; then
    echo "check-release-in-minbase.sh: expected exit status 1 with SY25-M01 in the report, got $status" >&2
    exit 1
fi
rm -rf "$work"
echo "check-release-in-minbase.sh: $archive runs in a bare $suite root"
