import PlancheckCore
import PlancheckYAML
import Testing

@Suite("Quota tables")
struct QuotaTests {
    @Test("each district is held to its quota when a table is given, and not evaluated without one")
    func quotas() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let table = QuotaLoader.load(path: Fixtures.folder + "/quotas.yml", pack: pack)
        #expect(table.diagnostics.isEmpty)
        #expect(table.quotas["new_jobs"]?["990102"]?.quantity.description == "3.5万人")
        var options = CheckOptions()
        options.today = "2025-03-01"
        options.quotas = table.quotas
        let all = RunOptions(keepAllResults: true)
        let run = CheckRun.run(paths: [Fixtures.submissions], pack: pack, options: options, run: all)
        let entries = Report(run: run, language: .en).entries.filter { $0.code == "TL-JOBS-QUOTA" }
        #expect(entries.map(\.unit) == ["990101", "990121", "990102"].map(Optional.some))
        #expect(entries.first { $0.unit == "990101" }?.outcome == .passed)
        let west = try #require(entries.first { $0.unit == "990102" })
        #expect(west.outcome == .failed)
        #expect(west.evidence?.gap.description == "-0.5万人")
        #expect(west.figures.count == 2)

        let without = CheckRun.run(paths: [Fixtures.submissions], pack: pack, options: CheckOptions(), run: all)
            .results.filter { $0.code == "TL-JOBS-QUOTA" }
        #expect(!without.isEmpty)
        #expect(without.allSatisfy { $0.outcome == .notEvaluated })
    }

    @Test("a quota table's problems are located")
    func problems() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let result = QuotaLoader.load(SourceFile(path: "q.yml", text: """
        format: plancheck-quotas/1
        quotas:
          new_jbs: {"990101": 1万人}
          new_jobs:
            "990199": 1万人
            "990101": 5%
        """), pack: pack)
        #expect(result.diagnostics.count == 3)
        #expect(result.diagnostics.map { $0.location?.span.start.line } == [3, 5, 6])
    }
}
