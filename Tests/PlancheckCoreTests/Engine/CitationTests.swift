import PlancheckCore
import Testing

/// Citations as plans and local practice write them: a part as a numeral or as its own name, and rules that come
/// from a local decision rather than a plan clause, shown as such in every output.
@Suite("Citations")
struct CitationTests {
    static let rules = """
    rules:
      - id: C-NAMED
        title: {zh: 按部分名称引用, en: cited by the part's name}
        citation: {part: 主要预期目标, clause: 地区生产总值增长5.5%以上}
        check: {value: gdp_growth, at_least: 5.5%}
      - id: C-LOCAL
        title: {zh: 地方决定的目标, en: a target set by a local decision}
        citation:
          local_decision: {document: 测政发〔2025〕3号, issuer: {zh: 测试市人民政府, en: Testland Government}, date: 2025-03-01}
          clause: 工业增加值增长6%以上
        check: {value: industry_growth, at_least: 6%}
    """

    static func pack() throws -> Pack {
        let result = PackLoader.load(from: Fixtures.packSource(extraRules: rules))
        #expect(result.diagnostics.map { $0.message.rendered(in: .en) } == [])
        return try #require(result.pack)
    }

    @Test("a textual part reads as written; a numeral as 第…部分")
    func parts() throws {
        let pack = try Self.pack()
        let named = try #require(pack.rule("C-NAMED"))
        #expect(named.citation.place(language: .zh) == "主要预期目标")
        #expect(named.citation.place(language: .en) == "主要预期目标")
        #expect(try #require(pack.rule("TL-GDP")).citation.place(language: .zh) == "第二部分 主要预期目标")
    }

    @Test("a local decision is shown as such in text, JSON, HTML, the reference and explain")
    func localDecision() throws {
        let pack = try Self.pack()
        let rule = try #require(pack.rule("C-LOCAL"))
        #expect(rule.citation.place(language: .zh) == "地方决定：测政发〔2025〕3号（测试市人民政府），2025-03-01")
        #expect(rule.citation.place(language: .en) == "local decision: 测政发〔2025〕3号 (Testland Government), 2025-03-01")
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        #expect(Robust.write("submission: {district: \"990101\", year: 2025}\nindicators: {industry_growth: 5%}\n",
                             to: folder + "/east.yml"))
        let run = CheckRun.run(paths: [folder], pack: pack, options: CheckOptions(), run: RunOptions(keepAllResults: true))
        for language in Language.allCases {
            let report = Report(run: run, language: language, showPasses: true)
            let word = language == .zh ? "地方决定" : "local decision"
            #expect(TextReporter(useColor: false).render(report).contains(word + "：测政发〔2025〕3号") ||
                    TextReporter(useColor: false).render(report).contains(word + ": 测政发〔2025〕3号"))
            #expect(HTMLReporter().render(report).contains(word))
            #expect(MarkdownReporter().render(report).contains(word))
        }
        let json = JSONReporter().render(Report(run: run, language: .en))
        #expect(json.contains("\"document\": \"测政发〔2025〕3号\""))
        let reference = RuleReference.markdown(pack)
        #expect(reference.contains("## 地方决定"))
        #expect(RuleExplainer.text(rule, pack: pack, language: .zh).contains("地方决定"))
    }

    @Test("a citation gives the plan's part or a local decision, not both; the decision needs its document")
    func invalid() {
        let both = Self.rules.replacing("\n      local_decision:", with: "\n      part: 二\n      local_decision:")
        let messages = PackLoader.load(from: Fixtures.packSource(extraRules: both)).diagnostics.map { $0.message.rendered(in: .en) }
        #expect(messages.contains { $0.contains("not both") }, "\(messages)")
        let noDocument = Self.rules.replacing("document: 测政发〔2025〕3号, ", with: "")
        let missing = PackLoader.load(from: Fixtures.packSource(extraRules: noDocument)).diagnostics.map { $0.message.rendered(in: .en) }
        #expect(missing.contains { $0.contains("`document`") }, "\(missing)")
    }
}
