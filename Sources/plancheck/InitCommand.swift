import ArgumentParser
import PlancheckCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set up a data repository, or write one reporting unit's submission template. 建立数据仓库或生成报送单位的报送模板。",
        discussion: """
        Without --district: sets up a data repository in --directory (default: the working directory): \
        .plancheck.yml (commented, Chinese and English), a folder for the plan year with one template per reporting unit \
        and the submission schema beside them, .pre-commit-config.yaml and .github/workflows/plancheck.yml. \
        Nothing is written when any of these files exists, unless --force. The hook and the workflow take plancheck \
        from --host at --revision (default: \(PlancheckHost.defaultRepositoryURL) at \(PlancheckHost.defaultRevision)); \
        a mirror or a fork names itself there (docs/install.md). The templates are "not started yet" (PC035, a note) \
        until their first figure is written, so a new repository passes its own hook and CI gate.

        With --district: the template lists every indicator the pack expects from the unit: required ones to fill in, \
        optional ones commented out, each with its unit, names and the targets it feeds. Without --output it \
        is printed; an existing file is never replaced without --force. The first line points \
        yaml-language-server at the submission schema (write it with `plancheck schema --output …`).
        例：plancheck init --directory plans
        例：plancheck init --host https://git.example.gov.cn/tools/plancheck --revision v0.1.0
        例：plancheck init --district 210102 --output 2025/210102.yml
        """
    )

    @Option(name: .long, help: "The reporting unit's code (or exact name), e.g. 210102. 报送单位代码。")
    var district: String?

    @Option(name: .long, help: "Write the template to this file (atomically) instead of standard output. 输出文件。")
    var output: String?

    @Option(name: .long, help: "Where to set up the data repository (without --district; default: the working directory). 数据仓库目录。")
    var directory: String?

    @Option(name: .long, help: ArgumentHelp(
        "The git repository the generated hook and workflow take plancheck from (without --district). plancheck 所在仓库。",
        valueName: "url"))
    var host: String = PlancheckHost.defaultRepositoryURL

    @Option(name: .long, help: ArgumentHelp(
        "The revision (release tag) of --host that the hook and the workflow pin (without --district). 版本。",
        valueName: "tag"))
    var revision: String = PlancheckHost.defaultRevision

    @Flag(name: .long, help: "Overwrite existing files. 覆盖已有文件。")
    var force = false

    @Option(name: .long, help: "Path or URL of the submission schema for the yaml-language-server line (default: <pack>-submission.schema.json next to the file; `none` leaves the line out).")
    var schema: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard let district else {
            try scaffold()
            return
        }
        let setting = try common.setting()
        let pack = setting.pack, language = setting.language
        let found: District
        switch PackLookup.district(district, in: pack) {
        case .found(let match):
            found = match
        case .retired(let retired, let replacement):
            var text = "plancheck: " + Message(.retiredDistrictCode, ["code": .text(retired.code), "name": .text(retired.name)])
                .rendered(in: language, vocabulary: pack.vocabulary)
            if let replacement {
                text += "\n  " + Message(.helpUseCurrentCode, ["code": .text(replacement.code), "name": .localized(replacement.name)])
                    .rendered(in: language, vocabulary: pack.vocabulary)
            }
            Output.error(text + "\n")
            throw ExitCode(2)
        case .unknown(let suggestion):
            var text = "plancheck: " + Message(.unknownDistrict, ["code": .text(district)]).rendered(in: language, vocabulary: pack.vocabulary) + "\n  "
            if let suggestion {
                text += Message(.helpDidYouMeanDistrict, ["code": .text(suggestion.code), "name": .localized(suggestion.name)])
                    .rendered(in: language, vocabulary: pack.vocabulary)
            } else {
                text += Message(.helpKnownDistricts, ["codes": .text(PackLookup.districtList(pack, language: language))])
                    .rendered(in: language, vocabulary: pack.vocabulary)
            }
            Output.error(text + "\n")
            throw ExitCode(2)
        }
        let schemaReference = schema == "none" ? nil : (schema ?? "\(pack.id)-submission.schema.json")
        let text = SubmissionTemplate.text(for: found, pack: pack, schema: schemaReference)
        try GeneratedOutput.emit(text, to: output, overwrite: force, language: language)
    }

    /// Writes the data-repository scaffold. Every file is checked first, so that a refusal leaves nothing half
    /// written; each file is then written atomically.
    private func scaffold() throws {
        let language = common.lang ?? Environment.defaultLanguage
        if output != nil {
            Output.error("plancheck: " + Message(.cliOutputNeedsDistrict).rendered(in: language, vocabulary: .neutral) + "\n")
            throw ExitCode(2)
        }
        // The scaffold makes a configuration: one found in a parent folder must not decide what it contains.
        var options = common
        options.noConfig = true
        let pack = try options.setting().pack
        guard let plancheckHost = PlancheckHost(repositoryURL: host, revision: revision) else {
            Output.error("plancheck: " + Message(.cliBadHost, ["host": .text(host + " @ " + revision)]).rendered(in: language, vocabulary: .neutral) + "\n")
            throw ExitCode(2)
        }
        let root = directory ?? "."
        let files = DataRepositoryScaffold.files(pack: pack, rules: common.rules, host: plancheckHost)
        let paths = files.map { root == "." ? $0.path : root + "/" + $0.path }
        let existing = paths.filter(FileSystem.exists)
        if !existing.isEmpty && !force {
            Output.error("plancheck: " + Message(.initFilesExist, [
                "count": .number(existing.count), "files": .text(existing.joined(separator: ", "))]).rendered(in: language, vocabulary: pack.vocabulary) + "\n")
            throw ExitCode(2)
        }
        for (file, path) in zip(files, paths) {
            if let slash = path.lastIndex(of: "/") {
                let folder = String(path[..<slash])
                if !folder.isEmpty, let code = FileSystem.makeFolders(folder) {
                    Output.error("plancheck: " + Message(.outputUnwritable, [
                        "path": .text(folder), "code": .number(Int(code))]).rendered(in: language, vocabulary: pack.vocabulary) + "\n")
                    throw ExitCode(2)
                }
            }
            try GeneratedOutput.write(file.text, to: path, overwrite: force, language: language)
        }
        Output.error(Message(.initScaffolded, [
            "folder": .text(root), "count": .number(files.count), "year": .text(String(pack.plan.year))])
            .rendered(in: language, vocabulary: pack.vocabulary) + "\n")
    }
}
