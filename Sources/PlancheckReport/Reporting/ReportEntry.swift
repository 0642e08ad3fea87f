import PlancheckEngine
import PlancheckRules
import PlancheckValues
import PlancheckYAML

/// One result as every output shows it, in the report's language.
public struct ReportEntry: Sendable {
    /// The result itself, for outputs that carry its data (JSON, SARIF).
    public let result: CheckResult
    /// A `PC…` code or a rule id.
    public let code: String
    public let heading: Heading
    /// The rule's title or the diagnostic code's title.
    public let title: String
    /// The message, in either language (JSON gives both).
    public let message: Message
    /// The message in the report's language.
    public let text: String
    public let location: SourceLocation?
    /// The file concerned, as displayed.
    public let file: String?
    public let unit: String?
    /// Where it is when it has no location: the unit's name and code, or the whole's label.
    public let place: String?
    /// The figures behind a rule result (an aggregate's contributions first), each where it is written.
    public let figures: [FigureLine]
    /// What a total lacks, unit by unit: units that sent two files (left out), units whose file lacks a figure it
    /// needed (or has it unusable), units that sent no file.
    public let lackingUnits: LackingUnits
    public let arithmetic: String?
    /// The plan clause, with where in the plan: `part section item：“clause”`.
    public let citation: String?
    public let notes: [NoteLine]
    /// What to do; none for acknowledged failures (the deviation is the answer).
    public let help: String?
    /// Where the code is documented: the pack's reference for rules, plancheck's list for `PC…` codes.
    public let documentation: String?

    /// How an entry is headed: by its outcome for rule results other than failures, by severity otherwise.
    public enum Heading: Sendable {
        case error, warning, note, passed, passedWithinTolerance, notEvaluated, notCheckable, acknowledged

        public func word(_ language: Language) -> String {
            let key: MessageKey
            switch self {
            case .error: key = .severityError
            case .warning: key = .severityWarning
            case .note: key = .severityNote
            case .passed: key = .outcomePassedWord
            case .passedWithinTolerance: key = .outcomeWithinToleranceWord
            case .notEvaluated: key = .outcomeNotEvaluatedWord
            case .notCheckable: key = .outcomeNotCheckableWord
            case .acknowledged: key = .labelAcknowledged
            }
            return MessageCatalogue.template(key, language)
        }
    }

    public struct FigureLine: Sendable {
        public let label: String
        public let quantity: Quantity
        public let unit: String?
        public let location: SourceLocation?
    }

    /// A reporting unit with its name in the report's language.
    public struct NamedUnit: Sendable {
        public let code: String
        public let name: String
        /// `name code`, as lists and tables show a unit.
        public var nameAndCode: String { name + " " + code }
    }

    public struct NoteLine: Sendable {
        public let text: String
        public let location: SourceLocation?
    }

    /// The units a total lacks, by reason.
    public struct LackingUnits: Sendable {
        public var submittedTwice: [NamedUnit] = []
        public var lackingFigures: [NamedUnit] = []
        public var withoutFile: [NamedUnit] = []

        /// Every unit lacking, each once: units that sent two files, lack figures, or sent none.
        public var all: [NamedUnit] {
            var seen: Set<String> = []
            return (submittedTwice + lackingFigures + withoutFile).filter { seen.insert($0.code).inserted }
        }

        /// One labelled list per reason that applies: "sent two files", "figures not given", "not submitted".
        public func lines(_ language: Language) -> [(label: String, units: String)] {
            let separator = language == .zh ? "、" : ", "
            return [(MessageKey.labelSubmittedTwice, submittedTwice), (.labelLackingFigures, lackingFigures),
                    (.labelMissingDistricts, withoutFile)]
                .filter { !$0.1.isEmpty }
                .map { (MessageCatalogue.template($0.0, language), $0.1.map(\.nameAndCode).joined(separator: separator)) }
        }
    }

    /// Every unit a total lacks (see `LackingUnits`).
    public var missingUnits: [NamedUnit] { lackingUnits.all }

    /// Whether this is a rule result (as opposed to a problem with an input).
    public var rule: Rule? { result.ruleResult?.rule }

    /// The title as annotations and test reports head an entry: `code title`.
    public var codeAndTitle: String { code + " " + title }

    /// Builds entries for one report.
    public struct Builder: Sendable {
        let language: Language
        let vocabulary: Vocabulary
        let baseDirectory: String?
        let names: UnitNames
        /// Nil without a pack: then only diagnostics can be built (the pack's own problems, before it exists).
        let wording: RuleResultText?

        public init(pack: Pack?, language: Language, baseDirectory: String? = nil) {
            self.language = language
            vocabulary = pack?.vocabulary ?? .neutral
            self.baseDirectory = baseDirectory
            names = UnitNames(pack: pack)
            let names = self.names
            wording = pack.map { RuleResultText(pack: $0, names: names, baseDirectory: baseDirectory) }
        }

        public func entry(_ result: CheckResult) -> ReportEntry {
            switch result {
            case .diagnostic(let diagnostic): return entry(diagnostic, result)
            case .rule(let rule): return entry(rule, result)
            }
        }

        private func entry(_ diagnostic: Diagnostic, _ result: CheckResult) -> ReportEntry {
            let heading: Heading
            switch diagnostic.severity {
            case .error: heading = .error
            case .warning: heading = .warning
            case .note: heading = .note
            }
            return ReportEntry(
                result: result, code: diagnostic.code.rawValue, heading: heading,
                title: MessageCatalogue.text(diagnostic.code.titleKey, language, vocabulary),
                message: diagnostic.message, text: diagnostic.message.rendered(in: language, vocabulary: vocabulary, displayPath: path),
                location: diagnostic.location, file: diagnostic.file.map(path),
                unit: diagnostic.unit, place: place(unit: diagnostic.unit, whole: false),
                figures: [], lackingUnits: LackingUnits(), arithmetic: nil, citation: nil,
                notes: diagnostic.notes.map { NoteLine(text: $0.message.rendered(in: language, vocabulary: vocabulary, displayPath: path), location: $0.location) },
                help: diagnostic.help?.rendered(in: language, vocabulary: vocabulary, displayPath: path),
                documentation: "docs/diagnostic-codes.md#" + diagnostic.code.rawValue.lowercased())
        }

        private func entry(_ rule: RuleResult, _ result: CheckResult) -> ReportEntry {
            // A rule result comes from a run, and a run has a pack.
            guard let wording else { preconditionFailure("a rule result without its pack") }
            let heading: Heading
            switch rule.outcome {
            case .passed: heading = .passed
            case .passedWithinTolerance: heading = .passedWithinTolerance
            case .notEvaluated: heading = .notEvaluated
            case .notCheckable: heading = .notCheckable
            case .acknowledged: heading = .acknowledged
            case .failed:
                switch rule.severity {
                case .error: heading = .error
                case .warning: heading = .warning
                case .note: heading = .note
                }
            }
            let message = wording.message(rule)
            var figures: [FigureLine] = []
            if let evidence = rule.evidence {
                if case .aggregate(_, let contributions) = evidence.shape {
                    figures += contributions.map {
                        FigureLine(label: names.text($0.unit, language), quantity: $0.quantity, unit: $0.unit, location: $0.location)
                    }
                }
                figures += evidence.figures.map {
                    FigureLine(label: wording.label($0).rendered(in: language, vocabulary: vocabulary, displayPath: path), quantity: $0.quantity, unit: $0.unit,
                               location: $0.location)
                }
            }
            return ReportEntry(
                result: result, code: rule.rule.id, heading: heading, title: rule.rule.title[language],
                message: message, text: message.rendered(in: language, vocabulary: vocabulary, displayPath: path), location: rule.location,
                file: rule.file.map(path), unit: rule.unit, place: place(unit: rule.unit, whole: rule.unit == nil),
                figures: figures, lackingUnits: lackingUnits(rule, pack: wording.pack),
                arithmetic: wording.arithmetic(rule)?.rendered(in: language, vocabulary: vocabulary, displayPath: path),
                citation: CitationText.line(rule.rule, language: language),
                notes: wording.notes(rule).map { NoteLine(text: $0.message.rendered(in: language, vocabulary: vocabulary, displayPath: path), location: $0.location) },
                help: wording.help(rule)?.rendered(in: language, vocabulary: vocabulary, displayPath: path),
                documentation: wording.pack.documentation.map { $0 + "#" + rule.rule.id.lowercased() })
        }

        /// For a total: the units it lacks, by reason, in the pack's order.
        private func lackingUnits(_ rule: RuleResult, pack: Pack) -> LackingUnits {
            guard rule.unit == nil, let missing = rule.missing else { return LackingUnits() }
            func named(_ codes: [String]) -> [NamedUnit] { codes.map { NamedUnit(code: $0, name: names.text($0, language)) } }
            let lacking = Set(missing.figures.compactMap(\.unit))
            return LackingUnits(submittedTwice: named(missing.unitsSubmittedTwice.map(\.unit)),
                                lackingFigures: named(pack.districts.map(\.code).filter { lacking.contains($0) }),
                                withoutFile: named(missing.unitsWithoutFile))
        }

        private func place(unit: String?, whole: Bool) -> String? {
            if let unit { return "\(names.text(unit, language)) (\(unit))" }
            return whole ? MessageCatalogue.text(.labelCityWide, language, vocabulary) : nil
        }

        private func path(_ path: String) -> String { DisplayPath.relative(path, to: baseDirectory) }
    }
}

extension ReportEntry {
    /// The rule's outcome; nil for problems with inputs.
    public var outcome: Outcome? { result.outcome }
    public var severity: Severity { result.severity }
    public var isReportable: Bool { result.isReportable }
    /// The comparison the engine made, for rule results that were judged.
    public var evidence: Evidence? { result.ruleResult?.evidence }
    public var deviation: Deviation? { result.ruleResult?.deviation }
}
