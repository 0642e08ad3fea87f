"""Python wheels for plancheck, written with the standard library alone (the wheel format, PEP 427).

Two wheels come from here:

- `plancheck`, the command-line tool: the release binary as the wheel's one script, so that `pip install
  plancheck` puts a working `plancheck` on PATH without a Swift toolchain. Platform-tagged (manylinux_2_X for the
  glibc the binary needs). `scripts/release.sh` builds it: `python3 python/plancheck_wheel.py binary ...`.
- `plancheck-pre-commit`, what pre-commit installs for the `language: python` hook: pre-commit runs `pip install .`
  in this repository, and this module is the build backend `pyproject.toml` names (PEP 517, in-tree, needing
  nothing from an index). The wheel holds no code: it requires `plancheck` at this repository's version, which pip
  takes from the index or from PIP_FIND_LINKS.

Both take the version from Sources/PlancheckRules/Version.swift, the one place it is written.
"""

import base64
import hashlib
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOOK_PACKAGE = "plancheck-pre-commit"
TOOL_PACKAGE = "plancheck"
SUMMARY = "Checks district development-plan submissions against a city plan's rule pack"
# Every file in a wheel gets this fixed time, so that the same inputs make the same wheel.
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def version():
    """The version `plancheck --version` prints."""
    with open(os.path.join(ROOT, "Sources", "PlancheckRules", "Version.swift"), encoding="utf-8") as file:
        found = re.search(r'static let current = "([^"]+)"', file.read())
    if not found:
        raise SystemExit("plancheck_wheel: no version in Sources/PlancheckRules/Version.swift")
    return found.group(1)


def _record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def write_wheel(directory, name, version, tag, files, requires=(), root_is_purelib=True):
    """Writes `<name>-<version>-<tag>.whl` into `directory` and returns its path.

    `files` are (path inside the wheel, bytes, executable) triples; the .dist-info files are added here.
    """
    distribution = re.sub(r"[-_.]+", "_", name)
    dist_info = f"{distribution}-{version}.dist-info"
    metadata = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {SUMMARY}",
        "Requires-Python: >=3.8",
    ] + [f"Requires-Dist: {requirement}" for requirement in requires]
    wheel = [
        "Wheel-Version: 1.0",
        "Generator: plancheck_wheel",
        f"Root-Is-Purelib: {'true' if root_is_purelib else 'false'}",
        f"Tag: {tag}",
    ]
    entries = list(files) + [
        (f"{dist_info}/METADATA", ("\n".join(metadata) + "\n").encode("utf-8"), False),
        (f"{dist_info}/WHEEL", ("\n".join(wheel) + "\n").encode("utf-8"), False),
    ]
    record = [f"{path},{_record_hash(data)},{len(data)}" for path, data, _ in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode("utf-8"), False))

    os.makedirs(directory, exist_ok=True)
    file_name = f"{distribution}-{version}-{tag}.whl"
    path = os.path.join(directory, file_name)
    temporary = path + ".partial"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry_path, data, executable in entries:
            info = zipfile.ZipInfo(entry_path, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
            archive.writestr(info, data)
    os.replace(temporary, path)
    return path


def glibc_tag(binary, arch):
    """`manylinux_2_X_<arch>` for the newest glibc symbol version the binary needs, or `linux_<arch>` (which pip
    installs from a local folder but an index refuses) when that cannot be read."""
    try:
        symbols = subprocess.run(["objdump", "-T", binary], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return f"linux_{arch}"
    minors = [int(minor) for minor in re.findall(r"GLIBC_2\.(\d+)", symbols)]
    if not minors:
        return f"linux_{arch}"
    return f"manylinux_2_{max(minors)}_{arch}"


def build_binary_wheel(binary, arch, directory):
    """The `plancheck` wheel: the binary as `<name>.data/scripts/plancheck`, which pip installs into the
    environment's bin folder, executable."""
    tool_version = version()
    with open(binary, "rb") as file:
        data = file.read()
    script = f"{TOOL_PACKAGE}-{tool_version}.data/scripts/plancheck"
    tag = "py3-none-" + glibc_tag(binary, arch)
    return write_wheel(directory, TOOL_PACKAGE, tool_version, tag, [(script, data, True)], root_is_purelib=False)


# PEP 517 build backend for `pip install .` in this repository (pyproject.toml): the pre-commit hook's package.

def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    tool_version = version()
    note = (
        "plancheck's pre-commit hook (language: python) installs this package; it only requires plancheck "
        "at the same version, whose wheel carries the binary.\n"
    ).encode("utf-8")
    distribution = HOOK_PACKAGE.replace("-", "_")
    path = write_wheel(wheel_directory, HOOK_PACKAGE, tool_version, "py3-none-any",
                       [(f"{distribution}-{tool_version}.dist-info/README", note, False)],
                       requires=[f"{TOOL_PACKAGE}=={tool_version}"])
    return os.path.basename(path)


def main(arguments):
    usage = "usage: plancheck_wheel.py binary BINARY ARCH OUTPUT_FOLDER | plancheck_wheel.py version"
    if arguments[:1] == ["version"]:
        print(version())
        return 0
    if len(arguments) == 4 and arguments[0] == "binary":
        print(build_binary_wheel(arguments[1], arguments[2], arguments[3]))
        return 0
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
