import PlancheckCore
import Testing

/// Magnitudes nobody would believe: ranges are pack data, checked by the linter, and a figure outside its range is
/// a warning naming the likely misreading.
@Suite("Plausible ranges")
struct PlausibilityTests {
    static func run(replacing pairs: [(String, String)]) throws -> RunResult {
        let name = "210102-heping.yml"
        var text = String(decoding: try FolderPackSource(folder: IncompleteTotalsTests.examples).read(name), as: UTF8.self)
        for (old, new) in pairs {
            #expect(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        #expect(Robust.write(text, to: folder + "/" + name))
        return try IncompleteTotalsTests.run([folder + "/" + name], keepAll: true)
    }

    @Test("every indicator of the built-in pack has a plausible range, and the pack lints clean")
    func everyIndicatorHasARange() throws {
        let loaded = PackLoader.load(from: DefaultPack.source, lint: true)
        let pack = try #require(loaded.pack)
        #expect(loaded.diagnostics.isEmpty)
        #expect(pack.indicators.filter { $0.plausible == nil }.map(\.key) == [])
        for indicator in pack.indicators where indicator.kind == .share {
            #expect(indicator.plausible?.min?.value == 0 && indicator.plausible?.max?.value == 100, "\(indicator.key)")
        }
    }

    @Test("a bare 16000 for an indicator in 万人 is a warning that asks: did you mean 16000人 = 1.6万人?")
    func bareNumberInTenThousands() throws {
        let run = try Self.run(replacing: [("new_urban_jobs: 1.6万人", "new_urban_jobs: 16000")])
        let warning = try #require(run.results.compactMap(\.diagnostic).first { $0.code == .implausibleFigure })
        #expect(warning.severity == .warning)
        #expect(warning.message.rendered(in: .zh) == "城镇新增就业为 16000万人，超出合理范围（0万人–14.8万人）")
        #expect(warning.help?.rendered(in: .zh) == "是否想写 16000人（= 1.6万人）？")
        #expect(warning.help?.rendered(in: .en) == "did you mean 16000人 (= 1.6万人)?")
    }

    @Test("a growth of 67.8% is a warning; a share whose part exceeds its whole is an error")
    func growthAndShare() throws {
        let run = try Self.run(replacing: [
            ("general_budget_revenue_growth: 5.2%", "general_budget_revenue_growth: 67.8%"),
            ("general_budget_spending: 95亿元", "general_budget_spending: 100千万元"),
            ("livelihood_spending: 74亿元", "livelihood_spending: 78亿元"),
        ])
        let warnings = run.results.compactMap(\.diagnostic).filter { $0.code == .implausibleFigure }
        #expect(warnings.map { $0.message.rendered(in: .en) }
            == ["General public budget revenue growth is 67.8%, outside the plausible range (-30%–30%)"])
        let share = try #require(run.results.compactMap(\.ruleResult).first { $0.rule.id == "SY25-S12-01" })
        #expect(share.outcome == .failed && share.severity == .error && share.partExceedsWhole)
        let zh = Report(run: run, language: .zh).entries.first { $0.code == "SY25-S12-01" }
        #expect(zh?.text == "民生支出占一般公共预算支出的比重为 780%：78亿元 大于 10亿元，比重不可能超过100%")
        let en = Report(run: run, language: .en).entries.first { $0.code == "SY25-S12-01" }
        #expect(en?.text.hasSuffix("78亿元 is more than 10亿元, and a share cannot exceed 100%") == true)
    }

    @Test("rules lint rejects a range whose minimum is above its maximum, a share beyond 100%, a ratio of 1 or less")
    func lintChecksRanges() throws {
        var files: [String: String] = [:]
        for name in ["pack.yml", "indicators.yml", "rules/targets.yml"] {
            files[name] = String(decoding: try FolderPackSource(folder: Fixtures.testPack).read(name), as: UTF8.self)
        }
        let indicators = try #require(files["indicators.yml"])
        let broken = indicators
            .replacingOccurrences(of: "    aliases: [GDP增速]\n",
                                  with: "    aliases: [GDP增速]\n    plausible: {min: 30%, max: -30%}\n")
            .replacingOccurrences(of: "  income_growth:\n    zh: 居民人均可支配收入增长\n    en: Per-capita disposable income growth\n    kind: growth\n    unit: \"%\"\n",
                                  with: "  income_growth:\n    zh: 居民人均可支配收入增长\n    en: Per-capita disposable income growth\n    kind: growth\n    unit: \"%\"\n    plausible: {max_ratio_to_previous: 1}\n")
        #expect(broken != indicators)
        files["indicators.yml"] = broken
        let loaded = PackLoader.load(from: EmbeddedPackSource(id: "test", files: files), lint: true)
        let messages = loaded.diagnostics.map { $0.message.rendered(in: .en) }
        #expect(messages.contains("the plausible minimum 30% is above the maximum -30%"), "\(messages)")
        #expect(messages.contains("`max_ratio_to_previous` must be above 1, not 1"), "\(messages)")
    }

    @Test("a figure that moved more than its indicator allows from last year's is a warning")
    func ratioToPrevious() throws {
        let run = try Self.run(replacing: [("general_budget_spending: 95亿元", "general_budget_spending: 300亿元"),
                                           ("previous:\n", "previous:\n  general_budget_spending: 90亿元\n")])
        let warnings = run.results.compactMap(\.diagnostic).filter { $0.code == .implausibleFigure }
        #expect(warnings.map { $0.message.rendered(in: .zh) }
            == ["一般公共预算支出为 300亿元，是上年 90亿元 的 3.3 倍，超出合理的变化幅度（3 倍以内）"])
        #expect(warnings.first?.location?.span.start.line == 21)
    }
}
