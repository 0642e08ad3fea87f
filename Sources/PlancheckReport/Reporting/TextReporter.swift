import PlancheckEngine
import PlancheckRules
import PlancheckYAML

/// The human format: compiler-style diagnostics with the source line and carets under the offending text, the
/// arithmetic behind derived checks, the plan clause and a help line; then a summary with counts per severity and
/// tables per district and per failing rule. Lines are kept within `width` display columns (source lines are
/// shown as written).
public struct TextReporter: StreamingReporter, Sendable {
    public var useColor: Bool
    /// Terminal columns to fit in (the CLI passes the terminal's, or `unwrapped` for a pipe); 100 fits a normal
    /// terminal and leaves the source excerpt room.
    public var width: Int
    /// False for `--quiet`: the summary only.
    public var listsEntries = true

    /// A width no line reaches: text that is not broken into lines (output to a pipe or a file).
    public static let unwrapped = 1 << 40

    public init(useColor: Bool, width: Int = 100) {
        self.useColor = useColor
        self.width = width
    }

    /// How many runs the document holds, and how many have begun: each run of several is headed by its group.
    private var runs = 1
    private var runsBegun = 0

    public mutating func beginDocument(runs: Int) -> String {
        self.runs = runs
        return ""
    }

    /// Nothing for an ordinary run; one run of several starts with a heading that names its group and pack (a blank
    /// line before it sets it off from the previous run's summary).
    public mutating func begin(_ context: ReportContext) -> String {
        defer { runsBegun += 1 }
        guard runs > 1 else { return "" }
        let heading = paint("── " + VisibleText.escape(context.runHeading) + " ──", nil, bold: true)
        return (runsBegun > 0 ? "\n" : "") + heading + "\n\n"
    }

    public func text(for entry: ReportEntry, _ context: ReportContext) -> String? {
        guard listsEntries, context.lists(entry) else { return nil }
        return render(entry, language: context.language, baseDirectory: context.baseDirectory) + "\n"
    }

    public func end(_ context: ReportContext, _ summary: RunSummary) -> String {
        incompleteTotals(context, summary) + self.summary(context, summary)
    }

    // MARK: One entry

    /// One diagnostic on its own (a pack's, a configuration's): `pack`, when there is one, names units.
    public func render(_ diagnostic: Diagnostic, language: Language, pack: Pack?) -> String {
        render(ReportEntry.Builder(pack: pack, language: language).entry(.diagnostic(diagnostic)), language: language)
    }

    /// One entry; paths below `baseDirectory` are shown relative to it.
    public func render(_ entry: ReportEntry, language: Language, baseDirectory: String? = nil) -> String {
        // Everything quoted from inputs is made visible (`VisibleText`): a file must not drive the terminal.
        func located(_ location: SourceLocation) -> String {
            VisibleText.escape(DisplayPath.location(location, baseDirectory: baseDirectory))
        }
        let visible = VisibleText.escape
        var lines: [String] = []
        let color = self.color(entry.heading)
        let gutterWidth = String(entry.location?.span.start.line ?? 0).count + 1
        let pad = String(repeating: " ", count: gutterWidth)
        let hanging = pad + "  "

        let label = entry.heading.word(language) + "[\(entry.code)]"
        let message = wrapped(visible(entry.text, false), prefixWidth: DisplayWidth.of(label) + 2, indent: hanging)
        lines.append(paint(label, color, bold: true) + paint(": ", nil, bold: true) + paint(message[0], nil, bold: true))
        lines += message.dropFirst().map { paint($0, nil, bold: true) }

        if let location = entry.location {
            lines.append("\(pad.dropLast())\(paint("-->", .blue)) \(located(location))")
            lines += excerpt(location, gutter: gutterWidth, color: color)
        } else if let place = entry.place {
            lines.append("\(pad.dropLast())\(paint("-->", .blue)) \(visible(place, false))")
        }
        let bar = paint(pad + "=", .blue)
        func item(_ key: MessageKey, _ text: String, _ labelColor: ANSIColor? = nil) {
            item(MessageCatalogue.template(key, language), text, labelColor)
        }
        func item(_ name: String, _ text: String, _ labelColor: ANSIColor? = nil) {
            let body = wrapped(visible(text, false), prefixWidth: gutterWidth + 4 + DisplayWidth.of(name), indent: hanging)
            lines.append("\(bar) \(paint(name, labelColor)): \(body[0])")
            lines += body.dropFirst()
        }

        // The figures behind the result: a share's parts, an aggregate's contributions, each where it is written;
        // a single figure too when it is written in another file than the one shown (last year's, for `prev.`).
        let elsewhere = entry.figures.contains { figure in
            figure.location.map { $0.file.path != entry.location?.file.path } ?? false
        }
        if entry.figures.count > 1 || (entry.unit == nil && entry.rule != nil && !entry.figures.isEmpty) || elsewhere {
            lines.append("\(bar) \(MessageCatalogue.template(.labelFigures, language)):")
            let shown = entry.figures.prefix(40)
            let labelWidth = min(shown.map { DisplayWidth.of(visible($0.label, false)) }.max() ?? 0, 30)
            for figure in shown {
                let label = visible(figure.label, false)
                let padded = label + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
                let head = "\(hanging)  \(padded) = \(figure.quantity)"
                let place = figure.location.map { "(\(located($0)))" } ?? ""
                if DisplayWidth.of(head) + 2 + DisplayWidth.of(place) <= width || place.isEmpty {
                    lines.append(place.isEmpty ? head : head + "  " + place)
                } else {
                    // Too long for one line: the location goes below its figure.
                    lines.append(head)
                    lines.append("\(hanging)      \(place)")
                }
            }
            if entry.figures.count > 40 { lines.append("\(hanging)  …") }
        }
        for line in entry.lackingUnits.lines(language) { item(line.label, line.units) }
        if let arithmetic = entry.arithmetic { item(.labelArithmetic, arithmetic) }
        if let citation = entry.citation { item(.labelPlan, citation) }
        for note in entry.notes { item(.labelNote, note.text) }
        if let help = entry.help { item(.labelHelp, help, .green) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrapped(_ text: String, prefixWidth: Int, indent: String) -> [String] {
        let lines = DisplayWidth.wrap(text, firstWidth: width - prefixWidth, width: width - indent.count)
        return [lines[0]] + lines.dropFirst().map { indent + $0 }
    }

    private func color(_ heading: ReportEntry.Heading) -> ANSIColor {
        switch heading {
        case .error: return .red
        case .warning: return .yellow
        case .note, .acknowledged: return .cyan
        case .passed, .passedWithinTolerance: return .green
        case .notEvaluated, .notCheckable: return .blue
        }
    }

    /// The source line(s) with carets under the span. Widths are display columns, so CJK text lines up.
    func excerpt(_ location: SourceLocation, gutter: Int, color: ANSIColor) -> [String] {
        let file = location.file
        let line = location.span.start.line
        guard line >= 1, line <= file.lineStarts.count else { return [] }
        let lineStart = file.lineStarts[line - 1]
        let lineBytes = file.lineBytes(line)
        let lineText = String(decoding: lineBytes, as: UTF8.self)
        let startInLine = min(max(location.span.start.offset - lineStart, 0), lineBytes.count)
        let endOffset = location.span.end.line == line ? location.span.end.offset : lineStart + lineBytes.count
        let endInLine = min(max(endOffset - lineStart, startInLine), lineBytes.count)
        let base = lineBytes.startIndex
        // Escaped as the line is shown, so that the carets stay under the characters they mark.
        let prefix = VisibleText.escape(String(decoding: lineBytes[base..<(base + startInLine)], as: UTF8.self))
        let marked = VisibleText.escape(String(decoding: lineBytes[(base + startInLine)..<(base + endInLine)], as: UTF8.self))
        let pad = String(repeating: " ", count: gutter)
        let number = String(line).padding(toLength: gutter - 1)
        let caretCount = max(1, DisplayWidth.of(marked))
        return [
            paint(pad + "|", .blue),
            paint(number + " |", .blue) + " " + DisplayWidth.displayLine(VisibleText.escape(lineText)),
            paint(pad + "|", .blue) + " " + String(repeating: " ", count: DisplayWidth.of(prefix))
                + paint(String(repeating: "^", count: caretCount), color, bold: true),
        ]
    }

    // MARK: Summary

    /// The totals without a verdict, as one block before the summary; empty when there are none. When results are
    /// listed one by one (`--show-passes`) the block still comes: it is the overview.
    func incompleteTotals(_ report: ReportContext, _ summary: RunSummary) -> String {
        guard let block = report.incompleteTotals(summary.incompleteTotals) else { return "" }
        var lines = [paint(block.title, .blue, bold: true)]
        for item in block.items {
            lines += DisplayWidth.wrap(item, firstWidth: width - 4, width: width - 4).enumerated()
                .map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
        }
        lines += DisplayWidth.wrap(block.help, firstWidth: width - 2, width: width - 2).map { "  " + paint($0, .green) }
        return lines.joined(separator: "\n") + "\n\n"
    }

    func summary(_ report: ReportContext, _ summary: RunSummary) -> String {
        let tally = summary.tally
        let language = report.language
        let vocabulary = report.vocabulary
        var lines: [String] = []
        lines.append(paint(MessageCatalogue.template(.summaryHeader, language), nil, bold: true))
        lines += DisplayWidth.wrap(summary.filesMessage.rendered(in: language, vocabulary: vocabulary), firstWidth: width, width: width)
        lines += DisplayWidth.wrap(summary.outcomesMessage.rendered(in: language, vocabulary: vocabulary), firstWidth: width, width: width)

        let byUnit = summary.tallyByUnit
        if !byUnit.isEmpty {
            lines.append("")
            lines.append(paint(MessageCatalogue.text(.summaryByDistrict, language, vocabulary), nil, bold: true))
            let rows = byUnit.map { row -> (String, OutcomeCounts) in
                guard let code = row.unit else { return (MessageCatalogue.text(.labelCityWide, language, vocabulary), row.counts) }
                return (VisibleText.escape("\(report.unitName(code)) \(code)"), row.counts)
            }
            lines += table(firstHeader: MessageCatalogue.text(.labelDistrict, language, vocabulary), rows: rows, language: language)
        }
        let byRule = summary.tallyOfFailingRules
        if !byRule.isEmpty {
            lines.append("")
            lines.append(paint(MessageCatalogue.template(.summaryByRule, language), nil, bold: true))
            let rows = byRule.map { (VisibleText.escape("\($0.rule.id) \($0.rule.title[language])"), $0.counts) }
            lines += table(firstHeader: MessageCatalogue.template(.labelRule, language), rows: rows, language: language)
        }
        lines.append("")
        let countsLine = Message(.summaryCounts, [
            "errors": .number(tally.errors), "warnings": .number(tally.warnings),
            "notes": .number(tally.notes)]).rendered(in: language, vocabulary: vocabulary)
        lines.append(tally.errors > 0 ? paint(countsLine, .red, bold: true)
                     : tally.warnings > 0 ? paint(countsLine, .yellow, bold: true) : paint(countsLine, .green, bold: true))
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table of tallies: the first column left-aligned (cut with `…` so the table fits `width`), numbers
    /// right-aligned under their headers; widths in display columns so Chinese headers line up.
    func table(firstHeader: String, rows: [(String, OutcomeCounts)], language: Language) -> [String] {
        let headers: [MessageKey] = [.tableEvaluated, .tablePassed, .tableFailed, .tableNotEvaluated, .tableAcknowledged]
        let headerTexts = headers.map { MessageCatalogue.template($0, language) }
        let columnWidths = headerTexts.map { max(DisplayWidth.of($0), 5) }
        let numbersWidth = columnWidths.reduce(0) { $0 + $1 + 2 }
        let firstLimit = max(12, width - numbersWidth - 2)
        let firstWidth = min(firstLimit, max(DisplayWidth.of(firstHeader), rows.map { DisplayWidth.of($0.0) }.max() ?? 0))
        func cell(_ text: String, _ width: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
            return right ? fill + text : text + fill
        }
        func line(_ first: String, _ cells: [String]) -> String {
            var text = "  " + cell(DisplayWidth.truncate(first, to: firstWidth), firstWidth, right: false)
            for (value, width) in zip(cells, columnWidths) { text += "  " + cell(value, width, right: true) }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [paint(line(firstHeader, headerTexts), nil, bold: true)]
        for (name, tally) in rows {
            let values = [tally.evaluated, tally.passedInAll, tally.failed, tally.notEvaluated, tally.acknowledged]
            let text = line(name, values.map { String($0) })
            lines.append(tally.failed > 0 ? paint(text, .red) : text)
        }
        return lines
    }

    // MARK: Colour

    enum ANSIColor: String {
        case red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
    }

    func paint(_ text: String, _ color: ANSIColor?, bold: Bool = false) -> String {
        guard useColor, color != nil || bold else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let color { codes.append(color.rawValue) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
