import PlancheckRules

/// Every rule of the pack with its clause, reading and the tally of its results: the target of `#rule-ID`
/// links from the matrix, the charts and the findings.
enum HTMLRuleCatalogue {
    static func render(_ context: HTMLContext) -> String {
        let language = context.language
        var html = "<section class=\"card\" id=\"\(context.id("rules"))\">\n<h2>\(HTML.escape(context.t(.rules)))</h2>\n<div class=\"rules\">\n"
        for rule in context.report.pack.rules {
            let section = context.section(of: rule)
            html += "<div class=\"rule fl\" id=\"\(context.anchor("rule", rule.id))\" data-sec=\"\(section)\" data-sev=\"\(rule.severity.rawValue)\">"
            let severity: CellStatus = rule.severity == .error ? .error : (rule.severity == .warning ? .warning : .note)
            html += "<h3>\(HTML.escape(rule.id)) \(HTML.escape(rule.title[language])) "
            html += "<span class=\"badge \(severity.rawValue)\">\(HTML.escape(HTMLMatrix.severityWord(rule.severity, language)))</span></h3>"
            html += "<blockquote>\(HTML.escape(HTMLFindings.citationPlace(rule, language: language)))：“\(HTML.escape(rule.citation.clause))”</blockquote>"
            var facts: [String] = []
            if let qualifier = rule.qualifier { facts.append("<b>\(HTML.escape(context.t(.qualifier)))</b>\(HTML.escape(qualifier))") }
            let scope = rule.scope == .city ? context.t(.scopeCity) : context.t(.scopeDistrict)
            facts.append("<b>\(HTML.escape(context.t(.scope)))</b>\(HTML.escape(scope)) · \(HTML.escape(HTMLCharts.applicability(rule, context: context)))")
            html += "<div class=\"fr\">\(facts.joined(separator: " &nbsp; "))</div>"
            if let reading = rule.reading {
                html += "<div class=\"fr\"><b>\(HTML.escape(context.t(.reading)))</b>\(HTML.escape(reading[language]))</div>"
            }
            if case .notCheckable(let reason) = rule.check {
                html += "<div class=\"fr\"><b>\(HTML.escape(CellStatus.notCheckable.word(language)))</b>\(HTML.escape(reason[language]))</div>"
            }
            html += tally(rule, context: context)
            html += "</div>\n"
        }
        return html + "</div>\n</section>\n"
    }

    private static func tally(_ rule: Rule, context: HTMLContext) -> String {
        var counts: [CellStatus: Int] = [:]
        for findings in (context.findingsByRule[rule.id] ?? [:]).values {
            for finding in findings { if let status = CellStatus(finding) { counts[status, default: 0] += 1 } }
        }
        var html = "<div class=\"tally\">"
        for status in CellStatus.allCases {
            guard let count = counts[status] else { continue }
            html += "<span class=\"\(status.rawValue)\" title=\"\(HTML.escape(status.word(context.language)))\">\(status.symbol) \(count)</span>"
        }
        let link = rule.scope == .city ? "#" + context.anchor("agg", rule.id) : "#" + context.id("matrix")
        html += " <a href=\"\(link)\">\(HTML.escape(rule.scope == .city ? context.t(.aggregates) : context.t(.matrix)))</a>"
        return html + "</div>"
    }
}
