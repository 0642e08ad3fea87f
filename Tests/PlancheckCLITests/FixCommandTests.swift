import Foundation
import Testing

/// `check --fix` and `check --diff`, through the binary: what they change, what they leave, and that a second run
/// has nothing left to fix.
@Suite("check --fix and --diff")
struct FixCommandTests {
    static let shenhe = CLITests.root + "/Examples/shenyang-2025/210103-shenhe.yml"

    /// A copy of `source` (or of `text`) in a new folder, and that folder.
    private func copy(_ source: String? = nil, text: String? = nil, name: String) throws -> (folder: String, path: String) {
        let folder = try CLITests.temporaryFolder()
        let path = folder + "/" + name
        if let source {
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } else {
            try DataRepository.write(text ?? "", to: path)
        }
        return (folder, path)
    }

    private func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    /// The findings of a JSON report that carry edits.
    private func fixable(_ json: String) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        return findings.filter { ($0["edits"] as? [Any])?.isEmpty == false }.compactMap { $0["code"] as? String }
    }

    @Test("--fix on the Shenhe example changes only the fixed figures, and a second check has nothing to fix")
    func fixesShenhe() throws {
        let (folder, path) = try copy(Self.shenhe, name: "210103-shenhe.yml")
        let before = try DataRepository.read(path)
        #expect(try fixable(Run.plancheck(["check", path, "--no-config", "--format", "json"], in: folder).stdout).count == 3)

        let fixed = try Run.plancheck(["check", path, "--no-config", "--fix", "--lang", "en"], in: folder)
        #expect(fixed.status == 0, "\(fixed.output)")
        #expect(fixed.stderr.contains("fixed 3 finding(s)"), "\(fixed.stderr)")
        let after = try DataRepository.read(path)
        let old = lines(before), new = lines(after)
        #expect(old.count == new.count)
        let changed = zip(old, new).filter { $0 != $1 }
        #expect(changed.map(\.1) == [
            "  社会消费品零售总额增长: \"5.5%\"  # 全角，从Word复制 full-width, pasted from Word",
            "  一般公共预算支出: \"1080000万元\"",
            "  民生支出: \"842000万元\"",
        ])
        // What is left is reported: the unit conversions, which are not the figure's spelling but its unit.
        #expect(fixed.stdout.contains("PC024"))
        #expect(!fixed.stdout.contains("PC025"))

        let again = try Run.plancheck(["check", path, "--no-config", "--format", "json"], in: folder)
        #expect(try fixable(again.stdout).isEmpty)
        let nothing = try Run.plancheck(["check", path, "--no-config", "--diff", "--lang", "en"], in: folder)
        #expect(nothing.status == 0)
        #expect(nothing.stdout.isEmpty)
        #expect(nothing.stderr.contains("nothing to fix"))
    }

    @Test("--diff prints a unified diff that patch applies, changes nothing, and exits 1")
    func diffOnly() throws {
        let (folder, path) = try copy(Self.shenhe, name: "shenhe.yml")
        let before = try DataRepository.read(path)
        let result = try Run.plancheck(["check", "shenhe.yml", "--no-config", "--diff"], in: folder)
        #expect(result.status == 1)
        #expect(try DataRepository.read(path) == before, "--diff writes nothing")
        #expect(result.stdout.hasPrefix("--- a/shenhe.yml\n+++ b/shenhe.yml\n@@ -10,7 +10,7 @@\n"))
        #expect(result.stdout.contains("""
        -  一般公共预算支出: "1,080,000万元"
        -  民生支出: "842,000万元"
        +  一般公共预算支出: "1080000万元"
        +  民生支出: "842000万元"

        """))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/patch") else { return }
        try DataRepository.write(result.stdout, to: folder + "/fix.patch")
        let patched = try Run.program("/usr/bin/patch", ["-p1", "-i", "fix.patch"], in: folder)
        #expect(patched.status == 0, "\(patched.output)")
        _ = try Run.plancheck(["check", "shenhe.yml", "--no-config", "--fix"], in: try copy(Self.shenhe, name: "shenhe.yml").folder)
        let fixedElsewhere = try Run.plancheck(["check", "shenhe.yml", "--no-config", "--diff"], in: folder)
        #expect(fixedElsewhere.stdout.isEmpty, "the patched file has nothing left to fix")
    }

    /// YAML refuses C0 controls such as ESC anywhere in a file, but allows bidirectional overrides and marks, which
    /// would reorder what a terminal shows.
    @Test("--diff shows a hidden character of the file visibly, never raw")
    func diffEscapesHiddenCharacters() throws {
        let text = """
        submission:
          district: "210103"
          year: 2025
        indicators:
          gdp_growth: 5.6%  # \u{202E}desrever\u{200F}next
          retail_sales_growth: "５.５％"

        """
        let (folder, _) = try copy(text: text, name: "hostile.yml")
        let result = try Run.plancheck(["check", "hostile.yml", "--no-config", "--diff"], in: folder)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.stdout.contains("+  retail_sales_growth: \"5.5%\""), "\(result.stdout)")
        #expect(result.stdout.contains("# \\u{202E}desrever\\u{200F}next"), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200F }, "nothing raw")
    }

    @Test("a mistyped key, a variant minus sign, Chinese numerals and a retired code are fixed; a qualifier is kept")
    func fixesEachKind() throws {
        let text = """
        # 注释 comment
        submission:
          district: "210122"   # 旧代码
          year: 2025
        indicators:
          gdp_growht: −3.2%
          retail_sales_growth: 百分之五点五 # 中文数字
          industrial_va_growth: 5.3%以上
          energy_intensity_change: '－２.６％'

        """
        let (folder, path) = try copy(text: text, name: "k.yml")
        let result = try Run.plancheck(["check", "k.yml", "--no-config", "--fix", "--lang", "en"], in: folder)
        #expect(result.stderr.contains("fixed 5 finding(s) in k.yml"), "\(result.stderr)")
        #expect(try DataRepository.read(path) == """
        # 注释 comment
        submission:
          district: "210115"   # 旧代码
          year: 2025
        indicators:
          gdp_growth: -3.2%
          retail_sales_growth: 5.5% # 中文数字
          industrial_va_growth: 5.3%以上
          energy_intensity_change: '-2.6%'

        """)
        let again = try Run.plancheck(["check", "k.yml", "--no-config", "--format", "json"], in: folder)
        #expect(try fixable(again.stdout).isEmpty)
    }

    @Test("a key two indicators are equally near is not fixed; the file is left as it was")
    func ambiguousKeyIsLeft() throws {
        // `产业增加值增长` is two edits from the primary, secondary and tertiary industries' names alike.
        let text = "submission:\n  district: \"210103\"\n  year: 2025\nindicators:\n  产业增加值增长: 5%\n"
        let (folder, path) = try copy(text: text, name: "a.yml")
        let result = try Run.plancheck(["check", "a.yml", "--no-config", "--fix", "--lang", "en"], in: folder)
        #expect(result.stderr.contains("nothing to fix"), "\(result.stderr)")
        #expect(try DataRepository.read(path) == text)
    }

    @Test("--fix keeps the file's permissions and writes through a symbolic link")
    func keepsPermissions() throws {
        let (folder, path) = try copy(Self.shenhe, name: "real.yml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.yml", withDestinationPath: "real.yml")
        let result = try Run.plancheck(["check", "link.yml", "--no-config", "--fix"], in: folder)
        #expect(result.status == 0, "\(result.output)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.yml") == "real.yml")
        #expect(try DataRepository.read(path).contains("民生支出: \"842000万元\""))
    }
}
