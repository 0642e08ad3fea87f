import PlancheckRules
import PlancheckYAML

/// Every finding to act on, grouped by district (`#unit-210102`), each with its message, the source line
/// with the figure marked, the plan clause and what would fix it.
enum HTMLFindings {
    static func render(_ context: HTMLContext) -> String {
        var byDistrict: [String: [(Int, ReportEntry)]] = [:]
        var city: [(Int, ReportEntry)] = [], other: [(Int, ReportEntry)] = []
        for (index, finding) in context.report.entries.enumerated() where HTMLContext.isListed(finding) {
            if let district = finding.unit {
                byDistrict[district, default: []].append((index, finding))
            } else if finding.rule != nil {
                city.append((index, finding))
            } else {
                other.append((index, finding))
            }
        }
        var html = "<section class=\"card\" id=\"\(context.id("findings"))\">\n<h2>\(HTML.escape(context.t(.findings)))</h2>\n"
        for district in context.districts {
            html += group(district: district, findings: byDistrict[district.code] ?? [], context: context)
        }
        if !city.isEmpty {
            html += "<div class=\"dist\" id=\"\(context.id("unit-whole"))\"><h3>\(HTML.escape(context.t(.aggregates)))</h3>\n"
            for (index, finding) in city { html += article(finding, index: index, context: context) }
            html += "</div>\n"
        }
        if !other.isEmpty {
            html += "<div class=\"dist\" id=\"\(context.id("unit-other"))\"><h3>\(HTML.escape(context.t(.otherFiles)))</h3>\n"
            for (index, finding) in other { html += article(finding, index: index, context: context) }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private static func group(district: District, findings: [(Int, ReportEntry)], context: HTMLContext) -> String {
        let reporting = context.reporting.contains(district.code)
        let shaded = context.isShaded(district.code)
        var html = "<div class=\"dist fl\(shaded ? " shade" : "")\" id=\"\(context.anchor("unit", district.code))\""
        html += " data-kind=\"\(HTML.escape(district.kind))\"><h3>\(HTML.escape(district.name[context.language]))"
        var facts = [district.code, context.kindName(district.kind)]
        let files = Set((context.findingsByDistrict[district.code] ?? []).compactMap(\.file).map(context.report.displayPath)).sorted()
        facts += files
        html += " <small>\(HTML.escape(facts.joined(separator: " · ")))</small>"
        var tally: [CellStatus: Int] = [:]
        for (_, finding) in findings { tally[status(finding), default: 0] += 1 }
        html += "<span class=\"cnt\">"
        for status in CellStatus.allCases { if let count = tally[status] { html += "<span class=\"badge \(status.rawValue)\">\(status.symbol) \(count)</span>" } }
        html += "</span></h3>\n"
        if findings.isEmpty {
            html += "<p class=\"ok\">\(HTML.escape(reporting ? "✓ " + context.t(.noProblems) : context.t(.notSubmitted)))</p>\n"
        }
        for (index, finding) in findings { html += article(finding, index: index, context: context) }
        return html + "</div>\n"
    }

    /// A file problem has no outcome: it shows as its severity.
    static func status(_ finding: ReportEntry) -> CellStatus {
        if let status = CellStatus(finding) { return status }
        switch finding.severity {
        case .error: return .error
        case .warning: return .warning
        case .note: return .note
        }
    }

    static func article(_ finding: ReportEntry, index: Int, context: HTMLContext) -> String {
        let language = context.language
        let status = status(finding)
        var html = "<article class=\"f \(status.rawValue) fl\" id=\"\(context.id("f-\(index)"))\" data-sev=\"\(finding.severity.rawValue)\""
        if let rule = finding.rule { html += " data-sec=\"\(context.section(of: rule))\"" }
        html += "><header><span class=\"badge \(status.rawValue)\">\(status.symbol) \(HTML.escape(status.word(language)))</span>"
        if let rule = finding.rule {
            html += "<a href=\"#\(context.anchor("rule", rule.id))\"><code>\(HTML.escape(finding.code))</code></a> "
        } else {
            html += "<code>\(HTML.escape(finding.code))</code> "
        }
        html += HTML.escape(finding.text) + "</header>\n"
        if let location = finding.location {
            html += "<div class=\"loc\">\(HTML.escape(context.report.displayLocation(location)))</div>\n"
            html += excerpt(location)
            // A share's other figure (the denominator) is on another line: show it too.
            var shown: Set<Int> = [location.span.start.line]
            for figure in finding.figures.prefix(4) {
                guard let place = figure.location, place.file.path == location.file.path,
                      !shown.contains(place.span.start.line) else { continue }
                shown.insert(place.span.start.line)
                html += excerpt(place)
            }
            // A figure written in another file (last year's, read for `prev.`): where it is, and its line.
            for figure in finding.figures.prefix(4) {
                guard let place = figure.location, place.file.path != location.file.path else { continue }
                html += "<div class=\"loc\">\(HTML.escape(figure.label)): \(HTML.escape(context.report.displayLocation(place)))</div>\n"
                html += excerpt(place)
            }
        }
        if finding.rule?.scope == .city {
            html += "<p class=\"fr\"><a href=\"#\(context.anchor("agg", finding.code))\">\(HTML.escape(context.t(.aggregates)))</a></p>\n"
        }
        if let rule = finding.rule {
            html += "<div class=\"fr\"><b>\(HTML.escape(MessageCatalogue.template(.labelPlan, language)))</b>"
            html += HTML.escape(citationPlace(rule, language: language))
            html += "<blockquote>“\(HTML.escape(rule.citation.clause))”</blockquote></div>\n"
        }
        for note in finding.notes {
            html += "<p class=\"fr\"><b>\(HTML.escape(MessageCatalogue.template(.labelNote, language)))</b>"
            html += HTML.escape(note.text) + "</p>\n"
        }
        // The engine already puts an acknowledged deviation into the notes; show it here only when it did not.
        if let deviation = finding.deviation, finding.notes.isEmpty {
            var text = deviation.reason + " (\(context.t(.approvedBy)): \(deviation.approvedBy)"
            if let document = deviation.document { text += ", \(context.t(.document)): \(document)" }
            if let expires = deviation.expires { text += ", \(context.t(.expires)) \(expires)" }
            html += "<p class=\"fr\"><b>\(HTML.escape(context.t(.deviation)))</b>\(HTML.escape(text + ")"))</p>\n"
        }
        if let help = finding.help, finding.outcome != .acknowledged {
            html += "<p class=\"fr\"><b>\(HTML.escape(MessageCatalogue.template(.labelHelp, language)))</b>"
            html += HTML.escape(help) + "</p>\n"
        }
        return html + "</article>\n"
    }

    static func citationPlace(_ rule: Rule, language: Language) -> String {
        rule.citation.place(language: language)
    }

    /// The source line with the located text marked; every part escaped (a submission may hold `<` or `&`).
    static func excerpt(_ location: SourceLocation) -> String {
        let file = location.file
        let line = location.span.start.line
        guard line >= 1, line <= file.lineStarts.count else { return "" }
        let bytes = file.lineBytes(line)
        let lineStart = file.lineStarts[line - 1]
        var start = min(max(location.span.start.offset - lineStart, 0), bytes.count)
        let endOffset = location.span.end.line == line ? location.span.end.offset : lineStart + bytes.count
        var end = min(max(endOffset - lineStart, start), bytes.count)
        let base = bytes.startIndex
        // A zero-width location (a missing key) marks the character it points at.
        if end == start, start < bytes.count {
            end = start + 1
            while end < bytes.count, bytes[base + end] & 0xC0 == 0x80 { end += 1 }
        }
        while start > 0, start < bytes.count, bytes[base + start] & 0xC0 == 0x80 { start -= 1 }
        func text(_ from: Int, _ to: Int) -> String {
            var slice = String(decoding: bytes[(base + from)..<(base + to)], as: UTF8.self)
            while slice.hasSuffix("\r") || slice.hasSuffix("\n") { slice.removeLast() }
            return HTML.escape(slice)
        }
        return "<pre class=\"src\"><span class=\"ln\">\(line)</span>\(text(0, start))<mark>\(text(start, end))</mark>"
            + "\(text(end, bytes.count))</pre>\n"
    }
}
