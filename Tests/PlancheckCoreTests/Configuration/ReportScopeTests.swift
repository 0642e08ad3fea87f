import PlancheckCore
import Testing

/// A check over the configured set that reports on some files only: what a pre-commit hook runs.
@Suite("Report scope")
struct ReportScopeTests {
    static var configured: [String] {
        ["east.yml", "north.yml", "west.yml"].map { Fixtures.submissions + "/" + $0 }
    }

    static func options() -> CheckOptions {
        var options = CheckOptions()
        options.today = "2025-03-01"
        return options
    }

    @Test("results about the other files are left out; city-wide results stay and are computed over every file")
    func restricts() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let west = Fixtures.submissions + "/west.yml"
        let scope = ReportScope.select(paths: [west], configured: Self.configured)
        #expect(scope.reported == [west])
        #expect(scope.skipped.isEmpty && scope.problems.isEmpty)

        let all = RunOptions(keepAllResults: true)
        let full = CheckRun.run(paths: Self.configured, pack: pack, options: Self.options(), run: all)
        let scoped = CheckRun.run(scope: scope, pack: pack, options: Self.options(), run: all)
        #expect(scoped.files == [west])
        #expect(scoped.results.allSatisfy { $0.file == nil || $0.file == west || !Self.configured.contains($0.file!) })
        #expect(scoped.results.contains { $0.file == west })
        #expect(!scoped.results.contains { $0.file == Fixtures.submissions + "/east.yml" })

        // The city total is the one of the full run: every district counted, none reported missing.
        let cityTotal = try #require(Report(run: full, language: .en).entries.first { $0.code == "TL-JOBS" })
        let scopedTotal = try #require(Report(run: scoped, language: .en).entries.first { $0.code == "TL-JOBS" })
        #expect(scopedTotal.outcome == cityTotal.outcome)
        let cityValue = try #require(cityTotal.evidence?.value, "the full run judged the city total")
        #expect(scopedTotal.evidence?.value.description == cityValue.description)
        #expect(scopedTotal.missingUnits.isEmpty)
        #expect(scopedTotal.figures.count == 3, "the total still lists every district's figure")
    }

    @Test("paths are matched by location; files outside the configured set are skipped; missing ones are problems")
    func selects() throws {
        let configured = Self.configured
        let viaDot = Fixtures.submissions + "/./east.yml"
        let scope = ReportScope.select(paths: [viaDot, Fixtures.folder + "/quotas.yml", Fixtures.submissions + "/gone.yml"],
                                       configured: configured)
        #expect(scope.reported == [Fixtures.submissions + "/east.yml"], "reported under the configured spelling")
        #expect(scope.skipped == [Fixtures.folder + "/quotas.yml"])
        #expect(scope.problems.map(\.code.rawValue) == ["PC001"])

        let folder = ReportScope.select(paths: [Fixtures.submissions], configured: configured)
        #expect(folder.reported == configured, "a folder selects every configured file below it")
    }

    @Test("a missing given file is reported, with exit status 2")
    func missingFile() throws {
        let pack = try #require(Fixtures.loadTestPack())
        let scope = ReportScope.select(paths: [Fixtures.submissions + "/gone.yml"], configured: Self.configured)
        let run = CheckRun.run(scope: scope, pack: pack, options: Self.options())
        #expect(run.results.first?.code == "PC001")
        #expect(run.exitCode(failOn: .error) == 2)
    }
}
