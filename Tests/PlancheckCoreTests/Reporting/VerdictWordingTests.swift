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
}
