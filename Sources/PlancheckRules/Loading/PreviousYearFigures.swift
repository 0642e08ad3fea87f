import PlancheckSystem
import PlancheckValues
import PlancheckYAML

/// The figures each reporting unit submitted the year before, read from the previous year's folder of a multi-year
/// data repository: a submission without a `previous:` section takes its previous-year figures (`prev.KEY`) from
/// here, and one with a section is compared with it.
///
/// Last year's files are read with last year's pack (its keys, units and codes), loaded once per run, in parallel.
/// What they say about themselves is not reported: that year is checked by its own run. Only whether a file could
/// be used is said, once per file (`unusable`), and each unit's file is matched by its unit code, not its name.
public struct PreviousYearFigures: Sendable {
    /// The previous year's plan year (its pack's), as the notes name it.
    public let year: Int
    /// Last year's submission for each unit code of the current pack (a retired code already mapped to the unit
    /// that replaced it).
    let units: [String: UnitEntry]
    /// The files that could not be used, each with why, in path order. Reported by `CheckRun.stream` as notes
    /// (PC036): where the unit is known, on that unit's file of this year; otherwise at the file itself.
    public let unusable: [UnusableFile]
    /// `unusable` by the unit each would have fed: every file of this year looks its unit up once.
    private let unusableByUnit: [String: [UnusableFile]]

    /// A previous-year file not used, and why.
    public struct UnusableFile: Sendable {
        public let path: String
        /// The current pack's unit code the file would have fed, when it could be read that far.
        public let unit: String?
        public let reason: Message
        /// Where to point: the unit code in the file when it was read, nil for a file that could not be read.
        public let location: SourceLocation?
    }

    /// One unit's figures from last year, ready for this year's pack.
    struct Source: Sendable {
        var file: SourceFile
        /// In the current pack's keys and units; each figure keeps its location in last year's file.
        var figures: FigureTable
        /// Figures left out because their unit cannot become this year's (a note each, at the figure).
        var leftOut: [Diagnostic.Note]
    }

    enum UnitEntry: Sendable {
        case figures(Source)
        /// Two or more usable files for one unit: which one holds its figures is unknowable, so neither is used.
        case ambiguous([String])
    }

    /// Loads the previous year's submission files with the previous year's pack, keyed by unit code.
    public static func load(files: [String], pack previousPack: Pack, for currentPack: Pack,
                            jobs: Int? = nil) -> PreviousYearFigures {
        let sorted = files.sorted()
        let loaded = Parallel.map(count: sorted.count, jobs: jobs ?? Parallel.defaultJobs) { index in
            SubmissionLoader.load(path: sorted[index], pack: previousPack).submission
        }
        return PreviousYearFigures(paths: sorted, submissions: loaded, previousPack: previousPack, currentPack: currentPack)
    }

    /// The same from files already read (tests, examples, standard input).
    public static func load(_ files: [SourceFile], pack previousPack: Pack, for currentPack: Pack,
                            jobs: Int? = nil) -> PreviousYearFigures {
        let sorted = files.sorted { $0.path < $1.path }
        let loaded = Parallel.map(count: sorted.count, jobs: jobs ?? Parallel.defaultJobs) { index in
            SubmissionLoader.load(sorted[index], pack: previousPack).submission
        }
        return PreviousYearFigures(paths: sorted.map(\.path), submissions: loaded, previousPack: previousPack,
                                   currentPack: currentPack)
    }

    private init(paths: [String], submissions: [Submission?], previousPack: Pack, currentPack: Pack) {
        year = previousPack.plan.year
        let codes = CodeMapping(previous: previousPack, current: currentPack)
        var unusable: [UnusableFile] = []
        var usable: [String: [Submission]] = [:]
        for (path, submission) in zip(paths, submissions) {
            guard let submission else {
                let reason = Message(.previousYearUnreadable, ["year": .number(previousPack.plan.year)])
                unusable.append(UnusableFile(path: path, unit: nil, reason: reason, location: nil))
                continue
            }
            // A unit that no longer exists, with no successor, feeds nobody: nothing to say.
            guard let unit = codes.current(submission.districtCode) else { continue }
            if let stated = submission.year, stated != previousPack.plan.year {
                // Most often this year's file saved in last year's folder: its figures are not last year's.
                unusable.append(UnusableFile(path: path, unit: unit, reason: Message(.previousYearOtherYear, [
                    "year": .number(stated), "expected": .number(previousPack.plan.year)]),
                                             location: submission.districtCodeLocation))
            } else if submission.figures.isEmpty {
                unusable.append(UnusableFile(path: path, unit: unit, reason: Message(.previousYearNoFigures),
                                             location: submission.districtCodeLocation))
            } else {
                usable[unit, default: []].append(submission)
            }
        }
        var units: [String: UnitEntry] = [:]
        // Either year's pack may declare how its units convert (斤 → 吨); this year's first.
        let conversions = UnitConversions(currentPack.conversions.declared + previousPack.conversions.declared)
        for (unit, found) in usable {
            guard found.count == 1, let submission = found.first else {
                units[unit] = .ambiguous(found.map(\.file.path))
                continue
            }
            units[unit] = .figures(Self.converted(submission, to: currentPack, using: conversions))
        }
        self.units = units
        self.unusable = unusable
        unusableByUnit = Dictionary(grouping: unusable.filter { $0.unit != nil }, by: { $0.unit ?? "" })
    }

    /// Last year's figures in this year's keys and units. A figure whose unit cannot become this year's (the
    /// indicator changed its dimension) is left out with a note at it; one whose indicator is gone is dropped
    /// silently, since no rule can read it.
    private static func converted(_ submission: Submission, to currentPack: Pack, using conversions: UnitConversions) -> Source {
        var figures: [String: SubmittedFigure] = [:]
        var leftOut: [Diagnostic.Note] = []
        for key in submission.figures.indicators {
            guard var figure = submission.figures[key], let indicator = currentPack.indicator(key) else { continue }
            if figure.quantity.unit != indicator.unit {
                guard let quantity = try? figure.quantity.converted(to: indicator.unit, using: conversions) else {
                    leftOut.append(Diagnostic.Note(Message(.notePreviousYearUnitChanged, [
                        "key": .text(key), "name": .localized(indicator.name), "value": .quantity(figure.quantity),
                        "unit": .text(indicator.unit.symbol)]), at: figure.location))
                    continue
                }
                figure.quantity = quantity
            }
            figures[indicator.key] = figure
        }
        return Source(file: submission.file, figures: FigureTable(figures), leftOut: leftOut)
    }

    /// The unit a code written this year stands for: itself, or for a retired code the unit that replaced it (its
    /// file already gets an error for the code; its previous-year figures are still the successor's).
    func currentUnit(for code: String, in pack: Pack) -> String {
        guard pack.district(code) == nil,
              let successor = pack.retiredCodes.first(where: { $0.code == code })?.replacedBy else { return code }
        return successor
    }

    /// Last year's entry for a unit of this year's pack.
    func entry(for unit: String) -> UnitEntry? { units[unit] }

    /// The files not used for `unit`, for its note.
    func unusable(for unit: String) -> [UnusableFile] { unusableByUnit[unit] ?? [] }

    /// The problems to report once per run: files that could not be read at all (a file whose unit is known is
    /// said on that unit's own file, where the missing figures matter).
    public var runNotes: [Diagnostic] {
        unusable.filter { $0.unit == nil }.map { file in
            var diagnostic = Diagnostic(.previousYearFigures, .note, Message(.previousYearNotUsed, [
                "file": .path(file.path), "reason": .message(file.reason)]), location: file.location, file: file.path)
            diagnostic.help = Message(.helpPreviousYearUnreadable, ["year": .number(year)])
            return diagnostic
        }
    }
}

/// Last year's unit codes as this year's: a code retired (in either year's pack) with a successor becomes the
/// successor, so that last year's file of a unit that was merged or renumbered feeds the unit that took it over.
private struct CodeMapping {
    let current: Pack
    let successors: [String: String]

    init(previous: Pack, current: Pack) {
        self.current = current
        var successors: [String: String] = [:]
        // This year's pack is the authority; last year's only for codes it had already retired.
        for retired in previous.retiredCodes { if let by = retired.replacedBy { successors[retired.code] = by } }
        for retired in current.retiredCodes { if let by = retired.replacedBy { successors[retired.code] = by } }
        self.successors = successors
    }

    /// This year's unit for a code written last year, or nil when no unit of this year's pack continues it.
    func current(_ code: String) -> String? {
        var code = code
        var steps = 0
        // A chain of renumberings ends at a unit of this year's pack; a loop in the packs' tables ends nowhere.
        while self.current.district(code) == nil, let next = successors[code], steps < 16 {
            code = next
            steps += 1
        }
        return self.current.district(code) == nil ? nil : code
    }
}
