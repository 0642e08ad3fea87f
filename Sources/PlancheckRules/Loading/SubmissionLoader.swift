import PlancheckYAML

/// The result of loading one submission file.
public struct SubmissionLoadResult: Sendable {
    /// Nil when the file is unusable (unparseable, no district code, ...). Partially broken files still load
    /// as far as they can, so that the rest of their figures are checked.
    public var submission: Submission?
    public var diagnostics: [Diagnostic]
}

/// Reads a district's submission and validates its structure against the pack's catalogue before any rule runs.
public enum SubmissionLoader {
    /// - Parameter previousYear: last year's submissions, for a multi-year repository: where this file has no
    ///   `previous:` figures they come from its unit's file of last year, and where it has some they are compared.
    public static func load(path: String, pack: Pack, previousYear: PreviousYearFigures? = nil) -> SubmissionLoadResult {
        let sink = DiagnosticSink()
        do {
            let bytes = try InputFiles.read(path)
            return load(SourceFile(path: path, bytes: bytes), pack: pack, previousYear: previousYear, sink: sink)
        } catch {
            sink.report(readError: error)
            return SubmissionLoadResult(submission: nil, diagnostics: sink.diagnostics)
        }
    }

    public static func load(_ file: SourceFile, pack: Pack, previousYear: PreviousYearFigures? = nil) -> SubmissionLoadResult {
        load(file, pack: pack, previousYear: previousYear, sink: DiagnosticSink())
    }

    static func load(_ file: SourceFile, pack: Pack, previousYear: PreviousYearFigures?,
                     sink: DiagnosticSink) -> SubmissionLoadResult {
        guard let root = sink.readYAML(file) else {
            return SubmissionLoadResult(submission: nil, diagnostics: sink.diagnostics)
        }
        let submission = read(root, file: file, pack: pack, previousYear: previousYear, sink: sink)
        return SubmissionLoadResult(submission: submission, diagnostics: sink.diagnostics)
    }

    private static func read(_ root: YAMLNode, file: SourceFile, pack: Pack, previousYear: PreviousYearFigures?,
                             sink: DiagnosticSink) -> Submission? {
        guard var reader = MappingReader(root, file: file, sink: sink, what: file.path) else { return nil }
        let header = reader.value("submission", required: true)
        let indicatorsNode = reader.value("indicators", required: true)
        let previousNode = reader.value("previous")
        let deviationsNode = reader.value("deviations")
        reader.finish()

        guard let header, let identity = readHeader(header, file: file, pack: pack, sink: sink) else { return nil }
        if isNotStarted(indicators: indicatorsNode, previous: previousNode) {
            // A template as `plancheck init` wrote it: one note instead of an error per empty figure, so that a new
            // data repository passes its own gate; the unit counts as not yet reported (its rules not evaluated).
            let name = pack.district(identity.code)?.name ?? LocalizedText(zh: identity.code, en: identity.code)
            sink.report(.submissionNotStarted, .note, Message(.submissionNotStarted, [
                "code": .text(identity.code), "name": .localized(name)]),
                        at: SourceLocation(file: file, span: SourceSpan(at: (indicatorsNode ?? root).span.start)),
                        help: Message(.helpStartSubmission), district: identity.code)
            let deviations = deviationsNode.map { readDeviations($0, file: file, sink: sink, pack: pack) } ?? []
            return Submission(file: file, districtCode: identity.code, districtCodeLocation: identity.location,
                              districtKind: identity.kind, year: identity.year, figures: FigureTable([:]),
                              previous: FigureTable([:]), unusable: [:], deviations: deviations,
                              rootLocation: SourceLocation(file: file, span: root.span),
                              previousSection: keyLocation("previous", in: root, file: file))
        }
        let figureReader = FigureReader(pack: pack, file: file, sink: sink, district: identity.code)
        var mentioned: Set<String> = []
        var unusable: [String: SourceLocation] = [:]
        var nearMisses: [String: FigureReader.NearMiss] = [:]
        let figures = indicatorsNode.map {
            figureReader.figures($0, what: "indicators", mentioned: &mentioned, unusable: &unusable, nearMisses: &nearMisses)
        } ?? [:]
        var mentionedBefore: Set<String> = []
        var unusableBefore: [String: SourceLocation] = [:]
        var nearMissesBefore: [String: FigureReader.NearMiss] = [:]
        let section = previousNode.map {
            figureReader.figures($0, what: "previous", mentioned: &mentionedBefore, unusable: &unusableBefore,
                                 nearMisses: &nearMissesBefore)
        }
        let sectionKey = keyLocation("previous", in: root, file: file)
        var previous = section ?? [:]
        var previousYearFile: SourceFile?
        if let previousYear {
            (previous, previousYearFile) = PreviousYearMerge(previousYear: previousYear, pack: pack, sink: sink,
                                                             unit: identity.code)
                .merge(section: section, mentioned: mentionedBefore, sectionKey: sectionKey,
                       header: keyLocation("submission", in: root, file: file) ?? identity.location)
        }
        let deviations = deviationsNode.map { readDeviations($0, file: file, sink: sink, pack: pack) } ?? []

        reportImplausibleChanges(figures: figures, previous: previous, pack: pack, sink: sink, district: identity.code)
        if let kind = identity.kind, let indicatorsNode {
            // Said at the `indicators:` key, where the figure belongs, not at an unrelated first figure.
            let key = root.mapping?.first { $0.key.scalar?.text == "indicators" }?.key ?? indicatorsNode
            reportMissingRequired(mentioned: mentioned, kind: kind, pack: pack, at: key, nearMisses: nearMisses,
                                  file: file, sink: sink, district: identity.code)
        }
        return Submission(file: file, districtCode: identity.code, districtCodeLocation: identity.location,
                          districtKind: identity.kind, year: identity.year, figures: FigureTable(figures), previous: FigureTable(previous),
                          unusable: unusable, deviations: deviations,
                          rootLocation: SourceLocation(file: file, span: root.span), previousSection: sectionKey,
                          previousYearFile: previousYearFile)
    }

    /// Where a top-level key is written (`submission:`, `previous:`), for findings about its section as a whole.
    private static func keyLocation(_ key: String, in root: YAMLNode, file: SourceFile) -> SourceLocation? {
        root.mapping?.first { $0.key.scalar?.text == key }.map { SourceLocation(file: file, span: $0.key.span) }
    }

    /// No figure written yet: every indicator (and previous-year figure) present is empty. The first value written
    /// anywhere ends it, and from then on the file gets every finding, empty figures included.
    static func isNotStarted(indicators: YAMLNode?, previous: YAMLNode?) -> Bool {
        func empty(_ node: YAMLNode?) -> Bool {
            guard let node else { return true }
            if node.scalar?.kind == .null { return true }
            guard let pairs = node.mapping else { return false }
            return pairs.allSatisfy { $0.key.scalar != nil && $0.value.scalar?.kind == .null }
        }
        return indicators != nil && empty(indicators) && empty(previous)
    }

    private struct Identity {
        var code: String
        var location: SourceLocation
        var kind: String?
        var year: Int?
    }

    private static func readHeader(_ node: YAMLNode, file: SourceFile, pack: Pack, sink: DiagnosticSink) -> Identity? {
        guard var reader = MappingReader(node, file: file, sink: sink, what: "submission") else { return nil }
        let codeNode = reader.value("district", required: true)
        let name = reader.string("name")
        let nameNode = node["name"]
        let year = reader.integer("year", required: true)
        let packNode = reader.value("pack")
        _ = reader.string("prepared_by")
        _ = reader.string("contact")
        _ = reader.string("date")
        reader.finish()

        guard let codeNode else { return nil }
        guard let code = codeNode.scalar?.text else {
            // Without this report a file whose code is a list or mapping was dropped without a word (exit 0).
            sink.report(.wrongShape, .error, Message(.expectedScalar, [
                "key": .text("district"), "found": .text(codeNode.shapeDescription)]), at: reader.location(of: codeNode))
            return nil
        }
        let location = reader.location(of: codeNode)
        var kind: String?
        if let district = pack.district(code) {
            kind = district.kind
            if let name, let nameNode, let former = district.formerNames.first(where: { $0.zh == name || $0.en == name }) {
                sink.report(.districtNameMismatch, .warning, Message(.formerDistrictName, [
                    "name": .text(name), "code": .text(code), "current": .localized(district.name),
                    "former": .localized(former)]), at: reader.location(of: nameNode), district: code)
            } else if let name, let nameNode, name != district.name.zh, name != district.name.en {
                sink.report(.districtNameMismatch, .warning, Message(.districtNameMismatch, [
                    "name": .text(name), "code": .text(code), "expected": .localized(district.name)]),
                            at: reader.location(of: nameNode), district: code)
            }
        } else if let retired = pack.retiredCodes.first(where: { $0.code == code }) {
            let replacement = retired.replacedBy.flatMap { pack.district($0) }
            // The pack names the one code that took over: writing it is a certain fix.
            let edit = replacement.flatMap { Diagnostic.Edit.scalarText(codeNode, in: file, to: $0.code) }
            sink.report(.retiredDistrictCode, .error, Message(.retiredDistrictCode, [
                "code": .text(code), "name": .text(retired.name)]), at: location,
                        help: replacement.map { Message(.helpUseCurrentCode, [
                            "code": .text($0.code), "name": .localized($0.name)]) }, district: code,
                        edits: edit.map { [$0] } ?? [])
        } else {
            let help = Suggestions.closest(to: code, in: pack.districts.map(\.code)).map { suggestion in
                Message(.helpDidYouMeanDistrict, ["code": .text(suggestion),
                                                  "name": .localized(pack.district(suggestion)?.name ?? LocalizedText(zh: "", en: ""))])
            } ?? Message(.helpKnownDistricts, ["codes": .text(pack.districts.map { "\($0.code) \($0.name.zh)" }.joined(separator: ", "))])
            sink.report(.unknownDistrict, .error, Message(.unknownDistrict, ["code": .text(code)]), at: location,
                        help: help, district: code)
        }
        if let year, year != pack.plan.year, let yearNode = node["year"] {
            sink.report(.wrongYear, .error, Message(.wrongYear, [
                "year": .number(year), "expected": .number(pack.plan.year)]), at: reader.location(of: yearNode),
                        district: code)
        }
        if let packNode, let packID = packNode.scalar?.text, packID != pack.id {
            sink.report(.invalidValue, .warning, Message(.otherPack, ["found": .text(packID), "pack": .text(pack.id)]),
                        at: reader.location(of: packNode), district: code)
        }
        return Identity(code: code, location: location, kind: kind, year: year)
    }

    private static func reportMissingRequired(mentioned: Set<String>, kind: String, pack: Pack,
                                              at key: YAMLNode, nearMisses: [String: FigureReader.NearMiss],
                                              file: SourceFile, sink: DiagnosticSink, district: String) {
        let location = SourceLocation(file: file, span: key.span)
        for indicator in pack.indicators where indicator.isRequired(forKind: kind) && !mentioned.contains(indicator.key) {
            var notes: [Diagnostic.Note] = []
            if let nearMiss = nearMisses[indicator.key] {
                // The unknown key and the missing one are one mistake: each says so.
                notes.append(Diagnostic.Note(Message(.noteWrittenAs, [
                    "written": .text(nearMiss.written), "line": .number(nearMiss.location.span.start.line)]),
                                             at: nearMiss.location))
                sink.addNote(Diagnostic.Note(Message(.noteRequiredThusMissing, [
                    "key": .text(indicator.key), "name": .localized(indicator.name),
                    "line": .number(location.span.start.line)]), at: location),
                             toDiagnosticAt: nearMiss.location, code: .unknownIndicator)
            }
            sink.report(.missingRequiredIndicator, .error, Message(.missingRequiredIndicator, [
                "key": .text(indicator.key), "name": .localized(indicator.name)]), at: location,
                        help: Message(.helpAddIndicator, ["key": .text(indicator.key), "unit": .text(indicator.unit.symbol)]),
                        notes: notes, district: district)
        }
    }

    /// A figure that moved from the year before's by more than its indicator believes possible, either way.
    private static func reportImplausibleChanges(figures: [String: SubmittedFigure], previous: [String: SubmittedFigure],
                                                 pack: Pack, sink: DiagnosticSink, district: String) {
        for (key, figure) in figures.sorted(by: { $0.key < $1.key }) {
            guard let limit = pack.indicator(key)?.plausible?.maxRatioToPrevious, let indicator = pack.indicator(key),
                  let before = previous[key], figure.quantity.value > .zero, before.quantity.value > .zero,
                  let up = figure.quantity.value.dividing(by: before.quantity.value),
                  let down = before.quantity.value.dividing(by: figure.quantity.value) else { continue }
            let ratio = up > down ? up : down
            guard ratio > limit else { continue }
            // Last year's figure may come from last year's file: then the finding says where it is.
            let notes = before.location.file !== figure.location.file
                ? [Diagnostic.Note(Message(.notePreviousYearFigureAt, ["location": .path(before.location.description)]),
                                   at: before.location)] : []
            sink.report(.implausibleFigure, .warning, Message(.implausibleChange, [
                "name": .localized(indicator.name), "value": .quantity(figure.quantity),
                "previous": .quantity(before.quantity), "ratio": .text(ratio.rounded(toPlaces: 1).description),
                "limit": .text(limit.description)]), at: figure.location, help: Message(.helpCheckFigure), notes: notes,
                        district: district)
        }
    }

    private static func readDeviations(_ node: YAMLNode, file: SourceFile, sink: DiagnosticSink,
                                       pack: Pack) -> [Deviation] {
        guard let items = node.sequence else {
            sink.report(.wrongShape, .error, Message(.expectedSequence, [
                "key": .text("deviations"), "found": .text(node.shapeDescription)]), at: SourceLocation(file: file, span: node.span))
            return []
        }
        var deviations: [Deviation] = []
        for item in items {
            guard var reader = MappingReader(item, file: file, sink: sink, what: "deviation") else { continue }
            let ruleNode = reader.value("rule", required: true)
            let reason = reader.string("reason", required: true)
            let approvedBy = reader.string("approved_by", required: true)
            let document = reader.string("document")
            let expires = reader.string("expires")
            reader.finish()
            guard let ruleNode, let ruleID = ruleNode.scalar?.text, let reason, let approvedBy else { continue }
            if pack.rule(ruleID) == nil {
                let help = Suggestions.closest(to: ruleID, in: pack.rules.map(\.id)).map {
                    Message(.helpDidYouMean, ["suggestion": .text($0)])
                }
                sink.report(.deviationUnknownRule, .error, Message(.deviationUnknownRule, ["id": .text(ruleID)]),
                            at: reader.location(of: ruleNode), help: help)
            }
            if let expires, !DateText.isValidDay(expires), let expiresNode = item["expires"] {
                sink.report(.invalidValue, .error, Message(.badDate, ["text": .text(expires)]),
                            at: reader.location(of: expiresNode))
            }
            deviations.append(Deviation(ruleID: ruleID, reason: reason, approvedBy: approvedBy, document: document,
                                        expires: expires, location: reader.location(of: ruleNode)))
        }
        return deviations
    }
}
