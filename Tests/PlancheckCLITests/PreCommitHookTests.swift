import Foundation
import Testing

/// The hooks as a data repository uses them, through the real pre-commit framework (from PyPI): `pre-commit
/// try-repo` clones this project and runs a hook on the files given.
///
/// The `plancheck` hook (`language: python`) is run with no `swift` on PATH and pip limited to dist/
/// (PIP_NO_INDEX, PIP_FIND_LINKS): pre-commit installs this repository's hook package, which pulls in the wheel
/// that `scripts/release.sh` built (`.ci/run` runs it first), so nothing is compiled. It runs in CI (`CI` set,
/// where a missing pre-commit or dist/ fails it) or when PLANCHECK_PRECOMMIT_TEST is set. The `plancheck-swift`
/// hook builds the package in release mode in pre-commit's store (minutes), so it runs only with
/// PLANCHECK_PRECOMMIT_SWIFT_TEST set.
@Suite("pre-commit hook, end to end")
struct PreCommitHookTests {
    static let environment = ProcessInfo.processInfo.environment
    static var enabled: Bool {
        ReleaseTests.isLinux && (Run.inCI || environment["PLANCHECK_PRECOMMIT_TEST"] != nil)
    }
    static var swiftEnabled: Bool { environment["PLANCHECK_PRECOMMIT_SWIFT_TEST"] != nil }

    /// Commits made by the test, whatever git identity the machine has (CI may have none).
    static let gitIdentity: [String: String?] = [
        "GIT_AUTHOR_NAME": "plancheck test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "plancheck test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    ]

    static func git(_ arguments: [String], in directory: String) throws {
        let result = try Run.program("git", arguments, in: directory, environment: gitIdentity)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")) failed: \(result.output)")
    }

    /// A committed copy of this project's files as they are now (tracked and new ones, not ignored ones):
    /// try-repo clones what is committed, so the hook files must be committed, and a copy keeps the test
    /// independent of the state of the developer's own repository.
    static func committedCopy(into folder: String) throws {
        let listing = try Run.program("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                      in: CLITests.root)
        try #require(listing.status == 0, "this project must be a git repository: \(listing.output)")
        for path in listing.stdout.split(separator: "\0").map(String.init) {
            let source = CLITests.root + "/" + path
            guard FileManager.default.fileExists(atPath: source) else { continue }  // deleted, not yet committed
            let target = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
        try git(["init", "-q"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "plancheck as it is being tested"], in: folder)
    }

    /// PATH with every `swift` hidden: a folder holding one is replaced by a folder of links to everything else in
    /// it (a Swift image keeps swift in /usr/bin beside git and python).
    static func pathWithoutSwift(shadowsIn work: String) throws -> String {
        var folders: [String] = []
        for (index, folder) in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init).enumerated() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard names.contains(where: { $0 == "swift" || $0.hasPrefix("swift-") }) else {
                folders.append(folder)
                continue
            }
            let shadow = work + "/path-\(index)"
            try FileManager.default.createDirectory(atPath: shadow, withIntermediateDirectories: true)
            for name in names where name != "swift" && !name.hasPrefix("swift") {
                try? FileManager.default.createSymbolicLink(atPath: shadow + "/" + name, withDestinationPath: folder + "/" + name)
            }
            folders.append(shadow)
        }
        return folders.joined(separator: ":")
    }

    /// The 13 example submissions with messages in Chinese, committed. The examples' two city totals fail:
    /// the hook shows them without failing a commit of a compliant district.
    static func dataRepository() throws -> String {
        let repository = try DataRepository.make(configuration: """
        # 测试用数据仓库 · a test data repository
        submissions: ["2025/*.yml"]
        lang: zh

        """)
        try DataRepository.write("name: CI\non: push\njobs: {}\n", to: repository + "/.github/workflows/ci.yml")
        try git(["init", "-q"], in: repository)
        try git(["add", "-A"], in: repository)
        try git(["commit", "-q", "-m", "submissions"], in: repository)
        return repository
    }

    @Test("try-repo, the Python hook without Swift: passes a compliant file, fails a bad one with located findings",
          .enabled(if: enabled, "Linux, in CI or with PLANCHECK_PRECOMMIT_TEST=1 (after scripts/release.sh)"),
          .timeLimit(.minutes(10)))
    func pythonHook() throws {
        let preCommit = try #require(Run.tool("pre-commit"),
                                     "pre-commit is not installed: `.ci/run` installs it into .venv-ci (pip install pre-commit)")
        _ = try ReleaseTests.distFile("plancheck-\(try CLITests.version())-py3-none-", endingWith: ".whl")
        let work = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/plancheck"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try Self.committedCopy(into: project)
        let manifest = try Run.program(preCommit, ["validate-manifest", ".pre-commit-hooks.yaml"], in: project)
        #expect(manifest.status == 0, "\(manifest.output)")

        let repository = try Self.dataRepository()
        defer { try? FileManager.default.removeItem(atPath: repository) }
        let path = try Self.pathWithoutSwift(shadowsIn: work)
        let environment: [String: String?] = [
            "PRE_COMMIT_HOME": work + "/pre-commit-home", "LANG": "C.UTF-8", "PATH": path,
            "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": ReleaseTests.dist, "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        ]
        let noSwift = try Run.program("/bin/sh", ["-c", "command -v swift"], in: repository, environment: environment)
        try #require(noSwift.status != 0, "swift is still on PATH: \(noSwift.stdout)")
        func tryRepo(_ files: [String]) throws -> Run.Result {
            try Run.program(preCommit, ["try-repo", project, "plancheck", "--verbose", "--files"] + files,
                            in: repository, environment: environment)
        }

        let clean = try tryRepo(["2025/210106-tiexi.yml", ".github/workflows/ci.yml"])
        #expect(clean.status == 0, "\(clean.output.suffix(2000))")
        #expect(clean.output.contains("plancheck (district plan submissions)"))
        #expect(clean.output.contains("Passed"))
        // --verbose shows what the hook printed even when it passes: the failed city totals, which do not gate here.
        #expect(clean.output.contains("错误[SY25-T44-01]"), "\(clean.output.suffix(2000))")
        #expect(clean.output.contains("合计类规则有 2 项未通过"), "\(clean.output.suffix(2000))")

        let bad = try tryRepo(["2025/210111-sujiatun.yml"])
        #expect(bad.status == 1, "\(bad.output.suffix(2000))")
        #expect(bad.output.contains("Failed"))
        #expect(bad.output.contains("- exit code: 1"))
        // What a planning officer reads: the rule, the message in Chinese, the file and line, the plan clause.
        #expect(bad.output.contains("错误[SY25-M01]"), "\(bad.output.suffix(2000))")
        #expect(bad.output.contains("地区生产总值增长"))
        #expect(bad.output.contains("2025/210111-sujiatun.yml:10:"))
        #expect(bad.output.contains("5.5%"))
        // Other districts' own failures are not this change's (their figures still appear in the city totals).
        #expect(!bad.output.contains("[SY25-S12-01]") && !bad.output.contains("[SY25-M05]"))
    }

    @Test("try-repo, the Swift hook: builds plancheck from source and fails a bad file",
          .enabled(if: swiftEnabled, "slow (builds plancheck in release mode): runs with PLANCHECK_PRECOMMIT_SWIFT_TEST=1"),
          .timeLimit(.minutes(30)))
    func swiftHook() throws {
        let preCommit = try #require(Run.tool("pre-commit"), "pre-commit is not installed (pip install pre-commit)")
        let work = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/plancheck"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try Self.committedCopy(into: project)
        let repository = try Self.dataRepository()
        defer { try? FileManager.default.removeItem(atPath: repository) }
        let bad = try Run.program(preCommit, ["try-repo", project, "plancheck-swift", "--verbose", "--files", "2025/210111-sujiatun.yml"],
                                  in: repository, environment: ["PRE_COMMIT_HOME": work + "/pre-commit-home", "LANG": "C.UTF-8"])
        #expect(bad.status == 1, "\(bad.output.suffix(2000))")
        #expect(bad.output.contains("错误[SY25-M01]") && bad.output.contains("2025/210111-sujiatun.yml:10:"))
    }
}
