import Foundation
import Testing

/// `plancheck explain PC021` and the SARIF rules code scanning shows, through the binary.
@Suite("explain for codes, SARIF help")
struct CodeHelpCLITests {
    @Test("explain PC021 (any case) prints the code's description and examples; an unknown one is a usage error")
    func explainCode() throws {
        let result = try CLITests.plancheck(["explain", "pc021", "--lang", "en"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("PC021  required indicator missing\n"))
        #expect(result.stdout.contains("Triggers it: a submission"))
        #expect(!result.stdout.contains("缺少必报指标"), "--lang en prints English only")
        let both = try CLITests.plancheck(["explain", "PC025"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(both.stdout.hasPrefix("PC025  数值写法已规范化\n"), "\(both.stdout.prefix(100))")
        #expect(both.stdout.contains("PC025  figure normalised"))
        let unknown = try CLITests.plancheck(["explain", "PC21", "--lang", "en"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean `PC021`?"), "\(unknown.stderr)")
    }

    @Test("explain --codes writes the reference docs/diagnostic-codes.md holds")
    func codesReference() throws {
        let result = try CLITests.plancheck(["explain", "--codes"])
        let committed = try String(contentsOfFile: CLITests.root + "/docs/diagnostic-codes.md", encoding: .utf8)
        #expect(result.stdout == committed)
    }

    /// The SARIF of the examples in a data repository whose configuration sets `documentation_url` (or not).
    private func sarif(documentationURL: String?) throws -> [String: Any] {
        var configuration = "submissions: [\"2025/*.yml\"]\n"
        if let documentationURL { configuration += "documentation_url: \(documentationURL)\n" }
        let root = try DataRepository.make(configuration: configuration)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Run.plancheck(["check", "--format", "sarif", "--lang", "en", "--today", "2025-06-30"], in: root)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func rules(_ sarif: [String: Any]) throws -> (driver: [String: Any], rules: [[String: Any]]) {
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        return (driver, try #require(driver["rules"] as? [[String: Any]]))
    }

    @Test("SARIF rules: help as text and Markdown (what explain prints), a real fullDescription, absolute helpUri")
    func sarifRules() throws {
        let (driver, rules) = try rules(try sarif(documentationURL: "https://example.org/data/"))
        #expect(driver["informationUri"] as? String == "https://github.com/plancheck/plancheck")
        #expect(rules.contains { ($0["id"] as? String)?.hasPrefix("PC") == true })
        #expect(rules.contains { ($0["id"] as? String)?.hasPrefix("SY25-") == true })
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let help = try #require(rule["help"] as? [String: String], "\(id)")
            #expect(help["text"]?.hasPrefix(id + "  ") == true, "\(id): \(help["text"] ?? "")")
            #expect(help["markdown"]?.isEmpty == false, "\(id)")
            let short = (rule["shortDescription"] as? [String: String])?["text"]
            let full = (rule["fullDescription"] as? [String: String])?["text"]
            #expect(full != nil && full != short, "\(id): fullDescription repeats the short one")
            let uri = try #require(rule["helpUri"] as? String, "\(id)")
            #expect(uri.hasPrefix("https://example.org/data/"), "\(id): \(uri)")
        }
        let pc = try #require(rules.first { ($0["id"] as? String)?.hasPrefix("PC") == true })
        #expect((pc["helpUri"] as? String)?.contains("docs/diagnostic-codes.md#pc") == true)
    }

    @Test("without a documentation URL a relative link is left out: helpUri is absolute or absent")
    func sarifWithoutBase() throws {
        let (_, rules) = try rules(try sarif(documentationURL: nil))
        for rule in rules {
            if let uri = rule["helpUri"] as? String { #expect(uri.contains("://"), "\(uri)") }
        }
        #expect(rules.allSatisfy { $0["help"] != nil })
    }
}
