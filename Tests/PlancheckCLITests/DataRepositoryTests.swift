import Foundation
import Testing

/// `plancheck` in a data repository: the configuration found by walking up, command-line options winning over
/// it, checking given files against the whole configured set, quotas, and the `init` scaffold.
@Suite("plancheck in a data repository")
struct DataRepositoryTests {
    static let basic = """
    submissions: ["2025/*.yml"]
    lang: en

    """

    @Test("without configuration and without paths: a usage error naming both ways, in both languages")
    func nothingToCheck() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let english = try Run.plancheck(["check", "--lang", "en"], in: folder)
        #expect(english.status == 2)
        #expect(english.stderr.contains("give submission files or folders"))
        #expect(english.stderr.contains(".plancheck.yml"))
        let chinese = try Run.plancheck(["check", "--lang", "zh"], in: folder)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("没有要检查的文件") && chinese.stderr.contains(".plancheck.yml"))
    }

    @Test("no paths: the configured set is checked, from any folder below the configuration")
    func configuredSet() throws {
        let root = try DataRepository.make(configuration: Self.basic + "reports: {json: out/report.json}\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/2025/drafts", withIntermediateDirectories: true)
        try DataRepository.write("not: a submission\n", to: root + "/notes.yml")
        let result = try Run.plancheck(["check", "--today", "2025-06-30"], in: root + "/2025/drafts")
        #expect(result.status == 1)
        #expect(result.stdout.contains("13 file(s) checked"), "\(result.stdout.suffix(400))")
        #expect(result.stdout.contains("error[SY25-M01]"))
        // The configuration's report, relative to the configuration's folder.
        let json = try DataRepository.read(root + "/out/report.json")
        #expect(json.contains("\"schema\": \"plancheck-report/2\""))
        #expect(!json.contains("notes.yml"), "only files the globs select are submissions")
    }

    @Test("given files are reported on while city totals cover the configured set; other YAML files are skipped")
    func givenFiles() throws {
        let root = try DataRepository.make(configuration: Self.basic)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try DataRepository.write("name: CI\n", to: root + "/.github/workflows/ci.yml")
        let result = try Run.plancheck(["check", "2025/210102-heping.yml", ".github/workflows/ci.yml"], in: root)
        #expect(result.status == 1, "the city totals fail")
        #expect(result.stdout.contains("error[SY25-T44-01]"), "a city-wide failure is reported")
        #expect(result.stdout.contains("13 districts add up to 14.1万人"), "over every configured submission")
        #expect(!result.stdout.contains("SY25-M01"), "Sujiatun's own failure is not this change's")
        #expect(!result.stdout.contains("210111-sujiatun.yml:10"))
        #expect(result.stdout.contains("1 file(s) checked"))
        #expect(result.stderr.contains("reported on 1 of the 13 configured submissions"))
        #expect(result.stderr.contains("not checked: 1 file(s)") && result.stderr.contains(".github/workflows/ci.yml"))

        let sujiatun = try Run.plancheck(["check", "2025/210111-sujiatun.yml"], in: root)
        #expect(sujiatun.stdout.contains("error[SY25-M01]") && sujiatun.stdout.contains("2025/210111-sujiatun.yml:10"))

        let onlyWorkflow = try Run.plancheck(["check", ".github/workflows/ci.yml"], in: root)
        #expect(onlyWorkflow.status == 0)
        #expect(onlyWorkflow.stderr.contains("nothing to check"))
        #expect(onlyWorkflow.stdout.isEmpty)
    }

    @Test("a change to one district that breaks a city total is caught when only that file is checked")
    func oneChangeBreaksTheTotal() throws {
        // Heping plans 2.3万 jobs instead of 1.6万, so that the districts reach the city's 14.8万; the paired-
        // assistance total, which fails in the examples, is made a note.
        let root = try DataRepository.make(configuration: Self.basic + "severity: {SY25-T40-02: note}\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let heping = root + "/2025/210102-heping.yml"
        try DataRepository.replace("new_urban_jobs: 1.6万人", with: "new_urban_jobs: 2.3万人", in: heping)
        let before = try Run.plancheck(["check", "2025/210102-heping.yml"], in: root)
        #expect(before.status == 0, "\(before.stdout)")
        #expect(before.stdout.contains("note[SY25-T40-02]"), "the severity override applies")

        try DataRepository.replace("new_urban_jobs: 2.3万人", with: "new_urban_jobs: 2.2万人", in: heping)
        let after = try Run.plancheck(["check", "2025/210102-heping.yml"], in: root)
        #expect(after.status == 1)
        #expect(after.stdout.contains("error[SY25-T44-01]"))
        #expect(after.stdout.contains("14.7万人"))
        #expect(after.stdout.contains("2025/210102-heping.yml:23:19"), "the changed figure is pointed at")
    }

    @Test("command-line options win over the configuration")
    func optionsWin() throws {
        // Faku left out: the city totals lack a district, which require_all_districts makes an error.
        let root = try DataRepository.make(configuration: """
        submissions: ["2025/*.yml"]
        exclude: ["2025/210124-faku.yml"]
        lang: zh
        fail_on: warning
        require_all_districts: true

        """)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let shenbei = "2025/210113-shenbei.yml"
        let configured = try Run.plancheck(["check", shenbei, "--today", "2025-06-30", "--format", "json"], in: root)
        #expect(configured.status == 1)
        #expect(configured.stdout.contains("\"language\": \"zh\""))
        let incomplete = try Run.plancheck(["check", shenbei, "--today", "2025-06-30", "--fail-on", "error"], in: root)
        #expect(incomplete.status == 1)
        #expect(incomplete.stdout.contains("错误[SY25-T44-01]") && incomplete.stdout.contains("210124"))
        // Shenbei itself has a warning only: with both options given, nothing fails.
        let given = try Run.plancheck(["check", shenbei, "--today", "2025-06-30", "--fail-on", "error", "--lang", "en",
                                       "--no-require-all-districts", "--format", "json"], in: root)
        #expect(given.stdout.contains("\"language\": \"en\""))
        #expect(given.status == 0, "\(given.stdout.prefix(2000))")
        let warningCounts = try Run.plancheck(["check", shenbei, "--today", "2025-06-30", "--no-require-all-districts"], in: root)
        #expect(warningCounts.status == 1, "the configuration's fail_on: warning still applies")

        // --config names another file; --no-config ignores them all.
        try DataRepository.write("submissions: [\"2025/210102-*.yml\"]\nlang: en\n", to: root + "/heping-only.yml")
        let other = try Run.plancheck(["check", "--config", "heping-only.yml"], in: root)
        #expect(other.status == 0, "\(other.stdout)")
        #expect(other.stdout.contains("1 file(s) checked"))
        let none = try Run.plancheck(["check", "--no-config", "--lang", "en", shenbei], in: root)
        #expect(none.status == 0)
        #expect(none.stdout.contains("warning"))
    }

    @Test("configuration problems stop the check with exit 2 and a located message with a suggestion")
    func badConfiguration() throws {
        let root = try DataRepository.make(configuration: """
        submissions: ["2025/*.yml"]
        severity: {SY25-T44-1: warning}
        reports: {sarf: out.sarif}
        fial_on: error

        """)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Run.plancheck(["check", "--lang", "en"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".plancheck.yml:2:"))
        #expect(result.stderr.contains("did you mean `SY25-T44-01`?"))
        #expect(result.stderr.contains("did you mean `sarif`?"))
        #expect(result.stderr.contains("did you mean `fail_on`?"))
        #expect(result.stdout.isEmpty, "nothing is checked")

        let missing = try Run.plancheck(["check", "--config", "nowhere.yml"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.yml"))
    }

    @Test("quota tables from --quotas and from the configuration; a broken one is exit 2")
    func quotas() throws {
        let fixtures = CLITests.root + "/Tests/PlancheckCoreTests/Fixtures"
        let arguments = ["check", "--rules", fixtures + "/test-pack", fixtures + "/submissions", "--lang", "en",
                         "--today", "2025-03-01", "--show-passes", "--no-config"]
        let without = try Run.plancheck(arguments, in: CLITests.root)
        #expect(without.stdout.contains("TL-JOBS-QUOTA") && !without.stdout.contains("error[TL-JOBS-QUOTA]"))
        let with = try Run.plancheck(arguments + ["--quotas", fixtures + "/quotas.yml"], in: CLITests.root)
        #expect(with.stdout.contains("error[TL-JOBS-QUOTA]"), "\(with.stdout.prefix(3000))")

        let root = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: fixtures + "/submissions", toPath: root + "/submissions")
        try FileManager.default.copyItem(atPath: fixtures + "/quotas.yml", toPath: root + "/quotas.yml")
        try DataRepository.write("""
        rules: \(fixtures)/test-pack
        quotas: [quotas.yml]
        submissions: ["submissions/*.yml"]
        lang: en

        """, to: root + "/.plancheck.yml")
        let configured = try Run.plancheck(["check", "--today", "2025-03-01"], in: root)
        #expect(configured.stdout.contains("error[TL-JOBS-QUOTA]"))

        try DataRepository.write("format: plancheck-quotas/1\nquotas:\n  new_jbs: {\"990101\": 1万人}\n", to: root + "/broken.yml")
        let broken = try Run.plancheck(["check", "--today", "2025-03-01", "--quotas", "broken.yml"], in: root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.yml:3:3"))
    }

    @Test("init sets up a data repository: configuration, templates with their schema, pre-commit and CI files")
    func scaffold() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Run.plancheck(["init", "--directory", "repo", "--lang", "en"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let root = folder + "/repo"
        let names = try DataRepository.exampleNames()
        for name in names {
            let template = try DataRepository.read(root + "/2025/" + name)
            #expect(template.hasPrefix("# yaml-language-server: $schema=shenyang-2025-submission.schema.json\n"))
        }
        #expect(FileManager.default.fileExists(atPath: root + "/2025/shenyang-2025-submission.schema.json"))
        #expect(FileManager.default.fileExists(atPath: root + "/.pre-commit-config.yaml"))
        #expect(FileManager.default.fileExists(atPath: root + "/.github/workflows/plancheck.yml"))
        let configuration = try DataRepository.read(root + "/.plancheck.yml")
        #expect(configuration.contains("报送文件") && configuration.contains("One entry per plan year"))
        #expect(configuration.contains("packs:\n  - rules: shenyang-2025\n    submissions:\n      - \"2025/*.yml\""))
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        // The configuration is valid and selects the 13 templates: not started yet, one note each, and the new
        // repository passes its own gate.
        let check = try Run.plancheck(["check", "--lang", "en"], in: root)
        #expect(check.status == 0, "\(check.stdout.suffix(1500))")
        #expect(check.stdout.contains("13 file(s) checked"))
        #expect(check.stdout.contains("0 error(s), 0 warning(s), 13 note(s)"), "\(check.stdout.suffix(800))")
        #expect(check.stdout.contains("note[PC035]: Heping (210102) has not started yet"))
        #expect(check.stderr.isEmpty, "\(check.stderr)")

        // Nothing is overwritten without --force, and a refusal writes nothing at all.
        try DataRepository.write("# mine\n", to: root + "/.plancheck.yml")
        try FileManager.default.removeItem(atPath: root + "/2025/210102-heping.yml")
        let again = try Run.plancheck(["init", "--directory", "repo", "--lang", "en"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exist") && again.stderr.contains("--force"))
        #expect(try DataRepository.read(root + "/.plancheck.yml") == "# mine\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/2025/210102-heping.yml"))
        let forced = try Run.plancheck(["init", "--directory", "repo", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try DataRepository.read(root + "/.plancheck.yml") == configuration)

        let misuse = try Run.plancheck(["init", "--output", "x.yml", "--lang", "en"], in: folder)
        #expect(misuse.status == 2)
        #expect(misuse.stderr.contains("--district"))
    }

    @Test("init names where plancheck is hosted: the default, or --host and --revision, in the hook and the workflow")
    func host() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Run.plancheck(["init", "--directory", "default"], in: folder).status == 0)
        let defaultHook = try DataRepository.read(folder + "/default/.pre-commit-config.yaml")
        #expect(defaultHook.contains("repo: https://github.com/plancheck/plancheck\n"), "\(defaultHook)")
        #expect(defaultHook.contains("rev: v\(try CLITests.version())\n"))
        #expect(try DataRepository.read(folder + "/default/.github/workflows/plancheck.yml")
            .contains("uses: plancheck/plancheck@v\(try CLITests.version())\n"))

        let mirrored = try Run.plancheck(["init", "--directory", "mirror", "--host", "https://git.example.gov.cn/tools/plancheck.git/",
                                          "--revision", "v9.8.7"], in: folder)
        #expect(mirrored.status == 0, "\(mirrored.stderr)")
        let hook = try DataRepository.read(folder + "/mirror/.pre-commit-config.yaml")
        #expect(hook.contains("repo: https://git.example.gov.cn/tools/plancheck\n") && hook.contains("rev: v9.8.7\n"), "\(hook)")
        #expect(!hook.contains("github.com/plancheck"))
        let workflow = try DataRepository.read(folder + "/mirror/.github/workflows/plancheck.yml")
        #expect(workflow.contains("uses: tools/plancheck@v9.8.7\n"), "\(workflow)")

        let bad = try Run.plancheck(["init", "--directory", "bad", "--host", "plancheck", "--lang", "en"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--host must be the address of the git repository"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad"))
    }

    @Test("a template is not started until its first figure is written; from then on it gets every finding")
    func firstFigure() throws {
        let folder = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Run.plancheck(["init", "--directory", "repo"], in: folder).status == 0)
        let root = folder + "/repo", heping = "2025/210102-heping.yml"
        let template = try DataRepository.read(root + "/" + heping)
        let untouched = try Run.plancheck(["check", heping, "--hook", "--lang", "en"], in: root)
        #expect(untouched.status == 0)
        #expect(untouched.stdout.contains("note[PC035]") && !untouched.stdout.contains("error["), "\(untouched.stdout)")

        try DataRepository.replace("  gdp_growth: ", with: "  gdp_growth: 6% ", in: root + "/" + heping)
        let started = try Run.plancheck(["check", heping, "--hook", "--lang", "en"], in: root)
        #expect(started.status == 1)
        #expect(!started.stdout.contains("PC035"))
        #expect(started.stdout.contains("error[PC011]: General public budget revenue growth has no figure yet"), "\(started.stdout.prefix(1500))")
        #expect(started.stdout.contains("\(heping):22:"))
        #expect(template != (try DataRepository.read(root + "/" + heping)))
    }

    @Test("with --hook, failed city totals are shown without failing a commit that changes a compliant district")
    func hookShowsTotals() throws {
        // Tiexi is compliant; SY25-T44-01 and SY25-T40-02 fall short over the examples.
        let root = try DataRepository.make(configuration: Self.basic)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tiexi = "2025/210106-tiexi.yml"
        let hook = try Run.plancheck(["check", tiexi, "--hook", "--lang", "en"], in: root)
        #expect(hook.status == 0, "\(hook.stdout.suffix(1500))")
        #expect(hook.stdout.contains("error[SY25-T44-01]") && hook.stdout.contains("error[SY25-T40-02]"), "shown")
        #expect(hook.stderr.contains("2 rule(s) about the whole set (totals) failed"), "\(hook.stderr)")

        let ci = try Run.plancheck(["check", tiexi, "--lang", "en"], in: root)
        #expect(ci.status == 1, "without --hook (CI) the totals gate")
        #expect(!ci.stderr.contains("about the whole set"))

        // A district's own failure still fails the hook.
        let sujiatun = try Run.plancheck(["check", "2025/210111-sujiatun.yml", "--hook", "--lang", "en"], in: root)
        #expect(sujiatun.status == 1)
        #expect(sujiatun.stdout.contains("error[SY25-M01]"))

        try DataRepository.write(Self.basic + "hook_gates_totals: true\n", to: root + "/.plancheck.yml")
        let gated = try Run.plancheck(["check", tiexi, "--hook", "--lang", "en"], in: root)
        #expect(gated.status == 1, "the configuration makes the hook gate on totals")
        #expect(!gated.stderr.contains("about the whole set"))
    }

    @Test("--pack is --rules: schema and check accept either")
    func packAlias() throws {
        let viaPack = try Run.plancheck(["schema", "--pack", "Rules/shenyang-2025"], in: CLITests.root)
        let viaRules = try Run.plancheck(["schema", "--rules", "Rules/shenyang-2025"], in: CLITests.root)
        #expect(viaPack.status == 0)
        #expect(viaPack.stdout == viaRules.stdout)
        #expect(viaPack.stdout.contains("\"$schema\""))
        // Another pack's schema lists that pack's indicators.
        let testPack = try Run.plancheck(["schema", "--pack", "Tests/PlancheckCoreTests/Fixtures/test-pack"], in: CLITests.root)
        #expect(testPack.status == 0)
        #expect(testPack.stdout.contains("\"new_jobs\"") && !testPack.stdout.contains("\"new_urban_jobs\""))
        let check = try Run.plancheck(["check", "--pack", "Rules/shenyang-2025", "Examples/shenyang-2025/210102-heping.yml"],
                                      in: CLITests.root)
        #expect(check.status == 0)
    }
}

/// The quota example of the maintainer's guide works as written: the table loads against the built-in pack,
/// and the rule, added to a copy of the pack, holds each district to its quota.
@Suite("The guide's quota example")
struct GuideQuotaExampleTests {
    /// The guide's YAML block whose first line is `first`.
    static func block(startingWith first: String) throws -> String {
        let text = try DataRepository.read(CLITests.root + "/docs/guides/data-repo-maintainer.md")
        let parts = text.components(separatedBy: "```yaml\n" + first)
        try #require(parts.count >= 2, "no YAML block starting with \(first)")
        return first + parts[1].components(separatedBy: "```")[0]
    }

    @Test("the table and the rule of docs/guides/data-repo-maintainer.md")
    func quotaExample() throws {
        let root = try CLITests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try DataRepository.write(try Self.block(startingWith: "# quotas/2025-jobs.yml"), to: root + "/quotas.yml")
        try FileManager.default.copyItem(atPath: CLITests.root + "/Rules/shenyang-2025", toPath: root + "/pack")
        let rulesFile = root + "/pack/rules/part3-12-livelihood.yml"
        try DataRepository.write(try DataRepository.read(rulesFile) + (try Self.block(startingWith: "  - id: SY25-T44-01-Q")),
                                 to: rulesFile)
        let result = try Run.plancheck([
            "check", "--no-config", "--rules", "pack", "--quotas", "quotas.yml", "--lang", "en", "--show-passes",
            "--format", "json", CLITests.root + "/Examples/shenyang-2025"], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "the table and the rule load without a problem: \(result.stderr)")
        // Heping plans 1.6万 against a quota of 1.6万, Shenhe 1.5万 against 1.5万, Dadong 1.2万 against 1.2万;
        // the others have no quota and are not evaluated.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]]).filter { $0["code"] as? String == "SY25-T44-01-Q" }
        var outcomes: [String: String] = [:]
        for finding in findings {
            if let district = (finding["district"] as? [String: Any])?["code"] as? String {
                outcomes[district] = finding["outcome"] as? String
            }
        }
        #expect(outcomes.count == 13)
        #expect(outcomes["210102"] == "passed" && outcomes["210103"] == "passed" && outcomes["210104"] == "passed")
        #expect(outcomes.values.filter { $0 == "not_evaluated" }.count == 10, "\(outcomes)")
    }
}
