import PlancheckCore
import Testing

/// Displayed numbers never hide a verdict, and a missing figure is said where it belongs: the wording an officer
/// reads, in both languages, over the built-in pack.
@Suite("Verdict wording")
struct VerdictWordingTests {
    static let examples = IncompleteTotalsTests.examples

    /// The example file `name` with `replace` applied, checked alone; every result kept.
    static func run(_ name: String, replacing old: String? = nil, with new: String = "") throws -> RunResult {
        var paths = [examples + "/" + name]
        if let old {
            let text = String(decoding: try FolderPackSource(folder: examples).read(name), as: UTF8.self)
            #expect(text.contains(old))
            let folder = Robust.temporaryFolder()
            #expect(Robust.write(text.replacingOccurrences(of: old, with: new), to: folder + "/" + name))
            paths = [folder + "/" + name]
        }
        defer { if old != nil { Robust.remove(String(paths[0][..<paths[0].lastIndex(of: "/")!])) } }
        return try IncompleteTotalsTests.run(paths, keepAll: true)
    }

    static func text(_ run: RunResult, _ code: String, _ language: Language) -> String? {
        Report(run: run, language: language).entries.first { $0.code == code && $0.unit != nil }?.text
    }

    @Test("a figure just below its target shows the digits that make it fail")
    func enoughDigits() throws {
        let run = try Self.run("210111-sujiatun.yml", replacing: "gdp_growth: 5.2%", with: "gdp_growth: 5.49999%")
        let zh = try #require(Self.text(run, "SY25-M01", .zh))
        #expect(zh == "地区生产总值增长为 5.49999%，计划要求不低于5.5%（差距 -0.00001个百分点）")
        let en = try #require(Self.text(run, "SY25-M01", .en))
        #expect(en.contains("is 5.49999%") && en.contains("gap -0.00001 pp"))
    }

    @Test("a strict relation failed at exactly its target says that equal fails")
    func strictEqual() throws {
        let run = try Self.run("210115-liaozhong.yml")
        #expect(Self.text(run, "SY25-S10-03", .zh) == "固定资产投资增长为 6%，计划要求高于6%，恰好等于也不达标（差距 0个百分点）")
        #expect(Self.text(run, "SY25-S10-03", .en)?.contains("more than 6%, and exactly equal does not meet it") == true)
    }

    @Test("a 左右 target gives the band that passes")
    func aboutGivesBand() throws {
        let run = try Self.run("210114-yuhong.yml")
        #expect(Self.text(run, "SY25-M05", .zh)?.contains("计划要求约5%（不低于4.5%）") == true)
        #expect(Self.text(run, "SY25-M05", .en)?.contains("about 5% (at least 4.5%)") == true)
    }

    @Test("a missing required figure is located at `indicators:` and linked to the near-miss key, both ways")
    func missingFigureAtItsPlace() throws {
        let run = try Self.run("210112-hunnan.yml")
        let diagnostics = run.results.compactMap(\.diagnostic)
        let missing = try #require(diagnostics.first { $0.code == .missingRequiredIndicator })
        #expect(missing.location?.span.start.line == 9)  // `indicators:`
        #expect(missing.help?.rendered(in: .en).contains("general_budget_revenue_growth") == true)
        let written = try #require(missing.notes.first)
        #expect(written.location?.span.start.line == 11)
        #expect(written.message.rendered(in: .zh) == "可能已写成第 11 行的 `地方一般公共预算收入增长`")
        #expect(written.message.rendered(in: .en) == "it may be written as `地方一般公共预算收入增长` on line 11")
        let unknown = try #require(diagnostics.first { $0.code == .unknownIndicator })
        #expect(unknown.notes.contains { $0.location?.span.start.line == 9
            && $0.message.rendered(in: .en).contains("counts as missing") })
    }

    @Test("a district result not evaluated says whether the figure is absent or unusable")
    func absentOrUnusable() throws {
        let unusable = try IncompleteTotalsTests.run([DefaultPackTests.root + "/Examples/malformed/wrong-unit.yml"], keepAll: true)
        let gdp = Report(run: unusable, language: .zh).entries.first { $0.code == "SY25-M01" }
        #expect(gdp?.text == "未评估：gdp_growth（地区生产总值增长） 已填写但无法使用")
        let absent = try Self.run("210102-heping.yml", replacing: "  gdp_growth: 5.6%\n", with: "")
        let english = Report(run: absent, language: .en).entries.first { $0.code == "SY25-M01" }
        #expect(english?.text.hasPrefix("not evaluated: missing gdp_growth") == true)
    }

    @Test("a qualitative figure is answered in words: no raw expression, no word of the other language")
    func qualitativeInWords() throws {
        let run = try Self.run("210115-liaozhong.yml", replacing: "general_budget_revenue_growth: 5.6%",
                               with: "general_budget_revenue_growth: 保持正增长")
        let zh = Report(run: run, language: .zh).entries.first { $0.code == "SY25-S10-02" }
        #expect(zh?.text == "一般公共预算收入增长只填写了“保持正增长”，无法说明达到“高于一般公共预算收入增长（全市）”的要求")
        #expect(zh?.help == "请填写具体数字（现有表述仅表明：正增长）")
        let en = Report(run: run, language: .en).entries.first { $0.code == "SY25-S10-02" }
        #expect(en?.text.contains("city.") == false)
        #expect(en?.help == "give a number (the statement only says: growth above zero)")
    }

    @Test("降低2.6% reads as a decline like 下降2.6%, and the note says which words mean a decline")
    func declineWordsInSubmissions() throws {
        let run = try Self.run("210102-heping.yml", replacing: "energy_intensity_change: \"-2.6%\"",
                               with: "energy_intensity_change: 降低2.6%")
        #expect(run.results.compactMap(\.ruleResult).first { $0.rule.id == "SY25-M08" }?.outcome == .passed)
        let note = run.results.compactMap(\.diagnostic).first { $0.code == .figureNormalised }
        #expect(note?.message.rendered(in: .zh) == "“降低2.6%”已按 -2.6% 读取（表示下降的字样（下降、降低、减少、回落）按负增长计）")
    }

    @Test("a decline-phrased key is read with the sign flipped, and noted in both languages")
    func declineName() throws {
        let run = try Self.run("210102-heping.yml", replacing: "energy_intensity_change: \"-2.6%\"",
                               with: "单位地区生产总值能耗下降: 2.6%")
        let diagnostics = run.results.compactMap(\.diagnostic)
        #expect(!diagnostics.contains { $0.code == .unknownIndicator || $0.code == .missingRequiredIndicator })
        #expect(run.results.compactMap(\.ruleResult).first { $0.rule.id == "SY25-M08" }?.evidence?.value.description == "-2.6%")
        let note = try #require(diagnostics.first { $0.code == .figureNormalised })
        #expect(note.message.rendered(in: .zh)
            == "“单位地区生产总值能耗下降”是单位地区生产总值能耗变化率（`energy_intensity_change`）的下降说法：2.6% 按变化率 -2.6% 读取（取相反数）")
        #expect(note.message.rendered(in: .en).contains("is read as a change of -2.6% (sign flipped)"))
    }

    @Test("a positive figure for a must-fall target gets a hint about the sign")
    func signHint() throws {
        let run = try Self.run("210102-heping.yml", replacing: "energy_intensity_change: \"-2.6%\"",
                               with: "energy_intensity_change: 2.5%")
        let entry = try #require(Report(run: run, language: .zh).entries.first { $0.code == "SY25-M08" })
        #expect(entry.outcome == .failed)
        #expect(entry.notes.contains { $0.text == "计划要求下降，填写的 2.5% 表示上升；如指下降 2.5%，请填写 -2.5% 或“下降2.5%”" })
        let english = Report(run: run, language: .en).entries.first { $0.code == "SY25-M08" }
        #expect(english?.notes.contains { $0.text.contains("write -2.5% or") } == true)
    }

    @Test("`1.6万` for an indicator in 万人 is read as 1.6万人, with a note")
    func magnitudeWithoutNoun() throws {
        let run = try Self.run("210102-heping.yml", replacing: "new_urban_jobs: 1.6万人", with: "new_urban_jobs: 1.6万")
        let diagnostics = run.results.compactMap(\.diagnostic)
        #expect(!diagnostics.contains { $0.code == .incompatibleUnit })
        let note = try #require(diagnostics.first { $0.code == .figureNormalised })
        #expect(note.message.rendered(in: .zh) == "“1.6万”已按 1.6万人 读取（数量词后补上单位“人”）")
        #expect(note.message.rendered(in: .en).contains("1.6万人"))
    }
}
