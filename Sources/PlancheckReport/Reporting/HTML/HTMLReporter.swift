import PlancheckRules

/// `--format html`: one self-contained page (inline CSS, SVG and a little script; nothing fetched from the
/// network) that shows every district against the plan. Sections live in their own files: the matrix, the
/// indicator charts, the city totals, the findings and the rule catalogue.
///
/// Several runs (a repository checked against a pack per group of files) make one page with a part per run: each
/// its own header naming its group, its own sections, ids and filters (ids are prefixed `r1-`, `r2-`, …).
public struct HTMLReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        let context = HTMLContext(report)
        return head(title: report.pack.plan.title[report.language], language: report.language)
            + header(context) + body(context) + tail(HTMLStyle.script)
    }

    public func render(_ reports: [Report]) -> String {
        guard reports.count != 1 else { return render(reports[0]) }
        let language = reports.first?.language ?? .zh
        let contexts = reports.enumerated().map { HTMLContext($0.element, idPrefix: "r\($0.offset + 1)-") }
        let title = Message(.runsPageTitle, ["runs": .joined(reports.map { .text($0.pack.plan.title[language]) },
                                                             separator: .enumeration)])
            .rendered(in: language, vocabulary: .neutral)
        var page = head(title: title, language: language, style: HTMLStyle.severalRunsCSS)
        // The runs at a glance: one link per run, to its part of the page.
        page += "<nav class=\"toc runs\">"
        for context in contexts {
            page += "<a href=\"#\(context.id("run"))\">\(HTML.escape(context.report.context.runHeading))</a>"
        }
        page += "</nav>\n"
        for context in contexts {
            page += "<div class=\"run\" id=\"\(context.id("run"))\">\n"
            page += header(context, heading: context.report.context.runHeading) + body(context)
            page += "</div>\n"
        }
        let scripts = contexts.map { HTMLStyle.script(idPrefix: $0.idPrefix, scope: "#" + $0.id("run") + " ") }
        return page + tail(scripts.joined())
    }

    /// The page up to `<body>`: `title` is escaped here; `style` is added to the page's own CSS.
    private func head(title: String, language: Language, style: String = "") -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n"
        page += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta name=\"generator\" content=\"plancheck\">\n"
        page += "<title>\(HTML.escape(title))</title>\n"
        page += "<style>\n\(HTMLStyle.css)\(style)</style>\n</head>\n<body>\n"
        return page
    }

    /// One run's sections.
    private func body(_ context: HTMLContext) -> String {
        var page = "<main>\n"
        page += overview(context)
        page += HTMLMatrix.render(context)
        page += HTMLCharts.render(context)
        page += HTMLAggregates.render(context)
        page += HTMLFindings.render(context)
        page += HTMLRuleCatalogue.render(context)
        return page + "</main>\n"
    }

    /// The shared chart patterns, the script(s) and the end of the page.
    private func tail(_ script: String) -> String {
        HTMLStyle.patterns + "<script>\n\(script)</script>\n</body>\n</html>\n"
    }

    /// The plan's title and facts, and the links to the sections; `heading` names the run's group on a page of
    /// several runs.
    private func header(_ context: HTMLContext, heading: String? = nil) -> String {
        let pack = context.report.pack
        let language = context.language
        var lines = "<header class=\"top\">\n"
        lines += "<h1>\(HTML.escape(pack.plan.title[language]))</h1>\n"
        if let heading { lines += "<p>\(HTML.escape(heading))</p>\n" }
        var facts: [String] = []
        if let issuer = pack.plan.issuer { facts.append(issuer[language]) }
        if let date = pack.plan.date { facts.append(date) }
        facts.append("\(context.t(.pack)) \(pack.id) \(pack.version)")
        facts.append("\(context.t(.files)) \(context.report.files.count)")
        lines += "<p>\(HTML.escape(facts.joined(separator: " · ")))</p>\n</header>\n"
        lines += "<nav class=\"toc\">"
        let links: [(String, Chrome)] = [("overview", .overview), ("matrix", .matrix), ("charts", .charts),
                                         ("aggregates", .aggregates), ("findings", .findings), ("rules", .rules)]
        for (id, chrome) in links { lines += "<a href=\"#\(context.id(id))\">\(HTML.escape(context.t(chrome)))</a>" }
        lines += "</nav>\n"
        return lines
    }

    /// Headline numbers (the same counts as the text summary) and one bar of all rule outcomes.
    private func overview(_ context: HTMLContext) -> String {
        let tally = context.report.tally, counts = tally.outcomes
        let language = context.language
        var html = "<section class=\"card\" id=\"\(context.id("overview"))\">\n<h2>\(HTML.escape(context.t(.overview)))</h2>\n"
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
