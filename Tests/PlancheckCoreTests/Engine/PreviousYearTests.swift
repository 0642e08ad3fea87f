import PlancheckCore
import PlancheckYAML
import Testing

/// A two-year repository: each unit's previous-year figures (`prev.`) come from its own file of the year before
/// when it writes no `previous:` section, and are compared with it when it does. Two small packs, one per year, in
/// which the second changes what years do change: a unit merged into another (a retired code), an indicator counted
/// in another magnitude (亿元 → 万元) and one counted in another dimension (人 → 户).
@Suite("Previous-year figures from last year's files")
struct PreviousYearTests {
    static func pack(year: Int, units: String, indicators: String, rules: String = "rules: []\n") throws -> Pack {
        let files = [
            "pack.yml": """
                format: plancheck-pack/1
                id: town-\(year)
                version: 0.1.0
                title: {zh: 镇\(year)年规则包, en: Town \(year) pack}
                plan: {title: {zh: 镇\(year)年计划, en: Town \(year) plan}, year: \(year)}
                district_kinds: [{id: all, zh: 全部, en: all}]
                \(units)
                include: [indicators.yml, rules.yml]
                """,
            "indicators.yml": "indicators:\n" + indicators,
            "rules.yml": rules,
        ]
        let loaded = PackLoader.load(from: EmbeddedPackSource(id: "town-\(year)", files: files))
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map { $0.message.rendered(in: .en) } == [])
        return try #require(loaded.pack)
    }

    /// 2025: three units; budget in 亿元, jobs in persons.
    static func lastYearPack() throws -> Pack {
        try pack(year: 2025, units: """
            districts:
              - {code: "990101", zh: 甲镇, en: Jia, kind: all}
              - {code: "990102", zh: 乙镇, en: Yi, kind: all}
              - {code: "990103", zh: 丙镇, en: Bing, kind: all}
            """, indicators: """
              gdp_growth: {zh: 地区生产总值增长, en: GDP growth, kind: growth, unit: "%"}
              budget: {zh: 一般公共预算支出, en: Budget spending, kind: level, unit: 亿元}
              jobs: {zh: 新增就业, en: New jobs, kind: level, unit: 人}
            """)
    }

    /// 2026: 丙镇 merged into 乙镇 (its code retired); budget in 万元, plausible within 2× of last year; jobs now
    /// counted in households; one rule on last year's figure.
    static func thisYearPack() throws -> Pack {
        try pack(year: 2026, units: """
            districts:
              - {code: "990101", zh: 甲镇, en: Jia, kind: all}
              - {code: "990102", zh: 乙镇, en: Yi, kind: all}
            retired_codes:
              - {code: "990103", zh: 丙镇, replaced_by: "990102"}
            """, indicators: """
              gdp_growth: {zh: 地区生产总值增长, en: GDP growth, kind: growth, unit: "%"}
              budget: {zh: 一般公共预算支出, en: Budget spending, kind: level, unit: 万元, plausible: {max_ratio_to_previous: 2}}
              jobs: {zh: 新增就业, en: New jobs, kind: level, unit: 户}
            """, rules: """
            rules:
              - id: T-GROWTH
                title: {zh: 增速不低于上年, en: Growth not below last year's}
                citation: {part: 二, clause: 经济增速不低于上年}
                check: {value: gdp_growth, at_least: prev.gdp_growth}
              - id: T-BASE
                title: {zh: 上年增速5%以上, en: Last year's growth at least 5%}
                citation: {part: 二, clause: 上年增速5%以上}
                check: {value: prev.gdp_growth, at_least: 5%}
            """)
    }

    /// A repository with a folder per year, by file name: last year's loaded with its pack, this year's checked.
    static func check(lastYear: [String: String] = ["990101.yml": jia2025],
                      thisYear: [String: String]) throws -> (run: RunResult, previous: PreviousYearFigures, lastYearFolder: String) {
        // Two sibling folders stand for 2025/ and 2026/.
        let old = Robust.temporaryFolder(), new = Robust.temporaryFolder()
        defer { Robust.remove(old); Robust.remove(new) }
        for (name, text) in lastYear { #expect(Robust.write(text, to: old + "/" + name)) }
        for (name, text) in thisYear { #expect(Robust.write(text, to: new + "/" + name)) }
        let previous = PreviousYearFigures.load(files: lastYear.keys.map { old + "/" + $0 },
                                                pack: try lastYearPack(), for: try thisYearPack(), jobs: 2)
        var options = RunOptions(keepAllResults: true)
        options.previousYear = previous
        options.jobs = 2
        let run = CheckRun.run(paths: [new], pack: try thisYearPack(), options: CheckOptions(), run: options)
        return (run, previous, old)
    }

    /// 甲镇's file of this year.
    static func jia(_ body: String) -> [String: String] { ["990101.yml": submission("990101", year: 2026, body)] }

    static func submission(_ code: String, year: Int, _ body: String) -> String {
        "submission:\n  district: \"\(code)\"\n  year: \(year)\n" + body
    }

    static func diagnostics(_ run: RunResult, _ code: DiagnosticCode) -> [Diagnostic] {
        run.results.compactMap(\.diagnostic).filter { $0.code == code }
    }

    static func growthRule(_ run: RunResult, unit: String) -> RuleResult? {
        run.results.compactMap(\.ruleResult).first { $0.rule.id == "T-GROWTH" && $0.unit == unit }
    }

    static let jia2025 = submission("990101", year: 2025, """
        indicators:
          gdp_growth: 5.3%
          budget: 1.5亿元
          jobs: 1200人
        """)

    @Test("no previous: section: last year's figures are used, a note says from where, and a prev. rule's evidence points into last year's file")
    func fallback() throws {
        let (run, _, _) = try Self.check(thisYear: Self.jia("indicators:\n  gdp_growth: 5.0%\n  budget: 16000万元\n"))

        let notes = Self.diagnostics(run, .previousYearFigures)
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note.severity == .note)
        #expect(note.location?.span.start.line == 1, "at the submission header")
        #expect(note.file?.hasSuffix("/990101.yml") == true && note.unit == "990101")
        let text = note.message.rendered(in: .en)
        #expect(text.contains("/990101.yml") && text.contains("2025") && text.contains("(2 taken)"), "\(text)")
        // jobs changed its dimension (persons → households): left out, with a note at last year's figure.
        let leftOut = try #require(note.notes.first)
        #expect(leftOut.message.rendered(in: .en).contains("(`jobs`) is left out"), "\(leftOut.message.rendered(in: .en))")
        #expect(leftOut.location?.span.start.line == 7 && leftOut.location?.file.path != note.file)

        // 5.0% against last year's 5.3%: fails, from last year's figure, located in last year's file.
        let rule = try #require(Self.growthRule(run, unit: "990101"))
        #expect(rule.outcome == .failed)
        let previous = try #require(rule.evidence?.figures.first { $0.qualifier == .previousYear })
        #expect(previous.quantity == Quantity(ExactDecimal("5.3")!, Unit.percent))
        #expect(previous.location?.span.start.line == 5)
        #expect(previous.location?.file.path.hasSuffix("/990101.yml") == true)
        #expect(previous.location?.file.path != rule.file, "last year's file, not this year's")
        #expect(rule.location?.file.path == rule.file, "the result itself stays in this year's file")
    }

    @Test("a previous: section wins: no note, and no figure of last year's used when the section has every key")
    func sectionWins() throws {
        let (run, _, _) = try Self.check(thisYear: Self.jia("""
            indicators:
              gdp_growth: 5.0%
            previous:
              gdp_growth: 5.3%
              budget: 15000万元
            """))
        #expect(Self.diagnostics(run, .previousYearFigures).isEmpty)
        #expect(Self.diagnostics(run, .previousYearMismatch).isEmpty, "5.3% and 1.5亿元 = 15000万元 are what was submitted")
        let rule = try #require(Self.growthRule(run, unit: "990101"))
        let previous = try #require(rule.evidence?.figures.first { $0.qualifier == .previousYear })
        #expect(previous.location?.file.path == rule.file, "the section's own figure")
    }

    @Test("a figure of previous: that differs from last year's submission is a warning pointing at both; the section's figure is used")
    func mismatch() throws {
        let (run, _, _) = try Self.check(thisYear: Self.jia("""
            indicators:
              gdp_growth: 5.0%
            previous:
              gdp_growth: 4.8%
            """))
        let warning = try #require(Self.diagnostics(run, .previousYearMismatch).first)
        #expect(warning.severity == .warning)
        #expect(warning.location?.span.start.line == 7, "at the figure in previous:")
        #expect(warning.message.rendered(in: .en).contains("is 4.8% here, but the 2025 submission reported 5.3%"),
                "\(warning.message.rendered(in: .en))")
        let note = try #require(warning.notes.first)
        #expect(note.location?.span.start.line == 5 && note.location?.file.path != warning.file)
        let noteText = note.message.rendered(in: .zh)
        #expect(noteText.hasSuffix("990101.yml:5:15 报的是 5.3%"), "\(noteText)")
        #expect(warning.help?.rendered(in: .en).contains("`PC037: note` under `severity:`") == true)
        // The revised figure is the one judged: 5.0% ≥ 4.8%.
        #expect(Self.growthRule(run, unit: "990101")?.outcome == .passed)
        // The budget the section does not give is filled in from last year, and the note lists it.
        let filled = try #require(Self.diagnostics(run, .previousYearFigures).first)
        #expect(filled.message.rendered(in: .en).contains("(1: Budget spending)"), "\(filled.message.rendered(in: .en))")
        #expect(filled.location?.span.start.line == 6, "at `previous:`")
    }

    @Test("last year's file of a retired code feeds the unit that replaced it")
    func retiredCode() throws {
        let (run, _, _) = try Self.check(
            lastYear: ["990103.yml": Self.submission("990103", year: 2025, "indicators:\n  gdp_growth: 6.1%\n")],
            thisYear: ["990102.yml": Self.submission("990102", year: 2026, "indicators:\n  gdp_growth: 6.0%\n")])
        let rule = try #require(Self.growthRule(run, unit: "990102"))
        #expect(rule.outcome == .failed, "6.0% against 丙镇's 6.1%")
        #expect(Self.diagnostics(run, .previousYearFigures).first?.message.rendered(in: .en).contains("990103.yml") == true)
    }

    @Test("two files of last year for one unit: neither is used, and a note names both")
    func twoFilesForOneUnit() throws {
        // 乙镇's own file and 丙镇's (merged into it): two candidates, and summing rates would be wrong.
        let (run, _, _) = try Self.check(
            lastYear: ["990102.yml": Self.submission("990102", year: 2025, "indicators:\n  gdp_growth: 5.9%\n"),
                       "990103.yml": Self.submission("990103", year: 2025, "indicators:\n  gdp_growth: 6.1%\n")],
            thisYear: ["990102.yml": Self.submission("990102", year: 2026, "indicators:\n  gdp_growth: 6.0%\n")])
        let note = try #require(Self.diagnostics(run, .previousYearFigures).first)
        let text = note.message.rendered(in: .en)
        #expect(text.contains("2 files for this") && text.contains("990102.yml") && text.contains("990103.yml"), "\(text)")
        #expect(Self.growthRule(run, unit: "990102")?.outcome == .notEvaluated, "no previous-year figure to compare with")
    }

    @Test("magnitudes convert across years exactly (1.5亿元 → 15000万元), and the implausible-change check uses last year's figure")
    func conversionAndPlausibility() throws {
        let (run, _, _) = try Self.check(thisYear: Self.jia("indicators:\n  gdp_growth: 5.5%\n  budget: 40000万元\n"))
        let warning = try #require(Self.diagnostics(run, .implausibleFigure).first)
        let text = warning.message.rendered(in: .en)
        #expect(text.contains("last year's 15000万元"), "\(text)")
        let note = try #require(warning.notes.first)
        #expect(note.location?.span.start.line == 6 && note.location?.file.path != warning.file,
                "said where last year's figure is")
        #expect(note.message.rendered(in: .en).hasPrefix("last year's figure is at "))
    }

    @Test("last year's files that cannot be used are said once: an unreadable one at itself, one of another year on its unit's file")
    func unusableFiles() throws {
        let (run, previous, _) = try Self.check(
            lastYear: ["broken.yml": "submission: [\n",
                       "990101.yml": Self.submission("990101", year: 2026, "indicators:\n  gdp_growth: 5.3%\n")],
            thisYear: Self.jia("indicators:\n  gdp_growth: 5.0%\n"))
        #expect(previous.unusable.count == 2)
        let notes = Self.diagnostics(run, .previousYearFigures)
        #expect(notes.count == 2)
        let broken = try #require(notes.first { $0.file?.hasSuffix("broken.yml") == true })
        #expect(broken.message.rendered(in: .en).contains("cannot be read as a submission"))
        #expect(!run.results.contains { $0.diagnostic?.code == .yamlSyntax }, "last year's own findings are not reported")
        #expect(run.exitCode(failOn: .error) == 0, "last year's broken file does not make this year's check unusable")
        let otherYear = try #require(notes.first { $0.unit == "990101" })
        #expect(otherYear.message.rendered(in: .en).contains("it states the year 2026, not 2025"))
        #expect(Self.growthRule(run, unit: "990101")?.outcome == .notEvaluated)
    }

    @Test("every output shows a figure of last year's file where it is: text, HTML, SARIF's related locations, JSON")
    func renderers() throws {
        let (run, _, lastYearFolder) = try Self.check(thisYear: Self.jia("indicators:\n  gdp_growth: 5.0%\n"))
        let report = Report(run: run, language: .en, showPasses: true)
        let entry = try #require(report.entries.first { $0.code == "T-GROWTH" })
        let text = TextReporter(useColor: false).render(entry, language: .en)
        #expect(text.contains("990101.yml:5:15)"), "\(text)")
        // A result whose one figure is last year's: the figure is listed with its place, the result stays here.
        let base = try #require(report.entries.first { $0.code == "T-BASE" })
        let baseText = TextReporter(useColor: false).render(base, language: .en)
        #expect(base.location?.file.path == base.file)
        #expect(baseText.contains("GDP growth (previous year) = 5.3%") && baseText.contains(lastYearFolder + "/990101.yml:5:15"),
                "\(baseText)")
        // HTML: the failed comparison shows last year's figure with its place and line.
        let failing = Report(run: run, language: .en)
        let page = HTMLReporter().render(failing)
        #expect(page.contains("GDP growth (previous year): " + lastYearFolder + "/990101.yml:5:15"), "\(page.suffix(3000))")
        let sarif = SARIFReporter().render(report)
        #expect(sarif.contains("\"text\": \"  gdp_growth: 5.3%\""), "last year's line as a related location's snippet")
        #expect(sarif.contains("\"text\": \"GDP growth (previous year) = 5.3%\""))
        let json = JSONReporter().render(report)
        let figure = try #require(json.range(of: "\"label\": \"GDP growth (previous year)\""))
        let after = json[figure.upperBound...].prefix(600)
        #expect(after.contains(lastYearFolder + "/990101.yml") && after.contains("\"line\": 5"), "\(after)")
    }
}
