import PlancheckYAML

/// The human format: compiler-style diagnostics with the source line and a caret under the offending text,
/// the plan clause, and a help line; then a summary.
public struct TextReporter: Reporter {
    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    public func render(_ report: Report) -> String {
        var output = ""
        for finding in report.findings where finding.isReportable || (report.showPasses && finding.outcome != nil) {
            output += render(finding, language: report.language, pack: report.pack)
            output += "\n"
        }
        output += summary(report)
        return output
    }

    // MARK: One finding

    /// One finding; `pack` (when there is one) gives district names.
    public func render(_ finding: Finding, language: Language, pack: Pack?) -> String {
        var lines: [String] = []
        let (word, color) = heading(finding, language: language)
        let title = "\(paint(word + "[\(finding.code)]", color, bold: true))\(paint(": ", nil, bold: true))"
            + paint(finding.message.rendered(in: language), nil, bold: true)
        lines.append(title)

        let gutterWidth = String(finding.location?.span.start.line ?? 0).count + 1
        let pad = String(repeating: " ", count: gutterWidth)
        if let location = finding.location {
            lines.append("\(pad.dropLast())\(paint("-->", .blue)) \(location.description)")
            lines += excerpt(location, gutter: gutterWidth, color: color)
        } else if let district = finding.district {
            let name = pack?.district(district).map { $0.name[language] } ?? district
            lines.append("\(pad.dropLast())\(paint("-->", .blue)) \(name) (\(district))")
        } else if finding.rule != nil {
            lines.append("\(pad.dropLast())\(paint("-->", .blue)) \(language == .zh ? "全市" : "city-wide")")
        }
        let bar = paint(pad + "=", .blue)

        // The figures behind the result: a share's parts, an aggregate's contributions.
        if finding.figures.count > 1 || (finding.rule?.scope == .city && !finding.figures.isEmpty) {
            lines.append("\(bar) \(MessageCatalogue.template(.labelFigures, language)):")
            for figure in finding.figures.prefix(40) {
                let place = figure.location.map { " (\($0.description))" } ?? ""
                lines.append("\(pad)    \(figure.label.rendered(in: language)) = \(figure.quantity)\(place)")
            }
            if finding.figures.count > 40 { lines.append("\(pad)    …") }
        }
        if !finding.missingDistricts.isEmpty {
            let names = finding.missingDistricts.map { code in
                pack?.district(code).map { "\($0.name[language]) \(code)" } ?? code
            }
            lines.append("\(bar) \(MessageCatalogue.template(.labelMissingDistricts, language)): \(names.joined(separator: language == .zh ? "、" : ", "))")
        }
        if let rule = finding.rule {
            lines.append("\(bar) \(MessageCatalogue.template(.labelPlan, language)): \(citation(rule, language: language))")
        }
        for note in finding.notes {
            lines.append("\(bar) \(MessageCatalogue.template(.labelNote, language)): \(note.rendered(in: language))")
        }
        if let help = finding.help, finding.outcome != .acknowledged {
            lines.append("\(bar) \(paint(MessageCatalogue.template(.labelHelp, language), .green)): \(help.rendered(in: language))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func heading(_ finding: Finding, language: Language) -> (String, ANSIColor) {
        if let outcome = finding.outcome, outcome != .failed {
            switch outcome {
            case .acknowledged: return (MessageCatalogue.template(.labelAcknowledged, language), .cyan)
            case .passed: return (MessageCatalogue.template(.outcomePassedWord, language), .green)
            case .passedWithinTolerance: return (MessageCatalogue.template(.outcomeWithinToleranceWord, language), .green)
            case .notEvaluated: return (MessageCatalogue.template(.outcomeNotEvaluatedWord, language), .blue)
            default: return (MessageCatalogue.template(.outcomeNotCheckableWord, language), .blue)
            }
        }
        switch finding.severity {
        case .error: return (MessageCatalogue.template(.severityError, language), .red)
        case .warning: return (MessageCatalogue.template(.severityWarning, language), .yellow)
        case .note: return (MessageCatalogue.template(.severityNote, language), .cyan)
        }
    }

    func citation(_ rule: Rule, language: Language) -> String {
        var place = rule.citation.part
        if let section = rule.citation.section { place += " " + section }
        if let item = rule.citation.item { place += language == .zh ? " 第\(item)项" : " item \(item)" }
        return "\(place)：“\(rule.citation.clause)”"
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
        let prefix = String(decoding: lineBytes[base..<(base + startInLine)], as: UTF8.self)
        let marked = String(decoding: lineBytes[(base + startInLine)..<(base + endInLine)], as: UTF8.self)
        let pad = String(repeating: " ", count: gutter)
        let number = String(line).padding(toLength: gutter - 1)
        let caretCount = max(1, DisplayWidth.of(marked))
        return [
            paint(pad + "|", .blue),
            paint(number + " |", .blue) + " " + DisplayWidth.displayLine(lineText),
            paint(pad + "|", .blue) + " " + String(repeating: " ", count: DisplayWidth.of(prefix))
                + paint(String(repeating: "^", count: caretCount), color, bold: true),
        ]
    }

    // MARK: Summary

    func summary(_ report: Report) -> String {
        let counts = report.counts
        let language = report.language
        var lines: [String] = []
        lines.append(paint(MessageCatalogue.template(.summaryHeader, language), nil, bold: true))
        lines.append(Message(.summaryFiles, [
            "files": .number(report.files.count), "pack": .text(report.pack.id), "version": .text(report.pack.version),
            "rules": .number(report.pack.rules.count)]).rendered(in: language))
        lines.append(Message(.summaryOutcomes, [
            "evaluated": .number(counts.evaluated), "passed": .number(counts.passed),
            "within": .number(counts.withinTolerance), "failed": .number(counts.failed),
            "acknowledged": .number(counts.acknowledged), "notEvaluated": .number(counts.notEvaluated),
            "notCheckable": .number(counts.notCheckable)]).rendered(in: language))
        let countsLine = Message(.summaryCounts, [
            "errors": .number(counts.errors), "warnings": .number(counts.warnings),
            "notes": .number(counts.notes)]).rendered(in: language)
        lines.append(counts.errors > 0 ? paint(countsLine, .red, bold: true) : countsLine)
        return lines.joined(separator: "\n") + "\n"
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
