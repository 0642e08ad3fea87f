import PlancheckCore
import Testing

/// A pack that declares its own words — a province of prefectures, not a city of districts — hears them back
/// from every output: messages in both languages, every report format, the rule reference, `explain`, the
/// submission schema and template, and the repository scaffold.
@Suite("Pack vocabulary")
struct PackVocabularyTests {
    static let packYAML = """
        format: plancheck-pack/1
        id: province-2025
        version: 0.1.0
        title: {zh: 某省2025年计划规则包, en: A province's 2025 plan rule pack}
        plan:
          title: {zh: 某省2025年国民经济和社会发展计划, en: A province's 2025 development plan}
          year: 2025
        vocabulary:
          unit: {zh: 地市, en: prefecture, en_plural: prefectures}
          whole: {zh: 全省, en: province}
        district_kinds:
          - {id: plain, zh: 平原地区, en: plains}
          - {id: hill, zh: 山区, en: hill area, shade: true}
        districts:
          - {code: "990100", zh: 甲市, en: Jia, kind: plain}
          - {code: "990200", zh: 乙市, en: Yi, kind: plain}
          - {code: "990300", zh: 丙市, en: Bing, kind: hill}
        city:
          gdp_growth: 5%
        include: [indicators.yml, rules.yml]
        """
    static let indicatorsYAML = """
        indicators:
          gdp_growth: {zh: 地区生产总值增长, en: GDP growth, kind: growth, unit: "%", required_for: [plain, hill]}
          new_jobs: {zh: 城镇新增就业, en: New urban jobs, kind: level, unit: 万人}
        """
    static let rulesYAML = """
        rules:
          - id: P-GDP
            title: {zh: 地区生产总值增长5%以上, en: GDP growth of at least 5%}
            citation: {part: 二, section: 主要目标, clause: 地区生产总值增长5%以上}
            qualifier: 以上
            check: {value: gdp_growth, more_than: city.gdp_growth}
          - id: P-JOBS
            title: {zh: 城镇新增就业30万人, en: 300000 new urban jobs}
            citation: {part: 二, section: 主要目标, clause: 城镇新增就业30万人}
            scope: city
            check: {value: sum(new_jobs), at_least: 30万人}
        """

    static func pack() throws -> Pack {
        let source = EmbeddedPackSource(id: "province-2025", files: [
            "pack.yml": packYAML, "indicators.yml": indicatorsYAML, "rules.yml": rulesYAML])
        let result = PackLoader.load(from: source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.message.rendered(in: .en) })")
        return try #require(result.pack)
    }

    /// Two of the three prefectures report; one misses the GDP target; the jobs total lacks the third.
    static func report(language: Language) throws -> Report {
        let pack = try pack()
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        #expect(Robust.write("""
            submission: {district: "990100", year: 2025}
            indicators: {gdp_growth: 4.5%, new_jobs: 10万人}
            """, to: folder + "/jia.yml"))
        #expect(Robust.write("""
            submission: {district: "990200", year: 2025}
            indicators: {gdp_growth: 6%, new_jobs: 12万人}
            """, to: folder + "/yi.yml"))
        let run = CheckRun.run(paths: [folder], pack: pack, options: CheckOptions(), run: RunOptions(keepAllResults: true))
        return Report(run: run, language: language, showPasses: true, baseDirectory: folder)
    }

    /// What of a text is prose: the formats' own names — keys (`"district":` in JSON and SARIF, `district:` in
    /// YAML, `city.` paths), values (`"scope": "city"`), the JUnit class of results about the whole, flags
    /// (`--district`, `--require-all-districts`) — are removed first.
    static func prose(_ text: String) -> String {
        var result = text
        for key in ["\"districts\"", "\"district\"", "\"missingDistricts\"", "\"missing_districts\"", "\"districts_without_file\"", "\"districts_submitted_twice\"", "districts:", "district:", "district_kinds",
                    "--require-all-districts", "require_all_districts", "--district", "scope: city", "\"scope\": \"city\"",
                    "\"scope\": \"district\"", ".city\"", "city.", "city:"] {
            result = result.replacing(key, with: "")
        }
        return result
    }

    static func expectOwnWords(_ text: String, _ what: String, language: Language?, mustSayThem: Bool = true) {
        let prose = prose(text)
        for word in ["区县", "全市", "县域", "市辖区"] {
            #expect(!prose.contains(word), "\(what) says \(word)")
        }
        let lowered = prose.lowercased()
        for word in ["district", "city"] {
            if let range = lowered.firstRange(of: word) {
                let start = lowered.index(range.lowerBound, offsetBy: -40, limitedBy: lowered.startIndex) ?? lowered.startIndex
                let end = lowered.index(range.upperBound, offsetBy: 40, limitedBy: lowered.endIndex) ?? lowered.endIndex
                Issue.record("\(what) says \(word): …\(lowered[start..<end])…")
            }
        }
        guard mustSayThem else { return }
        switch language {
        case .zh?: #expect(prose.contains("地市") || prose.contains("全省"), "\(what) does not use the pack's Chinese words")
        case .en?: #expect(lowered.contains("prefecture") || lowered.contains("province"), "\(what) does not use the pack's English words")
        case nil: #expect(prose.contains("地市") && lowered.contains("prefecture"), "\(what) does not use the pack's words")
        }
    }

    @Test("every report format, in both languages, says prefecture and province")
    func reports() throws {
        for language in Language.allCases {
            let report = try Self.report(language: language)
            for format in ReportFormat.allCases {
                let text = format.reporter(useColor: false).render(report)
                // GitHub annotations list failures only, and the one failure here is a unit's: nothing to name.
                Self.expectOwnWords(text, "\(format) (\(language))", language: format == .json ? nil : language,
                                    mustSayThem: format != .github)
            }
        }
        let zh = TextReporter(useColor: false).render(try Self.report(language: .zh))
        let en = TextReporter(useColor: false).render(try Self.report(language: .en))
        #expect(en.contains("no submission from 1 prefecture: Bing"))
        #expect(zh.contains("尚有 1 个地市未报送：丙市"))
        #expect(en.contains("GDP growth (province)"))
    }

    @Test("the HTML report shades and names the kind the pack marks, whatever its id")
    func htmlShading() throws {
        let html = HTMLReporter().render(try Self.report(language: .zh))
        #expect(html.contains("底色标出山区单位"))
        #expect(html.contains("class=\"shade"))
        #expect(html.contains("地市 × 规则矩阵"))
        let unshaded = try Self.report(language: .zh)
        var pack = unshaded.pack
        pack.districtKinds = pack.districtKinds.map { DistrictKind(id: $0.id, name: $0.name) }
        let plain = Report(context: ReportContext(pack: pack, language: .zh), summary: unshaded.summary,
                           entries: unshaded.entries)
        #expect(!HTMLReporter().render(plain).contains("底色标出"))
    }

    @Test("documents, schema, template and scaffold use the pack's words")
    func documents() throws {
        let pack = try Self.pack()
        Self.expectOwnWords(RuleReference.markdown(pack), "rule reference", language: nil)
        for rule in pack.rules {
            for language in Language.allCases {
                Self.expectOwnWords(RuleExplainer.text(rule, pack: pack, language: language), "explain \(rule.id)",
                                    language: language)
            }
        }
        Self.expectOwnWords(SubmissionSchema.text(pack), "schema", language: nil)
        let template = SubmissionTemplate.text(for: pack.districts[0], pack: pack, schema: nil)
        #expect(!Self.prose(template).contains("区县") && !Self.prose(template).lowercased().contains("district"))
        for file in DataRepositoryScaffold.files(pack: pack, rules: "rules/province-2025") {
            #expect(!Self.prose(file.text).contains("区县") && !Self.prose(file.text).contains("全市"), "\(file.path)")
        }
        #expect(DataRepositoryScaffold.files(pack: pack, rules: nil)[0].text.contains("全省合计"))
    }

    @Test("a pack without a vocabulary speaks of reporting units; plural and capitals follow English")
    func neutralAndForms() {
        let words = Vocabulary.neutral
        #expect(words.fill("{Units} × rules; {count}", in: .en) == "Reporting units × rules; {count}")
        let message = Message(.reasonUnitsWithoutFile, ["count": .number(1), "districts": .text("x")])
        #expect(message.rendered(in: .en, vocabulary: words) == "no submission from 1 reporting unit: x")
        let two = Message(.reasonUnitsWithoutFile, ["count": .number(2), "districts": .text("x, y")])
        #expect(two.rendered(in: .en, vocabulary: words) == "no submission from 2 reporting units: x, y")
        #expect(two.rendered(in: .zh, vocabulary: words) == "尚有 2 个报送单位未报送：x, y")
    }
}
