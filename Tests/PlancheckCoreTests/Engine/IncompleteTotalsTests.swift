import PlancheckCore
import Testing

/// The verdicts a city office must be able to trust about totals: a unit sent twice is never counted twice, and a
/// total that cannot be judged is said in every output, by default, in one block.
@Suite("Incomplete totals")
struct IncompleteTotalsTests {
    static let examples = DefaultPackTests.root + "/Examples/shenyang-2025"

    static func exampleFiles(without excluded: String? = nil) -> [String] {
        InputCollection.collect([examples]).files.filter { excluded == nil || !$0.hasSuffix(excluded!) }
    }

    static func run(_ paths: [String], requireAll: Bool = false, keepAll: Bool = false) throws -> RunResult {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        var options = CheckOptions()
        options.today = "2025-06-30"
        options.requireAllDistricts = requireAll
        return CheckRun.run(paths: paths, pack: pack, options: options, run: RunOptions(keepAllResults: keepAll))
    }

    /// The 13 examples and a second file for 铁西区 (a copy of its own, in another folder).
    static func withSecondTiexi() throws -> (paths: [String], copy: String) {
        let folder = Robust.temporaryFolder()
        let copy = folder + "/210106-tiexi-revised.yml"
        let original = try FolderPackSource(folder: examples).read("210106-tiexi.yml")
        #expect(Robust.write(original, to: copy))
        return (exampleFiles() + [copy], copy)
    }

    @Test("a unit with two files is reported for both and counted in no total, which is not evaluated naming it")
    func secondFileIsNotCountedTwice() throws {
        let (paths, copy) = try Self.withSecondTiexi()
        defer { Robust.remove(String(copy[..<copy.lastIndex(of: "/")!])) }
        let run = try Self.run(paths, keepAll: true)
        let duplicate = try #require(run.results.compactMap(\.diagnostic).first { $0.code == .duplicateSubmission })
        #expect(duplicate.labels.count == 1)  // the other file, labelled
        let jobs = try #require(run.results.compactMap(\.ruleResult).first { $0.rule.id == "SY25-T44-01" && $0.unit == nil })
        // 14.1万人 over 13 files would pass at 15.9万人 with 铁西区 counted twice; it must not pass.
        #expect(jobs.outcome == .notEvaluated)
        #expect(jobs.missing?.unitsSubmittedTwice.map(\.unit) == ["210106"])
        #expect(jobs.missing?.unitsSubmittedTwice.first?.files.count == 2)
        #expect(jobs.missing?.unitsWithoutFile.isEmpty == true)
        // The comparison over the other units stays as evidence: 铁西区's 1.8万人 is left out.
        #expect(jobs.evidence?.value.description == "12.3万人")
        let report = Report(run: run, language: .zh)
        let entry = try #require(report.entries.first { $0.code == "SY25-T44-01" && $0.unit == nil })
        #expect(entry.text.contains("铁西区(210106) 报送了多个文件"))
        #expect(entry.text.contains("210106-tiexi-revised.yml"))
        // "未报送" names units without a file only: 铁西区 did submit.
        #expect(entry.lackingUnits.withoutFile.isEmpty)
        #expect(entry.lackingUnits.submittedTwice.map(\.code) == ["210106"])
        let english = Report(run: run, language: .en).entries.first { $0.code == "SY25-T44-01" && $0.unit == nil }
        #expect(english?.text.contains("Tiexi (210106) sent more than one file") == true)
        #expect(run.exitCode(failOn: .error) == 1)  // PC034 is an error
    }

    @Test("the block of incomplete totals names the unit sent twice with both files, by default, in every format")
    func duplicateInEveryFormat() throws {
        let (paths, copy) = try Self.withSecondTiexi()
        defer { Robust.remove(String(copy[..<copy.lastIndex(of: "/")!])) }
        let run = try Self.run(paths)
        #expect(run.summary.incompleteTotals.unitsSubmittedTwice.map(\.unit) == ["210106"])
        let zh = Report(run: run, language: .zh)
        let text = TextReporter(useColor: false).render(zh)
        #expect(text.contains("未评估的全市合计"))
        #expect(text.contains("铁西区(210106) 报送了多个文件，未计入任何合计"))
        #expect(text.contains("210106-tiexi-revised.yml"))
        let en = Report(run: run, language: .en)
        for rendered in [TextReporter(useColor: false).render(en), MarkdownReporter().render(en), GitHubReporter().render(en),
                         JSONReporter().render(en), SARIFReporter().render(en), JUnitReporter().render(en),
                         ConciseReporter().render(en)] {
            #expect(rendered.contains("Tiexi (210106) sent more than one file and is left out of every total"))
        }
    }

    @Test("a unit without a file is named by default in text, JSON and Markdown; the status follows the docs")
    func missingUnitIsVisible() throws {
        let run = try Self.run(Self.exampleFiles(without: "210124-faku.yml"))
        let totals = run.summary.incompleteTotals
        #expect(totals.unitsWithoutFile == ["210124"])
        #expect(totals.rulesWaitingForFiles > 100)
        for language in Language.allCases {
            let report = Report(run: run, language: language)
            let faku = language == .zh ? "法库县(210124)" : "Faku (210124)"
            #expect(TextReporter(useColor: false).render(report).contains(faku))
            #expect(MarkdownReporter().render(report).contains(faku))
            #expect(JSONReporter().render(report).contains(faku))
            // Concise: one line per reason, headed by the whole as its own results are, before the counts.
            let concise = ConciseReporter().render(report).split(separator: "\n")
            let line = try #require(concise.first { $0.contains(faku) })
            #expect(line.hasPrefix(language == .zh ? "全市: not-evaluated[incomplete-totals] " : "city-wide: not-evaluated[incomplete-totals] "))
            #expect(concise.last?.contains(language == .zh ? "错误" : "error(s)") == true)
        }
        let json = JSONReporter().render(Report(run: run, language: .en))
        #expect(json.contains("\"districts_without_file\": [\n      \"210124\"\n    ]"))
        // Not evaluated does not fail by itself (a district checking its own file alone must pass) ...
        let alone = try Self.run([Self.examples + "/210102-heping.yml"])
        #expect(alone.exitCode(failOn: .error) == 0)
        #expect(!alone.summary.incompleteTotals.unitsWithoutFile.isEmpty)
        // ... and --require-all-districts makes it a failure, as README and docs/exit-codes.md say.
        let strict = try Self.run([Self.examples + "/210102-heping.yml"], requireAll: true)
        #expect(strict.exitCode(failOn: .error) == 1)
        #expect(strict.summary.incompleteTotals.countsAsFailed)
        #expect(TextReporter(useColor: false).render(Report(run: strict, language: .zh)).contains("--require-all-districts"))
        #expect(ConciseReporter().render(Report(run: strict, language: .en)).contains("city-wide: error[incomplete-totals] "))
    }

    @Test("rules some units gave figures for are listed with the units lacking; the rest as one list of ids")
    func lackingFiguresGrouped() throws {
        let run = try Self.run(Self.exampleFiles())
        let totals = run.summary.incompleteTotals
        #expect(totals.unitsWithoutFile.isEmpty)
        let grain = try #require(totals.lackingFigures.first { $0.rule == "SY25-T36-04" })
        #expect(grain.units == ["210102", "210103", "210104", "210105"])
        #expect(totals.noneReported.contains("SY25-T01-03"))
        #expect(!totals.noneReported.contains("SY25-T36-04"))
        #expect(totals.ruleCount == totals.lackingFigures.count + totals.noneReported.count + totals.otherReasons.count)
        let text = TextReporter(useColor: false).render(Report(run: run, language: .zh))
        #expect(text.contains("SY25-T36-04 正常年景粮食产量稳定在80亿斤以上：4 个区县未填报 粮食产量"))
    }

    @Test("a pass within tolerance is listed by default, as Examples/README.md says")
    func withinToleranceListed() throws {
        let run = try Self.run(Self.exampleFiles())
        let near = run.results.compactMap(\.ruleResult).filter { $0.outcome == .passedWithinTolerance }
        #expect(near.map(\.unit) == ["210106"])
        #expect(run.exitCode(failOn: .note) == 1)  // the examples fail anyway; a near miss alone never fails:
        #expect(!near[0].fails(at: .note))
    }
}
