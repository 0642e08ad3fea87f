import Foundation
import PlancheckCore
import PlancheckYAML
import Testing

/// The generated rule reference: committed, current, with one anchor per rule; and `explain`'s text.
@Suite("Rule reference and explanations")
struct RuleReferenceTests {
    static let committedPath = "docs/rules/shenyang-2025.md"

    static func defaultPack() throws -> Pack {
        try #require(PackLoader.load(from: DefaultPack.source).pack)
    }

    @Test("docs/rules/shenyang-2025.md is what `plancheck rules doc` writes for the built-in pack")
    func committedReferenceIsCurrent() throws {
        try Self.expectCurrent(RuleReference.markdown(try Self.defaultPack()), committedPath: Self.committedPath,
                               command: "swift run plancheck rules doc --output \(Self.committedPath)")
    }

    @Test("docs/rules/<id>.md is what `plancheck rules doc` writes for each folder pack Rules/<id>",
          arguments: DefaultPackTests.folderPacks.map(\.id))
    func folderPackReferenceIsCurrent(packID: String) throws {
        let pack = try #require(PackLoader.load(from: FolderPackSource(folder: DefaultPackTests.root + "/Rules/" + packID)).pack)
        let path = "docs/rules/\(packID).md"
        try Self.expectCurrent(RuleReference.markdown(pack), committedPath: path,
                               command: "swift run plancheck rules doc --rules Rules/\(packID) --output \(path)")
    }

    static func expectCurrent(_ generated: String, committedPath: String, command: String) throws {
        let committed = String(decoding: try FolderPackSource(folder: DefaultPackTests.root).read(committedPath),
                               as: UTF8.self)
        if committed != generated {
            let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let committedLines = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(generatedLines, committedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = first.map { $0.offset + 1 } ?? min(generatedLines.count, committedLines.count) + 1
            Issue.record("""
                \(committedPath) is out of date (first difference at line \(line)). Regenerate it with
                    \(command)
                and commit the result.
                """)
        }
    }

    @Test("every rule has exactly one anchor equal to its lowercased id, and the output is deterministic")
    func anchors() throws {
        let pack = try Self.defaultPack()
        let text = RuleReference.markdown(pack)
        for rule in pack.rules {
            let anchor = "<a id=\"\(rule.id.lowercased())\"></a>"
            #expect(text.components(separatedBy: anchor).count == 2, "\(rule.id): anchor missing or repeated")
            #expect(text.contains("> " + rule.citation.clause.replacingMarkdownSpecials()), "\(rule.id): clause not quoted")
        }
        #expect(RuleReference.markdown(try Self.defaultPack()) == text)
    }

    @Test("not-checkable rules are listed with their reasons in the coverage section")
    func coverage() throws {
        let pack = try Self.defaultPack()
        let text = RuleReference.markdown(pack)
        let coverage = try #require(text.components(separatedBy: "<a id=\"coverage\"></a>").last)
        var count = 0
        for rule in pack.rules {
            guard case .notCheckable = rule.check else { continue }
            count += 1
            #expect(coverage.contains("[\(rule.id)](#\(rule.id.lowercased()))"), "\(rule.id) missing from coverage")
        }
        #expect(count > 0)
        for indicator in pack.indicators { #expect(text.contains("<a id=\"indicator-\(indicator.key)\"></a>")) }
        for district in pack.districts { #expect(text.contains("| \(district.code) | \(district.name.zh)")) }
    }

    @Test("checks in words", arguments: [
        ("SY25-M01", Language.zh, "地区生产总值增长 ≥ 5.5%"),
        ("SY25-M01", Language.en, "GDP growth ≥ 5.5%"),
        ("SY25-M05", Language.zh, "区间 4.5% 至 5.5%"),
        ("SY25-S12-01", Language.zh, "民生支出占一般公共预算支出的比重 ≥ 75%"),
        ("SY25-S12-01", Language.en, "Livelihood expenditure as a share of General public budget expenditure ≥ 75%"),
        ("SY25-T44-01", Language.zh, "各区县城镇新增就业合计 ≥ 14.8万人"),
        ("SY25-S10-03", Language.zh, "> 固定资产投资增长（全市） = 6%"),
    ])
    func wording(id: String, language: Language, expected: String) throws {
        let pack = try Self.defaultPack()
        let rule = try #require(pack.rule(id))
        let text = CheckWording.check(rule, pack: pack, language: language)
        #expect(text.contains(expected), "\(text)")
    }

    @Test("explain gives citation, clause, check and an example; each example snippet is a valid submission")
    func explainSnippetsLoad() throws {
        let pack = try Self.defaultPack()
        for rule in pack.rules {
            let text = RuleExplainer.text(rule, pack: pack, language: .zh)
            #expect(text.contains("“\(rule.citation.clause)”"))
            guard let example = rule.examples.first(where: { $0.expect == .fail }) ?? rule.examples.first else { continue }
            let snippet = RuleExplainerProbe.snippet(example, rule: rule, pack: pack)
            for (index, document) in snippet.components(separatedBy: "\n---\n").enumerated() {
                let result = SubmissionLoader.load(SourceFile(path: "\(rule.id)-\(index).yml", text: document), pack: pack)
                let structural = result.diagnostics.filter { $0.code != .missingRequiredIndicator && $0.severity == .error }
                #expect(structural.isEmpty, "\(rule.id): \(structural.map { $0.message.rendered(in: .en) })\n\(document)")
            }
        }
    }
}

/// The example part of an explanation, cut out of the text (the snippet lines are indented by four spaces).
enum RuleExplainerProbe {
    static func snippet(_ example: RuleExample, rule: Rule, pack: Pack) -> String {
        let text = RuleExplainer.text(rule, pack: pack, language: .en)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("    ") }
            .map { String($0.dropFirst(4)) }
            .joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The clause as the reference writes it: Markdown specials escaped.
    func replacingMarkdownSpecials() -> String {
        var result = ""
        for character in self {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }
}
