import PlancheckCore
import PlancheckYAML
import Testing

@Suite("Checking submissions")
struct CheckTests {
    /// Every result of a run (passes too), as the report shows them in English.
    func report(_ paths: [String], requireAll: Bool = false) throws -> Report {
        let pack = try #require(Fixtures.loadTestPack())
        var options = CheckOptions()
        options.today = "2025-03-01"
        options.requireAllDistricts = requireAll
        let run = CheckRun.run(paths: paths, pack: pack, options: options, run: RunOptions(keepAllResults: true))
        return Report(run: run, language: .en)
    }

    func entry(_ report: Report, _ code: String, unit: String? = nil) -> ReportEntry? {
        report.entries.first { $0.code == code && (unit == nil || $0.unit == unit) }
    }

    @Test("the fixture run gives the expected outcome for each rule and district")
    func outcomes() throws {
        let report = try report([Fixtures.submissions])
        #expect(entry(report, "TL-GDP", unit: "990101")?.outcome == .passed)
        #expect(entry(report, "TL-GDP", unit: "990102")?.outcome == .acknowledged)
        #expect(entry(report, "TL-GDP", unit: "990121")?.outcome == .passed)
        let county = try #require(entry(report, "TL-COUNTY", unit: "990121"))
        #expect(county.outcome == .failed)
        #expect(county.evidence?.gap.description == "-0.1百分点")
        #expect(county.location?.span.start.line == 6)
        #expect(entry(report, "TL-COUNTY", unit: "990101") == nil)  // urban districts are out of scope
        #expect(entry(report, "TL-COUNTY-ABOVE", unit: "990121")?.outcome == .failed)
        #expect(entry(report, "TL-IND", unit: "990102")?.outcome == .passedWithinTolerance)
        #expect(entry(report, "TL-SHARE", unit: "990102")?.outcome == .failed)
        #expect(entry(report, "TL-SHARE", unit: "990101")?.outcome == .passed)
        #expect(entry(report, "TL-INCOME", unit: "990121")?.outcome == .notEvaluated)
        // Held to another figure, the message names that figure as well as its value.
        let inStep = try #require(entry(report, "TL-INCOME", unit: "990102"))
        #expect(inStep.outcome == .failed)
        #expect(inStep.message.rendered(in: .en).contains("in step with GDP growth (5%)"))
        #expect(inStep.message.rendered(in: .zh).contains("同步于地区生产总值增长（5%）"))
        #expect(entry(report, "TL-SAFETY", unit: "990121")?.outcome == .failed)
        #expect(entry(report, "TL-SAFETY", unit: "990101")?.outcome == .passed)
        #expect(entry(report, "TL-RANK", unit: "990101")?.outcome == .notCheckable)
    }

    @Test("a share shows both amounts and the computed share")
    func shareArithmetic() throws {
        let share = try #require(entry(try report([Fixtures.submissions]), "TL-SHARE", unit: "990102"))
        #expect(share.figures.count == 2)
        #expect(share.evidence?.value.description == "72.5%")
        #expect(share.evidence?.expected.description == "75%")
        #expect(share.message.rendered(in: .en).contains("Livelihood spending as a share of General public budget spending is 72.5%"))
    }

    @Test("units in 万 are converted, and the conversion is noted")
    func conversions() throws {
        let diagnostics = try report([Fixtures.submissions]).entries.compactMap(\.result.diagnostic)
        let converted = diagnostics.filter { $0.code == .unitConverted }
        #expect(converted.map { $0.message.rendered(in: .en) }.contains("New urban jobs: 30000人 converted to 3万人"))
        let fullWidth = try #require(diagnostics.first { $0.code == .figureNormalised })
        #expect(fullWidth.message.rendered(in: .zh).contains("全角字符"))
    }

    @Test("a city total over all districts fails with each district's contribution")
    func aggregateFails() throws {
        let jobs = try #require(entry(try report([Fixtures.submissions]), "TL-JOBS"))
        #expect(jobs.outcome == .failed)
        #expect(jobs.evidence?.value.description == "9.5万人")
        #expect(jobs.figures.count == 3)
        #expect(jobs.missingUnits.isEmpty)
    }

    @Test("a city total over an incomplete set is not evaluated and names the missing districts")
    func aggregateIncomplete() throws {
        let jobs = try #require(entry(try report([Fixtures.submissions + "/east.yml"]), "TL-JOBS"))
        #expect(jobs.outcome == .notEvaluated)
        #expect(jobs.result.ruleResult?.missing?.unitsWithoutFile == ["990102", "990121"])
        #expect(jobs.missingUnits.map(\.code) == ["990102", "990121"])
        #expect(!jobs.result.fails(at: .note))
        let strict = try #require(entry(try report([Fixtures.submissions + "/east.yml"], requireAll: true), "TL-JOBS"))
        #expect(strict.outcome == .failed)
    }

    @Test("deviations: a matched one acknowledges, an expired one is a diagnostic and acknowledges nothing")
    func deviations() throws {
        let report = try report([Fixtures.submissions])
        let acknowledged = try #require(entry(report, "TL-GDP", unit: "990102"))
        #expect(acknowledged.deviation?.reason == "传统产业深度调整")
        #expect(!acknowledged.result.fails(at: .error))
        #expect(entry(report, "TL-ENERGY", unit: "990102")?.outcome == .failed)
        let expired = try #require(entry(report, DiagnosticCode.deviationExpired.rawValue))
        #expect(expired.location?.span.start.line == 20)
    }

    @Test("unless asked to keep every result, a run keeps what outputs list and counts the rest the same way")
    func passesCountedNotKept() throws {
        let pack = try #require(Fixtures.loadTestPack())
        var options = CheckOptions()
        options.today = "2025-03-01"
        let all = CheckRun.run(paths: [Fixtures.submissions], pack: pack, options: options, run: RunOptions(keepAllResults: true))
        let lean = CheckRun.run(paths: [Fixtures.submissions], pack: pack, options: options)
        #expect(lean.results.count < all.results.count)
        #expect(all.results.contains { $0.outcome == .passed })
        #expect(lean.results.allSatisfy { $0.isReportable })
        #expect(lean.results.map(\.code) == all.results.filter(\.isReportable).map(\.code))
        #expect(lean.tally.outcomes == all.tally.outcomes)
        #expect(lean.tally.outcomes.passed > 0)
        #expect(lean.tally.errors == all.tally.errors && lean.tally.warnings == all.tally.warnings
                && lean.tally.notes == all.tally.notes)
        #expect(lean.exitCode(failOn: .error) == all.exitCode(failOn: .error))
    }

    @Test("a deviation that excuses nothing is reported")
    func staleDeviation() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let loaded = Fixtures.submission("""
        submission: {district: "990101", year: 2025}
        indicators: {gdp_growth: 6%, industry_growth: 5%, budget_spending: 10亿元, livelihood_spending: 8亿元, new_jobs: 1万人}
        deviations:
          - {rule: TL-GDP, reason: 无, approved_by: 某}
          - {rule: TL-GPD, reason: 无, approved_by: 某}
        """, pack: pack)
        let submission = try #require(loaded.submission)
        let results = Checker.check(pack: pack, submissions: [submission])
        #expect(results.contains { $0.diagnostic?.code == .deviationUnused })
        let unknown = try #require(loaded.diagnostics.first { $0.code == .deviationUnknownRule })
        #expect(unknown.help?.rendered(in: .en) == "did you mean `TL-GDP`?")
    }

    @Test("structure errors: unknown and retired codes, near-miss indicators, missing required figures")
    func structure() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let retired = Fixtures.submission("submission: {district: \"990111\", year: 2025}\nindicators: {}\n", pack: pack)
        let code = try #require(retired.diagnostics.first { $0.code == .retiredDistrictCode })
        #expect(code.help?.rendered(in: .zh) == "请改用现行代码 990101（东区）")
        let loaded = Fixtures.submission("""
        submission: {district: "990101", year: 2024}
        indicators:
          GDP增速: 6%
          gdp_grwth: 6%
          budget_spending: 5%
          industry_growth: abc
        """, pack: pack)
        let codes = loaded.diagnostics.map(\.code)
        #expect(codes.contains(.wrongYear))
        let alias = try #require(loaded.diagnostics.first { $0.message.key == .indicatorAlias })
        #expect(alias.location?.span.start.line == 3)
        let typo = try #require(loaded.diagnostics.first { $0.message.key == .unknownIndicator })
        #expect(typo.help?.rendered(in: .en) == "did you mean `gdp_growth` (GDP growth)?")
        #expect(codes.contains(.incompatibleUnit))
        let unreadable = try #require(loaded.diagnostics.first { $0.code == .unreadableFigure })
        #expect(unreadable.location?.span.start.line == 6)
        let missing = loaded.diagnostics.filter { $0.code == .missingRequiredIndicator }
        // gdp_growth (only misspelt), livelihood_spending and new_jobs; the unreadable ones are present, not missing.
        #expect(missing.count == 3)
    }

    @Test("exact decimals: 0.1 + 0.2 meets a target of 0.3, and a figure on a 以上 boundary passes")
    func exactBoundary() throws {
        let source = Fixtures.packSource(extraRules: """
        rules:
          - id: TL-SUM
            title: {zh: 和, en: sum}
            citation: {part: 二, clause: x}
            check: {value: livelihood_spending + budget_spending, at_least: 0.3亿元}
            examples:
              - {expect: pass, indicators: {livelihood_spending: 0.1亿元, budget_spending: 0.2亿元}}
              - {expect: fail, indicators: {livelihood_spending: 0.1亿元, budget_spending: 0.19999亿元}}
          - id: TL-OVER
            title: {zh: 超, en: over}
            citation: {part: 二, clause: y}
            check: {value: gdp_growth, more_than: 5.5%}
            examples:
              - {expect: fail, indicators: {gdp_growth: 5.5%}}
              - {expect: pass, indicators: {gdp_growth: 5.51%}}
        """)
        let pack = try #require(PackLoader.load(from: source).pack)
        let results = RuleExamples.run(pack).filter { $0.rule.id == "TL-SUM" || $0.rule.id == "TL-OVER" }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0.behavedAsDeclared })
    }
}
