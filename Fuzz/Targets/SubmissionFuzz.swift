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
    var findings = loaded.findings
    var options = CheckOptions()
    options.today = "2025-06-30"
    findings += Checker.check(pack: defaultPack, submissions: loaded.submission.map { [$0] } ?? [], options: options)
    var report = Report(findings: findings, pack: defaultPack, files: ["fuzz.yml"], language: .zh)
    report.showPasses = true
    _ = TextReporter(useColor: false).render(report)
    report.language = .en
    _ = TextReporter(useColor: true).render(report)
    return 0
}

/// Writes a line to standard error (the C `stderr` global is not concurrency-safe to name in Swift 6).
private func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
