import PlancheckCore
import Testing

/// 左右 as plans write it: a band that binds below (growth), above (城镇调查失业率5.5%左右, lower is better) or on
/// both sides, judged the same way on either side, and worded with the edge that binds.
@Suite("Bands: sides of 左右")
struct BandSidesTests {
    static let rules = """
    rules:
      - id: B-UPPER
        title: {zh: 增速5.5%左右（只约束上限）, en: growth of about 5.5% (upper side)}
        citation: {part: 二, clause: a}
        qualifier: 左右
        check: {value: income_growth, about: 5.5%, sides: upper}
    """

    static func entry(_ figure: String, language: Language) throws -> ReportEntry {
        let pack = try #require(PackLoader.load(from: Fixtures.packSource(extraRules: Self.rules)).pack)
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        #expect(Robust.write("submission: {district: \"990101\", year: 2025}\nindicators: {income_growth: \(figure)}\n",
                             to: folder + "/east.yml"))
        let run = CheckRun.run(paths: [folder], pack: pack, options: CheckOptions(), run: RunOptions(keepAllResults: true))
        let report = Report(run: run, language: language, showPasses: true)
        return try #require(report.entries.first { $0.code == "B-UPPER" })
    }

    @Test("sides: upper fails above the band only, and the message names the upper edge")
    func upperSide() throws {
        #expect(try Self.entry("3%", language: .en).outcome == .passed)
        #expect(try Self.entry("5.9%", language: .en).outcome == .passedWithinTolerance)
        let failed = try Self.entry("6.2%", language: .en)
        #expect(failed.outcome == .failed)
        #expect(failed.text.contains("about 5.5% (at most 6%)"), "\(failed.text)")
        let chinese = try Self.entry("6.2%", language: .zh)
        #expect(chinese.text.contains("约5.5%（不高于6%）"), "\(chinese.text)")
    }

    @Test("sides accepts lower, upper and both; anything else is a located error listing them")
    func sidesValues() throws {
        let bad = Self.rules.replacing("sides: upper", with: "sides: above")
        let result = PackLoader.load(from: Fixtures.packSource(extraRules: bad))
        let diagnostic = try #require(result.diagnostics.first { $0.message.rendered(in: .en).contains("sides") })
        #expect(diagnostic.message.rendered(in: .en).contains("lower, upper, both"))
        #expect(diagnostic.location?.file.path.hasSuffix("extra.yml") == true)
    }

    @Test("the rule reference says which side binds")
    func referenceWording() throws {
        let pack = try #require(PackLoader.load(from: Fixtures.packSource(extraRules: Self.rules)).pack)
        let rule = try #require(pack.rule("B-UPPER"))
        #expect(CheckWording.check(rule, pack: pack, language: .zh).contains("只有高于区间上限为不达标"))
        #expect(CheckWording.check(rule, pack: pack, language: .en).contains("only rising above the band fails"))
    }
}
