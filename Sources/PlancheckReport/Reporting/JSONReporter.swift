import PlancheckEngine
import PlancheckRules
import PlancheckValues
import PlancheckYAML

/// `--format json`: the whole report as one JSON document, versioned by its top-level `schema` key
/// (`plancheck-report/2`) and documented field by field in `docs/json-format.md`. A change that removes or
/// changes the meaning of a field bumps the version; adding a field does not.
///
/// A document of several runs (a repository checked against a pack per group of files) is a set of such reports,
/// `{"schema": "plancheck-report-set/1", "reports": [...]}`, each report also naming its group's globs
/// (`selection`); one run is written as it always was.
public struct JSONReporter: StreamingReporter {
    public static let schema = "plancheck-report/2"
    public static let setSchema = "plancheck-report-set/1"
    private var document = JSONValue.ObjectStream()
    /// The set around the reports when the document holds several runs; nil for one.
    private var set: JSONValue.ObjectStream?

    public init() {}

    public mutating func beginDocument(runs: Int) -> String {
        guard runs > 1 else { return "" }
        var set = JSONValue.ObjectStream()
        let opening = set.member("schema", .string(Self.setSchema)) + set.openArray("reports")
        self.set = set
        // A report is an item of `reports`: two levels deep.
        document = JSONValue.ObjectStream(depth: 2)
        return opening
    }

    public mutating func begin(_ context: ReportContext) -> String {
        let pack: JSONValue = .object([
            ("id", .string(context.pack.id)), ("version", .string(context.pack.version)),
            ("title", localized(context.pack.title)), ("documentation", .optional(context.pack.documentation)),
        ])
        var text = ""
        if var set {
            // The report's members follow its place in the set: `item` writes the separator and indentation.
            text = set.item(serialized: "")
            self.set = set
            document = JSONValue.ObjectStream(depth: document.depth)
        }
        text += document.member("schema", .string(Self.schema))
            + document.member("tool", .object([("name", .string("plancheck")), ("version", .string(PlancheckVersion.current))]))
            + document.member("language", .string(context.language.rawValue))
            + document.member("pack", pack)
        if set != nil { text += document.member("selection", .array(context.selection.map { .string($0) })) }
        return text
            + document.member("files", .array(context.files.map { .string(context.displayPath($0)) }))
            + document.openArray("findings")
    }

    public func text(for entry: ReportEntry, _ context: ReportContext) -> String? {
        guard context.lists(entry) else { return nil }
        return findingObject(entry, context: context).serialized(indent: document.itemDepth)
    }

    public mutating func endDocument() -> String {
        guard var set else { return "" }
        self.set = nil
        return set.closeArray() + set.close()
    }

    public mutating func write(_ entry: ReportEntry, text: String?, _ context: ReportContext) -> String {
        text.map { document.item(serialized: $0) } ?? ""
    }

    public mutating func end(_ context: ReportContext, _ summary: RunSummary) -> String {
        let tally = summary.tally, counts = tally.outcomes
        let totals: JSONValue = .object([
            ("errors", .int(tally.errors)), ("warnings", .int(tally.warnings)), ("notes", .int(tally.notes)),
        ] + tallyMembers(counts))
        let districts: [JSONValue] = summary.tallyByUnit.map { row in
            let name: JSONValue = row.unit.flatMap { context.pack.district($0) }.map { localized($0.name) } ?? .null
            return .object([("code", .optional(row.unit)), ("name", name)] + tallyMembers(row.counts))
        }
        let failingRules: [JSONValue] = summary.tallyOfFailingRules.map { row in
            .object([("id", .string(row.rule.id))] + tallyMembers(row.counts))
        }
        return document.closeArray()
            + document.member("summary", totals)
            + document.member("districts", .array(districts))
            + document.member("failing_rules", .array(failingRules))
            + document.member("incomplete_totals", incompleteTotals(summary.incompleteTotals, context: context))
            + document.close()
    }

    /// The totals without a verdict, grouped as every output shows them: data, then the block's lines in the
    /// report's language.
    private func incompleteTotals(_ totals: IncompleteTotals, context: ReportContext) -> JSONValue {
        let codes = { (codes: [String]) -> JSONValue in .array(codes.map { .string($0) }) }
        let lacking: [JSONValue] = totals.lackingFigures.map {
            .object([("rule", .string($0.rule)), ("indicators", codes($0.indicators)), ("districts", codes($0.units)),
                     ("some_unusable", .bool($0.someUnusable))])
        }
        let twice: [JSONValue] = totals.unitsSubmittedTwice.map {
            .object([("district", .string($0.unit)), ("files", .array($0.files.map { .string(context.displayPath($0)) }))])
        }
        let other: [JSONValue] = totals.otherReasons.map { other in
            .object([("rule", .string(other.rule))] + Language.allCases.map { ($0.rawValue, .string(other.reason.rendered(in: $0, vocabulary: context.vocabulary))) })
        }
        let block = context.incompleteTotals(totals)
        return .object([
            ("rules", .int(totals.ruleCount)),
            ("districts_without_file", codes(totals.unitsWithoutFile)),
            ("districts_submitted_twice", .array(twice)),
            ("lacking_figures", .array(lacking)),
            ("none_reported", codes(totals.noneReported)),
            ("other", .array(other)),
            ("counts_as_failed", .bool(totals.countsAsFailed)),
            ("lines", .array(block.map { [$0.title] + $0.items + [$0.help] }?.map { .string($0) } ?? [])),
        ])
    }

    private func tallyMembers(_ tally: OutcomeCounts) -> [(String, JSONValue)] {
        [("evaluated", .int(tally.evaluated)), ("passed", .int(tally.passedInAll)),
         ("passed_within_tolerance", .int(tally.withinTolerance)), ("failed", .int(tally.failed)),
         ("not_evaluated", .int(tally.notEvaluated)), ("acknowledged", .int(tally.acknowledged)),
         ("not_checkable", .int(tally.notCheckable))]
    }

    func findingObject(_ entry: ReportEntry, context report: ReportContext) -> JSONValue {
        let language = report.language
        let messages: [(String, JSONValue)] = Language.allCases.map { other in
            (other.rawValue, JSONValue.string(entry.message.rendered(in: other, vocabulary: report.vocabulary)))
        }
        var district = JSONValue.null
        if let code = entry.unit {
            let name: JSONValue = report.pack.district(code).map { localized($0.name) } ?? .null
            district = .object([("code", .string(code)), ("name", name)])
        }
        let figures: [JSONValue] = entry.figures.map { figure in
            JSONValue.object([
                ("label", .string(figure.label)),
                ("quantity", quantity(figure.quantity, language: language)),
                ("district", .optional(figure.unit)),
                ("location", location(figure.location, report: report)),
            ])
        }
        let result = entry.result.ruleResult
        var deviation = JSONValue.null
        if let declared = result?.deviation {
            deviation = .object([
                ("rule", .string(declared.ruleID)), ("reason", .string(declared.reason)),
                ("approved_by", .string(declared.approvedBy)), ("document", .optional(declared.document)),
                ("expires", .optional(declared.expires)), ("location", location(declared.location, report: report)),
            ])
        }
        let evidence = result?.evidence
        var band = JSONValue.null
        if let edges = evidence?.band {
            band = .object([("lower", quantity(edges.lower, language: language)),
                            ("upper", quantity(edges.upper, language: language))])
        }
        let members: [(String, JSONValue)] = [
            ("code", .string(entry.code)),
            ("kind", .string(result == nil ? "file" : "rule")),
            ("severity", .string(entry.result.severity.rawValue)),
            ("outcome", .optional(entry.result.outcome?.rawValue)),
            ("message", .string(entry.text)),
            ("messages", .object(messages)),
            ("district", district),
            ("file", .optional(entry.file)),
            ("location", location(entry.location, report: report)),
            ("rule", result.map { rule($0.rule) } ?? .null),
            ("documentation", .optional(entry.documentation)),
            ("actual", quantity(evidence?.value, language: language)),
            ("expected", quantity(evidence?.expected, language: language)),
            ("gap", quantity(evidence?.gap, language: language)),
            ("tolerance", quantity(evidence?.tolerance, language: language)),
            ("band", band),
            ("figures", .array(figures)),
            ("missing_districts", .array(entry.missingUnits.map { JSONValue.string($0.code) })),
            ("deviation", deviation),
            ("notes", .array(entry.notes.map { JSONValue.string($0.text) })),
            ("help", .optional(entry.help)),
            ("edits", .array((entry.result.diagnostic?.edits ?? []).map { edit in
                .object([("location", location(edit.location, report: report)), ("replacement", .string(edit.replacement))])
            })),
        ]
        return .object(members)
    }

    private func rule(_ rule: Rule) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("title", localized(rule.title)),
            ("citation", .object([
                ("part", .string(rule.citation.part)), ("section", .optional(rule.citation.section)),
                ("item", .optional(rule.citation.item)), ("clause", .string(rule.citation.clause)),
            ] + Self.decision(rule.citation))),
            ("qualifier", .optional(rule.qualifier)),
            ("scope", .string(rule.scope.rawValue)),
            ("severity", .string(rule.severity.rawValue)),
        ])
    }

    private func localized(_ text: LocalizedText) -> JSONValue {
        .object([("zh", .string(text.zh)), ("en", .string(text.en))])
    }

    /// Exact decimal as a string (a JSON number would invite binary rounding), the unit's symbol, and the text as
    /// the report shows it.
    private func quantity(_ quantity: Quantity?, language: Language) -> JSONValue {
        guard let quantity else { return .null }
        return .object([
            ("value", .string(quantity.value.description)),
            ("unit", .string(quantity.unit.symbol)),
            ("text", .string(QuantityText.display(quantity, in: language))),
        ])
    }

    private func location(_ location: SourceLocation?, report: ReportContext) -> JSONValue {
        guard let location else { return .null }
        func mark(_ mark: SourceMark) -> JSONValue {
            .object([("line", .int(mark.line)), ("column", .int(Column.characters(mark, in: location.file))),
                     ("offset", .int(mark.offset))])
        }
        return .object([
            ("file", .string(report.displayPath(location.file.path))),
            ("start", mark(location.span.start)),
            ("end", mark(location.span.end)),
        ])
    }

    /// A rule from a local decision names it (`decision: {document, issuer, date}`); a plan clause has no such key.
    static func decision(_ citation: Citation) -> [(String, JSONValue)] {
        guard let decision = citation.decision else { return [] }
        return [("decision", .object([
            ("document", .string(decision.document)),
            ("issuer", decision.issuer.map { .object([("zh", .string($0.zh)), ("en", .string($0.en))]) } ?? .null),
            ("date", .optional(decision.date)),
        ]))]
    }
}
