import PlancheckCore
import Testing

/// Pack-level scenarios: the built-in pack's, one per case of "verdicts a planning officer can trust", all hold; a
/// scenario whose expectation does not hold is reported with what was found.
@Suite("Pack scenarios")
struct ScenarioTests {
    @Test("the built-in pack's scenarios cover every case and all hold")
    func builtInScenariosHold() throws {
        let pack = try #require(PackLoader.load(from: DefaultPack.source).pack)
        let ids = pack.scenarios.map(\.id)
        for number in 1...7 { #expect(ids.contains { $0.hasPrefix("case-\(number)-") }, "case \(number)") }
        let summary = PackScenarios.run(pack, today: "2025-06-30")
        #expect(summary.expectations >= 20)
        #expect(summary.failures.map { "\($0.scenario.id): \($0.actual)" } == [])
        // Each case is pinned in both languages somewhere.
        let languages = Set(pack.scenarios.flatMap { $0.expectations.flatMap { Array($0.words.keys) } })
        #expect(languages == Set(Language.allCases))
    }

    @Test("an expectation that does not hold is a failure naming the scenario and what was found")
    func wrongExpectationFails() throws {
        var files = DefaultPack.files
        let name = "scenarios/case-4-displayed-numbers.yml"
        let scenario = try #require(files[name])
        files[name] = scenario.replacingOccurrences(of: "{rule: SY25-M01, unit: \"210111\", outcome: failed,",
                                                    with: "{rule: SY25-M01, unit: \"210111\", outcome: passed,")
        #expect(files[name] != scenario)
        let pack = try #require(PackLoader.load(from: EmbeddedPackSource(id: DefaultPack.id, files: files)).pack)
        let failures = PackScenarios.run(pack, today: "2025-06-30").failures
        #expect(failures.count == 1)
        #expect(failures.first?.scenario.id == "case-4-displayed-numbers")
        #expect(failures.first?.actual == "outcome failed")
    }
}
