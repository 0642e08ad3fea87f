#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
import PlancheckYAML
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("globs: *, ?, [..] within a component and ** across components", arguments: [
        ("2025/*.yml", "2025/210102.yml", true),
        ("2025/*.yml", "2025/sub/210102.yml", false),
        ("**/*.yml", "210102.yml", true),
        ("**/*.yml", "a/b/c/210102.yml", true),
        ("2025/**", "2025/a/b.yml", true),
        ("2025/2101??-*.yml", "2025/210102-heping.yml", true),
        ("2025/2101[0-1]?-*.yml", "2025/210123-kangping.yml", false),
        ("drafts/**/*.yml", "final/x.yml", false),
        ("./2025/*.yml", "2025/x.yml", true),
    ])
    func globs(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test("a configuration reads every setting, and unknown keys and rules are located errors with suggestions")
    func reading() {
        let good = ConfigurationLoader.load(SourceFile(path: "repo/.plancheck.yml", text: """
        rules: packs/city
        quotas: [quotas.yml]
        submissions: ["2025/*.yml"]
        exclude: ["2025/draft-*.yml"]
        severity: {TL-GDP: warning, PC025: error}
        require_all_districts: true
        fail_on: warning
        lang: zh
        reports: {sarif: out/plancheck.sarif}
        """), knownRules: ["TL-GDP"])
        #expect(good.diagnostics.isEmpty)
        let configuration = good.configuration
        #expect(configuration?.folder == "repo")
        #expect(configuration?.resolve("packs/city") == "repo/packs/city")
        #expect(configuration?.severityOverrides == ["TL-GDP": .warning, "PC025": .error])
        #expect(configuration?.requireAllDistricts == true)
        #expect(configuration?.failOn == .warning)
        #expect(configuration?.reports.first?.output == "out/plancheck.sarif")

        let bad = ConfigurationLoader.load(SourceFile(path: ".plancheck.yml", text: """
        rule: packs/city
        severity: {TL-GPD: warning}
        fail_on: eror
        """), knownRules: ["TL-GDP"])
        #expect(bad.diagnostics.map { $0.location?.span.start.line } == [2, 3, 1])
        #expect(bad.diagnostics.map { $0.help?.rendered(in: .en) } == [
            "did you mean `TL-GDP`?", "did you mean `error`?", "did you mean `rules`?"])
    }

    @Test("the nearest .plancheck.yml is found walking up, and its globs select the submissions")
    func findingAndCollecting() throws {
        var template = Array("/tmp/plancheck-config-XXXXXX".utf8CString)
        let root = try #require(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        defer { _ = system("rm -rf '\(root)'") }
        mkdir(root + "/2025", 0o755)
        mkdir(root + "/2025/drafts", 0o755)
        for path in [".plancheck.yml", "2025/a.yml", "2025/b.yaml", "2025/notes.txt", "2025/drafts/c.yml", "other.yml"] {
            try AtomicFile.write("submissions: [\"2025/**/*.yml\", \"2025/*.yaml\"]\nexclude: [\"2025/drafts/**\"]\n",
                                 to: root + "/" + path)
        }
        #expect(ConfigurationLoader.find(from: root + "/2025/drafts") == root + "/.plancheck.yml")
        let configuration = try #require(ConfigurationLoader.load(path: root + "/.plancheck.yml").configuration)
        #expect(InputCollection.collect(configuration) == [root + "/2025/a.yml", root + "/2025/b.yaml"])
    }

    @Test("packs: one entry per plan year; a top-level rules, submissions or quotas beside it is a located error")
    func packs() {
        let good = ConfigurationLoader.load(SourceFile(path: "repo/.plancheck.yml", text: """
        packs:
          - rules: shenyang-2025
            submissions: ["2025/*.yml"]
          - rules: rules/shenyang-2026
            submissions: "2026/*.yml"
            quotas: [quotas/2026.yml]
        exclude: ["*/drafts/**"]
        """))
        #expect(good.diagnostics.isEmpty)
        let groups = good.configuration?.groups ?? []
        #expect(groups.map(\.rules) == ["shenyang-2025", "rules/shenyang-2026"])
        #expect(groups.map(\.submissions) == [["2025/*.yml"], ["2026/*.yml"]])
        #expect(groups.map(\.quotas) == [[], ["quotas/2026.yml"]])
        #expect(groups.map { $0.location?.span.start.line } == [2, 4])

        let single = ConfigurationLoader.load(SourceFile(path: ".plancheck.yml", text: "rules: packs/city\nquotas: [q.yml]\n"))
        #expect(single.configuration?.groups.map(\.rules) == ["packs/city"])
        #expect(single.configuration?.groups.first?.submissions == ["**/*.yml", "**/*.yaml"])
        #expect(single.configuration?.groups.first?.quotas == ["q.yml"])

        let bad = ConfigurationLoader.load(SourceFile(path: ".plancheck.yml", text: """
        rules: packs/city
        packs:
          - rules: a
          - submissions: ["2026/*.yml"]
            rule: b
        """))
        let lines = bad.diagnostics.map { $0.location?.span.start.line ?? 0 }.sorted()
        #expect(lines == [1, 3, 5], "\(bad.diagnostics.map { $0.message.rendered(in: .en) })")
        let texts = bad.diagnostics.map { $0.message.rendered(in: .en) }
        #expect(texts.contains { $0.contains("`packs:` is given, so `rules` cannot also be at the top level") })
        #expect(texts.contains { $0.contains("submissions") })
        #expect(bad.configuration?.packs.count == 1)
    }

    @Test("a file two packs select belongs to the first, and the overlap is told")
    func packGroupsCollect() throws {
        var template = Array("/tmp/plancheck-config-XXXXXX".utf8CString)
        let root = try #require(template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) })
        defer { _ = system("rm -rf '\(root)'") }
        for folder in ["/2025", "/2026", "/2026/drafts"] { mkdir(root + folder, 0o755) }
        try AtomicFile.write("""
        packs:
          - {rules: a, submissions: ["2025/*.yml", "**/x.yml"]}
          - {rules: b, submissions: ["2026/**/*.yml"]}
        exclude: ["*/drafts/**"]
        """, to: root + "/.plancheck.yml")
        for path in ["2025/a.yml", "2026/a.yml", "2026/x.yml", "2026/drafts/d.yml", "other.yml"] {
            try AtomicFile.write("x: 1\n", to: root + "/" + path)
        }
        let configuration = try #require(ConfigurationLoader.load(path: root + "/.plancheck.yml").configuration)
        let groups = InputCollection.collectGroups(configuration)
        #expect(groups.files == [[root + "/2025/a.yml", root + "/2026/x.yml"], [root + "/2026/a.yml"]])
        #expect(groups.overlaps == [InputCollection.Overlap(file: root + "/2026/x.yml", first: 1, second: 2)])
        #expect(InputCollection.collect(configuration) == [root + "/2025/a.yml", root + "/2026/a.yml", root + "/2026/x.yml"])
    }
}
