import PlancheckRules
import PlancheckValues

/// City-total (aggregate) rules: each rule's result, its total against the target, and the districts'
/// contributions stacked in one bar, with the districts that did not report named.
enum HTMLAggregates {
    static func render(_ context: HTMLContext) -> String {
        var withFigures: [Rule] = [], withoutFigures: [Rule] = [], notCheckable: [Rule] = []
        for rule in context.cityRules {
            let findings = findings(of: rule, context: context)
            if case .notCheckable = rule.check {
                notCheckable.append(rule)
            } else if findings.contains(where: { !$0.figures.isEmpty }) {
                withFigures.append(rule)
            } else {
                withoutFigures.append(rule)
            }
        }
        var html = "<section class=\"card\" id=\"\(context.id("aggregates"))\">\n<h2>\(HTML.escape(context.t(.aggregates)))</h2>\n"
        html += "<p class=\"note\">\(HTML.escape(context.t(.aggregateNote)))</p>\n"
        html += "<table class=\"agg\">\n<thead><tr><th>\(HTML.escape(context.t(.outcomeSummary)))</th>"
        html += "<th>\(HTML.escape(context.t(.rules)))</th><th>\(HTML.escape(context.t(.total)))</th>"
        html += "<th>\(HTML.escape(context.t(.contributions)))</th></tr></thead>\n"
        let groups: [([Rule], String)] = [
            (withFigures, context.report.vocabulary.fill(zh: "有{unit}填报", en: "Reported by {units}", in: context.language)),
            (withoutFigures, context.t(.allMissing)),
            (notCheckable, MessageCatalogue.template(.outcomeNotCheckableWord, context.language)),
        ]
        if !withFigures.isEmpty {
            html += "<tbody class=\"sub\"><tr><th colspan=\"4\">\(HTML.escape(groups[0].1)) (\(withFigures.count))</th></tr></tbody>\n<tbody>\n"
            for rule in withFigures { html += row(rule, context: context) }
            html += "</tbody>\n"
        }
        html += "</table>\n"
        // Rules nobody could contribute to take one line each: a hundred empty charts would bury the rest.
        for (rules, heading) in groups.dropFirst() where !rules.isEmpty {
            html += "<h3 class=\"sub\">\(HTML.escape(heading)) (\(rules.count))</h3>\n<div class=\"chips\">\n"
            for rule in rules { html += chip(rule, context: context) }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private static func chip(_ rule: Rule, context: HTMLContext) -> String {
        let findings = findings(of: rule, context: context)
        var html = "<div class=\"chip fl\" id=\"\(context.anchor("agg", rule.id))\" data-sec=\"\(context.section(of: rule))\""
        html += " data-sev=\"\(rule.severity.rawValue)\""
        if let message = findings.first?.text { html += " title=\"\(HTML.escape(HTML.clip(message)))\"" }
        html += ">" + outcomeCell(findings, context: context).replacingTag("td", with: "span")
        html += " <a href=\"#\(context.anchor("rule", rule.id))\">\(HTML.escape(rule.id))</a> \(HTML.escape(rule.title[context.language]))"
        let missing = findings.first?.missingUnits.count ?? 0
        if missing > 0, missing < context.report.pack.districts.count {
            html += " <small>\(HTML.escape(context.t(.missing))) \(missing)</small>"
        }
        return html + "</div>\n"
    }

    static func findings(of rule: Rule, context: HTMLContext) -> [ReportEntry] {
        (context.findingsByRule[rule.id] ?? [:]).sorted { $0.key < $1.key }.flatMap(\.value)
    }

    private static func row(_ rule: Rule, context: HTMLContext) -> String {
        let language = context.language
        let findings = findings(of: rule, context: context)
        var html = "<tr id=\"\(context.anchor("agg", rule.id))\" class=\"fl\" data-sec=\"\(context.section(of: rule))\""
        html += " data-sev=\"\(rule.severity.rawValue)\">"
        html += outcomeCell(findings, context: context)
        var citation = context.sections[context.section(of: rule)].short
        if let item = rule.citation.item { citation += language == .zh ? " 第\(item)项" : " item \(item)" }
        html += "<td><a href=\"#\(context.anchor("rule", rule.id))\"><b>\(HTML.escape(rule.id))</b></a> "
        html += "\(HTML.escape(rule.title[language]))<br><small>\(HTML.escape(citation))</small></td>"

        guard let finding = findings.first else { return html + "<td></td><td></td></tr>\n" }
        html += "<td class=\"tt\">"
        if let actual = finding.evidence?.value { html += "<b>\(HTML.escape(QuantityText.display(actual, in: language)))</b><br>" }
        if let evidence = finding.evidence {
            html += "<small>\(HTML.escape(context.t(.target))) \(HTML.escape(context.target(evidence)))</small>"
        }
        if let gap = finding.evidence?.gap, finding.outcome == .failed || finding.outcome == .acknowledged {
            html += "<br><small style=\"color:var(--e)\">\(HTML.escape(context.t(.shortfall))) "
            let size = Quantity(gap.value.magnitude, gap.unit)
            html += "\(HTML.escape(QuantityText.display(size, in: language)))</small>"
        }
        html += "</td><td class=\"fig\">"
        if case .notCheckable = rule.check {
            html += "<small>\(HTML.escape(finding.text))</small>"
        } else if finding.figures.isEmpty {
            html += "<small>\(HTML.escape(context.t(.noFigures)))</small>"
        } else {
            html += stackedBars(finding, rule: rule, context: context)
        }
        html += missing(finding.missingUnits.map(\.code), context: context)
        return html + "</td></tr>\n"
    }

    private static func outcomeCell(_ findings: [ReportEntry], context: HTMLContext) -> String {
        let marked = findings.compactMap { finding in CellStatus(finding).map { (finding, $0) } }
        guard let (first, status) = marked.first, let outcome = first.outcome else { return "<td></td>" }
        func symbol(_ finding: ReportEntry, _ status: CellStatus) -> String {
            HTMLContext.isListed(finding)
                ? "<a href=\"#\(HTMLMatrix.findingAnchor(finding, context: context))\">\(status.symbol)</a>" : status.symbol
        }
        if marked.count == 1 {
            return "<td class=\"\(status.rawValue)\" data-outcome=\"\(outcome.rawValue)\" title=\""
                + "\(HTML.escape(status.word(context.language)))\">\(symbol(first, status))</td>"
        }
        var html = "<td class=\"\(status.rawValue)\">"
        for (finding, each) in marked {
            html += "<span data-outcome=\"\(finding.outcome!.rawValue)\">\(symbol(finding, each))</span>"
        }
        return html + "</td>"
    }

    /// One bar per kind of figure (a share's numerator and denominator are two), each district a segment.
    private static func stackedBars(_ finding: ReportEntry, rule: Rule, context: HTMLContext) -> String {
        let language = context.language
        // Figures come district by district; a share's numerator and denominator give each district twice.
        // Each bar takes a district at most once, so the bars are the aggregate's terms, in order.
        var bars: [[ReportEntry.FigureLine]] = []
        for figure in finding.figures {
            if let index = bars.firstIndex(where: { bar in !bar.contains { $0.unit == figure.unit } }) {
                bars[index].append(figure)
            } else {
                bars.append([figure])
            }
        }
        var terms: [String] = []
        if case .compare(let comparison) = rule.check { terms = comparison.aggregatedIndicators }
        let labels = bars.indices.map { index in
            index < terms.count && terms.count == bars.count
                ? context.report.pack.indicator(terms[index])?.name[language] ?? terms[index] : "\(index + 1)"
        }
        let single = bars.count == 1
        let unit = single ? (finding.evidence?.expected.unit ?? finding.figures[0].quantity.unit) : nil
        let width = 640.0, barHeight = 22.0, labelHeight = single ? 0.0 : 15.0, top = single ? 16.0 : 4.0
        let rowHeight = labelHeight + barHeight + 6
        let height = top + rowHeight * Double(labels.count) + 2
        func n(_ value: Double) -> String { SVG.number(value) }

        var svg = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(rule.id))\">"
        for (index, label) in labels.enumerated() {
            let figures = bars[index]
            let barUnit = unit ?? figures[0].quantity.unit
            let amounts = figures.map { SVG.double($0.quantity, in: barUnit).map { max(0, $0) } ?? 0 }
            let total = amounts.reduce(0, +)
            let target = single ? SVG.double(finding.evidence?.expected, in: barUnit) : nil
            let maximum = max(total, target ?? 0) * 1.04
            let x = SVG.Scale(domain: (0, maximum > 0 ? maximum : 1), range: (0, width - 2))
            let y0 = top + Double(index) * rowHeight + labelHeight
            if !single {
                svg += "<text x=\"0\" y=\"\(n(y0 - 4))\" font-size=\"11\" fill=\"#5f6b7a\">\(HTML.escape(label))</text>"
            }
            svg += "<rect x=\"0\" y=\"\(n(y0))\" width=\"\(n(width - 2))\" height=\"\(n(barHeight))\" fill=\"#f1f3f6\"/>"
            var cursor = 0.0
            var plain = 0, shaded = 0
            for (figure, amount) in zip(figures, amounts) where amount > 0 {
                let code = figure.unit ?? ""
                let colour: String
                if context.isShaded(code) { colour = shaded % 2 == 0 ? "#d39b2a" : "#e9c27a"; shaded += 1 } else {
                    colour = plain % 2 == 0 ? "#3f72a8" : "#79a3cf"; plain += 1
                }
                let x0 = x(cursor), x1 = x(cursor + amount)
                let share = total > 0 ? SVG.number(amount * 100 / total) + "%" : ""
                let name = context.name(code)
                let tip = "\(name) \(code): \(QuantityText.display(figure.quantity, in: language)) (\(share))"
                svg += "<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(max(0.4, x1 - x0)))\" height=\"\(n(barHeight))\" fill=\"\(colour)\""
                svg += " stroke=\"#fff\" stroke-width=\".6\"><title>\(HTML.escape(tip))</title></rect>"
                let room = Int((x1 - x0 - 4) / (language == .zh ? 11.5 : 6.5))
                if room >= 2 {
                    svg += "<text x=\"\(n((x0 + x1) / 2))\" y=\"\(n(y0 + 15))\" font-size=\"11\" fill=\"#fff\" text-anchor=\"middle\">"
                    svg += HTML.escape(String(name.prefix(room))) + "</text>"
                }
                cursor += amount
            }
            if let target {
                if target > total {
                    svg += "<rect x=\"\(n(x(total)))\" y=\"\(n(y0))\" width=\"\(n(x(target) - x(total)))\" height=\"\(n(barHeight))\" fill=\"url(#hatch-e)\">"
                    svg += "<title>\(HTML.escape(context.t(.shortfall)))</title></rect>"
                }
                let tx = x(target)
                svg += "<line x1=\"\(n(tx))\" x2=\"\(n(tx))\" y1=\"\(n(y0 - 3))\" y2=\"\(n(y0 + barHeight + 3))\" stroke=\"#b71c1c\" stroke-width=\"2\"/>"
                let anchor = tx > width * 0.75 ? "end" : "start"
                let text = "\(context.t(.target)) \(context.target(finding.evidence!))"
                svg += "<text x=\"\(n(anchor == "end" ? tx - 3 : tx + 3))\" y=\"\(n(y0 - 4))\" font-size=\"11\" fill=\"#b71c1c\" text-anchor=\"\(anchor)\">"
                svg += HTML.escape(text) + "</text>"
            }
        }
        return svg + "</svg>"
    }

    /// The districts with no figure, named (at most 30, then a count: a province run may miss hundreds).
    static func missing(_ codes: [String], context: HTMLContext) -> String {
        guard !codes.isEmpty else { return "" }
        let separator = context.language == .zh ? "、" : ", "
        var names = codes.prefix(30).map(context.name).joined(separator: separator)
        if codes.count > 30 { names += separator + "… (\(context.t(.more)) \(codes.count - 30))" }
        if codes.count == context.report.pack.districts.count, codes.count > 1 {
            names = context.t(.allMissing)
        }
        return "<div class=\"miss\"><b>\(HTML.escape(context.t(.missing))) (\(codes.count))</b>: \(HTML.escape(names))</div>"
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension String {
    /// `<td …>…</td>` as `<span …>…</span>`: the same outcome mark outside a table.
    func replacingTag(_ tag: String, with other: String) -> String {
        var result = self
        if result.hasPrefix("<" + tag) { result = "<" + other + result.dropFirst(tag.count + 1) }
        if result.hasSuffix("</" + tag + ">") { result = result.dropLast(tag.count + 3) + "</" + other + ">" }
        return result
    }
}
