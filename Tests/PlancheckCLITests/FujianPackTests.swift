import Foundation
import Testing

/// The second real pack, `Rules/fujian-2023` (a province and its nine 设区市), through the command a rule author
/// and a data-repository maintainer use: it lints and tests clean, and its example submissions give the findings
/// `Examples/README.md` lists for them.
@Suite("fujian-2023 pack through the command line")
struct FujianPackTests {
    static let pack = "Rules/fujian-2023"
    static let examples = "Examples/fujian-2023"

    /// The Fujian packs of consecutive years (2022 is the year before, for a multi-year repository).
    @Test("rules lint prints nothing and exits 0; rules test runs every example and all behave",
          arguments: [FujianPackTests.pack, "Rules/fujian-2022"])
    func lintAndTestClean(pack: String) throws {
        let lint = try CLITests.plancheck(["rules", "lint", "--no-config", "--rules", pack])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.isEmpty, "\(lint.stdout)")
        let test = try CLITests.plancheck(["rules", "test", "--no-config", "--rules", pack, "--lang", "en"])
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
        let (seen, missingUnits) = try Self.findings(["check", "--no-config", "--rules", Self.pack, Self.examples])
        let expected: Set<Finding> = [
            Finding(code: "FJ23-M05", unit: "350200", outcome: "failed"),          // Xiamen retail 9% < 10%
            Finding(code: "FJ23-M09", unit: "350200", outcome: "failed"),          // unemployment 6.2% above 5.5% ± 0.5
            Finding(code: "FJ23-M10", unit: "350200", outcome: "failed"),          // prices 3.6% above 3% ± 0.5
            Finding(code: "FJ23-M01", unit: "350400", outcome: "passed_within_tolerance"),  // Sanming GDP 5.7%
            Finding(code: "FJ23-M09", unit: "350400", outcome: "passed_within_tolerance"),  // unemployment 5.8%
            Finding(code: "PC024", unit: "350400", outcome: nil),                  // 22亿斤 converted to 110万吨
            Finding(code: "PC020", unit: "350700", outcome: nil),                  // 进出口总额增长 is another indicator
            Finding(code: "PC021", unit: "350700", outcome: nil),                  // so export growth is missing
            Finding(code: "FJ23-M06", unit: "350700", outcome: "not_evaluated"),
            Finding(code: "FJ23-M08", unit: "350700", outcome: "failed"),          // rural income 7% < 7.5%
            Finding(code: "FJ23-M11", unit: nil, outcome: "not_evaluated"),        // grain total: 5 cities missing
        ]
        #expect(seen == expected, "unexpected: \(seen.subtracting(expected)); absent: \(expected.subtracting(seen))")
        #expect(missingUnits == ["350300", "350500", "350600", "350800", "350900"])
    }

    /// The non-passing findings of a JSON report, and the units the whole's rules wait for.
    static func findings(_ arguments: [String]) throws -> (findings: Set<Finding>, missing: [String]) {
        let result = try CLITests.plancheck(arguments + ["--format", "json", "--show-passes"])
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var seen: Set<Finding> = []
        var missing: [String] = []
        for finding in try #require(report["findings"] as? [[String: Any]]) where finding["outcome"] as? String != "passed" {
            let unit = (finding["district"] as? [String: Any])?["code"] as? String
            seen.insert(Finding(code: finding["code"] as? String ?? "?", unit: unit, outcome: finding["outcome"] as? String))
            if let units = finding["missing_districts"] as? [String] { missing = units }
        }
        return (seen, missing)
    }

    /// Examples/multi-year keeps 2022 and 2023; each year checked alone against its own pack gives what the
    /// folder's README lists (the cross-year findings need the repository's `.plancheck.yml` and are not here).
    @Test("each year of Examples/multi-year, checked alone against its pack, gives the findings its README lists")
    func multiYearExamplesPerYear() throws {
        let earlier = try Self.findings(["check", "--no-config", "--rules", "Rules/fujian-2022", "Examples/multi-year/2022"])
        #expect(earlier.findings == [
            Finding(code: "FJ22-M09", unit: "350200", outcome: "failed"),          // Xiamen unemployment 5.8% > 5.5%
            Finding(code: "PC024", unit: "350400", outcome: nil),                  // 21亿斤 = 105万吨
            Finding(code: "FJ22-M11", unit: nil, outcome: "not_evaluated"),        // grain total: 5 prefectures missing
        ], "\(earlier.findings)")
        let later = try Self.findings(["check", "--no-config", "--rules", Self.pack, "Examples/multi-year/2023"])
        #expect(later.findings == [
            Finding(code: "FJ23-M05", unit: "350200", outcome: "failed"),
            Finding(code: "FJ23-M09", unit: "350200", outcome: "failed"),
            Finding(code: "FJ23-M10", unit: "350200", outcome: "failed"),
            Finding(code: "FJ23-M01", unit: "350400", outcome: "passed_within_tolerance"),
            Finding(code: "FJ23-M09", unit: "350400", outcome: "passed_within_tolerance"),
            Finding(code: "PC024", unit: "350400", outcome: nil),
            Finding(code: "FJ23-M08", unit: "350700", outcome: "failed"),          // Nanping rural income 7% < 7.5%
            Finding(code: "FJ23-M11", unit: nil, outcome: "not_evaluated"),
        ], "\(later.findings)")
        for year in [earlier, later] {
            #expect(year.missing == ["350300", "350500", "350600", "350800", "350900"])
        }
    }

    // MARK: The pack's own words

    /// Every human-facing output the pack can give: check reports in each format that people read, in both
    /// languages; the rule reference; explanations; a unit's template; the submission schema; a scaffolded
    /// repository. Keyed by a name for the failure message.
    static func outputs() throws -> [String: String] {
        var outputs: [String: String] = [:]
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for lang in ["zh", "en"] {
            for format in ["text", "markdown", "html", "github", "junit", "sarif"] {
                let run = try CLITests.plancheck(["check", "--no-config", "--rules", pack, examples, "--lang", lang,
                                                  "--format", format, "--show-passes"])
                outputs["check \(format) \(lang)"] = run.stdout + run.stderr
            }
            let explain = try CLITests.plancheck(["explain", "FJ23-M11", "--no-config", "--rules", pack, "--lang", lang])
            outputs["explain \(lang)"] = explain.stdout + explain.stderr
            let template = try CLITests.plancheck(["init", "--district", "350200", "--no-config", "--rules", pack,
                                                   "--lang", lang])
            outputs["template \(lang)"] = template.stdout + template.stderr
            let list = try CLITests.plancheck(["rules", "list", "--no-config", "--rules", pack, "--lang", lang])
            outputs["rules list \(lang)"] = list.stdout + list.stderr
        }
        let doc = try CLITests.plancheck(["rules", "doc", "--no-config", "--rules", pack, "--output", folder + "/doc.md"])
        outputs["rules doc"] = (try? String(contentsOfFile: folder + "/doc.md", encoding: .utf8)) ?? doc.stdout + doc.stderr
        let schema = try CLITests.plancheck(["schema", "--no-config", "--rules", pack])
        outputs["schema"] = schema.stdout + schema.stderr
        let repository = folder + "/repository"
        let initRun = try CLITests.plancheck(["init", "--no-config", "--rules", CLITests.root + "/" + pack,
                                              "--directory", repository])
        outputs["init"] = initRun.stdout + initRun.stderr
        if let files = FileManager.default.enumerator(atPath: repository) {
            for case let path as String in files {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: repository + "/" + path, isDirectory: &isFolder),
                      !isFolder.boolValue else { continue }
                outputs["init: " + path] = try String(contentsOfFile: repository + "/" + path, encoding: .utf8)
            }
        }
        return outputs
    }

    /// The words a pack with other units must not inherit from Shenyang's, and what of them is syntax rather than
    /// prose: the submission format's `district:` key, option names, JSON fields and the pack format's keys.
    static let foreignChinese = ["区县", "全市", "县域", "市辖区"]
    static var foreignEnglish: Regex<AnyRegexOutput> { try! Regex("(?i)\\b(districts?|city|cities|city-wide|county|counties)\\b") }
    static var syntax: Regex<AnyRegexOutput> { try! Regex("[A-Za-z_-]*(district|city)[A-Za-z_-]*(?=[:\"`=])|--[a-z-]*district[a-z-]*|[a-z]+_district[a-z_]*|district_[a-z_]+|city\\.[a-z_]+") }

    @Test("every output of the pack, in both languages, speaks of 设区市 and 全省, never of 区县/全市/district/city unless the pack does")
    func ownWords() throws {
        let packFolder = CLITests.root + "/" + Self.pack
        let packText = try ["pack.yml", "indicators.yml", "rules/main-targets.yml"]
            .map { try String(contentsOfFile: packFolder + "/" + $0, encoding: .utf8) }.joined()
        let declaresWords = packText.contains("vocabulary:")
        #expect(declaresWords, "the pack declares its words")
        // The pack's own names may contain the words (Xiamen is a 'sub-provincial city'): they are allowed.
        let allowed = ["sub-provincial city", "prefecture-level city", "副省级城市", "地级市"]
        let outputs = try Self.outputs()
        #expect(outputs.count >= 20, "\(outputs.keys.sorted())")
        var offending: [String] = []
        for (name, text) in outputs.sorted(by: { $0.key < $1.key }) {
            var prose = name.contains("html") ? Self.htmlText(text) : text
            for phrase in allowed { prose = prose.replacingOccurrences(of: phrase, with: "") }
            prose = prose.replacing(Self.syntax, with: "")
            var found: [String] = Self.foreignChinese.filter { prose.contains($0) }
            found += prose.matches(of: Self.foreignEnglish).map { String(prose[$0.range]) }
            for word in Set(found).sorted() { offending.append("\(name): \(Self.context(of: word, in: prose))") }
        }
        let count = offending.count
        #expect(count == 0, "foreign words:\n\(offending.prefix(60).joined(separator: "\n"))")
        // Not vacuous: the pack's words are there, in both languages.
        #expect(outputs["check text zh"]?.contains("设区市") == true)
        #expect(outputs["check text zh"]?.contains("全省") == true)
        #expect(outputs["check text en"]?.contains("prefecture") == true)
        #expect(outputs["check text en"]?.contains("province") == true)
    }

    /// What a reader of the HTML report sees: the text without the style sheet, the script and the markup (class
    /// names, anchors and CSS variables are not words to a reader).
    static func htmlText(_ html: String) -> String {
        var text = html
        for pattern in ["(?s)<style.*?</style>", "(?s)<script.*?</script>", "<[^>]*>"] {
            text = text.replacing(try! Regex(pattern), with: " ")
        }
        return text
    }

    static func context(of word: String, in text: String) -> String {
        guard let range = text.range(of: word) else { return word }
        let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingOccurrences(of: "\n", with: "⏎")
    }
}
