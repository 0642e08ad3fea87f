import PlancheckCore
import Testing

/// Conversions a pack declares between bases (斤 ↔ 吨, 公顷 ↔ 亩), end to end: submissions and targets in either
/// unit, exactly, with the conversion said in the report; and the declarations checked by the pack loader.
@Suite("Declared conversions")
struct DeclaredConversionTests {
    static func files(conversions: String) -> [String: String] {
        [
            "pack.yml": """
                format: plancheck-pack/1
                id: grain-2025
                version: 0.1.0
                title: {zh: 粮食规则包, en: Grain pack}
                plan: {title: {zh: 粮食计划, en: Grain plan}, year: 2025}
                district_kinds: [{id: all, zh: 全部, en: all}]
                districts: [{code: "990100", zh: 甲, en: Jia, kind: all}]
                conversions:
                \(conversions)
                include: [indicators.yml, rules.yml]
                """,
            "indicators.yml": """
                indicators:
                  grain_output: {zh: 粮食产量, en: Grain output, kind: level, unit: 万吨}
                  farmland: {zh: 高标准农田, en: High-standard farmland, kind: level, unit: 亩}
                  forest: {zh: 造林面积, en: Afforestation, kind: level, unit: 公顷}
                """,
            "rules.yml": """
                rules:
                  - id: G-GRAIN
                    title: {zh: 粮食产量500亿斤以上, en: Grain output of at least 50 bn jin}
                    citation: {part: 二, clause: 粮食产量500亿斤以上}
                    check: {value: grain_output, at_least: 500亿斤}
                    examples:
                      - {expect: pass, indicators: {grain_output: 2500万吨}}
                      - {expect: fail, indicators: {grain_output: 499.9亿斤}}
                  - id: G-FARM
                    title: {zh: 高标准农田1万公顷, en: 10000 ha of high-standard farmland}
                    citation: {part: 二, clause: 高标准农田1万公顷}
                    check: {value: farmland, at_least: 1万公顷}
                    examples:
                      - {expect: pass, indicators: {farmland: 15万亩}}
                      - {expect: fail, indicators: {farmland: 149999亩}}
                """,
        ]
    }

    static let declared = """
          - {from: 斤, to: 吨, factor: 0.0005}
          - {from: 公顷, to: 亩, factor: 15}
        """

    static func pack() throws -> Pack {
        let result = PackLoader.load(from: EmbeddedPackSource(id: "grain-2025", files: files(conversions: declared)))
        #expect(result.diagnostics.map { $0.message.rendered(in: .en) } == [])
        return try #require(result.pack)
    }

    static func report(_ indicators: String, language: Language = .en) throws -> Report {
        let pack = try pack()
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        #expect(Robust.write("submission: {district: \"990100\", year: 2025}\nindicators: {\(indicators)}\n",
                             to: folder + "/jia.yml"))
        let run = CheckRun.run(paths: [folder], pack: pack, options: CheckOptions(), run: RunOptions(keepAllResults: true))
        return Report(run: run, language: language, showPasses: true, baseDirectory: folder)
    }

    @Test("the pack's examples behave: targets and figures in either unit, converted exactly")
    func examples() throws {
        let results = RuleExamples.run(try Self.pack())
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0.behavedAsDeclared }, "\(results.map { "\($0.rule.id) \($0.index): \(String(describing: $0.actual))" })")
    }

    @Test("a figure in the other unit is converted and noted with the factor; a target in the other unit is noted too")
    func endToEnd() throws {
        let report = try Self.report("grain_output: 480亿斤, farmland: 16万亩")
        let converted = try #require(report.entries.first { $0.code == "PC024" })
        #expect(converted.text.contains("480亿斤 converted to 2400万吨"), "\(converted.text)")
        #expect(converted.notes.contains { $0.text.contains("1斤 = 0.0005吨") })
        let grain = try #require(report.entries.first { $0.code == "G-GRAIN" })
        #expect(grain.outcome == .failed)
        #expect(grain.text.contains("2500万吨"), "\(grain.text)")
        #expect(grain.notes.contains { $0.text.contains("500亿斤 = 2500万吨") }, "\(grain.notes.map(\.text))")
        let farm = try #require(report.entries.first { $0.code == "G-FARM" })
        #expect(farm.outcome == .passed)
        let chinese = try Self.report("grain_output: 480亿斤, farmland: 16万亩", language: .zh)
        #expect(chinese.entries.first { $0.code == "G-GRAIN" }?.notes.contains { $0.text.contains("规则包声明 1斤 = 0.0005吨") } == true)
    }

    @Test("against the declared direction only an exact result is accepted: 10亩 is no finite number of 公顷")
    func exactOnly() throws {
        let exact = try Self.report("forest: 150亩")
        #expect(exact.entries.contains { $0.code == "PC024" && $0.text.contains("10公顷") })
        let inexact = try Self.report("forest: 10亩")
        let problem = try #require(inexact.entries.first { $0.heading == .error && $0.text.contains("Afforestation") })
        #expect(problem.notes.contains { $0.text.contains("cannot be converted exactly") }, "\(problem.notes.map(\.text))")
    }

    @Test("declarations are checked: same base, a unit without a name, a duplicate pair, a factor that is no positive number")
    func lint() {
        let cases: [(String, String)] = [
            ("  - {from: 万吨, to: 吨, factor: 10000}", "magnitudes of one base"),
            ("  - {from: \"%\", to: 吨, factor: 1}", "cannot take part in a declared conversion"),
            ("  - {from: 斤, to: 吨, factor: 0.0005}\n  - {from: 吨, to: 斤, factor: 2000}", "declared twice"),
            ("  - {from: 斤, to: 吨, factor: 0}", "positive number"),
        ]
        for (declaration, expected) in cases {
            let result = PackLoader.load(from: EmbeddedPackSource(id: "grain-2025", files: Self.files(conversions: declaration)))
            let messages = result.diagnostics.map { $0.message.rendered(in: .en) }
            let found = result.diagnostics.first { $0.message.rendered(in: .en).contains(expected) }
            #expect(found != nil, "\(declaration): \(messages)")
            #expect(found?.location?.file.path.hasSuffix("pack.yml") == true, "\(declaration): not located in pack.yml")
        }
    }
}
