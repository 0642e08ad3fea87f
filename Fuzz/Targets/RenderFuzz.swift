// libFuzzer target: hostile text in every place a report quotes an input (a message argument, a file name, a
// note, help, the source line under the carets, a deviation's reason), rendered in every format and both
// languages, then held to the promises of `OutputSafety`: no raw control character in any output, well-formed
// JSON and XML, markup quoted from an input escaped in Markdown and HTML. A broken promise aborts, so libFuzzer
// keeps the input.
import PlancheckCore

import PlancheckYAML

#if canImport(Glibc)
import Glibc
#endif

private let defaultPack: Pack = {
    guard let pack = PackLoader.load(from: DefaultPack.source).pack else {
        say("the built-in pack does not load")
        abort()
    }
    return pack
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    // The input is the file itself (its lines are shown under the carets) and every quoted text.
    let file = SourceFile(path: "dir/" + String(text.prefix(40)) + ".yml", bytes: bytes)
    let lineCount = max(1, file.lineStarts.count)
    var results: [CheckResult] = []
    for (index, code) in DiagnosticCode.allCases.enumerated() {
        let line = index % lineCount + 1
        let start = file.lineStarts[line - 1]
        let end = line < file.lineStarts.count ? file.lineStarts[line] : bytes.count
        let span = SourceSpan(start: SourceMark(line: line, column: 1, offset: start),
                              end: SourceMark(line: line, column: 1 + max(0, end - start), offset: end))
        var diagnostic = Diagnostic(code, [Severity.error, .warning, .note][index % 3],
                                    Message(.unknownIndicator, ["written": .text(text)]),
                                    location: index % 4 == 0 ? nil : SourceLocation(file: file, span: span),
                                    file: file.path, unit: index % 2 == 0 ? "210103" : text)
        diagnostic.help = Message(.helpDidYouMean, ["suggestion": .text(text)])
        diagnostic.notes = [Diagnostic.Note(Message(.plain, ["text": .text(text)]))]
        results.append(.diagnostic(diagnostic))
    }
    // The same text as a submission, checked: deviations' reasons, keys, names reach the reports their own way.
    let loaded = SubmissionLoader.load(file, pack: defaultPack)
    results += loaded.diagnostics.map { .diagnostic($0) }
    var options = CheckOptions()
    options.today = "2025-06-30"
    results += Checker.check(pack: defaultPack, submissions: loaded.submission.map { [$0] } ?? [], options: options)
    var run = RunResult(summary: RunSummary(pack: defaultPack, files: [file.path]))
    run.results = results
    for language in Language.allCases {
        let report = Report(run: run, language: language, showPasses: true)
        for format in ReportFormat.allCases {
            let output = format.reporter(useColor: false).render(report)
            let problems = OutputSafety.violations(output, format: format, hostile: [text])
            if !problems.isEmpty {
                say("\(format) \(language): " + problems.joined(separator: "; "))
                abort()
            }
        }
    }
    return 0
}

/// Writes a line to standard error (the C `stderr` global is not concurrency-safe to name in Swift 6).
private func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
