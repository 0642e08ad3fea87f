import PlancheckRules
import PlancheckValues

/// One chart per growth, level or share figure that district rules check: every district's planned figure
/// against the targets (a line per rule, over the districts it applies to; the tolerance band for 左右), with
/// the 县域 group shaded. The same drawing serves 13 districts (named marks) and 300 (a dense strip).
enum HTMLCharts {
    /// The rules about one figure (`gdp_growth`, `share(livelihood_spending, general_budget_spending)`).
    struct Group {
        var value: String
        var rules: [Rule]
    }

    static let lineColours = ["#1f3a5f", "#d84315", "#6a1b9a", "#00838f"]

    static func groups(_ context: HTMLContext) -> [Group] {
        var groups: [Group] = []
        for rule in context.districtRules {
            guard case .compare(let comparison) = rule.check else { continue }
            let value = comparison.value.text
            let kind = context.report.pack.indicator(value)?.kind ?? (value.hasPrefix("share(") ? .share : nil)
            guard let kind, kind == .growth || kind == .level || kind == .share else { continue }
            if let index = groups.firstIndex(where: { $0.value == value }) {
                groups[index].rules.append(rule)
            } else {
                groups.append(Group(value: value, rules: [rule]))
            }
        }
        return groups
    }

    static func render(_ context: HTMLContext) -> String {
        var html = "<section class=\"card\" id=\"\(context.id("charts"))\">\n<h2>\(HTML.escape(context.t(.charts)))</h2>\n"
        let shaded = context.shadedNote.map { " " + $0 + (context.language == .zh ? "。" : ".") } ?? ""
        html += "<p class=\"note\">\(HTML.escape(context.t(.chartNote)))\(HTML.escape(shaded))</p>\n"
        html += "<div class=\"charts\">\n"
        for group in groups(context) { html += chart(group, context: context) }
        return html + "</div>\n</section>\n"
    }

    /// A target line's value per column, and the band of values the engine accepted within tolerance.
    struct TargetLine {
        var rule: Rule
        var colour: String
        var values: [Int: Double] = [:]
        var bands: [Int: (Double, Double)] = [:]
        /// How far the band reaches below and above the target, where some result was judged with one.
        var bandOffsets: (Double, Double)?
    }

    static func chart(_ group: Group, context: HTMLContext) -> String {
        let language = context.language
        let columns = context.districts.filter { district in
            group.rules.contains { $0.applies(toDistrict: district.code, kind: district.kind) }
        }.enumerated().sorted { lhs, rhs in
            let left = context.isShaded(lhs.element.code), right = context.isShaded(rhs.element.code)
            return left == right ? lhs.offset < rhs.offset : !left
        }.map(\.element)
        guard !columns.isEmpty else { return "" }

        // Each district's figure (the first rule's actual value) and its worst result in this group.
        let unit = group.rules.lazy.compactMap { context.findingsByRule[$0.id]?.values.lazy.flatMap { $0 }
            .compactMap { $0.evidence?.value }.first?.unit }.first
        var values: [Int: (Double, String)] = [:]
        var statuses: [Int: (CellStatus, ReportEntry)] = [:]
        var lines: [TargetLine] = []
        for (ruleIndex, rule) in group.rules.enumerated() {
            var line = TargetLine(rule: rule, colour: lineColours[ruleIndex % lineColours.count])
            for (column, district) in columns.enumerated()
            where rule.applies(toDistrict: district.code, kind: district.kind) {
                for finding in context.findingsByRule[rule.id]?[district.code] ?? [] {
                    if values[column] == nil, let actual = finding.evidence?.value, let value = SVG.double(actual, in: unit) {
                        values[column] = (value, QuantityText.display(actual, in: language))
                    }
                    if let status = CellStatus(finding), status.rank < (statuses[column]?.0.rank ?? Int.max) {
                        statuses[column] = (status, finding)
                    }
                    if let expected = SVG.double(finding.evidence?.expected, in: unit) {
                        line.values[column] = expected
                        // The band as judged: from the lower edge to the upper, or to the target on a one-sided one.
                        if let band = finding.evidence?.band {
                            let lower = SVG.double(band.lower, in: unit) ?? expected
                            let upper = SVG.double(band.upper, in: unit) ?? expected
                            line.bands[column] = (lower, upper)
                            line.bandOffsets = (expected - lower, upper - expected)
                        }
                    }
                }
            }
            fillConstantTarget(&line, rule: rule, columns: columns)
            // Columns whose result was not judged get the band of the judged ones, about their own target.
            if let (below, above) = line.bandOffsets {
                for (column, value) in line.values where line.bands[column] == nil {
                    line.bands[column] = (value - below, value + above)
                }
            }
            lines.append(line)
        }

        let title = context.report.pack.indicator(group.value)?.name[language] ?? group.rules[0].title[language]
        let unitText = unit.map { $0.symbol.isEmpty ? "" : language == .zh ? "（\($0.symbol)）" : " (\($0.symbol))" } ?? ""
        let sections = Set(group.rules.map { String(context.section(of: $0)) }).sorted().joined(separator: " ")
        let severities = Set(group.rules.map(\.severity.rawValue)).sorted().joined(separator: " ")
        var svg = "<figure class=\"chart fl\" id=\"\(context.anchor("chart", group.value))\" data-sec=\"\(sections)\" data-sev=\"\(severities)\">"
        svg += "<figcaption>\(HTML.escape(title + unitText))</figcaption>\n"
        // Nobody reported the figure (an optional indicator): say so instead of drawing an empty frame.
        guard !values.isEmpty else {
            svg += "<p class=\"note\">\(HTML.escape(context.t(.allMissing))) (\(columns.count))</p>"
            return svg + legend(lines, context: context) + "</figure>\n"
        }

        // Vertical domain: zoomed onto the figures and targets, so a 0.3-point shortfall is visible.
        var all = values.values.map(\.0)
        for line in lines {
            all += line.values.values
            all += line.bands.values.flatMap { [$0.0, $0.1] }
        }
        let low0 = all.min() ?? 0, high0 = all.max() ?? 1
        let pad = high0 > low0 ? (high0 - low0) * 0.12 : max(abs(high0) * 0.1, 1)
        let (ticks, places) = SVG.ticks(low0 - pad, high0 + pad, count: 5)
        let low = min(low0 - pad, ticks.first ?? low0), high = max(high0 + pad, ticks.last ?? high0)

        let labelled = columns.count <= 40
        let width = 720.0, left = 50.0, right = 12.0, top = 16.0, plotHeight = 180.0
        let bottom = labelled ? 66.0 : 24.0
        let height = top + plotHeight + bottom
        let columnWidth = (width - left - right) / Double(columns.count)
        let y = SVG.Scale(domain: (low, high), range: (top + plotHeight, top))
        func x(_ column: Int) -> Double { left + (Double(column) + 0.5) * columnWidth }
        func n(_ value: Double) -> String { SVG.number(value) }

        svg += "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">\n"

        // The group the pack shades (Shenyang's 县域), shaded and named.
        let county = columns.indices.filter { context.isShaded(columns[$0].code) }
        if let first = county.first, let last = county.last {
            let x0 = left + Double(first) * columnWidth, x1 = left + Double(last + 1) * columnWidth
            svg += "<rect x=\"\(n(x0))\" y=\"\(n(top))\" width=\"\(n(x1 - x0))\" height=\"\(n(plotHeight))\" fill=\"#fbf1dc\"/>"
            let name = context.shadedKind.map(context.kindName) ?? ""
            svg += "<text x=\"\(n(x1 - 4))\" y=\"\(n(top + 12))\" text-anchor=\"end\" font-size=\"11\" fill=\"#8a5a00\">\(HTML.escape(name))</text>\n"
        }
        // Grid and axis labels.
        svg += "<g font-size=\"11\" fill=\"#5f6b7a\" text-anchor=\"end\">"
        for tick in ticks {
            svg += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\" stroke=\"#e3e7ec\"/>"
            svg += "<text x=\"\(n(left - 5))\" y=\"\(n(y(tick) + 4))\">\(SVG.number(tick, places: places))</text>"
        }
        svg += "</g>\n"
        // Bands, then target lines, each drawn per run of columns with the same value.
        for line in lines {
            for run in runs(line.bands.mapValues { "\($0.0)|\($0.1)" }, count: columns.count) {
                guard let band = line.bands[run.lowerBound] else { continue }
                let x0 = left + Double(run.lowerBound) * columnWidth, x1 = left + Double(run.upperBound) * columnWidth
                svg += "<rect x=\"\(n(x0))\" y=\"\(n(y(band.1)))\" width=\"\(n(x1 - x0))\" height=\"\(n(max(1, y(band.0) - y(band.1))))\""
                svg += " fill=\"\(line.colour)\" fill-opacity=\".13\"/>"
            }
            for run in runs(line.values.mapValues { "\($0)" }, count: columns.count) {
                guard let value = line.values[run.lowerBound] else { continue }
                let x0 = left + Double(run.lowerBound) * columnWidth, x1 = left + Double(run.upperBound) * columnWidth
                svg += "<line x1=\"\(n(x0))\" x2=\"\(n(x1))\" y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\" stroke=\"\(line.colour)\""
                svg += " stroke-width=\"1.6\" stroke-dasharray=\"6 3\"><title>\(HTML.escape(line.rule.id))</title></line>"
            }
        }
        svg += "\n"
        // Marks: a stem from the target to a failing figure shows the size of the shortfall.
        let radius = labelled ? 5.5 : (columns.count <= 120 ? 3.5 : 2.4)
        for (column, district) in columns.enumerated() {
            let name = "\(district.name[language]) \(district.code)"
            guard let (value, text) = values[column] else {
                svg += "<circle cx=\"\(n(x(column)))\" cy=\"\(n(top + plotHeight - radius - 1))\" r=\"\(n(radius * 0.7))\" fill=\"none\""
                svg += " stroke=\"#9aa5b1\"><title>\(HTML.escape(name)): \(HTML.escape(context.t(.figureMissing)))</title></circle>"
                continue
            }
            let status = statuses[column]?.0 ?? .passed
            if [.error, .warning, .note, .acknowledged].contains(status),
               let target = SVG.double(statuses[column]?.1.evidence?.expected, in: unit) {
                svg += "<line x1=\"\(n(x(column)))\" x2=\"\(n(x(column)))\" y1=\"\(n(y(target)))\" y2=\"\(n(y(value)))\""
                svg += " stroke=\"\(colour(status))\" stroke-width=\"\(labelled ? 2 : 1)\"/>"
            }
            let label = "\(name): \(text)" + (status.rank <= CellStatus.tolerance.rank ? " · " + status.word(language) : "")
            svg += shape(status, x: x(column), y: y(value), r: radius, title: label)
        }
        // District names under the columns (13 districts), or a count (300).
        if labelled {
            svg += "\n<g font-size=\"11\" text-anchor=\"end\">"
            for (column, district) in columns.enumerated() {
                let colour = context.isShaded(district.code) ? "#8a5a00" : "#1c2733"
                let ly = top + plotHeight + 12
                svg += "<text x=\"\(n(x(column) + 3))\" y=\"\(n(ly))\" transform=\"rotate(-40 \(n(x(column) + 3)) \(n(ly)))\" fill=\"\(colour)\">"
                svg += HTML.escape(district.name[language]) + "</text>"
            }
            svg += "</g>"
        } else {
            svg += "<text x=\"\(n(left))\" y=\"\(n(height - 6))\" font-size=\"11\" fill=\"#5f6b7a\">"
            svg += context.report.vocabulary.fill(zh: "\(columns.count) 个{units}", en: "\(columns.count) {units}", in: language,
                                                  count: columns.count) + "</text>"
        }
        svg += "\n</svg>\n"
        svg += legend(lines, context: context)
        return svg + "</figure>\n"
    }

    /// Rules whose target does not depend on the district (`at_least: 5.5%`) get their line across every
    /// district they apply to, including those that did not report the figure.
    private static func fillConstantTarget(_ line: inout TargetLine, rule: Rule, columns: [District]) {
        let distinct = Set(line.values.values)
        guard distinct.count == 1, let value = distinct.first else { return }
        for (column, district) in columns.enumerated() where rule.applies(toDistrict: district.code, kind: district.kind) {
            line.values[column] = value
        }
    }

    /// Consecutive columns with the same key, as half-open ranges.
    static func runs(_ keys: [Int: String], count: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var column = 0
        while column < count {
            guard let key = keys[column] else { column += 1; continue }
            var end = column + 1
            while end < count, keys[end] == key { end += 1 }
            result.append(column..<end)
            column = end
        }
        return result
    }

    static func colour(_ status: CellStatus) -> String {
        switch status {
        case .error: return "#c62828"
        case .warning: return "#c77800"
        case .note: return "#1559b0"
        case .acknowledged: return "#6a1b9a"
        case .tolerance: return "#00897b"
        case .passed: return "#2e7d32"
        case .notEvaluated: return "#90a4ae"
        case .notCheckable: return "#b0b0b0"
        }
    }

    /// A distinct shape per result, so the chart reads without colour: ● pass, ◆ within tolerance, ✗ error,
    /// ▲ warning, ■ note, □ acknowledged.
    static func shape(_ status: CellStatus, x: Double, y: Double, r: Double, title: String) -> String {
        func n(_ value: Double) -> String { SVG.number(value) }
        let fill = colour(status)
        let tip = "<title>\(HTML.escape(title))</title>"
        switch status {
        case .error:
            let s = r * 0.95
            return "<path d=\"M\(n(x - s)) \(n(y - s))L\(n(x + s)) \(n(y + s))M\(n(x + s)) \(n(y - s))L\(n(x - s)) \(n(y + s))\" stroke=\"\(fill)\" stroke-width=\"\(n(max(1.5, r * 0.5)))\" stroke-linecap=\"round\">\(tip)</path>"
        case .warning:
            return "<path d=\"M\(n(x)) \(n(y - r * 1.1))L\(n(x + r)) \(n(y + r * 0.8))L\(n(x - r)) \(n(y + r * 0.8))Z\" fill=\"\(fill)\">\(tip)</path>"
        case .note:
            return "<rect x=\"\(n(x - r * 0.8))\" y=\"\(n(y - r * 0.8))\" width=\"\(n(r * 1.6))\" height=\"\(n(r * 1.6))\" fill=\"\(fill)\">\(tip)</rect>"
        case .acknowledged:
            return "<rect x=\"\(n(x - r * 0.8))\" y=\"\(n(y - r * 0.8))\" width=\"\(n(r * 1.6))\" height=\"\(n(r * 1.6))\" fill=\"#fff\" stroke=\"\(fill)\" stroke-width=\"\(n(max(1.2, r * 0.4)))\">\(tip)</rect>"
        case .tolerance:
            return "<path d=\"M\(n(x)) \(n(y - r * 1.2))L\(n(x + r)) \(n(y))L\(n(x)) \(n(y + r * 1.2))L\(n(x - r)) \(n(y))Z\" fill=\"\(fill)\">\(tip)</path>"
        default:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\">\(tip)</circle>"
        }
    }

    private static func legend(_ lines: [TargetLine], context: HTMLContext) -> String {
        var html = "<div class=\"rl\">"
        for line in lines {
            let rule = line.rule
            var target = ""
            if let evidence = context.findingsByRule[rule.id]?.values.lazy.flatMap({ $0 }).compactMap(\.evidence).first {
                target = context.target(evidence)
            }
            // A target that differs by district (in step with the district's own GDP growth) is named, not valued.
            if case .compare(let comparison) = rule.check, Set(line.values.values).count > 1 {
                target = comparison.relation.symbol + " " + comparison.target.text
            }
            html += "<span style=\"--lc:\(line.colour)\"><b></b><a href=\"#\(context.anchor("rule", rule.id))\">\(HTML.escape(rule.id))</a> "
            html += "\(HTML.escape(target)) · \(HTML.escape(applicability(rule, context: context)))</span>"
        }
        return html + "</div>\n"
    }

    static func applicability(_ rule: Rule, context: HTMLContext) -> String {
        switch rule.appliesTo {
        case .all: return allUnits(context)
        case .kinds(let kinds):
            if Set(kinds) == Set(context.report.pack.districtKinds.map(\.id)) { return allUnits(context) }
            return kinds.map(context.kindName).joined(separator: context.language == .zh ? "、" : ", ")
        case .districts(let codes):
            return codes.map(context.name).joined(separator: context.language == .zh ? "、" : ", ")
        }
    }

    private static func allUnits(_ context: HTMLContext) -> String {
        context.report.vocabulary.fill(zh: "全部{unit}", en: "all {units}", in: context.language)
    }
}
