import PlancheckValues
import PlancheckYAML

/// `--format json`: the whole report as one JSON document, versioned by its top-level `schema` key
/// (`plancheck-report/1`) and documented field by field in `docs/json-format.md`. A change that removes or
/// changes the meaning of a field bumps the version; adding a field does not.
public struct JSONReporter: Reporter {
    public static let schema = "plancheck-report/1"

    public init() {}

    public func render(_ report: Report) -> String {
        let counts = report.counts
        let pack: JSONValue = .object([
            ("id", .string(report.pack.id)), ("version", .string(report.pack.version)),
            ("title", localized(report.pack.title)), ("documentation", .optional(report.pack.documentation)),
        ])
        let summary: JSONValue = .object([
            ("errors", .int(counts.errors)), ("warnings", .int(counts.warnings)), ("notes", .int(counts.notes)),
            ("evaluated", .int(counts.evaluated)), ("passed", .int(counts.passed)),
            ("passed_within_tolerance", .int(counts.withinTolerance)), ("failed", .int(counts.failed)),
            ("acknowledged", .int(counts.acknowledged)), ("not_evaluated", .int(counts.notEvaluated)),
            ("not_checkable", .int(counts.notCheckable)),
        ])
        let districts: [JSONValue] = report.tallyByDistrict.map { row in
            let name: JSONValue = row.district.flatMap { report.pack.district($0) }.map { localized($0.name) } ?? .null
            return .object([("code", .optional(row.district)), ("name", name)] + tallyMembers(row.tally))
        }
        let failingRules: [JSONValue] = report.tallyOfFailingRules.map { row in
            .object([("id", .string(row.rule.id))] + tallyMembers(row.tally))
        }
        let findings: [JSONValue] = report.listedFindings.map { findingObject($0, report: report) }
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

    private func tallyMembers(_ tally: OutcomeTally) -> [(String, JSONValue)] {
        [("evaluated", .int(tally.evaluated)), ("passed", .int(tally.passed)), ("failed", .int(tally.failed)),
         ("not_evaluated", .int(tally.notEvaluated)), ("acknowledged", .int(tally.acknowledged)),
         ("not_checkable", .int(tally.notCheckable))]
    }

    func findingObject(_ finding: Finding, report: Report) -> JSONValue {
        let language = report.language
        let messages: [(String, JSONValue)] = Language.allCases.map { other in
            (other.rawValue, JSONValue.string(finding.message.rendered(in: other)))
        }
        var district = JSONValue.null
        if let code = finding.district {
            let name: JSONValue = report.pack.district(code).map { localized($0.name) } ?? .null
            district = .object([("code", .string(code)), ("name", name)])
        }
        let figures: [JSONValue] = finding.figures.map { figure in
            JSONValue.object([
                ("label", .string(figure.label.rendered(in: language))),
                ("quantity", quantity(figure.quantity, language: language)),
                ("district", .optional(figure.district)),
                ("location", location(figure.location, report: report)),
            ])
        }
        var deviation = JSONValue.null
        if let declared = finding.deviation {
            deviation = .object([
                ("rule", .string(declared.ruleID)), ("reason", .string(declared.reason)),
                ("approved_by", .string(declared.approvedBy)), ("document", .optional(declared.document)),
                ("expires", .optional(declared.expires)), ("location", location(declared.location, report: report)),
            ])
        }
        // An acknowledged failure needs no advice: its deviation is the answer.
        let help: String? = finding.outcome == .acknowledged ? nil : finding.help?.rendered(in: language)
        let members: [(String, JSONValue)] = [
            ("code", .string(finding.code)),
            ("kind", .string(finding.outcome == nil ? "file" : "rule")),
            ("severity", .string(finding.severity.rawValue)),
            ("outcome", .optional(finding.outcome?.rawValue)),
            ("message", .string(finding.message.rendered(in: language))),
            ("messages", .object(messages)),
            ("district", district),
            ("file", .optional(finding.file.map(report.displayPath))),
            ("location", location(finding.location, report: report)),
            ("rule", finding.rule.map { rule($0) } ?? .null),
            ("documentation", .optional(report.documentationLink(finding))),
            ("actual", quantity(finding.actual, language: language)),
            ("expected", quantity(finding.expected, language: language)),
            ("gap", quantity(finding.gap, language: language)),
            ("figures", .array(figures)),
            ("missing_districts", .array(finding.missingDistricts.map { JSONValue.string($0) })),
            ("deviation", deviation),
            ("notes", .array(finding.notes.map { JSONValue.string($0.rendered(in: language)) })),
            ("help", .optional(help)),
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
