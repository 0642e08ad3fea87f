#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
import Testing

/// The example run rendered as HTML, shared by the structure tests and by `scripts/screenshot-report.sh`
/// (which, until the CLI's `--format html` is available, sets PLANCHECK_HTML_OUT and runs this suite).
enum HTMLExampleRun {
    static func report(_ language: Language) throws -> Report {
        Report(run: try run(), language: language)
    }

    static func run() throws -> RunResult {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        var options = CheckOptions()
        options.today = "2025-06-30"
        // Every result is kept: the page's matrix shows passes and results that were not evaluated too.
        let run = CheckRun.run(paths: [DefaultPackTests.root + "/Examples/shenyang-2025"], pack: pack, options: options,
                               run: RunOptions(keepAllResults: true))
        return run
    }

    /// Counts of `needle` in `text` (non-overlapping).
    static func count(_ needle: String, in text: some StringProtocol) -> Int {
        var count = 0
        var rest = Substring(text)
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    static func write(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "w") else { throw GoldenFile.GoldenError.cannotWrite(path) }
        defer { fclose(handle) }
        fputs(text, handle)
    }
}

@Suite("HTML report of the example run: export")
struct HTMLExportTests {
    /// Writes the page when PLANCHECK_HTML_OUT names a file (the screenshot script's fallback); else does nothing.
    @Test("the example page is written where PLANCHECK_HTML_OUT says")
    func export() throws {
        guard let path = ProcessInfoLite.environment("PLANCHECK_HTML_OUT") else { return }
        let language: Language = ProcessInfoLite.environment("PLANCHECK_HTML_LANG") == "en" ? .en : .zh
        try HTMLExampleRun.write(HTMLReporter().render(try HTMLExampleRun.report(language)), to: path)
    }
}
