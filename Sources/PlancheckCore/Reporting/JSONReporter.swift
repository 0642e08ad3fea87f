import PlancheckYAML

/// `--format json`: the whole report as one JSON document, versioned by its top-level `schema` key
/// (`plancheck-report/2`) and documented field by field in `docs/json-format.md`. A change that removes or
/// changes the meaning of a field bumps the version; adding a field does not.
public struct JSONReporter: Reporter {
    public static let schema = "plancheck-report/2"

    public init() {}

    public func render(_ report: Report) -> String {
        let tally = report.tally, counts = tally.outcomes
        let pack: JSONValue = .object([
            ("id", .string(report.pack.id)), ("version", .string(report.pack.version)),
            ("title", localized(report.pack.title)), ("documentation", .optional(report.pack.documentation)),
        ])
        let summary: JSONValue = .object([
            ("errors", .int(tally.errors)), ("warnings", .int(tally.warnings)), ("notes", .int(tally.notes)),
            ("evaluated", .int(counts.evaluated)), ("passed", .int(counts.passedInAll)),
            ("passed_within_tolerance", .int(counts.withinTolerance)), ("failed", .int(counts.failed)),
            ("acknowledged", .int(counts.acknowledged)), ("not_evaluated", .int(counts.notEvaluated)),
            ("not_checkable", .int(counts.notCheckable)),
        ])
        let districts: [JSONValue] = report.tallyByUnit.map { row in
            let name: JSONValue = row.unit.flatMap { report.pack.district($0) }.map { localized($0.name) } ?? .null
            return .object([("code", .optional(row.unit)), ("name", name)] + tallyMembers(row.counts))
        }
        let failingRules: [JSONValue] = report.tallyOfFailingRules.map { row in
            .object([("id", .string(row.rule.id))] + tallyMembers(row.counts))
        }
        let findings: [JSONValue] = report.listed.map { findingObject($0, report: report) }
        let document: JSONValue = .object([
            ("schema", .string(Self.schema)),
            ("tool", .object([("name", .string("plancheck")), ("version", .string(PlancheckVersion.current))])),
            ("language", .string(report.language.rawValue)),
            ("pack", pack),
            ("files", .array(report.files.map { .string(report.displayPath($0)) })),
            ("summary", summary),
            ("districts", .array(districts)),
            ("failing_rules", .array(failingRules)),
            ("findings", .array(findings)),
        ])
        return document.serialized()
    }

    private func tallyMembers(_ tally: OutcomeCounts) -> [(String, JSONValue)] {
        [("evaluated", .int(tally.evaluated)), ("passed", .int(tally.passedInAll)),
         ("passed_within_tolerance", .int(tally.withinTolerance)), ("failed", .int(tally.failed)),
         ("not_evaluated", .int(tally.notEvaluated)), ("acknowledged", .int(tally.acknowledged)),
         ("not_checkable", .int(tally.notCheckable))]
    }

    func findingObject(_ entry: ReportEntry, report: Report) -> JSONValue {
        let language = report.language
        let messages: [(String, JSONValue)] = Language.allCases.map { other in
            (other.rawValue, JSONValue.string(entry.message.rendered(in: other)))
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
            ])),
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

    private func location(_ location: SourceLocation?, report: Report) -> JSONValue {
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
}
