import PlancheckYAML

/// A submission's previous-year figures with last year's file beside them.
///
/// - No `previous:` section: the figures are last year's, and one note (PC036) says from which file and how many.
/// - A `previous:` section wins figure by figure: it may hold figures revised since they were submitted. Each that
///   differs from last year's submitted figure is a warning (PC037) pointing at both.
/// - Keys last year's file has and the section lacks are filled in from last year, not left empty: an officer who
///   wrote two revised figures in `previous:` did not mean the other twenty to vanish (every `prev.` rule on them
///   would go unevaluated). The note (PC036) lists the keys filled in, so that nothing is taken silently. A key the
///   section writes but could not be read is not filled in: its own error stands, and last year's figure must not
///   hide it.
struct PreviousYearMerge {
    let previousYear: PreviousYearFigures
    let pack: Pack
    let sink: DiagnosticSink
    /// The unit code as this year's file writes it.
    let unit: String

    /// The merged figures, and the file of last year's that supplied any.
    /// - Parameters:
    ///   - section: the `previous:` section's figures; nil when the file has no such section.
    ///   - mentioned: every key the section writes, readable or not.
    ///   - sectionKey: where `previous:` is written; `header` where `submission:` is (the note's place without one).
    func merge(section: [String: SubmittedFigure]?, mentioned: Set<String>, sectionKey: SourceLocation?,
               header: SourceLocation) -> (figures: [String: SubmittedFigure], file: SourceFile?) {
        let unit = previousYear.currentUnit(for: self.unit, in: pack)
        let notUsed = previousYear.unusable(for: unit).map { file in
            Diagnostic.Note(Message(.previousYearNotUsed, ["file": .path(file.path), "reason": .message(file.reason)]),
                            at: file.location)
        }
        let place = sectionKey ?? header
        switch previousYear.entry(for: unit) {
        case nil:
            for note in notUsed {
                sink.report(.previousYearFigures, .note, note.message, at: place,
                            help: Message(.helpPreviousYearNotUsed, ["year": .number(previousYear.year)]),
                            notes: note.location.map { [Diagnostic.Note(Message(.notePreviousYearFileHere), at: $0)] } ?? [],
                            district: self.unit)
            }
            return (section ?? [:], nil)
        case .ambiguous(let files):
            sink.report(.previousYearFigures, .note, Message(.previousYearAmbiguous, [
                "year": .number(previousYear.year), "count": .number(files.count),
                "files": .joined(files.map { .path($0) }, separator: .enumeration)]), at: place,
                        help: Message(.helpPreviousYearAmbiguous, ["year": .number(previousYear.year)]),
                        notes: notUsed, district: self.unit)
            return (section ?? [:], nil)
        case .figures(let source):
            if let section { reportMismatches(section, source: source) }
            var merged = section ?? [:]
            var filled: [String] = []
            for key in source.figures.indicators where !mentioned.contains(key) && merged[key] == nil {
                merged[key] = source.figures[key]
                filled.append(key)
            }
            let notes = source.leftOut + notUsed
            if section == nil {
                sink.report(.previousYearFigures, .note, Message(.previousYearTaken, [
                    "file": .path(source.file.path), "year": .number(previousYear.year), "count": .number(filled.count)]),
                            at: header, notes: notes, district: self.unit)
            } else if !filled.isEmpty {
                sink.report(.previousYearFigures, .note, Message(.previousYearFilled, [
                    "file": .path(source.file.path), "year": .number(previousYear.year), "count": .number(filled.count),
                    "keys": .joined(catalogueOrder(filled).map { key in
                        .localized(pack.indicator(key)?.name ?? LocalizedText(zh: key, en: key))
                    }, separator: .enumeration)]), at: place, notes: notes,
                            district: self.unit)
            }
            return (merged, source.file)
        }
    }

    /// `keys` in the order of the pack's catalogue, as a submission lists its figures.
    private func catalogueOrder(_ keys: [String]) -> [String] {
        let position = Dictionary(pack.indicators.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        return keys.sorted { (position[$0] ?? .max, $0) < (position[$1] ?? .max, $1) }
    }

    /// A figure of `previous:` that is not what the unit submitted last year (compared exactly, in this year's unit).
    private func reportMismatches(_ section: [String: SubmittedFigure], source: PreviousYearFigures.Source) {
        for (key, figure) in section.sorted(by: { $0.key < $1.key }) {
            guard let submitted = source.figures[key], Self.differs(figure, submitted) else { continue }
            let name = pack.indicator(key)?.name ?? LocalizedText(zh: key, en: key)
            sink.report(.previousYearMismatch, .warning, Message(.previousYearMismatch, [
                "name": .localized(name), "value": .text(figure.text), "year": .number(previousYear.year),
                "reported": .text(submitted.text)]), at: figure.location,
                        help: Message(.helpPreviousYearMismatch, ["code": .text(DiagnosticCode.previousYearMismatch.rawValue)]),
                        notes: [Diagnostic.Note(Message(.notePreviousYearReported, [
                            "location": .path(submitted.location.description), "reported": .text(submitted.text)]),
                                                at: submitted.location)],
                        district: unit)
        }
    }

    /// Whether two figures of one indicator say different things: their values, exactly, in one unit; or, for a
    /// figure stated as a direction (保持正增长), the direction. A qualifier (以上, 左右) alone is no difference.
    static func differs(_ first: SubmittedFigure, _ second: SubmittedFigure) -> Bool {
        if first.bound != nil || second.bound != nil { return first.bound != second.bound }
        guard let order = try? first.quantity.compare(to: second.quantity) else { return true }
        return order != .equal
    }
}
