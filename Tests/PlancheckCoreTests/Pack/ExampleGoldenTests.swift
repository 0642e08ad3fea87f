#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
import Testing

/// Pins the results for every example file. After an intended change, regenerate with
/// `PLANCHECK_UPDATE_GOLDEN=1 swift test --filter ExampleGoldenTests` and review the diff.
@Suite("Example submissions (golden)")
struct ExampleGoldenTests {
    static let golden = DefaultPackTests.root + "/Tests/PlancheckCoreTests/Golden/examples.txt"

    static func line(_ entry: ReportEntry) -> String {
        let file = entry.result.file.map(relative) ?? "-"
        let place = entry.location.map { "\($0.span.start.line):\($0.span.start.column)" } ?? "-"
        let status = entry.outcome?.rawValue ?? entry.severity.rawValue
        return "\(file):\(place) \(entry.code) [\(entry.unit ?? "-")] \(status): \(entry.message.rendered(in: .en))"
    }

    /// The path below `Examples/`, so the golden file does not depend on where the checkout is.
    static func relative(_ path: String) -> String {
        let parts = path.split(separator: "/")
        guard let index = parts.lastIndex(of: "Examples") else { return path }
        return parts[(index + 1)...].joined(separator: "/")
    }

    static func render() throws -> String {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        var options = CheckOptions()
        options.today = "2025-06-30"
        var lines: [String] = ["# Examples/shenyang-2025, checked together"]
        // Every result is kept: the passes within tolerance are listed too.
        let run = CheckRun.run(paths: [DefaultPackTests.root + "/Examples/shenyang-2025"], pack: pack, options: options,
                               run: RunOptions(keepAllResults: true))
        let report = Report(run: run, language: .en)
        lines += report.entries.filter { $0.isReportable || $0.outcome == .passedWithinTolerance }.map(line)
        let tally = report.tally, counts = tally.outcomes
        lines.append("counts: \(tally.errors) errors, \(tally.warnings) warnings, \(tally.notes) notes; \(counts.passed) passed, \(counts.failed) failed, \(counts.acknowledged) acknowledged, \(counts.notEvaluated) not evaluated")
        let (malformed, _) = InputCollection.collect([DefaultPackTests.root + "/Examples/malformed"])
        for file in malformed {
            lines.append("# \(relative(file)), checked alone")
            let alone = CheckRun.run(paths: [file], pack: pack, options: options)
            lines += Report(run: alone, language: .en).entries.filter { $0.outcome == nil || $0.outcome == .failed }.map(line)
            lines.append("exit: \(alone.exitCode(failOn: .error))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the results for every example file are as pinned")
    func examplesMatchGolden() throws {
        let actual = try Self.render()
        if ProcessInfoLite.environment("PLANCHECK_UPDATE_GOLDEN") != nil {
            try GoldenFile.write(actual, to: Self.golden)
            return
        }
        let expected = String(decoding: try FolderPackSource(folder: DefaultPackTests.root).read(
            "Tests/PlancheckCoreTests/Golden/examples.txt"), as: UTF8.self)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, pair) in zip(actualLines, expectedLines).enumerated() where pair.0 != pair.1 {
            Issue.record("line \(index + 1) differs:\n  expected: \(pair.1)\n  actual:   \(pair.0)")
            break
        }
        #expect(actualLines.count == expectedLines.count)
    }
}

enum GoldenFile {
    static func write(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "w") else { throw GoldenError.cannotWrite(path) }
        defer { fclose(handle) }
        fputs(text, handle)
    }

    enum GoldenError: Error { case cannotWrite(String) }
}
