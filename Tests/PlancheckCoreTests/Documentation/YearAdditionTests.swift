import PlancheckCore
import PlancheckYAML
import Testing

/// `plancheck init --year`'s edit of `.plancheck.yml`: the scaffold's own file, a hand-written one with top-level
/// keys, one whose globs already take the new year, and a shape left to the maintainer.
@Suite("Adding a plan year to a configuration")
struct YearAdditionTests {
    static func pack(year: Int) throws -> Pack {
        var pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        pack.plan.year = year
        return pack
    }

    static func edited(_ result: YearAddition.Result) -> String? {
        if case .edited(let text) = result { return text }
        return nil
    }

    @Test("the scaffold's configuration gets the entry after the last one, its comments and settings kept, and reads back")
    func scaffoldConfiguration() throws {
        let pack2025 = try Self.pack(year: 2025)
        let original = DataRepositoryScaffold.files(pack: pack2025, rules: nil)[0].text
        let result = YearAddition.add(pack: try Self.pack(year: 2026), rules: "rules/shenyang-2026",
                                      to: SourceFile(path: ".plancheck.yml", text: original), currentRules: "shenyang-2025")
        let text = try #require(Self.edited(result))
        // Only lines were added; the quota comment stays with the 2025 entry it was written under.
        let added = text.split(separator: "\n").count - original.split(separator: "\n").count
        #expect(added == 4)
        #expect(text.contains("""
              #   - quotas/2025-jobs.yml
              - rules: rules/shenyang-2026
                submissions:
                  - "2026/*.yml"
                  - "2026/*.yaml"

            """))
        let configuration = try #require(ConfigurationLoader.load(SourceFile(path: ".plancheck.yml", text: text)).configuration)
        #expect(configuration.groups.map(\.rules) == ["shenyang-2025", "rules/shenyang-2026"])
        #expect(configuration.failOn == .error && configuration.exclude == ["*/drafts/**"])

        // Once more for the year after: a third entry.
        let third = try #require(Self.edited(YearAddition.add(pack: try Self.pack(year: 2027), rules: "rules/shenyang-2027",
                                                               to: SourceFile(path: ".plancheck.yml", text: text),
                                                               currentRules: "shenyang-2025")))
        let again = try #require(ConfigurationLoader.load(SourceFile(path: ".plancheck.yml", text: third)).configuration)
        #expect(again.groups.map(\.submissions) == [["2025/*.yml", "2025/*.yaml"], ["2026/*.yml", "2026/*.yaml"],
                                                    ["2027/*.yml", "2027/*.yaml"]])
    }

    @Test("top-level rules, submissions and quotas become the first packs: entry; the rest of the file is kept")
    func topLevelForm() throws {
        let original = """
        # our repository
        rules: rules/shenyang-2025
        submissions:
          - "2025/*.yml"
        quotas: [quotas/2025.yml]
        lang: zh   # officers read Chinese
        severity:
          SY25-M01: warning

        """
        let text = try #require(Self.edited(YearAddition.add(pack: try Self.pack(year: 2026), rules: "shenyang-2026",
                                                              to: SourceFile(path: ".plancheck.yml", text: original),
                                                              currentRules: "shenyang-2025")))
        #expect(text.hasPrefix("# our repository\npacks:\n  - rules: rules/shenyang-2025\n"))
        #expect(text.contains("lang: zh   # officers read Chinese\nseverity:\n  SY25-M01: warning\n"))
        let configuration = try #require(ConfigurationLoader.load(SourceFile(path: ".plancheck.yml", text: text)).configuration)
        #expect(configuration.rules == nil && configuration.quotas.isEmpty)
        #expect(configuration.groups.map(\.rules) == ["rules/shenyang-2025", "shenyang-2026"])
        #expect(configuration.groups.map(\.quotas) == [["quotas/2025.yml"], []])
        #expect(configuration.groups.map(\.submissions) == [["2025/*.yml"], ["2026/*.yml", "2026/*.yaml"]])
        #expect(configuration.language == .zh && configuration.severityOverrides == ["SY25-M01": .warning])

        // An empty configuration (the built-in pack, every YAML file) already takes 2026/: said, not edited.
        let empty = YearAddition.add(pack: try Self.pack(year: 2026), rules: "shenyang-2026",
                                     to: SourceFile(path: ".plancheck.yml", text: "lang: en\n"), currentRules: "shenyang-2025")
        #expect(empty == .alreadySelected(entry: 0, globs: ["**/*.yml", "**/*.yaml"]))
    }

    @Test("an entry whose globs take the new year's folder is named; a flow-style packs: is left to the maintainer")
    func refusals() throws {
        let wide = """
        packs:
          - rules: shenyang-2025
            submissions: ["*/*.yml"]

        """
        #expect(YearAddition.add(pack: try Self.pack(year: 2026), rules: "x", to: SourceFile(path: "c.yml", text: wide),
                                 currentRules: "shenyang-2025") == .alreadySelected(entry: 1, globs: ["*/*.yml"]))
        let flow = "packs: [{rules: shenyang-2025, submissions: [\"2025/*.yml\"]}]\n"
        let result = YearAddition.add(pack: try Self.pack(year: 2026), rules: "rules/x", to: SourceFile(path: "c.yml", text: flow),
                                      currentRules: "shenyang-2025")
        #expect(result == .notEditable(entry: ["  - rules: rules/x", "    submissions:", "      - \"2026/*.yml\"",
                                               "      - \"2026/*.yaml\""]))
    }
}
