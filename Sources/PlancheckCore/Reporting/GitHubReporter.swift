/// `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which annotate the file
/// and line in a pull request. One command per failure, acknowledged deviation (as a notice, so it stays visible)
/// and problem with a file; passing results are never annotated.
public struct GitHubReporter: StreamingReporter {
    public init() {}

    public func begin(_ context: ReportContext) -> String { "" }

    public func end(_ context: ReportContext, _ summary: RunSummary) -> String { "" }

    /// Passing results are never annotated, even when passes are shown: an annotation asks for attention.
    public func write(_ entry: ReportEntry, _ report: ReportContext) -> String {
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
            let rendered = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            output += "::\(command) \(rendered)::\(Self.escapeData(lines.joined(separator: "\n")))\n"
        }
        return output
    }

    /// The message part: `%`, CR and LF are escaped (a newline becomes a line break in the annotation).
    static func escapeData(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A property value: as the message, and also `:` and `,`, which would end the value.
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
