import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlancheckCore
@testable import PlancheckReport
import Testing

/// No input can take over a terminal, a job summary or a report: what a submission quotes reaches every output
/// escaped. The hostile texts are the ones the issue saw: an ESC sequence in a comment (it set the terminal's
/// title and cleared the screen), a bidirectional override, Markdown links and images in a deviation's reason,
/// HTML in a key, a UTF-16 file.
@Suite("Output safety")
struct OutputSafetyTests {
    static let escapeSequence = "\u{1B}]0;pwned\u{07}\u{1B}[2J"
    static let reason = "[附件](https://evil.example/a) ![img](https://evil.example/i.png) <script>alert(1)</script> **bold**"
    static let hostile = [escapeSequence, reason, "<b>gdp</b>_growth", "\u{202E}lave\u{202C}", "evil\u{1B}[31m.yml",
                          hostileUnit]

    /// A run over two hostile files: one whose comment holds a raw ESC sequence (not YAML: its line is shown), one
    /// that parses and quotes hostile keys, a bidi override and a deviation's reason.
    static func hostileRun() throws -> RunResult {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        let broken = SourceFile(path: "evil\u{1B}[31m.yml", text: """
            submission:
              district: "210103"  # \(escapeSequence)
              year: 2025

            """)
        let parsed = SourceFile(path: "2025/210103.yml", text: """
            submission:
              district: "210103"
              name: "\\u202Elave\\u202C"
              year: 2025
            indicators:
              gdp_growth: 1%
              "<b>gdp</b>_growth": 5%
              "\\e]0;title\\a": 5%
            deviations:
              - rule: SY25-M01
                reason: "\(reason)"
                approved_by: "\\e[2J"

            """)
        var options = CheckOptions()
        options.today = "2025-06-30"
        var run = RunResult(summary: RunSummary(pack: pack, files: [broken.path, parsed.path]))
        var submissions: [Submission] = []
        for file in [broken, parsed] {
            let loaded = SubmissionLoader.load(file, pack: pack)
            run.results += loaded.diagnostics.map { .diagnostic($0) }
            if let submission = loaded.submission { submissions.append(submission) }
        }
        run.results += Checker.check(pack: pack, submissions: submissions, options: options)
        // A unit code as an input wrote it (the per-unit tables quote it beside the unit's name); found by the
        // render fuzz target in Markdown.
        run.results.append(.diagnostic(Diagnostic(.unknownIndicator, .error, Message(.plain, ["text": .text("x")]),
                                                  location: nil, file: parsed.path, unit: hostileUnit)))
        return run
    }

    static let hostileUnit = "21\u{1B}[2J[u](https://x)"

    @Test("every format, in both languages: no raw control character, well-formed JSON and XML, markup escaped",
          arguments: ReportFormat.allCases)
    func everyFormat(_ format: ReportFormat) throws {
        let run = try Self.hostileRun()
        #expect(run.results.contains { $0.diagnostic?.code == .yamlSyntax }, "the comment's ESC is a syntax error")
        for language in Language.allCases {
            let output = format.reporter(useColor: false).render(Report(run: run, language: language, showPasses: true))
            Self.expectSafe(output, format: format, language: language, hostile: Self.hostile)
            switch format {
            case .json, .sarif, .junit:
                break
            case .markdown:
                #expect(output.contains("\\[附件\\]"), "the reason is shown as typed, its link syntax escaped")
            case .text, .concise, .github:
                #expect(output.contains("\\u{1B}"), "the ESC is shown, visibly")
            case .html:
                #expect(output.contains("&lt;script&gt;") || !output.contains("script&gt;alert"))
            }
        }
    }

    @Test("several runs in one document, in every format: still escaped and well-formed, the groups' globs too",
          arguments: ReportFormat.allCases)
    func severalRuns(_ format: ReportFormat) throws {
        let run = try Self.hostileRun()
        for language in Language.allCases {
            let reports = [Self.escapeSequence + "/*.yml", "<b>" + Self.reason + "/*.yml"].map { glob in
                var context = ReportContext(pack: run.pack, language: language, showPasses: true)
                context.selection = [glob]
                return Report(context: context, summary: run.summary, entries: run.results.map(context.entry))
            }
            let output = format.reporter(useColor: false).render(reports)
            Self.expectSafe(output, format: format, language: language, hostile: Self.hostile + reports.flatMap(\.context.selection))
            switch format {
            case .json, .sarif, .junit:
                break
            case .html:
                #expect(output.components(separatedBy: "<html").count == 2)
                #expect(output.contains("&lt;b&gt;[附件]"), "the group's glob is shown as typed in its heading")
            case .markdown:
                #expect(output.contains("&lt;b&gt;\\[附件\\]"), "the group's glob is shown as typed in its heading")
            case .text, .concise, .github:
                #expect(output.contains(VisibleText.escape(Self.escapeSequence)), "the group's glob is shown, visibly")
            }
        }
    }

    /// No raw control character nor unescaped markup, and JSON and XML that parse.
    static func expectSafe(_ output: String, format: ReportFormat, language: Language, hostile: [String]) {
        let violations = OutputSafety.violations(output, format: format, hostile: hostile)
        #expect(violations.isEmpty, "\(format) \(language): \(violations)")
        switch format {
        case .json, .sarif:
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(output.utf8)) }
        case .junit:
            let parser = XMLParser(data: Data(output.utf8))
            #expect(parser.parse(), "\(String(describing: parser.parserError))")
        case .text, .concise, .github, .markdown, .html:
            break
        }
    }

    @Test("the text format shows the ESC line visibly and keeps the carets under what they mark")
    func excerpt() throws {
        let run = try Self.hostileRun()
        let syntax = try #require(run.results.first { $0.diagnostic?.code == .yamlSyntax })
        let text = TextReporter(useColor: false).render(Report(run: run, language: .en).context.entry(syntax), language: .en)
        #expect(text.contains("# \\u{1B}]0;pwned\\u{7}\\u{1B}[2J"), "\(text)")
        #expect(!text.unicodeScalars.contains("\u{1B}"))
    }

    @Test("VisibleText: ESC, NUL, C1, bidi overrides and separators are written as \\u{…}; tabs and letters stay")
    func visibleText() {
        #expect(VisibleText.escape("a\u{1B}b\u{0}c\u{85}d\u{202E}e\u{2028}f\tg中") == "a\\u{1B}b\\u{0}c\\u{85}d\\u{202E}e\\u{2028}f\tg中")
        #expect(VisibleText.escape("a\nb") == "a\\u{A}b")
        #expect(VisibleText.escape("a\nb", keepingLineBreaks: true) == "a\nb")
    }

    @Test("the checks themselves catch what they look for")
    func checksCatch() {
        #expect(!JSONCheck.isWellFormed("{\"a\": \"\u{1B}\"}"))
        #expect(!JSONCheck.isWellFormed("{\"a\": 1,}"))
        #expect(JSONCheck.isWellFormed("{\"a\": [1, -2.5e3, true, null, \"\\u001b\"]}"))
        #expect(XMLCheck.problem("<?xml version=\"1.0\"?>\n<a b=\"c\"><d/>x &amp; y</a>\n") == nil)
        #expect(XMLCheck.problem("<a>x & y</a>") != nil)
        #expect(XMLCheck.problem("<a><b></a>") != nil)
        #expect(XMLCheck.problem("<a>\u{1B}</a>") != nil)
        #expect(!OutputSafety.violations("ok \u{1B}[2J", format: .text, hostile: []).isEmpty)
        #expect(!OutputSafety.violations("| [附件](https://x) |", format: .markdown, hostile: ["[附件](https://x)"]).isEmpty)
    }

    @Test("a UTF-16 file is refused at its start with what to do; nothing of it is printed")
    func utf16() throws {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        let text = "submission:\n  district: \"210103\"\n  year: 2025\nindicators:\n  gdp_growth: 5.6%\n"
        let units: [UInt16] = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = units.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for (bytes, name) in [(little, "UTF-16LE"), (big, "UTF-16BE")] {
            let loaded = SubmissionLoader.load(SourceFile(path: "utf16.yml", bytes: bytes), pack: pack)
            let diagnostic = try #require(loaded.diagnostics.first)
            #expect(loaded.diagnostics.count == 1)
            #expect(diagnostic.code == .fileUnreadable)
            #expect(diagnostic.location?.span.start.line == 1)
            let rendered = TextReporter(useColor: false).render(diagnostic, language: .en, pack: pack)
            #expect(rendered.contains("utf16.yml is encoded as \(name), not UTF-8"), "\(rendered)")
            #expect(!rendered.unicodeScalars.contains("\u{0}"))
        }
    }
}
