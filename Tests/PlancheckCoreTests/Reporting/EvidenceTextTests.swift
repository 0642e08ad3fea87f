import PlancheckCore
import PlancheckRules
import Testing

/// What the result model promises a reader: every judged result shows its signed gap, and English output names
/// units by their English names.
@Suite("Evidence in words")
struct EvidenceTextTests {
    static func report(_ language: Language) throws -> Report {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        var options = CheckOptions()
        options.today = "2025-06-30"
        let run = CheckRun.run(paths: [DefaultPackTests.root + "/Examples/shenyang-2025"], pack: pack, options: options,
                               run: RunOptions(keepAllResults: true))
        return Report(run: run, language: language, showPasses: true)
    }

    @Test("with passes shown, every judged result says its signed gap, in both languages", arguments: Language.allCases)
    func everyJudgedResultShowsItsGap(language: Language) throws {
        let report = try Self.report(language)
        let judged = report.listed.filter { $0.evidence != nil }
        #expect(judged.count > 200)
        #expect(judged.contains { $0.outcome == .passed && $0.evidence!.gap.value > .zero })
        for entry in judged {
            let gap = QuantityText.display(entry.evidence!.gap, in: language)
            let shown = entry.text + "\n" + (entry.arithmetic ?? "")
            #expect(shown.contains(gap), "\(entry.code) \(entry.unit ?? "whole"): \(shown) lacks \(gap)")
        }
    }

    @Test("a total over the units that submitted shows its real gap, not zero")
    func incompleteTotalsShowTheirGap() throws {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        let run = CheckRun.run(paths: [DefaultPackTests.root + "/Examples/shenyang-2025/210102-heping.yml"], pack: pack,
                               options: CheckOptions(), run: RunOptions(keepAllResults: true))
        let report = Report(run: run, language: .zh, showPasses: true)
        let jobs = try #require(report.entries.first { $0.code == "SY25-T44-01" })
        #expect(jobs.outcome == .notEvaluated)
        let evidence = try #require(jobs.evidence)
        #expect(evidence.gap.value < .zero)
        #expect(jobs.arithmetic?.contains("差距 " + QuantityText.display(evidence.gap, in: .zh)) == true)
        #expect(jobs.missingUnits.count == 12)
    }

    @Test("English output names units in English, Chinese output in Chinese")
    func unitNamesFollowTheLanguage() throws {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        for language in Language.allCases {
            let report = try Self.report(language)
            let contributions = report.entries.filter { $0.unit == nil }.flatMap(\.figures).filter { $0.unit != nil }
            #expect(!contributions.isEmpty)
            for figure in contributions {
                let unit = try #require(pack.district(figure.unit!))
                #expect(figure.label == unit.name[language])
            }
            let missing = report.entries.flatMap(\.missingUnits)
            for unit in missing { #expect(unit.name == pack.district(unit.code)?.name[language]) }
        }
    }
}

@Suite("Unusable figures")
struct UnusableFigureTests {
    @Test("a figure written but unusable is not called missing, and the result points at it")
    func unusableIsNotMissing() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let text = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  gdp_growth: 5.6亿元\n"
        let loaded = SubmissionLoader.load(SourceFile(path: "unusable.yml", text: text), pack: pack)
        let submission = try #require(loaded.submission)
        let place = try #require(submission.unusable["gdp_growth"])
        #expect(place.span.start.line == 5)
        var run = RunResult(summary: RunSummary(pack: pack, files: ["unusable.yml"]))
        run.results = Checker.check(pack: pack, submissions: [submission])
        let gdp = try #require(run.results.compactMap(\.ruleResult).first { $0.rule.id == "TL-GDP" && $0.unit == "990101" })
        #expect(gdp.outcome == .notEvaluated)
        #expect(gdp.missing?.figures.first?.unusableAt?.description == place.description)
        #expect(gdp.location?.description == place.description)
        for language in Language.allCases {
            let entry = try #require(Report(run: run, language: language, showPasses: true).entries.first {
                $0.code == "TL-GDP" && $0.unit == "990101" })
            #expect(entry.text.contains(language == .zh ? "已填写但无法使用" : "written but unusable"))
            #expect(!entry.text.contains(language == .zh ? "缺少" : "missing"))
        }
    }
}
