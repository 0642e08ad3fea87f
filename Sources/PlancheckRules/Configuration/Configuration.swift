import PlancheckYAML

/// One pack and the submissions it checks. A repository that keeps several plan years (`2025/`, `2026/`) lists one
/// per year under `packs:`; otherwise the top-level `rules`, `submissions` and `quotas` make the only one.
public struct PackGroup: Sendable {
    /// A pack folder (relative to the configuration's folder) or a built-in pack's id; nil for the built-in pack.
    public var rules: String?
    /// Globs of submission files, relative to the configuration's folder.
    public var submissions: [String]
    /// Quota tables (relative to the configuration's folder) for this pack's `quota.` figures.
    public var quotas: [String]
    /// Where the entry is written (`packs:` item), for messages; nil for the top-level group.
    public var location: SourceLocation?

    public init(rules: String?, submissions: [String], quotas: [String] = [], location: SourceLocation? = nil) {
        self.rules = rules
        self.submissions = submissions
        self.quotas = quotas
        self.location = location
    }
}

/// A data repository's `.plancheck.yml`: which pack, which files are submissions, severity overrides and
/// output defaults. Command-line options win over it.
public struct Configuration: Sendable {
    /// The file it was read from; relative paths in it are relative to its folder.
    public var file: String
    public var folder: String
    /// A pack folder (relative to `folder`), or nil for the built-in pack.
    public var rules: String?
    public var quotas: [String] = []
    /// Globs of submission files, relative to `folder` (`2025/*.yml`, `**/*.yaml`).
    public var submissions: [String] = ["**/*.yml", "**/*.yaml"]
    public var exclude: [String] = []
    /// `packs:`, one entry per pack (a plan year each); empty when the top-level `rules`/`submissions` are used.
    public var packs: [PackGroup] = []
    public var severityOverrides: [String: Severity] = [:]
    public var requireAllDistricts: Bool?
    /// Whether failed rules about the whole (city totals) block a commit in the pre-commit hook (`check --hook`);
    /// by default they are shown there and gate only in CI.
    public var hookGatesTotals = false
    public var failOn: Severity?
    public var language: Language?
    /// Reports to write on every check: format name → file (relative to `folder`).
    public var reports: [(format: String, output: String)] = []
    /// Where the repository's documentation is published (`documentation_url`, an absolute URL): relative
    /// documentation links (the pack's reference, `docs/diagnostic-codes.md`) are made absolute against it where a
    /// link must be absolute (SARIF's `helpUri`).
    public var documentationURL: String?

    public static let fileName = ".plancheck.yml"

    public init(file: String, folder: String) {
        self.file = file
        self.folder = folder
    }

    /// Every pack and its submissions: the `packs:` entries, or the one group the top-level keys make.
    public var groups: [PackGroup] {
        packs.isEmpty ? [PackGroup(rules: rules, submissions: submissions, quotas: quotas)] : packs
    }

    /// `path` made relative to the configuration's folder resolved for the file system.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (folder == "." ? path : folder + "/" + path)
    }
}

public enum ConfigurationLoader {
    public struct Result: Sendable {
        public var configuration: Configuration?
        public var diagnostics: [Diagnostic]
    }

    /// The nearest `.plancheck.yml` in `directory` or a parent folder.
    public static func find(from directory: String) -> String? {
        var folder = directory
        for _ in 0..<64 {
            let candidate = (folder == "/" ? "" : folder) + "/" + Configuration.fileName
            if InputFiles.exists(candidate) { return candidate }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
        return nil
    }

    public static func load(path: String, knownRules: Set<String> = []) -> Result {
        let sink = DiagnosticSink()
        do {
            let file = SourceFile(path: path, bytes: try InputFiles.read(path))
            return Result(configuration: read(file, sink: sink, knownRules: knownRules), diagnostics: sink.diagnostics)
        } catch {
            sink.report(readError: error)
            return Result(configuration: nil, diagnostics: sink.diagnostics)
        }
    }

    public static func load(_ file: SourceFile, knownRules: Set<String> = []) -> Result {
        let sink = DiagnosticSink()
        return Result(configuration: read(file, sink: sink, knownRules: knownRules), diagnostics: sink.diagnostics)
    }

    private static func read(_ file: SourceFile, sink: DiagnosticSink, knownRules: Set<String>) -> Configuration? {
        let slash = file.path.lastIndex(of: "/")
        let folder = slash.map { $0 == file.path.startIndex ? "/" : String(file.path[..<$0]) } ?? "."
        var configuration = Configuration(file: file.path, folder: folder)
        guard let root = sink.readYAML(file) else { return nil }
        if root.scalar?.kind == .null { return configuration }
        guard var reader = MappingReader(root, file: file, sink: sink, what: Configuration.fileName) else { return nil }
        configuration.rules = reader.string("rules")
        configuration.documentationURL = reader.string("documentation_url")
        configuration.quotas = reader.strings("quotas") ?? []
        if let submissions = reader.strings("submissions") { configuration.submissions = submissions }
        if let packs = reader.value("packs") {
            configuration.packs = readPacks(packs, file: file, sink: sink)
            // Each pack's files and tables belong to its entry: a top-level one beside them would be ambiguous.
            for key in ["rules", "submissions", "quotas"] {
                guard let pair = root.mapping?.first(where: { $0.key.scalar?.text == key }) else { continue }
                sink.report(.invalidValue, .error, Message(.packsAndTopLevel, ["key": .text(key)]),
                            at: SourceLocation(file: file, span: pair.key.span))
            }
        }
        configuration.exclude = reader.strings("exclude") ?? []
        if let severities = reader.value("severity") {
            configuration.severityOverrides = readSeverities(severities, file: file, sink: sink, knownRules: knownRules)
        }
        configuration.requireAllDistricts = reader.bool("require_all_districts")
        configuration.hookGatesTotals = reader.bool("hook_gates_totals") ?? false
        if let node = reader.value("fail_on") {
            configuration.failOn = node.scalar.flatMap { Severity(rawValue: $0.text) }
            if configuration.failOn == nil { reportValue(node, key: "fail_on", allowed: Severity.allCases.map(\.rawValue), file: file, sink: sink) }
        }
        if let node = reader.value("lang") {
            configuration.language = node.scalar.flatMap { Language(rawValue: $0.text) }
            if configuration.language == nil { reportValue(node, key: "lang", allowed: ["zh", "en"], file: file, sink: sink) }
        }
        if let reports = reader.value("reports") {
            if reports.mapping == nil {
                sink.report(.wrongShape, .error, Message(.expectedMapping, [
                    "what": .text("reports"), "found": .text(reports.shapeDescription)]),
                            at: SourceLocation(file: file, span: reports.span))
            }
            for pair in reports.mapping ?? [] {
                guard let format = pair.key.scalar?.text else { continue }
                // Checked here rather than when the report is written, so that a typo is located in the file.
                guard ReportFormat(rawValue: format.lowercased()) != nil else {
                    reportValue(pair.key, key: "reports", allowed: ReportFormat.allCases.map(\.rawValue), file: file, sink: sink)
                    continue
                }
                guard let output = pair.value.scalar?.text, !output.isEmpty else {
                    sink.report(.wrongShape, .error, Message(.expectedScalar, ["key": .text(format), "found": .text(pair.value.shapeDescription)]),
                                at: SourceLocation(file: file, span: pair.value.span))
                    continue
                }
                configuration.reports.append((format.lowercased(), output))
            }
        }
        reader.finish()
        return configuration
    }

    /// `packs:`: a list of `{rules, submissions, quotas}`, one per pack.
    private static func readPacks(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink) -> [PackGroup] {
        guard let items = node.sequence, !items.isEmpty else {
            sink.report(.wrongShape, .error, Message(.expectedSequence, [
                "key": .text("packs"), "found": .text(node.shapeDescription)]), at: SourceLocation(file: file, span: node.span))
            return []
        }
        var groups: [PackGroup] = []
        for item in items {
            guard var reader = MappingReader(item, file: file, sink: sink, what: "packs") else { continue }
            let rules = reader.string("rules")
            let submissionsNode = reader.value("submissions", required: true)
            let submissions = submissionsNode == nil ? nil : reader.strings("submissions")
            let quotas = reader.strings("quotas") ?? []
            reader.finish()
            guard let submissions, !submissions.isEmpty else { continue }
            groups.append(PackGroup(rules: rules, submissions: submissions, quotas: quotas,
                                    location: SourceLocation(file: file, span: item.span)))
        }
        return groups
    }

    private static func readSeverities(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink,
                                       knownRules: Set<String>) -> [String: Severity] {
        guard node.mapping != nil else {
            sink.report(.wrongShape, .error, Message(.expectedMapping, [
                "what": .text("severity"), "found": .text(node.shapeDescription)]), at: SourceLocation(file: file, span: node.span))
            return [:]
        }
        var result: [String: Severity] = [:]
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        for pair in node.mapping ?? [] {
            guard let id = pair.key.scalar?.text else { continue }
            if !knownRules.isEmpty, !knownRules.contains(id), !codes.contains(id) {
                let help = Suggestions.closest(to: id, in: knownRules.union(codes).sorted()).map {
                    Message(.helpDidYouMean, ["suggestion": .text($0)])
                }
                sink.report(.invalidValue, .error, Message(.unknownRuleInConfig, ["id": .text(id)]),
                            at: SourceLocation(file: file, span: pair.key.span), help: help)
                continue
            }
            guard let severity = pair.value.scalar.flatMap({ Severity(rawValue: $0.text) }) else {
                reportValue(pair.value, key: id, allowed: Severity.allCases.map(\.rawValue), file: file, sink: sink)
                continue
            }
            result[id] = severity
        }
        return result
    }

    private static func reportValue(_ node: YAMLNode, key: String, allowed: [String], file: SourceFile, sink: DiagnosticSink) {
        let found = node.scalar?.text ?? node.shapeDescription
        sink.report(.invalidValue, .error, Message(.unknownValue, [
            "key": .text(key), "found": .text(found), "allowed": .text(allowed.joined(separator: ", "))]),
                    at: SourceLocation(file: file, span: node.span),
                    help: Suggestions.closest(to: found, in: allowed).map { Message(.helpDidYouMean, ["suggestion": .text($0)]) })
    }
}
