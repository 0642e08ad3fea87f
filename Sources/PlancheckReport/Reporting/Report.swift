import PlancheckEngine
import PlancheckRules
import PlancheckYAML

/// What every output knows before the first result: the pack, the language, how paths are shown, what is listed,
/// the files. Built once per run; entries are built against it.
public struct ReportContext: Sendable {
    public let pack: Pack
    public let language: Language
    /// Whether passing and not-evaluated results are listed too (they are always counted).
    public let showPasses: Bool
    /// Paths below this folder are shown relative to it (the CLI passes the working directory), so that reports
    /// name files the way a repository does and SARIF can use relative URIs.
    public let baseDirectory: String?
    /// The submission files reported on, in report order, as given (`displayPath` shows them).
    public var files: [String] = []
    /// Where the documentation is published (an absolute URL ending in `/`, or without it): relative documentation
    /// links become absolute against it where a format needs absolute ones (SARIF's `helpUri`).
    public var documentationBase: String?
    /// The help each code's documentation gives (what `plancheck explain` prints), from the documentation layer;
    /// nil where no such help is wanted.
    public var codeHelp: (@Sendable (CheckResult, Language) -> CodeHelp?)?
    /// The globs that chose this run's files when one report holds several runs, each checking its own group of
    /// files against its own pack (`2025/*.yml`, `2026/*.yml`); empty for an ordinary run.
    public var selection: [String] = []
    let builder: ReportEntry.Builder

    public init(pack: Pack, language: Language, showPasses: Bool = false, baseDirectory: String? = nil) {
        self.pack = pack
        self.language = language
        self.showPasses = showPasses
        self.baseDirectory = baseDirectory
        builder = ReportEntry.Builder(pack: pack, language: language, baseDirectory: baseDirectory)
    }

    /// The entry for `result`, built once and read by every output.
    public func entry(_ result: CheckResult) -> ReportEntry { builder.entry(result) }

    /// Whether formats that list results one by one list this one: problems with inputs, failures, acknowledged
    /// failures, and every rule result when passes are shown.
    public func lists(_ entry: ReportEntry) -> Bool {
        entry.result.isReportable || (showPasses && entry.result.ruleResult != nil)
    }

    /// `path` relative to `baseDirectory` when it lies below it; otherwise as given.
    public func displayPath(_ path: String) -> String { DisplayPath.relative(path, to: baseDirectory) }

    /// `path:line:column` with the display path, the column in characters.
    public func displayLocation(_ location: SourceLocation) -> String {
        DisplayPath.location(location, baseDirectory: baseDirectory)
    }

    /// `link` as an absolute URL: as it is when it is one, else against `documentationBase`; nil when neither.
    public func absoluteLink(_ link: String?) -> String? {
        guard let link else { return nil }
        if link.contains("://") { return link }
        guard var base = documentationBase, base.contains("://") else { return nil }
        if !base.hasSuffix("/") { base += "/" }
        return base + (link.hasPrefix("./") ? String(link.dropFirst(2)) : link)
    }

    /// A unit's name in the report's language, or its code when the pack does not know it.
    public func unitName(_ code: String) -> String { builder.names.text(code, language) }

    /// The pack's words for its units and its whole.
    public var vocabulary: Vocabulary { pack.vocabulary }
}

/// A code's help as its documentation gives it: the explanation as plain text and as Markdown.
public struct CodeHelp: Sendable {
    public var text: String
    public var markdown: String

    public init(text: String, markdown: String) {
        self.text = text
        self.markdown = markdown
    }
}

/// A whole run as one report, for outputs that need every result at once (HTML, JUnit, Markdown) and for tests.
@dynamicMemberLookup
public struct Report: Sendable {
    public let context: ReportContext
    public let summary: RunSummary
    /// One entry per result the run kept, in report order.
    public let entries: [ReportEntry]

    public init(context: ReportContext, summary: RunSummary, entries: [ReportEntry]) {
        var context = context
        context.files = summary.files
        self.context = context
        self.summary = summary
        self.entries = entries
    }

    public init(run: RunResult, language: Language, showPasses: Bool = false, baseDirectory: String? = nil) {
        let context = ReportContext(pack: run.pack, language: language, showPasses: showPasses,
                                    baseDirectory: baseDirectory)
        self.init(context: context, summary: run.summary, entries: run.results.map(context.entry))
    }

    public subscript<Value>(dynamicMember path: KeyPath<ReportContext, Value>) -> Value { context[keyPath: path] }

    public var tally: Tally { summary.tally }

    /// The entries formats list one by one (see `ReportContext.lists`).
    public var listed: [ReportEntry] { entries.filter(context.lists) }

    public func displayPath(_ path: String) -> String { context.displayPath(path) }
    public func displayLocation(_ location: SourceLocation) -> String { context.displayLocation(location) }
    public func unitName(_ code: String) -> String { context.unitName(code) }
}

extension RunSummary {
    /// "checked N files against pack version (R rules)", as every summary heads it.
    public var filesMessage: Message {
        Message(.summaryFiles, ["files": .number(files.count), "pack": .text(pack.id), "version": .text(pack.version),
                                "rules": .number(pack.rules.count)])
    }

    /// The rule outcomes in one sentence; passes within tolerance are named only when there are some.
    public var outcomesMessage: Message {
        let counts = tally.outcomes
        return Message(counts.withinTolerance > 0 ? .summaryOutcomes : .summaryOutcomesNoneWithin, [
            "evaluated": .number(counts.evaluated), "passed": .number(counts.passedInAll),
            "within": .number(counts.withinTolerance), "failed": .number(counts.failed),
            "acknowledged": .number(counts.acknowledged), "notEvaluated": .number(counts.notEvaluated),
            "notCheckable": .number(counts.notCheckable)])
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
    /// Several runs as one document (a repository checked against a pack per group of files), in order; one run
    /// is `render(_:)` of it, byte for byte.
    func render(_ reports: [Report]) -> String
}

extension Reporter {
    /// The runs' documents one after another: only right for a format whose documents can follow each other.
    public func render(_ reports: [Report]) -> String {
        reports.map { render($0) }.joined()
    }
}

/// A format that can be written as the run goes: a beginning, each entry, an end once the counts are known. Its
/// `render` of a whole report is the same text.
///
/// An entry is written in two steps: `text(for:)`, which depends on the entry alone and may run on any thread (the
/// run calls it on its workers), then `write`, in order, which places that text (separators, running indices).
///
/// A document may hold several runs: `beginDocument(runs:)` is called once, before anything else, with how many
/// (1 for an ordinary run, whose text is then exactly that of `render(_:)`), then `begin`, the entries and `end`
/// for each run, then `endDocument()`.
public protocol StreamingReporter: Reporter, Sendable {
    /// Prepares for a document of `runs` runs; the text that opens it, before the first run's `begin`.
    mutating func beginDocument(runs: Int) -> String
    mutating func begin(_ context: ReportContext) -> String
    /// The entry's text; nil when the format leaves the entry out or writes it only in `write`.
    func text(for entry: ReportEntry, _ context: ReportContext) -> String?
    mutating func write(_ entry: ReportEntry, text: String?, _ context: ReportContext) -> String
    mutating func end(_ context: ReportContext, _ summary: RunSummary) -> String
    /// The text that closes the document, after the last run's `end`.
    mutating func endDocument() -> String
}

extension StreamingReporter {
    public func render(_ report: Report) -> String {
        var reporter = self
        var text = reporter.begin(report.context)
        for entry in report.entries {
            text += reporter.write(entry, text: reporter.text(for: entry, report.context), report.context)
        }
        return text + reporter.end(report.context, report.summary)
    }

    public func render(_ reports: [Report]) -> String {
        var reporter = self
        var text = reporter.beginDocument(runs: reports.count)
        for report in reports {
            text += reporter.begin(report.context)
            for entry in report.entries {
                text += reporter.write(entry, text: reporter.text(for: entry, report.context), report.context)
            }
            text += reporter.end(report.context, report.summary)
        }
        return text + reporter.endDocument()
    }

    /// Nothing to open or close: for formats whose runs simply follow each other.
    public mutating func beginDocument(runs: Int) -> String { "" }
    public mutating func endDocument() -> String { "" }

    /// The text as it is: for formats whose entries need no separators.
    public mutating func write(_ entry: ReportEntry, text: String?, _ context: ReportContext) -> String { text ?? "" }
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
