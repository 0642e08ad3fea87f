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

    @Test("the default pack loads without findings and every example behaves as declared")
    func lintAndExamples() throws {
        let result = PackLoader.load(from: DefaultPack.source)
        #expect(result.diagnostics.map { $0.message.rendered(in: .en) } == [])
        let pack = try #require(result.pack)
        #expect(pack.rules.count >= 100)
        #expect(pack.districts.count == 13)
        for example in RuleExamples.run(pack, today: "2025-03-01") where !example.behavedAsDeclared {
            Issue.record("\(example.rule.id) example \(example.index): expected \(example.expected), got \(String(describing: example.actual))")
        }
    }

    @Test("every rule's clause is a verbatim substring of the plan",
          .enabled(if: DefaultPackTests.planText != nil || DefaultPackTests.requireShared,
                   "../shared/plan/shenyang-2025-plan.txt is absent (a user's clone): skipped"))
    func clausesAreVerbatim() throws {
        let plan = try #require(Self.planText, "CI must have ../shared")
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        for rule in pack.rules {
            #expect(plan.contains(rule.citation.clause), "\(rule.id): clause not found in the plan: \(rule.citation.clause)")
        }
    }

    static var planText: String? {
        let bytes = try? FolderPackSource(folder: root + "/../shared/plan").read("shenyang-2025-plan.txt")
        return bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// In CI the shared folder must be there: a missing one fails instead of skipping.
    static var requireShared: Bool {
        ProcessInfoLite.environment("CI") != nil
    }
}
