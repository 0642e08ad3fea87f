import PlancheckCore
import PlancheckYAML
import Testing

@Suite("Rule packs: loading and lint")
struct PackLoadingTests {
    @Test("the test pack loads without any diagnostic")
    func testPackIsClean() throws {
        let result = PackLoader.load(from: FolderPackSource(folder: Fixtures.testPack))
        #expect(result.diagnostics.map(\.code) == [])
        let pack = try #require(result.pack)
        #expect(pack.rules.count == 11)
        #expect(pack.districts.map(\.code) == ["990101", "990102", "990121"])
    }

    @Test("every example declared in the test pack behaves as declared")
    func examplesBehave() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let results = RuleExamples.run(pack, today: "2025-03-01")
        #expect(results.count >= 15)
        for result in results {
            #expect(result.behavedAsDeclared, "\(result.rule.id) example \(result.index): \(String(describing: result.actual))")
        }
    }

    @Test("an expression that does not parse is reported with a caret at the bad token")
    func expressionSyntaxLocated() {
        let source = Fixtures.packSource(extraRules: """
        rules:
          - id: TL-BAD
            title: {zh: 坏, en: bad}
            citation: {part: 二, clause: x}
            check: {value: gdp_growth * , at_least: 1%}
        """)
        let result = PackLoader.load(from: source)
        #expect(result.pack == nil)
        let diagnostic = result.diagnostics.first { $0.code == .expressionSyntax }
        #expect(diagnostic?.location?.span.start.line == 5)
        // `gdp_growth * ` starts at column 20; the parser stops at the end of the text.
        #expect((diagnostic?.location?.span.start.column ?? 0) >= 31)
    }

    @Test("unknown keys are reported at the key, with a suggestion")
    func unknownKeySuggestion() {
        let source = Fixtures.packSource(extraRules: """
        rules:
          - id: TL-X
            title: {zh: 甲, en: a}
            citaton: {part: 二, clause: x}
            check: {value: gdp_growth, at_least: 1%}
        """)
        let result = PackLoader.load(from: source)
        let diagnostic = result.diagnostics.first { $0.code == .unknownKey }
        #expect(diagnostic?.location?.span.start.line == 4)
        #expect(diagnostic?.location?.span.start.column == 5)
        #expect(diagnostic?.help?.rendered(in: .en) == "did you mean `citation`?")
        #expect(result.diagnostics.contains { $0.code == .missingField })
    }

    @Test("references to unknown indicators and unit clashes are errors at the reference")
    func referencesAndUnits() {
        let source = Fixtures.packSource(extraRules: """
        rules:
          - id: TL-REF
            title: {zh: 甲, en: a}
            citation: {part: 二, clause: x}
            check: {value: gdp_grwth, at_least: 1%}
          - id: TL-UNIT
            title: {zh: 乙, en: b}
            citation: {part: 二, clause: y}
            check: {value: budget_spending, at_least: 5%}
        """)
        let result = PackLoader.load(from: source)
        let reference = result.diagnostics.first { $0.code == .unknownReference }
        #expect(reference?.location?.span.start.line == 5)
        #expect(reference?.location?.span.start.column == 20)
        #expect(reference?.help?.rendered(in: .en) == "did you mean `gdp_growth`?")
        #expect(result.diagnostics.contains { $0.code == .unitMismatch })
    }

    @Test("contradicting rules for the same districts are found")
    func contradictions() {
        let source = Fixtures.packSource(extraRules: """
        rules:
          - id: TL-CAP
            title: {zh: 上限, en: cap}
            citation: {part: 二, clause: x}
            applies_to: {kinds: [county]}
            check: {value: gdp_growth, at_most: 5%}
        """)
        let result = PackLoader.load(from: source)
        let diagnostic = result.diagnostics.first { $0.code == .contradiction }
        #expect(diagnostic != nil)
        let text = diagnostic?.message.rendered(in: .en) ?? ""
        #expect(text.contains("TL-CAP") && text.contains("gdp_growth") && text.contains("北县"))
        // TL-GDP (≥ 5.5%) and TL-COUNTY (≥ 6%) each clash with TL-CAP (≤ 5%): one diagnostic per pair.
        #expect(result.diagnostics.filter { $0.code == .contradiction }.count == 2)
    }

    @Test("a pack may not include files outside its folder")
    func includeOutside() {
        let source = Fixtures.packSource(extraRules: "rules: []\n", extraPackLines: "  - ../secret.yml\n")
        let result = PackLoader.load(from: source)
        #expect(result.diagnostics.contains { $0.message.key == .includeOutsidePack })
    }
}

@Suite("Rule packs: the district registry")
struct RegistryTests {
    @Test("a duplicate district code and an undeclared kind are reported at the entry")
    func registry() {
        var files = Fixtures.packSource(extraRules: "rules: []\n").files
        files["pack.yml"] = files["pack.yml"]?.replacingFirst(
            #"  - {code: "990121", zh: 北县, en: North County, kind: county}"#,
            with: #"  - {code: "990101", zh: 北县, en: North County, kind: rural}"#)
        let result = PackLoader.load(from: EmbeddedPackSource(id: "t", files: files))
        let duplicate = result.diagnostics.first { $0.message.key == .duplicateDistrict }
        #expect(duplicate?.location?.span.start.line == 24)
        let kind = result.diagnostics.first { $0.message.key == .unknownDistrictKind }
        #expect(kind?.location?.span.start.line == 24)
        #expect(kind?.help?.rendered(in: .en) == "allowed here: county, urban")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var result = self
        result.replaceSubrange(range, with: replacement)
        return result
    }
}
