import PlancheckYAML

/// Everything a renderer needs for one run, built once: each kept result as a `ReportEntry` (its title, message,
/// place, figures, arithmetic, citation, notes, help and link in the report's language), the tally, the files and
/// display paths. Renderers lay these out; they compute nothing the engine or this model already knows.
public struct Report: Sendable {
    public let run: RunResult
    public let language: Language
    /// Whether passing and not-evaluated results are listed too (they are always counted).
    public let showPasses: Bool
    /// Paths below this folder are shown relative to it (the CLI passes the working directory), so that reports
    /// name files the way a repository does and SARIF can use relative URIs.
    public let baseDirectory: String?
    /// One entry per kept result, in report order.
    public let entries: [ReportEntry]

    public var pack: Pack { run.pack }
    public var files: [String] { run.files }
    public var tally: Tally { run.tally }

    public init(run: RunResult, language: Language, showPasses: Bool = false, baseDirectory: String? = nil) {
        self.run = run
        self.language = language
        self.showPasses = showPasses
        self.baseDirectory = baseDirectory
        let builder = ReportEntry.Builder(pack: run.pack, language: language, baseDirectory: baseDirectory)
        entries = run.results.map(builder.entry)
    }

    /// The entries every format lists one by one: problems with inputs, failures, acknowledged failures (and every
    /// rule result when passes are shown).
    public var listed: [ReportEntry] {
        entries.filter { $0.result.isReportable || (showPasses && $0.result.ruleResult != nil) }
    }

    /// `path` relative to `baseDirectory` when it lies below it; otherwise as given.
    public func displayPath(_ path: String) -> String { DisplayPath.relative(path, to: baseDirectory) }

    /// `path:line:column` with the display path, the column in characters.
    public func displayLocation(_ location: SourceLocation) -> String {
        DisplayPath.location(location, baseDirectory: baseDirectory)
    }

    /// A unit's name in the report's language, or its code when the pack does not know it.
    public func unitName(_ code: String) -> String {
        pack.district(code).map { $0.name[language] } ?? code
    }

    /// One row per unit in the pack's order (units with no result left out), then one for the whole (unit nil).
    public var tallyByUnit: [(unit: String?, counts: OutcomeCounts)] {
        var rows: [(unit: String?, counts: OutcomeCounts)] = []
        var seen: Set<String> = []
        for unit in pack.districts.map(\.code) + tally.byUnit.keys.sorted() where !seen.contains(unit) {
            seen.insert(unit)
            if let counts = tally.byUnit[unit] { rows.append((unit, counts)) }
        }
        if !tally.whole.isEmpty { rows.append((nil, tally.whole)) }
        return rows
    }

    /// One row per rule that failed (or was acknowledged) for some unit or for the whole, in pack order.
    public var tallyOfFailingRules: [(rule: Rule, counts: OutcomeCounts)] {
        pack.rules.compactMap { rule in
            guard let counts = tally.byRule[rule.id], counts.failed + counts.acknowledged > 0 else { return nil }
            return (rule, counts)
        }
    }
}

/// One output format. Each format is one type behind this protocol.
public protocol Reporter {
    func render(_ report: Report) -> String
}

/// Paths and locations as every report shows them.
enum DisplayPath {
    static func relative(_ path: String, to base: String?) -> String {
        guard var base, !base.isEmpty else { return path }
        if !base.hasSuffix("/") { base += "/" }
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }

    static func location(_ location: SourceLocation, baseDirectory: String?) -> String {
        "\(relative(location.file.path, to: baseDirectory)):\(location.span.start.line):\(location.span.start.column)"
    }
}
