import PlancheckEngine

/// `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which annotate the file
/// and line in a pull request. One command per failure, acknowledged deviation (as a notice, so it stays visible)
/// and problem with a file; passing results are never annotated.
public struct GitHubReporter: StreamingReporter {
    public init() {}

    /// How many runs the document holds.
    private var runs = 1

    public mutating func beginDocument(runs: Int) -> String {
        self.runs = runs
        return ""
    }

    /// One run of several starts with a plain log line naming its group. Not a workflow command: a `::notice::`
    /// would add an annotation per run to every pull request, and `::group::` folds the log, hiding the run's
    /// annotations' lines from a reader scanning it; a plain line is shown as it is and changes no annotation.
    /// Every annotation names its file, which already tells the runs apart.
    public func begin(_ context: ReportContext) -> String {
        guard runs > 1 else { return "" }
        return "── " + VisibleText.escape(context.runHeading) + " ──\n"
    }

    /// The totals without a verdict: one annotation of the run (no file), so that a pull request shows them. One
    /// run of several says its group in the title, as the annotations of two runs would otherwise read alike.
    public func end(_ context: ReportContext, _ summary: RunSummary) -> String {
        guard let block = context.incompleteTotals(summary.incompleteTotals) else { return "" }
        let lines = block.items.map { "- " + $0 } + [block.help]
        let command = block.countsAsFailed ? "error" : "notice"
        let title = runs > 1 ? VisibleText.escape(context.runHeading) + ": " + block.title : block.title
        return "::\(command) title=\(Self.escapeProperty(title))::\(Self.escapeData(lines.joined(separator: "\n")))\n"
    }

    /// Passing results are never annotated, even when passes are shown: an annotation asks for attention.
    public func text(for entry: ReportEntry, _ report: ReportContext) -> String? {
        var output = ""
        if entry.result.isReportable {
            let command: String
            switch entry.heading {
            case .error: command = "error"
            case .warning: command = "warning"
            default: command = "notice"
            }
            var properties: [(String, String)] = []
            if let location = entry.location {
                let start = location.span.start, end = location.span.end
                properties.append(("file", report.displayPath(location.file.path)))
                properties.append(("line", String(start.line)))
                properties.append(("endLine", String(end.line)))
                // GitHub only uses columns on one-line annotations.
                if start.line == end.line {
                    // GitHub's endColumn names the last column of the annotation; plancheck's spans end after it.
                    let column = Column.characters(start, in: location.file)
                    let last = Column.characters(end, in: location.file) - 1
                    properties.append(("col", String(column)))
                    properties.append(("endColumn", String(max(last, column))))
                }
            } else if let file = entry.file {
                properties.append(("file", file))
            }
            var title = entry.codeAndTitle
            if entry.heading == .acknowledged { title = entry.heading.word(report.language) + ": " + title }
            properties.append(("title", title))

            var lines = [entry.text]
            if entry.location == nil, let place = entry.place {
                lines[0] = (entry.unit.map { "\(report.unitName($0)) \($0)" } ?? place) + ": " + lines[0]
            }
            lines += entry.detailLines(report.language)
            // What is quoted from inputs is made visible first: the log shows an escape sequence, not its effect.
            let rendered = properties.map { "\($0.0)=\(Self.escapeProperty(VisibleText.escape($0.1)))" }.joined(separator: ",")
            let data = lines.map { VisibleText.escape($0) }.joined(separator: "\n")
            output += "::\(command) \(rendered)::\(Self.escapeData(data))\n"
        }
        return output
    }

    /// The message part: `%`, CR and LF are escaped (a newline becomes a line break in the annotation).
    static func escapeData(_ text: String) -> String { escape(text, also: []) }

    /// A property value: as the message, and also `:` and `,`, which would end the value.
    static func escapeProperty(_ text: String) -> String { escape(text, also: [UInt8(ascii: ":"), UInt8(ascii: ",")]) }

    /// Byte by byte: every byte escaped is ASCII, so UTF-8 sequences pass through whole. Text with nothing to
    /// escape (most of it) is returned as it is.
    private static func escape(_ text: String, also extra: [UInt8]) -> String {
        func special(_ byte: UInt8) -> Bool { byte == 0x25 || byte == 0x0D || byte == 0x0A || extra.contains(byte) }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if special(byte) {
                let hex = String(byte, radix: 16, uppercase: true)
                bytes.append(UInt8(ascii: "%"))
                bytes.append(contentsOf: (hex.count == 1 ? "0" + hex : hex).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
