import Foundation
import Testing

/// The hook as a data repository uses it, through the real pre-commit framework (from PyPI): `pre-commit
/// try-repo` clones this project, builds it with `swift build -c release` (its `language: swift`) and runs the
/// `plancheck` hook on the files given.
///
/// Slow: each try-repo builds the package afresh in its own temporary store (a minute or two each). So it runs
/// in CI (`CI` set, where a missing pre-commit fails it) or when PLANCHECK_PRECOMMIT_TEST is set, and is skipped
/// otherwise.
@Suite("pre-commit hook, end to end")
struct PreCommitHookTests {
    static var enabled: Bool {
        Run.inCI || ProcessInfo.processInfo.environment["PLANCHECK_PRECOMMIT_TEST"] != nil
    }

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

    @Test("try-repo: passes on a clean submission, fails with readable findings on a bad one",
          .enabled(if: enabled, "slow (builds plancheck in release mode twice): runs in CI or with PLANCHECK_PRECOMMIT_TEST=1"),
          .timeLimit(.minutes(30)))
    func tryRepo() throws {
        let preCommit = try #require(Run.tool("pre-commit"),
                                     "pre-commit is not installed: `.ci/run` installs it into .venv-ci (pip install pre-commit)")
        let work = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let project = work + "/plancheck"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        try Self.committedCopy(into: project)

        let manifest = try Run.program(preCommit, ["validate-manifest", ".pre-commit-hooks.yaml"], in: project)
        #expect(manifest.status == 0, "\(manifest.output)")

        // The data repository: the 13 example submissions, the two city totals the examples miss made warnings
        // (as a maintainer does while submissions come in), messages in Chinese.
        let repository = try DataRepository.make(configuration: """
        # 测试用数据仓库 · a test data repository
        submissions: ["2025/*.yml"]
        severity:
          SY25-T44-01: warning
          SY25-T40-02: warning
        lang: zh

        """)
        defer { try? FileManager.default.removeItem(atPath: repository) }
        try DataRepository.write("name: CI\non: push\njobs: {}\n", to: repository + "/.github/workflows/ci.yml")
        try Self.git(["init", "-q"], in: repository)
        try Self.git(["add", "-A"], in: repository)
        try Self.git(["commit", "-q", "-m", "submissions"], in: repository)

        let environment: [String: String?] = ["PRE_COMMIT_HOME": work + "/pre-commit-home", "LANG": "C.UTF-8"]
        func tryRepo(_ files: [String]) throws -> Run.Result {
            try Run.program(preCommit, ["try-repo", project, "plancheck", "--verbose", "--files"] + files,
                            in: repository, environment: environment)
        }

        let clean = try tryRepo(["2025/210102-heping.yml", ".github/workflows/ci.yml"])
        #expect(clean.status == 0, "\(clean.output.suffix(1500))")
        #expect(clean.output.contains("plancheck (district plan submissions)"))
        #expect(clean.output.contains("Passed"))
        // --verbose shows what the hook printed even when it passes: the city totals as warnings.
        #expect(clean.output.contains("警告[SY25-T44-01]"), "\(clean.output.suffix(1500))")

        let bad = try tryRepo(["2025/210111-sujiatun.yml"])
        #expect(bad.status == 1, "\(bad.output.suffix(1500))")
        #expect(bad.output.contains("Failed"))
        #expect(bad.output.contains("- exit code: 1"))
        // What a planning officer reads: the rule, the message in Chinese, the file and line, the plan clause.
        #expect(bad.output.contains("错误[SY25-M01]"), "\(bad.output.suffix(1500))")
        #expect(bad.output.contains("地区生产总值增长"))
        #expect(bad.output.contains("2025/210111-sujiatun.yml:10:"))
        #expect(bad.output.contains("5.5%"))
        // Other districts' own failures are not this change's (their figures still appear in the city totals).
        #expect(!bad.output.contains("[SY25-S12-01]") && !bad.output.contains("[SY25-M05]"))
    }
}
