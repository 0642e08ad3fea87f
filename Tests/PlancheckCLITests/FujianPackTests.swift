import Foundation
import Testing

/// The second real pack, `Rules/fujian-2023` (a province and its nine 设区市), through the command a rule author
/// and a data-repository maintainer use: it lints and tests clean, and its example submissions give the findings
/// `Examples/README.md` lists for them.
@Suite("fujian-2023 pack through the command line")
struct FujianPackTests {
    static let pack = "Rules/fujian-2023"
    static let examples = "Examples/fujian-2023"

    @Test("rules lint prints nothing and exits 0; rules test runs every example and all behave")
    func lintAndTestClean() throws {
        let lint = try CLITests.plancheck(["rules", "lint", "--no-config", "--rules", Self.pack])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.isEmpty, "\(lint.stdout)")
        let test = try CLITests.plancheck(["rules", "test", "--no-config", "--rules", Self.pack, "--lang", "en"])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        // "28 example(s) of 11 rule(s): 28 behaved as declared, 0 did not"
        let numbers = test.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 4 && numbers[0] == numbers[2] && numbers[3] == 0, "\(test.stdout)")
        #expect(numbers.first.map { $0 >= 2 * 11 } == true, "every rule has a passing and a failing example")
    }

    /// One finding as the JSON report gives it: rule or diagnostic code, unit, outcome.
    struct Finding: Hashable, CustomStringConvertible {
        var code: String
        var unit: String?
        var outcome: String?
        var description: String { "\(code) \(unit ?? "-") \(outcome ?? "-")" }
    }

    @Test("the four example submissions give exactly the findings Examples/README.md lists")
    func exampleFindings() throws {
        let result = try CLITests.plancheck(["check", "--no-config", "--rules", Self.pack, Self.examples,
                                             "--format", "json", "--show-passes"])
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        var seen: Set<Finding> = []
        var missingUnits: [String] = []
        for finding in findings where finding["outcome"] as? String != "passed" {
            let unit = (finding["district"] as? [String: Any])?["code"] as? String
            seen.insert(Finding(code: finding["code"] as? String ?? "?", unit: unit, outcome: finding["outcome"] as? String))
            if finding["code"] as? String == "FJ23-M11" { missingUnits = finding["missing_districts"] as? [String] ?? [] }
        }
        let expected: Set<Finding> = [
            Finding(code: "FJ23-M05", unit: "350200", outcome: "failed"),          // Xiamen retail 9% < 10%
            Finding(code: "FJ23-M09", unit: "350200", outcome: "failed"),          // unemployment 6.2% above 5.5% ± 0.5
            Finding(code: "FJ23-M10", unit: "350200", outcome: "failed"),          // prices 3.6% above 3% ± 0.5
            Finding(code: "FJ23-M01", unit: "350400", outcome: "passed_within_tolerance"),  // Sanming GDP 5.7%
            Finding(code: "FJ23-M09", unit: "350400", outcome: "passed_within_tolerance"),  // unemployment 5.8%
            Finding(code: "PC020", unit: "350700", outcome: nil),                  // 进出口总额增长 is another indicator
            Finding(code: "PC021", unit: "350700", outcome: nil),                  // so export growth is missing
            Finding(code: "FJ23-M06", unit: "350700", outcome: "not_evaluated"),
            Finding(code: "FJ23-M08", unit: "350700", outcome: "failed"),          // rural income 7% < 7.5%
            Finding(code: "FJ23-M11", unit: nil, outcome: "not_evaluated"),        // grain total: 5 cities missing
        ]
        #expect(seen == expected, "unexpected: \(seen.subtracting(expected)); absent: \(expected.subtracting(seen))")
        #expect(missingUnits == ["350300", "350500", "350600", "350800", "350900"])
    }
}
