import PlancheckRules

/// `plancheck init` without a district: the files of a new data repository — the configuration, a folder for
/// the plan year with one template per district and the submission schema beside them (so that each template's
/// `yaml-language-server` line resolves), a pre-commit configuration and a CI workflow.
public enum DataRepositoryScaffold {
    public struct File: Sendable, Equatable {
        /// Relative to the data repository's root.
        public var path: String
        public var text: String
    }

    /// - Parameter rules: the pack folder as the configuration should name it, or nil for the built-in pack.
    /// - Parameter host: where the pre-commit configuration and the workflow take plancheck from.
    public static func files(pack: Pack, rules: String?, host: PlancheckHost = .default) -> [File] {
        [File(path: Configuration.fileName, text: configuration(pack: pack, rules: rules))]
            + yearFiles(pack: pack)
            + [File(path: ".pre-commit-config.yaml", text: preCommitConfiguration(host: host, words: pack.vocabulary)),
               File(path: ".github/workflows/plancheck.yml", text: workflow(host: host))]
    }

    /// A plan year's folder: one template per reporting unit and the submission schema beside them (so that each
    /// template's `yaml-language-server` line resolves). `plancheck init --year` writes these alone.
    public static func yearFiles(pack: Pack) -> [File] {
        let year = String(pack.plan.year)
        let schemaName = "\(pack.id)-submission.schema.json"
        var files: [File] = []
        for district in pack.districts {
            files.append(File(path: "\(year)/\(fileName(district))",
                              text: SubmissionTemplate.text(for: district, pack: pack, schema: schemaName)))
        }
        files.append(File(path: "\(year)/\(schemaName)", text: SubmissionSchema.text(pack)))
        return files
    }

    /// The globs of a plan year's submissions, as the scaffold writes them.
    public static func submissionGlobs(year: Int) -> [String] { ["\(year)/*.yml", "\(year)/*.yaml"] }

    /// A `packs:` entry for a plan year: its pack and its submissions, each line indented by `indent` spaces.
    public static func packsEntry(pack: Pack, rules: String?, indent: Int = 2) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return ["\(pad)- rules: \(YAMLSnippet.scalar(rules ?? pack.id))",
                "\(pad)  submissions:"] + submissionGlobs(year: pack.plan.year).map { "\(pad)    - \"\($0)\"" }
    }

    /// `210102-heping.yml`: the code sorts the folder, the romanised name lets people find their file.
    public static func fileName(_ district: District) -> String {
        let romanised = district.name.en.lowercased().unicodeScalars
            .filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        let slug = String(String.UnicodeScalarView(romanised))
        return slug.isEmpty ? "\(district.code).yml" : "\(district.code)-\(slug).yml"
    }

    static func configuration(pack: Pack, rules: String?) -> String {
        let year = pack.plan.year
        let example = pack.rules.first { $0.scope == .city }?.id ?? pack.rules.first?.id ?? "RULE-ID"
        let words = pack.vocabulary
        return ([
            "# plancheck 配置文件 · plancheck configuration",
            "# 在本仓库任意目录运行 `plancheck check` 即检查下面选定的报送文件；命令行选项优先于本文件。",
            "# `plancheck check` anywhere in this repository checks the submissions selected below; command-line",
            "# options win over this file. 说明 Guide: docs/guides/data-repo-maintainer.md (plancheck).",
            "",
            "# 每个规划年度一项：规则包（内置规则包编号，或规则包目录，相对本文件）和它检查的报送文件（glob，相对本文件；",
            "# ** 跨目录）。某单位没写 previous: 时，上年数字取自它上一年度的报送文件。新的一年：",
            "# One entry per plan year: its pack (a built-in pack's id, or a pack folder relative to this file) and the",
            "# submissions it checks (globs relative to this file; ** spans folders). A unit's previous-year figures",
            "# come from its file of the year before when it writes no previous: section. A new year:",
            "#   plancheck init --year \(year + 1) --rules rules/<pack>",
            "packs:",
        ] + packsEntry(pack: pack, rules: rules) + [
            words.fill("    # 配额表（{whole}分解到各{unit}的指标，规则中写作 quota.KEY）", in: .zh) + "· Quota tables (rules use quota.KEY).",
            "    # quotas:",
            "    #   - quotas/\(year)-jobs.yml",
            "",
            "# 排除的路径（所有年度）· Paths left out (of every year).",
            "exclude:",
            "  - \"*/drafts/**\"",
            "",
            "# 按规则编号或诊断代码调整级别（error、warning、note）· Severity per rule id or diagnostic code.",
            words.fill("# 例如收集阶段把{whole}合计降为警告 · ", in: .zh)
                + words.fill("e.g. make a {whole} total a warning while submissions come in:", in: .en),
            "# severity:",
            "#   \(example): warning",
            "",
            words.fill("# {whole}合计缺少{unit}时报错（而非“未评估”）· ", in: .zh)
                + words.fill("A {whole} total missing {units} is an error, not \"not evaluated\".", in: .en),
            "require_all_districts: false",
            "",
            words.fill("# 提交钩子中{whole}合计未通过也阻止提交（默认只提示，由 CI 把关）。", in: .zh),
            words.fill("# {Whole} totals that fail block a commit in the pre-commit hook too (by default the hook shows them; CI gates).", in: .en),
            "hook_gates_totals: false",
            "",
            "# 达到此级别即检查失败（退出码 1）· The lowest severity that fails the check (exit status 1).",
            "fail_on: error",
            "",
            "# 输出语言 zh 或 en；省略则按 LANG · Language of messages; leave out to follow LANG.",
            "# lang: zh",
            "",
            "# 每次检查都写出的报告（格式: 文件）· Reports written on every check (format: file).",
            "# reports:",
            "#   sarif: plancheck.sarif",
            "#   markdown: plancheck-summary.md",
        ] as [String]).joined(separator: "\n") + "\n"
    }

    static func preCommitConfiguration(host: PlancheckHost, words: Vocabulary) -> String {
        """
        # pre-commit (https://pre-commit.com)：提交前检查改动的报送文件；不需要 Swift，钩子用 pip 安装 plancheck。
        # \(words.whole.zh)合计按全部报送文件计算并显示，但只在 CI 中把关（.plancheck.yml 的 hook_gates_totals）。
        # Checks the changed submissions before each commit, without Swift (the hook pip-installs plancheck).
        # \(words.fill("{Whole}", in: .en)) totals cover every submission and are shown; they gate in CI (hook_gates_totals).
        # 安装 Install: pip install pre-commit && pre-commit install    说明 Guide: docs/install.md (plancheck)
        repos:
          - repo: \(host.repositoryURL)
            rev: \(host.revision)
            hooks:
              - id: plancheck

        """
    }

    static func workflow(host: PlancheckHost) -> String {
        """
        # 拉取请求检查：注释问题所在行，上传 SARIF，写出 Markdown 摘要。
        # Pull-request gate: annotates the lines at fault, uploads SARIF and writes a Markdown summary.
        name: plancheck
        on:
          pull_request:
          push:
            branches: [main]
        permissions:
          contents: read
          security-events: write
        jobs:
          plancheck:
            runs-on: ubuntu-latest
            timeout-minutes: 15
            steps:
              - uses: actions/checkout@v4
              # Downloads the release binary of this version (checksum verified, cached): no Swift needed.
              - uses: \(host.actionReference)
                with:
                  lang: zh

        """
    }
}
