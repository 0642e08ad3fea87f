import Foundation
import Testing

/// Runs the built `plancheck` on the example files: exit statuses, reports written next to the text output, and
/// an unreadable file that does not hide the findings of the others.
@Suite("plancheck command line")
struct CLITests {
    static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        return path
    }()

    /// The binary sits in the build products folder, next to the test bundle (whichever configuration or
    /// platform folder that is).
    static let binary: String? = {
        var folders: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        for bundle in [Bundle.main] + Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("plancheck").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }()

    typealias Result = Run.Result

    /// The built plancheck, run in the package root.
    static func plancheck(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        try Run.plancheck(arguments, in: root, environment: extra.mapValues { Optional($0) })
    }

    /// The version the binary reports (`plancheck --version`).
    static func version() throws -> String {
        let result = try plancheck(["--version"])
        try #require(result.status == 0, "\(result.output)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plancheck-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("exit 1 on the examples, which contain failures; the summary is printed in the language asked for")
    func examplesFail() throws {
        let result = try Self.plancheck(["check", "Examples/shenyang-2025", "--lang", "zh", "--today", "2025-06-30"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("错误[SY25-M01]"))
        #expect(result.stdout.contains("各区县检查情况"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
    }

    @Test("exit 0 when nothing fails at or above --fail-on; 1 when a warning counts")
    func failOn() throws {
        let clean = try Self.plancheck(["check", "Examples/shenyang-2025/210102-heping.yml", "--today", "2025-06-30"])
        #expect(clean.status == 0, "\(clean.stdout)")
        let faku = "Examples/shenyang-2025/210124-faku.yml"
        // Faku misses an error rule too; Shenbei only has a warning (an unused deviation).
        let shenbei = "Examples/shenyang-2025/210113-shenbei.yml"
        #expect(try Self.plancheck(["check", shenbei, "--today", "2025-06-30"]).status == 0)
        #expect(try Self.plancheck(["check", shenbei, "--today", "2025-06-30", "--fail-on", "warning"]).status == 1)
        #expect(try Self.plancheck(["check", faku, "--today", "2025-06-30"]).status == 1)
    }

    @Test("exit 2 on a malformed file, and the findings of the other files are still reported, in every format")
    func malformedDoesNotHideOthers() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.plancheck([
            "check", "Examples/shenyang-2025", "Examples/malformed/tab-indentation.yml", "--lang", "en",
            "--today", "2025-06-30", "--report", "sarif=\(folder)/r.sarif", "--report", "junit=\(folder)/r.xml",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.contains("PC002"))
        #expect(result.stdout.contains("error[SY25-M01]"), "the other files' failures are reported")
        let sarif = try String(contentsOfFile: "\(folder)/r.sarif", encoding: .utf8)
        #expect(sarif.contains("\"ruleId\": \"PC002\"") && sarif.contains("\"ruleId\": \"SY25-M01\""))
        let junit = try String(contentsOfFile: "\(folder)/r.xml", encoding: .utf8)
        #expect(junit.contains("<error ") && junit.contains("<failure "))
    }

    @Test("exit 2 on usage errors")
    func usageErrors() throws {
        #expect(try Self.plancheck(["check"]).status == 2)
        #expect(try Self.plancheck(["check", "Examples/shenyang-2025", "--format", "pdf"]).status == 2)
        let bad = try Self.plancheck(["check", "Examples/shenyang-2025", "--report", "sarif"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("FORMAT=FILE"))
        #expect(try Self.plancheck(["check", "Examples/shenyang-2025", "--output", "a.txt", "--report", "json=a.txt"]).status == 2)
    }

    @Test("one run prints text and writes SARIF, Markdown and JSON, each to its own file")
    func severalReports() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.plancheck([
            "check", "Examples/shenyang-2025", "--today", "2025-06-30", "--lang", "en",
            "--report", "sarif=\(folder)/plancheck.sarif", "--report", "markdown=\(folder)/summary.md",
            "--report", "json=\(folder)/report.json",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[SY25-M01]"))
        let sarif = try String(contentsOfFile: "\(folder)/plancheck.sarif", encoding: .utf8)
        #expect(sarif.contains("\"version\": \"2.1.0\""))
        // Paths are relative to the working directory, as a repository names them.
        #expect(sarif.contains("\"uri\": \"Examples/shenyang-2025/210111-sujiatun.yml\""))
        let markdown = try String(contentsOfFile: "\(folder)/summary.md", encoding: .utf8)
        #expect(markdown.hasPrefix("## Plan compliance check"))
        let json = try String(contentsOfFile: "\(folder)/report.json", encoding: .utf8)
        #expect(json.contains("\"schema\": \"plancheck-report/2\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    @Test("--output writes the --format report to a file and nothing to standard output")
    func outputFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Self.plancheck(["check", "Examples/shenyang-2025", "--format", "github",
                                         "--output", "\(folder)/annotations.txt", "--today", "2025-06-30"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let text = try String(contentsOfFile: "\(folder)/annotations.txt", encoding: .utf8)
        #expect(text.contains("::error file=Examples/shenyang-2025/210111-sujiatun.yml,line=10"))
    }

    @Test("a report that cannot be written: exit 2 with a message")
    func unwritableReport() throws {
        let result = try Self.plancheck(["check", "Examples/shenyang-2025", "--report",
                                         "json=/nonexistent-folder/report.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent-folder/report.json"))
    }

    @Test("rules lint lints the built-in pack (clean: exit 0, nothing printed) and a folder pack (a contradiction: exit 2)")
    func rulesLint() throws {
        let builtIn = try Self.plancheck(["rules", "lint", "--no-config"])
        #expect(builtIn.status == 0, "\(builtIn.stdout)\(builtIn.stderr)")
        #expect(builtIn.stdout.isEmpty)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fixture = Self.root + "/Tests/PlancheckCoreTests/Fixtures/test-pack"
        try FileManager.default.createDirectory(atPath: folder + "/rules", withIntermediateDirectories: true)
        for name in ["pack.yml", "indicators.yml", "rules/targets.yml"] {
            try FileManager.default.copyItem(atPath: fixture + "/" + name, toPath: folder + "/" + name)
        }
        let pack = try String(contentsOfFile: folder + "/pack.yml", encoding: .utf8)
        try (pack + "  - cap.yml\n").write(toFile: folder + "/pack.yml", atomically: true, encoding: .utf8)
        try """
        rules:
          - id: TL-CAP
            title: {zh: 上限, en: cap}
            citation: {part: 二, clause: 不高于5%}
            check: {value: gdp_growth, at_most: 5%}

        """.write(toFile: folder + "/cap.yml", atomically: true, encoding: .utf8)
        let contradicting = try Self.plancheck(["rules", "lint", "--no-config", "--rules", folder])
        #expect(contradicting.status == 2)
        #expect(contradicting.stdout.contains("PC054"), "\(contradicting.stdout)")
    }

    @Test("colour with --color always, never with NO_COLOR even then on auto")
    func colour() throws {
        let always = try Self.plancheck(["check", "Examples/shenyang-2025/210111-sujiatun.yml", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}["))
        let noColor = try Self.plancheck(["check", "Examples/shenyang-2025/210111-sujiatun.yml", "--color", "auto"],
                                         environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test("the help for an unknown indicator is a command that works: rules list --indicators, --rules taking the built-in id")
    func indicatorListCommand() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let heping = try String(contentsOfFile: Self.root + "/Examples/shenyang-2025/210102-heping.yml", encoding: .utf8)
        try heping.replacingOccurrences(of: "  gdp_growth: 5.6%", with: "  gdp_growth: 5.6%\n  某某指标: 3%")
            .write(toFile: folder + "/210102-heping.yml", atomically: true, encoding: .utf8)
        let checked = try Self.plancheck(["check", "--no-config", folder + "/210102-heping.yml", "--lang", "zh"])
        #expect(checked.stdout.contains("可用 `plancheck rules list --indicators` 查看全部指标"), "\(checked.stdout)")
        for arguments in [["rules", "list", "--indicators"], ["rules", "list", "--indicators", "--rules", "shenyang-2025"]] {
            let listed = try Self.plancheck(arguments + ["--no-config", "--lang", "zh"])
            #expect(listed.status == 0, "\(listed.output)")
            #expect(listed.stdout.contains("gdp_growth\t%\t"), "\(listed.stdout)")
            #expect(listed.stdout.contains("地区生产总值增长"))
        }
        #expect(try Self.plancheck(["rules", "lint", "--no-config", "--rules", "shenyang-2025"]).status == 0)
    }
}
