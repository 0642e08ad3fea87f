import Foundation
import Testing

/// A data repository of two plan years (`Examples/multi-year`: four Fujian prefectures in 2022/ and 2023/, each year
/// with its own real pack): one check runs each year with its pack, and 2023's previous-year figures come from 2022's
/// files. Then the way a maintainer adds a year: `plancheck init --year`.
@Suite("a data repository of several plan years")
struct MultiYearRepositoryTests {
    static let example = CLITests.root + "/Examples/multi-year"

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The findings of one report of a set, as (code, file, line).
    static func findings(_ report: [String: Any]) -> [(code: String, file: String, line: Int)] {
        (report["findings"] as? [[String: Any]] ?? []).map { finding in
            let location = finding["location"] as? [String: Any]
            let start = location?["start"] as? [String: Any]
            return (finding["code"] as? String ?? "", finding["file"] as? String ?? "", start?["line"] as? Int ?? 0)
        }
    }

    @Test("each year is checked with its own pack, in one report; 2023 reads its previous-year figures from 2022")
    func twoYears() throws {
        let result = try Run.plancheck(["check", "--format", "json", "--lang", "en"], in: Self.example)
        #expect(result.status == 1, "\(result.stderr)")
        let document = try Self.json(result.stdout)
        #expect(document["schema"] as? String == "plancheck-report-set/1")
        let reports = try #require(document["reports"] as? [[String: Any]])
        #expect(reports.map { ($0["pack"] as? [String: Any])?["id"] as? String } == ["fujian-2022", "fujian-2023"])
        #expect(reports.map { $0["selection"] as? [String] } == [["2022/*.yml"], ["2023/*.yml"]])
        #expect(reports.map { ($0["files"] as? [String])?.count } == [4, 4])

        let earlier = Self.findings(reports[0]), later = Self.findings(reports[1])
        // Every finding of a run belongs to its year and its pack.
        #expect(earlier.allSatisfy { $0.file.hasPrefix("2022/") && !$0.code.hasPrefix("FJ23") })
        #expect(later.allSatisfy { ($0.file.hasPrefix("2023/") || $0.file.isEmpty) && !$0.code.hasPrefix("FJ22") })
        // The 2023 files without a previous: section take 2022's figures, one note each at their header; Xiamen
        // keeps its own section (which disagrees with its 2022 file on one figure) and takes only what it leaves out,
        // said at that section.
        let taken = later.filter { $0.code == "PC036" }
        #expect(taken.map(\.file).sorted() == ["2023/350100-fuzhou.yml", "2023/350200-xiamen.yml", "2023/350400-sanming.yml",
                                                "2023/350700-nanping.yml"])
        let xiamen = try String(contentsOfFile: Self.example + "/2023/350200-xiamen.yml", encoding: .utf8)
            .components(separatedBy: "\n")
        #expect(taken.filter { $0.file.hasSuffix("xiamen.yml") }.map { xiamen[$0.line - 1] } == ["previous:"])
        let mismatches = later.filter { $0.code == "PC037" }
        #expect(mismatches.map(\.file) == ["2023/350200-xiamen.yml"])
        // Nanping's grain slipped a decimal point against its 2022 file: the plausibility check sees it across years.
        #expect(later.contains { $0.code == "PC026" && $0.file == "2023/350700-nanping.yml" })
        // None of this is said about 2022, which has no year before it here.
        #expect(!earlier.contains { ["PC036", "PC037"].contains($0.code) })
    }

    @Test("the text report heads each year, and the mismatch points at last year's figure")
    func textReport() throws {
        let result = try Run.plancheck(["check", "--lang", "zh"], in: Self.example)
        #expect(result.status == 1)
        let text = result.stdout
        let first = try #require(text.range(of: "fujian-2022"))
        let second = try #require(text.range(of: "fujian-2023", range: first.upperBound..<text.endIndex))
        #expect(text[first.upperBound..<second.lowerBound].contains("2022/350200-xiamen.yml"))
        #expect(text[second.upperBound...].contains("2023/350200-xiamen.yml"))
        let mismatch = try #require(text.components(separatedBy: "\n\n").first { $0.contains("[PC037]") })
        #expect(mismatch.contains("2022/350200-xiamen.yml"), "\(mismatch)")
        // What Xiamen's section leaves out is taken from 2022, named as the pack names the indicators, in its order.
        let filled = try #require(text.components(separatedBy: "\n\n").first { $0.contains("[PC036]") && $0.contains("xiamen") })
        #expect(filled.contains("（8 项：一般公共预算总收入增长、地方一般公共预算收入增长、固定资产投资增长、"), "\(filled)")
        #expect(!text.contains("区县") && !text.contains("全市"))
    }

    @Test("SARIF: one log with a run per year")
    func sarif() throws {
        let result = try Run.plancheck(["check", "--format", "sarif"], in: Self.example)
        let runs = try #require(try Self.json(result.stdout)["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        #expect(runs.compactMap { ($0["automationDetails"] as? [String: Any])?["id"] as? String }.count == 2)
    }

    @Test("a hook run on one 2023 file runs 2023 alone, still with 2022's figures behind it")
    func hookOnOneFile() throws {
        let result = try Run.plancheck(["check", "--hook", "--lang", "en", "2023/350700-nanping.yml"], in: Self.example)
        #expect(!result.stdout.contains("fujian-2022"), "\(result.stdout)")
        #expect(result.stdout.contains("[PC036]") && result.stdout.contains("[PC026]"))
        #expect(!result.stdout.contains("2023/350100-fuzhou.yml"))
        // A 2022 file alone: the 2022 pack, and nothing about the year after.
        let earlier = try Run.plancheck(["check", "--hook", "--lang", "en", "2022/350400-sanming.yml"], in: Self.example)
        #expect(earlier.status == 0, "\(earlier.stdout)")
        #expect(earlier.stdout.contains("fujian-2022") && !earlier.stdout.contains("FJ23"))
    }

    @Test("a file saved in another year's folder is told where that year's files go")
    func wrongFolder() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let repo = folder + "/repo"
        try FileManager.default.copyItem(atPath: Self.example, toPath: repo)
        try DataRepository.replace("../../Rules", with: CLITests.root + "/Rules", in: repo + "/.plancheck.yml")
        try FileManager.default.copyItem(atPath: repo + "/2023/350100-fuzhou.yml", toPath: repo + "/2022/fuzhou-2023.yml")
        let result = try Run.plancheck(["check", "--lang", "en", "2022/fuzhou-2023.yml"], in: repo)
        #expect(result.status == 1)
        let block = try #require(result.stdout.components(separatedBy: "\n\n").first { $0.contains("[PC033]") })
        #expect(block.contains("help: in this repository 2023 submissions are checked with the 2023 pack and belong in 2023/*.yml"),
                "\(block)")
        // Outside a repository of several years the error stands alone.
        let alone = try Run.plancheck(["check", "--no-config", "--rules", CLITests.root + "/Rules/fujian-2022", "--lang", "en",
                                       "2022/fuzhou-2023.yml"], in: repo)
        #expect(alone.stdout.contains("[PC033]") && !alone.stdout.contains("belong in"))
    }

    @Test("--quotas is refused where each year has its own tables; --rules checks everything with one pack")
    func options() throws {
        let quotas = try Run.plancheck(["check", "--quotas", "q.yml", "--lang", "en"], in: Self.example)
        #expect(quotas.status == 2)
        #expect(quotas.stderr.contains("--quotas cannot be used in a repository with several packs"))
        let one = try Run.plancheck(["check", "--rules", "../../Rules/fujian-2023", "--format", "json"], in: Self.example)
        let document = try Self.json(one.stdout)
        #expect(document["schema"] as? String == "plancheck-report/2")
        #expect((document["files"] as? [String])?.count == 8)

        // Standard input is checked with the pack of the year its name belongs to.
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.example + "/2022/350200-xiamen.yml"))
        for (name, rule) in [("2022/draft.yml", "FJ22-M09"), ("2023/draft.yml", "FJ23-M09")] {
            let piped = try Run.plancheck(["check", "-", "--stdin-filename", name, "--format", "concise"], in: Self.example,
                                          input: text)
            #expect(piped.stdout.contains("\(name):20:12: ") && piped.stdout.contains("[\(rule)]"), "\(piped.stdout)")
        }
    }

    @Test("init --year adds a year: its templates and its packs: entry; the repository then checks both years")
    func initYear() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let packs = CLITests.root + "/Rules"
        let first = try Run.plancheck(["init", "--directory", "repo", "--rules", packs + "/fujian-2022", "--lang", "en"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let repo = folder + "/repo"
        let before = try DataRepository.read(repo + "/.plancheck.yml")

        // The wrong year's pack, and a folder that is not a repository, change nothing.
        let wrong = try Run.plancheck(["init", "--year", "2024", "--rules", packs + "/fujian-2023", "--lang", "en"], in: repo)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("fujian-2023 is the plan for 2023, not 2024"))
        let nowhere = try Run.plancheck(["init", "--year", "2023", "--rules", packs + "/fujian-2023", "--lang", "en"], in: folder)
        #expect(nowhere.status == 2 && nowhere.stderr.contains("plancheck init"))
        #expect(try DataRepository.read(repo + "/.plancheck.yml") == before)

        let added = try Run.plancheck(["init", "--year", "2023", "--rules", packs + "/fujian-2023", "--lang", "en"], in: repo)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("2023 added to the packs of"))
        let after = try DataRepository.read(repo + "/.plancheck.yml")
        #expect(after.hasPrefix(before.components(separatedBy: "\n# 排除的路径")[0]))
        #expect(after.contains("    submissions:\n      - \"2023/*.yml\"\n      - \"2023/*.yaml\"\n"))
        #expect(FileManager.default.fileExists(atPath: repo + "/2023/350100-fuzhou.yml"))

        // Both years' templates are "not started": one note each, and the repository passes its own gate.
        let check = try Run.plancheck(["check", "--lang", "en", "--format", "json"], in: repo)
        #expect(check.status == 0, "\(check.stderr)")
        let reports = try #require(try Self.json(check.stdout)["reports"] as? [[String: Any]])
        #expect(reports.map { ($0["pack"] as? [String: Any])?["id"] as? String } == ["fujian-2022", "fujian-2023"])

        // Again: the folder's files exist now.
        let again = try Run.plancheck(["init", "--year", "2023", "--rules", packs + "/fujian-2023", "--lang", "en"], in: repo)
        #expect(again.status == 2)
        #expect(try DataRepository.read(repo + "/.plancheck.yml") == after)
    }
}
