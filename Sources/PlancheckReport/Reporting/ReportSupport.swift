import PlancheckRules
import PlancheckYAML

extension ReportEntry {
    /// The lines under the message in plain-text machine formats (annotations, JUnit failures): missing units, the
    /// arithmetic, the plan clause, notes, help and the documentation link.
    func detailLines(_ language: Language) -> [String] {
        func label(_ key: MessageKey) -> String { MessageCatalogue.template(key, language) + ": " }
        var lines: [String] = []
        lines += lackingUnits.lines(language).map { $0.label + ": " + $0.units }
        if let arithmetic { lines.append(label(.labelArithmetic) + arithmetic) }
        if let citation { lines.append(label(.labelPlan) + citation) }
        lines += notes.map { label(.labelNote) + $0.text }
        if let help { lines.append(label(.labelHelp) + help) }
        if let documentation { lines.append(label(.labelDocumentation) + documentation) }
        return lines
    }
}

enum CitationText {
    /// Where in the plan: one wording for every report and the generated reference.
    static func place(_ citation: Citation, language: Language) -> String {
        citation.place(language: language)
    }

    static func line(_ rule: Rule, language: Language) -> String {
        "\(place(rule.citation, language: language))：“\(rule.citation.clause)”"
    }
}

/// Columns recomputed from byte offsets, which are what the YAML layer knows exactly: in characters (Unicode
/// scalars, as plancheck and GitHub count them) or in UTF-16 code units (as SARIF counts them by default).
enum Column {
    /// The 1-based column of `mark` in characters.
    static func characters(_ mark: SourceMark, in file: SourceFile) -> Int {
        prefix(mark, in: file).map { $0.unicodeScalars.count + 1 } ?? mark.column
    }

    /// The 1-based column of `mark` in UTF-16 code units.
    static func utf16(_ mark: SourceMark, in file: SourceFile) -> Int {
        prefix(mark, in: file).map { $0.utf16.count + 1 } ?? mark.column
    }

    /// The text of the mark's line before the mark; nil when the mark does not lie on that line of the file.
    private static func prefix(_ mark: SourceMark, in file: SourceFile) -> String? {
        guard mark.line >= 1, mark.line <= file.lineStarts.count else { return nil }
        let lineStart = file.lineStarts[mark.line - 1]
        let lineEnd = mark.line < file.lineStarts.count ? file.lineStarts[mark.line] : file.bytes.count
        guard mark.offset >= lineStart, mark.offset <= lineEnd else { return nil }
        return String(decoding: file.bytes[lineStart..<mark.offset], as: UTF8.self)
    }
}
