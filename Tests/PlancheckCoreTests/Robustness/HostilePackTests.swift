#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
@testable import PlancheckRules
import PlancheckYAML
import Testing

/// Rule packs may come from other cities' repositories: a broken or hostile pack must give located errors and no
/// pack, in bounded time, and must never read outside its own folder.
@Suite("Hostile rule packs")
struct HostilePackTests {
    /// A rule in the test pack's vocabulary with `value` as its checked expression.
    static func rule(_ id: String, value: String, relation: String = "at_least", target: String = "5%") -> String {
        """
          - id: \(id)
            title: {zh: 规则, en: Rule}
            citation: {part: 二, clause: 条款}
            check: {value: '\(String(value.flatMap { $0 == "'" ? ["'", "'"] : [$0] }))', \(relation): '\(target)'}

        """
    }

    static func load(extraRules: String) -> (PackLoadResult, seconds: Double) {
        let clock = ContinuousClock()
        var result: PackLoadResult?
        let elapsed = clock.measure { result = PackLoader.load(from: Fixtures.packSource(extraRules: extraRules)) }
        return (result ?? PackLoadResult(pack: nil, diagnostics: []), Double(elapsed.components.seconds))
    }

    /// The promises about a rejected pack: no pack, at least one error, every diagnostic located or naming its file.
    static func expectRejected(_ result: PackLoadResult, code: DiagnosticCode? = nil,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(result.pack == nil, sourceLocation: sourceLocation)
        #expect(result.diagnostics.contains { $0.severity == .error }, sourceLocation: sourceLocation)
        if let code {
            #expect(result.diagnostics.contains { $0.code == code },
                    "\(code) not in \(result.diagnostics.map(\.code.rawValue))", sourceLocation: sourceLocation)
        }
        for diagnostic in result.diagnostics where diagnostic.location == nil {
            // Only a missing pack.yml and a duplicate indicator (a catalogue-wide problem) lack a place today.
            #expect(diagnostic.code == .fileUnreadable || diagnostic.message.key == .duplicateIndicator,
                    "\(diagnostic.code.rawValue) has no location: \(diagnostic.message.rendered(in: .en))",
                    sourceLocation: sourceLocation)
        }
        for diagnostic in result.diagnostics {
            _ = diagnostic.message.rendered(in: .zh)
            _ = TextReporter(useColor: false).render(diagnostic, language: .en, pack: nil)
        }
    }

    // MARK: Malformed files

    /// Every hostile submission of the corpus, used as `pack.yml` and as an included rules file.
    static let corpusFiles: [String] = AdversarialCorpusTests.cases.map(\.file)

    @Test("a hostile file as pack.yml or as an included file gives located errors and no pack",
          .timeLimit(.minutes(1)), arguments: corpusFiles, ["pack.yml", "rules/targets.yml"])
    func hostileFileInPack(_ file: String, as role: String) throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        try #require(mkdir(folder + "/rules", 0o755) == 0)
        for name in ["pack.yml", "indicators.yml", "rules/targets.yml"] {
            let source = role == name ? Robust.corpusFolder + "/" + file : Fixtures.testPack + "/" + name
            try #require(Robust.write(InputFiles.read(source), to: folder + "/" + name))
        }
        let result = PackLoader.load(from: FolderPackSource(folder: folder))
        Self.expectRejected(result)
    }

    @Test("malformed pack.yml shapes", arguments: [
        "", "format: plancheck-pack/1\n", "- a\n- b\n", "just text\n", "format: plancheck-pack/2\nid: x\n",
        "format: plancheck-pack/1\nid: x\nversion: 1\ntitle: t\nplan: p\ndistrict_kinds: k\ndistricts: d\ninclude: i\n",
        "format: plancheck-pack/1\nid: [x]\nversion: {a: 1}\ntitle: {zh: [1], en: {}}\ninclude: [[a], {b: c}, ~]\n",
    ])
    func malformedPackFile(_ text: String) {
        var files = Fixtures.packSource(extraRules: "rules: []\n").files
        files["pack.yml"] = text
        Self.expectRejected(PackLoader.load(from: EmbeddedPackSource(id: "test", files: files)))
    }

    @Test("malformed rules", arguments: [
        "rules: {a: 1}\n",
        "rules:\n  - just text\n  - [1, 2]\n",
        "rules:\n  - id: X\n",
        "rules:\n  - id: TL-BAD\n    title: {zh: a, en: b}\n    citation: {part: 二, clause: c}\n    check: {value: gdp_growth}\n",
        "rules:\n  - id: TL-BAD\n    title: {zh: a, en: b}\n    citation: {part: 二, clause: c}\n    check: {value: gdp_growth, at_least: 5%, at_most: 6%}\n",
        "rules:\n  - id: TL-BAD\n    title: {zh: a, en: b}\n    citation: {part: 二, clause: c}\n    check: {value: gdp_growth, at_least: 5亿元}\n",
        "rules:\n  - id: \"坏 id\"\n    title: {zh: a, en: b}\n    citation: {part: 二, clause: c}\n    check: {value: gdp_growth, at_least: 5%}\n",
    ])
    func malformedRules(_ text: String) {
        Self.expectRejected(Self.load(extraRules: text).0)
    }

    // MARK: Expressions built to be deep, long, large or slow

    @Test("hostile expressions are rejected at their rule, quickly", .timeLimit(.minutes(1)), arguments: [
        String(repeating: "(", count: 10_000) + "gdp_growth" + String(repeating: ")", count: 10_000),
        String(repeating: "-", count: 10_000) + "gdp_growth",
        String(repeating: "not ", count: 5_000) + "gdp_growth > 1",
        String(repeating: "abs(", count: 500) + "gdp_growth" + String(repeating: ")", count: 500),
        Array(repeating: "gdp_growth", count: 600).joined(separator: " + "),
        "max(" + Array(repeating: "gdp_growth", count: 1_000).joined(separator: ", ") + ")",
        "gdp_growth + " + String(repeating: "9", count: 5_000),
        "sum(sum(new_jobs))",
        String(repeating: "x", count: 1_000_000),
        "gdp_growth >= 5% >= 4%",
        "gdp_growth ＞= 5％",
        "\u{0}gdp_growth",
    ])
    func hostileExpression(_ expression: String) {
        let (result, seconds) = Self.load(extraRules: "rules:\n" + Self.rule("TL-HOSTILE", value: expression))
        #expect(seconds < 20)
        Self.expectRejected(result)
        // The error points into the included file, at the rule's line or after it.
        let located = result.diagnostics.filter { $0.location?.file.path.hasSuffix("extra.yml") == true }
        #expect(located.contains { ($0.location?.span.start.line ?? 0) >= 2 }, "\(result.diagnostics.map(\.code.rawValue))")
    }

    @Test("expressions whose numbers are built to be slow or to overflow evaluate in bounded time",
          .timeLimit(.minutes(1)), arguments: [
        "gdp_growth * 1e999999999",
        "gdp_growth / 0.000000000000000000000000000000000000000000000000000000001",
        "gdp_growth * 99999999999999999999999999999999999999 * 99999999999999999999999999999999999999",
        "gdp_growth / (gdp_growth - gdp_growth)",
        "share(gdp_growth, gdp_growth - gdp_growth)",
        "mean(" + Array(repeating: "gdp_growth", count: 1).joined() + ") * " + Array(repeating: "1.0000001", count: 100).joined(separator: " * "),
    ])
    func slowArithmetic(_ expression: String) throws {
        let (result, seconds) = Self.load(extraRules: "rules:\n" + Self.rule("TL-SLOW", value: expression, target: "0%"))
        #expect(seconds < 20)
        // Whether the pack is accepted or not, a submission is checked against what loaded, without a crash.
        guard let pack = result.pack else {
            #expect(result.diagnostics.contains { $0.severity == .error })
            return
        }
        let submission = Fixtures.submission("submission: {district: \"990101\", year: 2025}\nindicators: {gdp_growth: 5.8%, industry_growth: 5%}\n", pack: pack)
        let results = Checker.check(pack: pack, submissions: submission.submission.map { [$0] } ?? [])
        #expect(results.contains { $0.ruleResult?.rule.id == "TL-SLOW" })
    }

    @Test("thousands of contradicting rules do not produce millions of findings", .timeLimit(.minutes(1)))
    func manyContradictions() {
        var text = "rules:\n"
        for index in 0..<400 {
            text += Self.rule("TL-LOW-\(index)", value: "gdp_growth", relation: "at_least", target: "\(6 + index)%")
            text += Self.rule("TL-HIGH-\(index)", value: "gdp_growth", relation: "at_most", target: "\(index % 5).\(index)%")
        }
        let (result, seconds) = Self.load(extraRules: text)
        #expect(seconds < 20)
        Self.expectRejected(result, code: .contradiction)
        // Each report names a rule no earlier report named, so there are no more reports than rules (these 800
        // and the test pack's own): the count grows with the rules, not with their 160,000 pairs.
        let contradictions = result.diagnostics.filter { $0.code == .contradiction }.count
        #expect(contradictions <= 820, "\(contradictions) contradiction reports for 800 rules")
        #expect(contradictions >= 400)
    }

    // MARK: Files outside the pack

    @Test("includes that leave the pack are refused, at the include", arguments: [
        "../outside.yml", "/etc/passwd", "~/.ssh/id_rsa", "rules/../../outside.yml", "..", "rules\\..\\..\\x.yml", "",
    ])
    func includeOutside(_ path: String) throws {
        var files = Fixtures.packSource(extraRules: "rules: []\n").files
        files["pack.yml"] = (files["pack.yml"] ?? "") + "  - \"\(String(path.flatMap { $0 == "\\" ? ["\\", "\\"] : [$0] }))\"\n"
        let result = PackLoader.load(from: EmbeddedPackSource(id: "test", files: files))
        Self.expectRejected(result)
        let refusal = try #require(result.diagnostics.first { $0.message.key == .includeOutsidePack })
        #expect(refusal.location?.file.path.hasSuffix("pack.yml") == true)
    }

    @Test("a symbolic link in a pack folder that leads outside it is refused; one that stays inside is read")
    func symlinkOutOfPack() throws {
        let root = Robust.temporaryFolder()
        defer { Robust.remove(root) }
        let pack = root + "/pack"
        try #require(mkdir(pack, 0o755) == 0 && mkdir(pack + "/rules", 0o755) == 0)
        for name in ["pack.yml", "indicators.yml"] {
            try #require(Robust.write(InputFiles.read(Fixtures.testPack + "/" + name), to: pack + "/" + name))
        }
        let rules = try InputFiles.read(Fixtures.testPack + "/rules/targets.yml")
        try #require(Robust.write(rules, to: root + "/outside.yml"))
        try #require(symlink(root + "/outside.yml", pack + "/rules/targets.yml") == 0)

        let escaped = PackLoader.load(from: FolderPackSource(folder: pack))
        Self.expectRejected(escaped)
        #expect(escaped.diagnostics.contains { $0.message.key == .includeOutsidePack })

        // The same file inside the pack, reached through a link that stays inside: accepted.
        Robust.remove(pack + "/rules/targets.yml")
        try #require(Robust.write(rules, to: pack + "/real-targets.yml"))
        try #require(symlink("../real-targets.yml", pack + "/rules/targets.yml") == 0)
        let inside = PackLoader.load(from: FolderPackSource(folder: pack))
        #expect(inside.pack != nil, "\(inside.diagnostics.map { $0.message.rendered(in: .en) })")
    }

    // MARK: Rule ids

    @Test("colliding rule ids, in one file and across included files, are each reported at the later rule")
    func collidingRuleIDs() throws {
        // TL-GDP is already in the test pack's rules/targets.yml; TL-TWICE appears twice in the extra file.
        let text = "rules:\n" + Self.rule("TL-GDP", value: "gdp_growth") + Self.rule("TL-TWICE", value: "gdp_growth")
            + Self.rule("TL-TWICE", value: "industry_growth")
        let (result, _) = Self.load(extraRules: text)
        Self.expectRejected(result, code: .duplicateRuleID)
        let duplicates = result.diagnostics.filter { $0.code == .duplicateRuleID }
        #expect(Set(duplicates.compactMap { $0.message.arguments["id"].map { "\($0)" } }).count == 2)
        for duplicate in duplicates {
            #expect(duplicate.location?.file.path.hasSuffix("extra.yml") == true)
            #expect(!duplicate.notes.isEmpty)
        }
    }
}
