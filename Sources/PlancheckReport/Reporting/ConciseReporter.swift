import PlancheckEngine
import PlancheckRules

/// `--format concise`: one line per finding, `path:line:column: severity[code] message`, for editors (a VS Code
/// problem matcher, vim's `errorformat`) and grep; then one line of counts. The severity word is always English
/// (`error`, `warning`, `note`; with `--show-passes` also `passed`, `acknowledged`…) so that one pattern matches
/// either language; the message is in the report's language. A result with no place in a file (a city total) is
/// headed by the unit or the whole instead of a path, and so are the totals without a verdict (one line per
/// reason, before the counts). Nothing is wrapped, and what the line quotes from inputs is
/// escaped (`VisibleText`), so a line is always one line.
public struct ConciseReporter: StreamingReporter {
    /// False for `--quiet`: only the line of counts.
    public var listsEntries: Bool

    public init(listsEntries: Bool = true) {
        self.listsEntries = listsEntries
    }

    /// How many runs the document holds. Runs get no heading line of their own: a line that is neither a finding
    /// nor counts would be noise to a problem matcher and to grep, and every finding already names its file.
    /// Instead each run's line of counts names its group (`2025 shenyang-2025 (2025/*.yml): 1 error(s), …`).
    private var runs = 1

    public mutating func beginDocument(runs: Int) -> String {
        self.runs = runs
        return ""
    }

    public func begin(_ context: ReportContext) -> String { "" }

    public func text(for entry: ReportEntry, _ context: ReportContext) -> String? {
        guard listsEntries, context.lists(entry) else { return nil }
        let place: String
        if let location = entry.location {
            place = context.displayLocation(location)
        } else {
            place = entry.file ?? entry.place ?? "plancheck"
        }
        return VisibleText.escape("\(place): \(Self.word(entry.heading))[\(entry.code)] \(entry.text)") + "\n"
    }

    public func end(_ context: ReportContext, _ summary: RunSummary) -> String {
        incompleteTotals(context, summary) + counts(context, summary)
    }

    /// The totals without a verdict, one line per reason, headed like the whole's own results: a line a grep for
    /// the whole's name or for `not-evaluated` finds, and an error under `--require-all-districts`.
    private func incompleteTotals(_ context: ReportContext, _ summary: RunSummary) -> String {
        guard listsEntries, let block = context.incompleteTotals(summary.incompleteTotals) else { return "" }
        let whole = MessageCatalogue.text(.labelCityWide, context.language, context.vocabulary)
        let word = block.countsAsFailed ? "error" : "not-evaluated"
        return block.items.map { VisibleText.escape("\(whole): \(word)[incomplete-totals] \(block.title): \($0)") + "\n" }
            .joined()
    }

    private func counts(_ context: ReportContext, _ summary: RunSummary) -> String {
        let counts = Message(.summaryCounts, [
            "errors": .number(summary.tally.errors), "warnings": .number(summary.tally.warnings),
            "notes": .number(summary.tally.notes)]).rendered(in: context.language, vocabulary: context.vocabulary)
        return (runs > 1 ? VisibleText.escape(context.runCounts(counts)) : counts) + "\n"
    }

    static func word(_ heading: ReportEntry.Heading) -> String {
        switch heading {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        case .passed: return "passed"
        case .passedWithinTolerance: return "passed-within-tolerance"
        case .notEvaluated: return "not-evaluated"
        case .notCheckable: return "not-checkable"
        case .acknowledged: return "acknowledged"
        }
    }
}
