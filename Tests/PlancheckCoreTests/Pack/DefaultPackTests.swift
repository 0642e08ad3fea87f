import PlancheckCore
import Testing

/// The Shenyang pack as shipped: built into the binary, lint-clean, its examples right, its clauses verbatim.
@Suite("Default pack")
struct DefaultPackTests {
    static let root: String = {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        return path
    }()

    @Test("the copy built into the binary matches Rules/shenyang-2025 (run scripts/embed-default-pack.py)")
    func embeddedIsCurrent() throws {
        let folder = FolderPackSource(folder: Self.root + "/Rules/shenyang-2025")
        for (path, text) in DefaultPack.files {
            let onDisk = String(decoding: try folder.read(path), as: UTF8.self)
            #expect(onDisk == text, "\(path) differs from the embedded copy")
        }
        // A file added to the pack but not embedded is stale too.
        let prefix = Self.root + "/Rules/shenyang-2025/"
        let onDisk = InputCollection.collect([prefix]).files.map { String($0.dropFirst(prefix.count)) }
        #expect(Set(onDisk) == Set(DefaultPack.files.keys), "run scripts/embed-default-pack.py")
        #expect(!DefaultPack.files.isEmpty)
    }

    /// `plancheck check` loads the built-in pack without the linter (`PackLocator`); this test is what allows it:
    /// with the linter, the pack must give no finding at all.
    @Test("the default pack loads and lints without findings and every example behaves as declared")
    func lintAndExamples() throws {
        let result = PackLoader.load(from: DefaultPack.source, lint: true)
        #expect(result.diagnostics.map { $0.message.rendered(in: .en) } == [])
        let pack = try #require(result.pack)
        #expect(pack.rules.count >= 100)
        #expect(pack.districts.count == 13)
        for example in RuleExamples.run(pack, today: "2025-03-01") where !example.behavedAsDeclared {
            Issue.record("\(example.rule.id) example \(example.index): expected \(example.expected), got \(String(describing: example.actual))")
        }
    }

    @Test("the built-in pack as a command loads it, unlinted, is the linted pack, located at <built-in>/…:line:col")
    func startupLoadMatchesLintedLoad() throws {
        let started = PackLocator.load(nil)
        #expect(started.diagnostics.map { $0.message.rendered(in: .en) } == [])
        let pack = try #require(started.pack)
        let linted = try #require(PackLocator.load(nil, lintBuiltIn: true).pack)
        #expect(pack.rules.map(\.id) == linted.rules.map(\.id))
        #expect(pack.rules.map(\.location.description) == linted.rules.map(\.location.description))
        #expect(pack.indicators.map(\.key) == linted.indicators.map(\.key))
        let rule = try #require(pack.rules.first)
        let location = rule.location.description
        #expect(location.hasPrefix("<built-in>/shenyang-2025/rules/"), "\(location)")
        let parts = location.split(separator: ":")
        #expect(parts.count == 3 && parts.dropFirst().allSatisfy { Int($0).map { $0 > 0 } ?? false }, "\(location)")
    }

    @Test("loading without lint skips only what finds problems: a contradiction and a duplicate key are found with it, not without it")
    func lintFlag() throws {
        let files: [String: String] = [
            "pack.yml": """
            format: plancheck-pack/1
            id: lint-flag
            version: 1.0.0
            title: {zh: 测试, en: Test}
            plan: {title: {zh: 计划, en: Plan}, year: 2025}
            district_kinds: [{id: urban, zh: 市辖区, en: urban district}]
            districts: [{code: "990101", zh: 东区, en: East, kind: urban}]
            include: [indicators.yml, rules.yml]
            """,
            "indicators.yml": """
            indicators:
              gdp_growth: {zh: 地区生产总值增长, en: GDP growth, kind: growth, unit: "%", required_for: [urban]}
            """,
            "rules.yml": """
            rules:
              - {id: R-LOW, title: {zh: 下限, en: floor}, citation: {part: 二, clause: 不低于6%},
                 check: {value: gdp_growth, at_least: 6%}}
              - {id: R-CAP, title: {zh: 上限, en: cap}, citation: {part: 二, clause: 不高于5%},
                 check: {value: gdp_growth, at_most: 5%}, severity: error, severity: error}
            """,
        ]
        let source = EmbeddedPackSource(id: "lint-flag", files: files)
        let linted = PackLoader.load(from: source)
        #expect(linted.diagnostics.contains { $0.code == .contradiction },
                "\(linted.diagnostics.map { $0.message.rendered(in: .en) })")
        #expect(linted.diagnostics.contains { $0.code == .yamlDuplicateKey },
                "\(linted.diagnostics.map { $0.message.rendered(in: .en) })")
        let unlinted = PackLoader.load(from: source, lint: false)
        #expect(unlinted.diagnostics.map { $0.message.rendered(in: .en) } == [])
        #expect(unlinted.pack?.rules.map(\.id) == ["R-LOW", "R-CAP"])
    }

    @Test("every rule's clause is a verbatim substring of the plan")
    func clausesAreVerbatim() throws {
        let plan = try #require(Self.planText, "the vendored plan is missing at Tests/ThirdPartyData/plan")
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        for rule in pack.rules where rule.citation.decision == nil {  // a local decision quotes its own document
            #expect(plan.contains(rule.citation.clause), "\(rule.id): clause not found in the plan: \(rule.citation.clause)")
        }
    }

    /// The folder packs in `Rules/` besides the built-in one, each quoting a passage vendored beside it
    /// (`Rules/<id>/source/<id>-main-targets.txt`, listed in Tests/ThirdPartyData/README.md), with its rule count.
    static let folderPacks: [(id: String, rules: Int)] = [("fujian-2023", 11), ("fujian-2022", 11)]

    @Test("every clause of a folder pack is a verbatim substring of its vendored source text",
          arguments: DefaultPackTests.folderPacks.map(\.id))
    func folderPackClausesAreVerbatim(packID: String) throws {
        let folder = Self.root + "/Rules/" + packID
        let bytes = try FolderPackSource(folder: folder + "/source").read(packID + "-main-targets.txt")
        let source = String(decoding: bytes, as: UTF8.self)
        let pack = try #require(PackLoader.load(from: FolderPackSource(folder: folder)).pack)
        #expect(pack.rules.count == Self.folderPacks.first { $0.id == packID }?.rules)
        for rule in pack.rules {
            #expect(source.contains(rule.citation.clause), "\(rule.id): clause not found in the source: \(rule.citation.clause)")
        }
    }

    /// Two packs of consecutive years of one jurisdiction carry a unit's figures across years by their keys: the
    /// earlier year's indicators must keep the later year's keys, units and kinds, and the units must be the same.
    @Test("fujian-2022 and fujian-2023 share their units and every indicator key, unit and kind")
    func consecutiveYearsShareKeys() throws {
        let earlier = try #require(PackLoader.load(from: FolderPackSource(folder: Self.root + "/Rules/fujian-2022")).pack)
        let later = try #require(PackLoader.load(from: FolderPackSource(folder: Self.root + "/Rules/fujian-2023")).pack)
        #expect(earlier.plan.year + 1 == later.plan.year)
        #expect(earlier.districts.map(\.code) == later.districts.map(\.code))
        #expect(earlier.indicators.map(\.key) == later.indicators.map(\.key))
        for indicator in earlier.indicators {
            let next = try #require(later.indicator(indicator.key))
            #expect(indicator.unit.description == next.unit.description && indicator.kind == next.kind
                    && indicator.name.zh == next.name.zh, "\(indicator.key)")
        }
    }

    /// The plan's text, vendored (Tests/ThirdPartyData/README.md says where it comes from).
    static var planText: String? {
        let bytes = try? FolderPackSource(folder: root + "/Tests/ThirdPartyData/plan").read("shenyang-2025-plan.txt")
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}
