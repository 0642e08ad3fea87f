import PlancheckCore
import PlancheckYAML
import Testing

@Suite("HTML report of the example run")
struct HTMLReporterTests {
    /// The part of `page` from the first `start` to the next `end` after it.
    static func slice(_ page: String, from start: String, to end: String) -> Substring {
        guard let open = page.firstRange(of: start) else { return "" }
        let rest = page[open.lowerBound...]
        guard let close = rest.firstRange(of: end) else { return rest }
        return rest[..<close.upperBound]
    }

    @Test("the matrix has one marked cell per district-rule finding, by outcome", arguments: [Language.zh, .en])
    func matrixCountsEqualFindings(language: Language) throws {
        let report = try HTMLExampleRun.report(language)
        let page = HTMLReporter().render(report)
        let matrix = Self.slice(page, from: "<table class=\"mx\" id=\"mx\">", to: "</table>")
        let aggregates = Self.slice(page, from: "<section class=\"card\" id=\"aggregates\">", to: "</section>")
        for outcome in Outcome.allCases {
            let district = report.entries.filter { $0.outcome == outcome && $0.rule?.scope == .district }.count
            let city = report.entries.filter { $0.outcome == outcome && $0.rule?.scope == .city }.count
            let all = report.entries.filter { $0.outcome == outcome }.count
            let attribute = "data-outcome=\"\(outcome.rawValue)\""
            #expect(HTMLExampleRun.count(attribute, in: matrix) == district, "matrix, \(outcome)")
            #expect(HTMLExampleRun.count(attribute, in: aggregates) == city, "city totals, \(outcome)")
            #expect(HTMLExampleRun.count(attribute, in: page) == all, "whole page, \(outcome)")
        }
        // One row per district of the pack, each with a deep link.
        #expect(HTMLExampleRun.count("<tr data-kind=", in: matrix) == report.pack.districts.count)
        #expect(HTMLExampleRun.count("data-kind=\"county\"", in: matrix) == 4)
    }

    @Test("every failed or acknowledged finding and every file problem is listed with its message")
    func everyReportableFindingIsListed() throws {
        let report = try HTMLExampleRun.report(.zh)
        let page = HTMLReporter().render(report)
        let failed = report.entries.filter { $0.outcome == .failed }
        #expect(failed.count == 11)
        for (index, finding) in report.entries.enumerated() where finding.isReportable {
            let article = Self.slice(page, from: "<article class=\"f ", to: "</article>")
            #expect(!article.isEmpty)
            let entry = Self.slice(page, from: "id=\"f-\(index)\"", to: "</article>")
            #expect(!entry.isEmpty, "finding \(index) \(finding.code) is listed")
            #expect(entry.contains(HTMLTestEscape.escape(finding.message.rendered(in: .zh))), "\(finding.code) message")
            if let rule = finding.rule {
                #expect(entry.contains(HTMLTestEscape.escape(rule.citation.clause)), "\(finding.code) clause")
            }
            if finding.location != nil { #expect(entry.contains("<mark>"), "\(finding.code) excerpt") }
        }
        #expect(page.contains("<span class=\"ln\">10</span>  gdp_growth: <mark>5.2%</mark>"))
    }

    @Test("the page is self-contained: no network references, no external scripts, styles or fonts")
    func selfContained() throws {
        let page = HTMLReporter().render(try HTMLExampleRun.report(.zh))
        for forbidden in ["http://", "https://", "<link", "<script src", "@import", "<img", "<iframe", "url(http", "//fonts."] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("@media print") && page.contains("size:A4"))
        for (open, close) in [("<table", "</table>"), ("<svg", "</svg>"), ("<article", "</article>"), ("<section", "</section>"),
                              ("<figure", "</figure>"), ("<script>", "</script>")] {
            #expect(HTMLExampleRun.count(open, in: page) == HTMLExampleRun.count(close, in: page), "\(open) balanced")
        }
    }

    @Test("deep links: every in-page link has a target, and districts and rules have stable anchors")
    func deepLinks() throws {
        let page = HTMLReporter().render(try HTMLExampleRun.report(.en))
        #expect(page.contains("id=\"unit-210102\""))
        #expect(page.contains("id=\"rule-sy25-m01\""))
        #expect(page.contains("id=\"agg-sy25-t44-01\""))
        var ids: Set<String> = []
        var rest = Substring(page)
        while let range = rest.firstRange(of: " id=\"") {
            rest = rest[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { ids.insert(String(rest[..<end])) }
        }
        rest = Substring(page)
        var links = 0
        while let range = rest.firstRange(of: "href=\"#") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let target = String(rest[..<end])
            #expect(ids.contains(target), "link to #\(target)")
            links += 1
        }
        #expect(links > 100)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Districts × rules"))
    }

    @Test("text from files and messages is escaped")
    func escaping() throws {
        var run = try HTMLExampleRun.run()
        let text = "bad: \"<script>alert('x')</script> & <b>\"\n"
        let file = SourceFile(path: "Examples/<odd> & \"name\".yml", text: text)
        let location = SourceLocation(file: file, span: SourceSpan(
            start: SourceMark(line: 1, column: 6, offset: 5),
            end: SourceMark(line: 1, column: text.utf8.count, offset: text.utf8.count - 1)))
        run.results.append(.diagnostic(Diagnostic(.invalidValue, .error,
                                                  Message(.plain, ["text": .text("<img src=x onerror=alert(1)> & 'q'")]),
                                                  location: location)))
        let page = HTMLReporter().render(Report(run: run, language: .en))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("<odd>"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39;"))
        #expect(page.contains("Examples/&lt;odd&gt; &amp; &quot;name&quot;.yml:1:6"))
        #expect(page.contains("<mark>&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;&quot;</mark>"))
    }

    @Test("html is one of the report formats")
    func formatIsRegistered() {
        #expect(ReportFormat(rawValue: "html") == .html)
        #expect(ReportFormat.html.reporter(useColor: true) is HTMLReporter)
    }
}

/// The reporter's escaping rules, restated so the test does not just call the code it checks.
enum HTMLTestEscape {
    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
    }
}
