// libFuzzer target: bytes as a district submission checked against the built-in pack, then reported in both
// languages, which underlines source text at every finding's span: the path a real `plancheck check` takes.
import PlancheckCore
import PlancheckYAML

#if canImport(Glibc)
import Glibc
#endif

private let defaultPack: Pack = {
    guard let pack = PackLoader.load(from: DefaultPack.source).pack else {
        // Harness set-up, not input: a broken built-in pack must stop the run at once.
        say("the built-in pack does not load")
        abort()
    }
    return pack
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubmission(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let loaded = SubmissionLoader.load(SourceFile(path: "fuzz.yml", bytes: bytes), pack: defaultPack)
    var options = CheckOptions()
    options.today = "2025-06-30"
    var run = RunResult(summary: RunSummary(pack: defaultPack, files: ["fuzz.yml"]))
    run.results = loaded.diagnostics.map { .diagnostic($0) }
        + Checker.check(pack: defaultPack, submissions: loaded.submission.map { [$0] } ?? [], options: options)
    // Every renderer over every result, passes shown, in both languages.
    for language in Language.allCases {
        let report = Report(run: run, language: language, showPasses: true)
        for format in ReportFormat.allCases {
            _ = format.reporter(useColor: language == .en).render(report)
        }
    }
    return 0
}

/// Writes a line to standard error (the C `stderr` global is not concurrency-safe to name in Swift 6).
private func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
