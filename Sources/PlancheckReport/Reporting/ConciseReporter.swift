import PlancheckEngine
import PlancheckRules

/// `--format concise`: one line per finding, `path:line:column: severity[code] message`, for editors (a VS Code
/// problem matcher, vim's `errorformat`) and grep; then one line of counts. The severity word is always English
/// (`error`, `warning`, `note`; with `--show-passes` also `passed`, `acknowledged`…) so that one pattern matches
/// either language; the message is in the report's language. A result with no place in a file (a city total) is
/// headed by the unit or the whole instead of a path. Nothing is wrapped, and what the line quotes from inputs is
/// escaped (`VisibleText`), so a line is always one line.
public struct ConciseReporter: StreamingReporter {
    /// False for `--quiet`: only the line of counts.
    public var listsEntries: Bool

    public init(listsEntries: Bool = true) {
        self.listsEntries = listsEntries
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
        Message(.summaryCounts, ["errors": .number(summary.tally.errors), "warnings": .number(summary.tally.warnings),
                                 "notes": .number(summary.tally.notes)]).rendered(in: context.language, vocabulary: context.vocabulary) + "\n"
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
