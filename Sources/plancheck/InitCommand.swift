import ArgumentParser
import PlancheckCore
import PlancheckRules
import PlancheckSystem

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

        With --year: adds a plan year to the data repository in --directory: writes the year's folder (a template per \
        reporting unit and the schema, from the year's pack named by --rules) and adds an entry for the year to the \
        `packs:` of its .plancheck.yml (a configuration with top-level `rules`/`submissions` is turned into `packs:` \
        with today's files as the first entry), keeping its comments. A unit's previous-year figures then come from \
        its file of the year before whenever its new file has no previous: section.

        With --district: the template lists every indicator the pack expects from the unit: required ones to fill in, \
        optional ones commented out, each with its unit, names and the targets it feeds. Without --output it \
        is printed; an existing file is never replaced without --force. The first line points \
        yaml-language-server at the submission schema (write it with `plancheck schema --output …`).
        例：plancheck init --directory plans
        例：plancheck init --host https://git.example.gov.cn/tools/plancheck --revision v0.1.0
        例：plancheck init --year 2026 --rules rules/plan-2026
        例：plancheck init --district 210102 --output 2025/210102.yml
        """
    )

    @Option(name: .long, help: "The reporting unit's code (or exact name), e.g. 210102. 报送单位代码。")
    var district: String?

    @Option(name: .long, help: ArgumentHelp(
        "Add this plan year to the data repository: its folder of templates and a packs: entry with the pack --rules names. 加入新的规划年度。",
        valueName: "year"))
    var year: Int?

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
        if let year, district == nil {
            try addYear(year)
            return
        }
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

    /// Adds a plan year to an existing data repository: the year's folder, written as the scaffold writes it, then
    /// its `packs:` entry. Everything is checked before anything is written.
    private func addYear(_ year: Int) throws {
        let language = common.lang ?? Environment.defaultLanguage
        func stop(_ message: Message) throws -> Never {
            Output.error("plancheck: " + message.rendered(in: language, vocabulary: .neutral) + "\n")
            throw ExitCode(2)
        }
        if output != nil { try stop(Message(.cliOutputNeedsDistrict)) }
        let root = directory ?? "."
        let configurationPath = (root == "." ? "" : root + "/") + Configuration.fileName
        guard FileSystem.exists(configurationPath) else { try stop(Message(.initNoConfiguration, ["folder": .text(root)])) }
        // The year's pack is the one --rules names, not the configuration's (which is another year's).
        var options = common
        options.noConfig = true
        let pack = try options.setting().pack
        if pack.plan.year != year {
            try stop(Message(.initYearPackMismatch, ["pack": .text(pack.id), "packYear": .number(pack.plan.year),
                                                     "year": .number(year)]))
        }
        let loaded = ConfigurationLoader.load(path: configurationPath)
        common.printDiagnostics(loaded.diagnostics, language: language)
        guard let configuration = loaded.configuration,
              !loaded.diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode(2) }
        let file = SourceFile(path: configurationPath, bytes: (try? InputFiles.read(configurationPath)) ?? [])
        let result = YearAddition.add(pack: pack, rules: configurationName(ofPack: common.rules, folder: root) ?? pack.id,
                                      to: file, currentRules: configuration.rules ?? DefaultPack.id)
        if case .alreadySelected(let entry, let globs) = result {
            let entryName = entry == 0 ? "submissions" : "packs[\(entry)]"
            try stop(Message(.initYearAlreadySelected, [
                "config": .text(configurationPath), "entry": .text(entryName), "globs": .text(globs.joined(separator: ", ")),
                "year": .number(year)]))
        }
        let files = DataRepositoryScaffold.yearFiles(pack: pack)
        let paths = files.map { root == "." ? $0.path : root + "/" + $0.path }
        let existing = paths.filter(FileSystem.exists)
        if !existing.isEmpty && !force {
            try stop(Message(.initFilesExist, ["count": .number(existing.count), "files": .text(existing.joined(separator: ", "))]))
        }
        let folder = root == "." ? String(year) : root + "/" + String(year)
        if let code = FileSystem.makeFolders(folder) {
            try stop(Message(.outputUnwritable, ["path": .text(folder), "code": .number(Int(code))]))
        }
        for (file, path) in zip(files, paths) {
            try GeneratedOutput.write(file.text, to: path, overwrite: force, language: language)
        }
        switch result {
        case .edited(let text):
            try GeneratedOutput.write(text, to: configurationPath, overwrite: true, language: language)
            Output.error(Message(.initYearAdded, [
                "year": .number(year), "count": .number(files.count), "config": .text(configurationPath),
                "rules": .text(configurationName(ofPack: common.rules, folder: root) ?? pack.id)])
                .rendered(in: language, vocabulary: pack.vocabulary) + "\n")
        case .notEditable(let lines):
            Output.error(Message(.initYearAddByHand, [
                "year": .number(year), "count": .number(files.count), "config": .text(configurationPath)])
                .rendered(in: language, vocabulary: pack.vocabulary) + "\n")
            Output.print(lines.joined(separator: "\n") + "\n")
        case .alreadySelected:
            break
        }
    }

    /// How a configuration in `folder` names the pack `rules` (as given on the command line): a built-in id as it
    /// is, a folder relative to the configuration's folder when it lies below it, else its full path.
    private func configurationName(ofPack rules: String?, folder: String) -> String? {
        guard let rules else { return nil }
        if rules == DefaultPack.id, !FileSystem.exists(rules) { return rules }
        guard let real = FilePaths.realPath(rules) else { return rules }
        guard let base = FilePaths.realPath(folder) else { return real }
        return real.hasPrefix(base + "/") ? String(real.dropFirst(base.count + 1)) : real
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
