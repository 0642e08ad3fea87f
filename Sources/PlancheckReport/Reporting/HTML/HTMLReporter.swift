import PlancheckRules

/// `--format html`: one self-contained page (inline CSS, SVG and a little script; nothing fetched from the
/// network) that shows every district against the plan. Sections live in their own files: the matrix, the
/// indicator charts, the city totals, the findings and the rule catalogue.
public struct HTMLReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        let context = HTMLContext(report)
        var page = "<!DOCTYPE html>\n<html lang=\"\(report.language == .zh ? "zh-CN" : "en")\">\n<head>\n"
        page += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"plancheck\">\n"
        page += "<title>\(HTML.escape(report.pack.plan.title[report.language]))</title>\n"
        page += "<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        page += header(context)
        page += "<main>\n"
        page += overview(context)
        page += HTMLMatrix.render(context)
        page += HTMLCharts.render(context)
        page += HTMLAggregates.render(context)
        page += HTMLFindings.render(context)
        page += HTMLRuleCatalogue.render(context)
        page += "</main>\n"
        page += HTMLStyle.patterns
        page += "<script>\n\(HTMLStyle.script)</script>\n</body>\n</html>\n"
        return page
    }

    private func header(_ context: HTMLContext) -> String {
        let pack = context.report.pack
        let language = context.language
        var lines = "<header class=\"top\">\n"
        lines += "<h1>\(HTML.escape(pack.plan.title[language]))</h1>\n"
        var facts: [String] = []
        if let issuer = pack.plan.issuer { facts.append(issuer[language]) }
        if let date = pack.plan.date { facts.append(date) }
        facts.append("\(context.t(.pack)) \(pack.id) \(pack.version)")
        facts.append("\(context.t(.files)) \(context.report.files.count)")
        lines += "<p>\(HTML.escape(facts.joined(separator: " · ")))</p>\n</header>\n"
        lines += "<nav class=\"toc\">"
        let links: [(String, Chrome)] = [("overview", .overview), ("matrix", .matrix), ("charts", .charts),
                                         ("aggregates", .aggregates), ("findings", .findings), ("rules", .rules)]
        for (id, chrome) in links { lines += "<a href=\"#\(id)\">\(HTML.escape(context.t(chrome)))</a>" }
        lines += "</nav>\n"
        return lines
    }

    /// Headline numbers (the same counts as the text summary) and one bar of all rule outcomes.
    private func overview(_ context: HTMLContext) -> String {
        let tally = context.report.tally, counts = tally.outcomes
        let language = context.language
        var html = "<section class=\"card\" id=\"overview\">\n<h2>\(HTML.escape(context.t(.overview)))</h2>\n"
        let withErrors = context.districts.filter { district in
            context.report.entries.contains { $0.unit == district.code && $0.result.fails(at: .error) }
        }.count
        let reporting = context.districts.filter { context.reporting.contains($0.code) }.count
        var tiles: [(String, String, String)] = [
            ("\(tally.errors)", context.t(.errors), "e"), ("\(tally.warnings)", context.t(.warnings), "w"),
            ("\(tally.notes)", context.t(.notes), "n"),
            ("\(withErrors) / \(context.report.pack.districts.count)", context.t(.districtsWithErrors), "e"),
            ("\(reporting) / \(context.report.pack.districts.count)", context.t(.districtsChecked), "v"),
            ("\(context.report.pack.rules.count)", context.t(.rulesInPack), "v"),
            ("\(counts.evaluated)", context.t(.evaluated), "p"),
        ]
        // "Passed" counts passes within tolerance too, as the text summary and JSON do; the next tile says how many.
        let outcomes: [(Int, CellStatus)] = [
            (counts.passedInAll, .passed), (counts.withinTolerance, .tolerance), (counts.acknowledged, .acknowledged),
            (counts.notEvaluated, .notEvaluated), (counts.notCheckable, .notCheckable),
        ]
        for (count, status) in outcomes { tiles.append(("\(count)", status.word(language), status.rawValue)) }
        tiles.insert(("\(counts.failed)", MessageCatalogue.template(.outcomeFailedWord, language), "e"), at: 7)
        html += "<div class=\"kpis\">"
        for (value, label, status) in tiles {
            html += "<div class=\"kpi k\(status)\"><b>\(HTML.escape(value))</b><span>\(HTML.escape(label))</span></div>"
        }
        html += "</div>\n"
        html += outcomeBar(context)
        html += "</section>\n"
        return html
    }

    /// All rule results as one proportional bar, worst first: the whole run at a glance, from the run's tally.
    private func outcomeBar(_ context: HTMLContext) -> String {
        let counts = context.report.tally.outcomes, failed = context.report.tally.failedRules
        let tally: [CellStatus: Int] = [
            .error: failed.errors, .warning: failed.warnings, .note: failed.notes, .acknowledged: counts.acknowledged,
            .tolerance: counts.withinTolerance, .passed: counts.passed, .notEvaluated: counts.notEvaluated,
            .notCheckable: counts.notCheckable,
        ]
        let total = tally.values.reduce(0, +)
        guard total > 0 else { return "" }
        var html = "<div class=\"obar\" role=\"img\">"
        for status in CellStatus.allCases {
            guard let count = tally[status], count > 0 else { continue }
            let share = SVG.number(Double(count) * 100 / Double(total), places: 2)
            let label = "\(status.word(context.language)) \(count)"
            html += "<span class=\"\(status.rawValue)\" style=\"width:\(share)%\" title=\"\(HTML.escape(label))\">"
            html += "\(status.symbol) \(count)</span>"
        }
        return html + "</div>\n"
    }
}
