#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import PlancheckCore
@testable import PlancheckReport
import PlancheckYAML
import Testing

@Suite("Machine formats")
struct MachineFormatTests {
    /// OASIS's schema, vendored (Tests/ThirdPartyData/README.md says where it comes from).
    static var sarifSchema: String { DefaultPackTests.root + "/Tests/ThirdPartyData/sarif/sarif-schema-2.1.0.json" }

    @Test("the SARIF output validates against the official SARIF 2.1.0 schema")
    func sarifValidates() throws {
        try #require(FileManager.default.fileExists(atPath: Self.sarifSchema), "the vendored schema is missing: \(Self.sarifSchema)")
        let report = try ReportGoldenTests.exampleReport(language: .zh)
        let sarif = SARIFReporter().render(report)
        try #require(JSONSchemaValidator.isAvailable, "\(JSONSchemaValidator.missingMessage)")
        let errors = try JSONSchemaValidator.validate(schemaPath: Self.sarifSchema, documents: [("sarif", sarif)])
        #expect(errors["sarif"] == [], "SARIF does not validate:\n\((errors["sarif"] ?? []).prefix(10).joined(separator: "\n"))")
    }

    @Test("SARIF columns count UTF-16 code units, and the run says so")
    func sarifColumns() throws {
        let report = try ReportGoldenTests.exampleReport(language: .en)
        let sarif = SARIFReporter().render(report)
        #expect(sarif.contains("\"columnKind\": \"utf16CodeUnits\""))
        // `  社会消费品零售总额增长: "５.５％"`: the value starts after 15 UTF-16 units and spans 6.
        let file = SourceFile(path: "x.yml", text: "  社会消费品零售总额增长: \"５.５％\"\n")
        #expect(Column.utf16(SourceMark(line: 1, column: 16, offset: 37), in: file) == 16)
        #expect(Column.utf16(SourceMark(line: 1, column: 22, offset: 49), in: file) == 22)
        // A character outside the BMP takes two UTF-16 units but one character column.
        let wide = SourceFile(path: "y.yml", text: "a𠀀b\n")
        #expect(Column.utf16(SourceMark(line: 1, column: 3, offset: 5), in: wide) == 4)
        #expect(Column.characters(SourceMark(line: 1, column: 3, offset: 5), in: wide) == 3)
    }

    @Test("the JUnit output parses as XML and its counts add up")
    func junitParses() throws {
        let report = try ReportGoldenTests.exampleReport(language: .zh)
        let xml = JUnitReporter().render(report)
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        // One suite per submission file and one for the city-wide rules.
        #expect(counter.suites == report.files.count + 1)
        let ruleResults = report.entries.filter { $0.outcome != nil }.count
        let fileProblems = report.entries.filter { $0.outcome == nil && $0.severity >= .warning }.count
        #expect(counter.testcases == ruleResults + fileProblems)
        let counts = report.tally.outcomes
        #expect(counter.failures == counts.failed + fileProblems)
        #expect(counter.skipped == counts.notEvaluated + counts.notCheckable)
        #expect(counter.declared["tests"] == counter.testcases)
        #expect(counter.declared["failures"] == counter.failures)
        #expect(counter.declared["skipped"] == counter.skipped)
        #expect(counter.declared["errors"] == 0)
        #expect(counter.suiteSums == counter.testcases)
    }

    @Test("XML, GitHub and Markdown escaping")
    func escaping() {
        #expect(JUnitReporter.attribute("a<b & \"c\"\n") == "\"a&lt;b &amp; &quot;c&quot;&#10;\"")
        #expect(JUnitReporter.text("x\u{1}y") == "x\\u{1}y", "a control character is shown, visibly")
        #expect(JUnitReporter.text("x\u{FFFF}y") == "x\u{FFFD}y")
        #expect(GitHubReporter.escapeData("5% a\r\nb") == "5%25 a%0D%0Ab")
        #expect(GitHubReporter.escapeProperty("t: a, b%") == "t%3A a%2C b%25")
        #expect(MarkdownReporter().escape("a|b\n<c>") == "a\\|b<br>&lt;c&gt;")
        var json = ""
        JSONValue.writeString("q\"\\\n\u{1}中", to: &json)
        #expect(json == "\"q\\\"\\\\\\n\\u0001中\"")
    }

    @Test("every machine format carries the rule id, the citation and the documentation link")
    func carriesRuleFacts() throws {
        let report = try ReportGoldenTests.exampleReport(language: .en)
        let rule = try #require(report.pack.rule("SY25-S12-01"))
        let link = try #require(report.pack.documentation) + "#sy25-s12-01"
        for format in [ReportFormat.json, .sarif, .github, .junit, .markdown] {
            let text = format.reporter(useColor: false).render(report)
            #expect(text.contains("SY25-S12-01"), "\(format): no rule id")
            // Workflow commands escape `%` (the clause says 75%).
            let clause = format == .github ? GitHubReporter.escapeData(rule.citation.clause) : rule.citation.clause
            #expect(text.contains(clause), "\(format): no citation")
            #expect(text.contains(link), "\(format): no documentation link")
        }
    }
}

/// Counts the elements of a JUnit document and the counts it declares on `testsuites`.
final class JUnitCounter: NSObject, XMLParserDelegate {
    var suites = 0, testcases = 0, failures = 0, skipped = 0, suiteSums = 0
    var declared: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "testsuites":
            for key in ["tests", "failures", "skipped", "errors"] { declared[key] = attributes[key].flatMap { Int($0) } }
        case "testsuite":
            suites += 1
            suiteSums += attributes["tests"].flatMap { Int($0) } ?? 0
        case "testcase": testcases += 1
        case "failure": failures += 1
        case "skipped": skipped += 1
        default: break
        }
    }
}
