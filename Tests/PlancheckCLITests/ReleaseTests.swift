import Foundation
import Testing

/// What `scripts/release.sh` puts in dist/ (on Linux, `.ci/run` runs it before the tests): the archive holds a
/// binary that needs only the C and C++ runtime, its checksum file matches, and the wheel installs with pip from
/// dist/ alone into a fresh environment and runs. Without dist/ (a developer who has not run the script) these
/// are skipped, saying so; in CI a missing dist/ fails. Running the archive in a bare Debian root is
/// `scripts/check-release-in-minbase.sh` (it needs root and the Debian archive), run by the release workflow.
@Suite("release archive and wheel")
struct ReleaseTests {
    static let dist = CLITests.root + "/dist"

    #if os(Linux)
    static let isLinux = true
    #else
    static let isLinux = false
    #endif

    static var hasRelease: Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: dist)) ?? []).contains { $0.hasSuffix(".tar.gz") }
    }
    static var enabled: Bool { isLinux && (hasRelease || Run.inCI) }
    static let skipReason: Comment = "Linux only, after scripts/release.sh has filled dist/ (.ci/run does): skipped"

    /// dist/'s file for this version whose name ends with `suffix`.
    static func distFile(_ prefix: String, endingWith suffix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: dist)
        let name = try #require(names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().last,
                                "dist/ has no \(prefix)…\(suffix): run scripts/release.sh")
        return dist + "/" + name
    }

    static var machine: String {
        (try? Run.program("uname", ["-m"], in: "/").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
    }

    @Test("the archive's binary needs only the C and C++ runtime, and its checksum file matches",
          .enabled(if: enabled, skipReason))
    func archive() throws {
        let version = try CLITests.version()
        let archive = try Self.distFile("plancheck-\(version)-linux-\(Self.machine)", endingWith: ".tar.gz")
        let check = try Run.program("sha256sum", ["--check", "--strict", (archive as NSString).lastPathComponent + ".sha256"],
                                    in: Self.dist)
        #expect(check.status == 0, "\(check.output)")

        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unpacked = try Run.program("tar", ["-xzf", archive, "-C", folder], in: folder)
        try #require(unpacked.status == 0, "\(unpacked.output)")
        let binary = folder + "/plancheck-\(version)-linux-\(Self.machine)/plancheck"
        #expect(FileManager.default.isExecutableFile(atPath: binary))

        let ldd = try Run.program("ldd", [binary], in: folder)
        #expect(ldd.status == 0, "\(ldd.output)")
        let libraries = ldd.stdout.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.map { String($0.trimmingCharacters(in: .whitespaces)) }
        }
        let runtime = ["linux-vdso.so", "ld-linux", "libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so",
                       "libutil.so", "libstdc++.so", "libgcc_s.so"]
        let others = libraries.filter { library in !runtime.contains { library.contains($0) } }
        #expect(others.isEmpty, "the binary needs more than the C and C++ runtime: \(others)\n\(ldd.stdout)")
        #expect(!ldd.stdout.contains("libyaml") && !ldd.stdout.contains("libswift"), "\(ldd.stdout)")

        let run = try Run.program(binary, ["check", DataRepository.examples, "--lang", "en"], in: folder)
        #expect(run.status == 1, "the examples contain failures")
        #expect(run.stdout.contains("error[SY25-M01]"))
    }

    @Test("the wheel installs with pip from dist/ alone into a fresh environment, and its plancheck runs",
          .enabled(if: enabled, skipReason))
    func wheel() throws {
        let version = try CLITests.version()
        let wheel = try Self.distFile("plancheck-\(version)-py3-none-", endingWith: "_\(Self.machine).whl")
        #expect(wheel.contains("manylinux_2_") || wheel.contains("-linux_"), "a platform tag: \(wheel)")

        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let venv = try Run.program("python3", ["-m", "venv", folder + "/venv"], in: folder)
        try #require(venv.status == 0, "\(venv.output)")
        let install = try Run.program(folder + "/venv/bin/pip", [
            "install", "--disable-pip-version-check", "--no-index", "--find-links", Self.dist, "plancheck"], in: folder)
        #expect(install.status == 0, "\(install.output)")
        let installed = folder + "/venv/bin/plancheck"
        let reported = try Run.program(installed, ["--version"], in: folder)
        #expect(reported.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == version, "\(reported.output)")
        let run = try Run.program(installed, ["check", DataRepository.examples + "/210111-sujiatun.yml", "--lang", "zh"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("错误[SY25-M01]"), "\(run.output)")

        // pip knows what it installed and can take it away again.
        let uninstall = try Run.program(folder + "/venv/bin/pip", ["uninstall", "-y", "plancheck"], in: folder)
        #expect(uninstall.status == 0, "\(uninstall.output)")
        #expect(!FileManager.default.fileExists(atPath: installed))
    }

    @Test("the pre-commit hook's package (pyproject.toml's backend) requires plancheck at this version")
    func hookPackage() throws {
        let python = try #require(Run.tool("python3"), "python3 is needed to build the hook's package")
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
        import sys, zipfile
        sys.path.insert(0, "python")
        import plancheck_wheel
        name = plancheck_wheel.build_wheel(sys.argv[1])
        with zipfile.ZipFile(sys.argv[1] + "/" + name) as wheel:
            print(name)
            print(wheel.read([n for n in wheel.namelist() if n.endswith("/METADATA")][0]).decode())
            print(wheel.testzip() is None)
        """
        let built = try Run.program(python, ["-c", script, folder], in: CLITests.root)
        #expect(built.status == 0, "\(built.output)")
        let version = try CLITests.version()
        #expect(built.stdout.hasPrefix("plancheck_pre_commit-\(version)-py3-none-any.whl\n"), "\(built.stdout)")
        #expect(built.stdout.contains("Name: plancheck-pre-commit\n"))
        #expect(built.stdout.contains("Requires-Dist: plancheck==\(version)\n"), "\(built.stdout)")
        #expect(built.stdout.hasSuffix("True\n"))
    }
}
