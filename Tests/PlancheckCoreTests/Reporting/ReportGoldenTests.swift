import PlancheckCore
import Testing

/// Pins every output format on the example submissions. After an intended change, regenerate with
/// `PLANCHECK_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests` and review the diff.
@Suite("Report formats (golden)")
struct ReportGoldenTests {
    /// The example folder checked on a fixed day, with paths relative to the package root, so that the goldens do
    /// not depend on the date or on where the checkout is. Every result is kept, as the CLI keeps them when one of
    /// its outputs lists passes (junit does); passes are not shown in the other formats.
    static func exampleReport(language: Language) throws -> Report {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        var options = CheckOptions()
        options.today = "2025-06-30"
        let run = CheckRun.run(paths: [DefaultPackTests.root + "/Examples/shenyang-2025"], pack: pack, options: options,
                               run: RunOptions(keepAllResults: true))
        return Report(run: run, language: language, showPasses: false, baseDirectory: DefaultPackTests.root)
    }

    static let cases: [(format: ReportFormat, language: Language, golden: String)] = [
        (.text, .zh, "report.zh.txt"),
        (.text, .en, "report.en.txt"),
        (.json, .en, "report.json"),
        (.sarif, .en, "report.sarif"),
        (.github, .en, "report.github.txt"),
        (.junit, .en, "report.junit.xml"),
        (.markdown, .zh, "report.zh.md"),
        (.markdown, .en, "report.en.md"),
    ]

    @Test("every format renders the examples as pinned", arguments: 0..<cases.count)
    func matchesGolden(_ index: Int) throws {
        let (format, language, golden) = Self.cases[index]
        let actual = format.reporter(useColor: false).render(try Self.exampleReport(language: language))
        let path = DefaultPackTests.root + "/Tests/PlancheckCoreTests/Golden/" + golden
        if ProcessInfoLite.environment("PLANCHECK_UPDATE_GOLDEN") != nil {
            try GoldenFile.write(actual, to: path)
            return
        }
        let expected = String(decoding: try FolderPackSource(folder: DefaultPackTests.root).read(
            "Tests/PlancheckCoreTests/Golden/" + golden), as: UTF8.self)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, pair) in zip(actualLines, expectedLines).enumerated() where pair.0 != pair.1 {
            Issue.record("\(golden) line \(number + 1) differs:\n  expected: \(pair.1)\n  actual:   \(pair.0)")
            break
        }
        #expect(actualLines.count == expectedLines.count, "\(golden): line count differs")
    }

    @Test("no machine format mentions the checkout's absolute path")
    func pathsAreRelative() throws {
        let report = try Self.exampleReport(language: .en)
        for format in ReportFormat.allCases {
            let text = format.reporter(useColor: false).render(report)
            #expect(!text.contains(DefaultPackTests.root + "/"), "\(format) output contains an absolute path")
        }
    }
}
