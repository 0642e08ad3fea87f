import PlancheckEngine
import PlancheckRules
import PlancheckValues
import PlancheckYAML

/// `--format sarif`: SARIF 2.1.0, the format code-scanning services read. One run; its `tool.driver.rules` hold every
/// code that has a result (rules with their plan clause, citation and documentation link; built-in `PC…` codes with
/// their title). Columns are counted in UTF-16 code units, as SARIF's default `columnKind` says and the run states.
///
/// A document of several runs (a repository checked against a pack per group of files) is one log with a run per
/// group, each with its own rules and pack and an `automationDetails.id` naming its group (`plancheck/2025/`), which
/// code scanning uses to keep the groups' analyses apart.
public struct SARIFReporter: StreamingReporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The first entry of each code, in order of appearance: the `rules` of the driver, written at the end.
    private var samples: [ReportEntry] = []
    private var ruleIndex: [String: Int] = [:]

    /// How many runs the log holds, and the automation ids given so far (each run's must differ).
    private var runs = 1
    private var runsBegun = 0
    private var automationIDs: Set<String> = []

    public init() {}

    /// A log of several runs is opened here, so that it stays whole even if no run comes; one run opens it in
    /// `begin`, as it always did.
    public mutating func beginDocument(runs: Int) -> String {
        self.runs = runs
        return runs > 1 ? Self.opening : ""
    }

    /// The log up to its list of runs.
    private static var opening: String {
        var text = "{\n  "
        JSONValue.writeString("$schema", to: &text)
        text += ": " + JSONValue.string(Self.schemaURI).serialized(indent: 1) + ",\n"
        return text + "  \"version\": \"2.1.0\",\n  \"runs\": ["
    }

    // The run's results are written first and its `tool` (whose `rules` are only known at the end) after them;
    // members of a JSON object have no order, and SARIF readers look them up by name.
    public mutating func begin(_ context: ReportContext) -> String {
        defer { runsBegun += 1 }
        samples = []
        ruleIndex = [:]
        resultsWritten = 0
        let run = "\n    {\n      \"results\": ["
        if runs > 1 { return (runsBegun > 0 ? "," : "") + run }
        return Self.opening + run
    }

    public mutating func endDocument() -> String { runs > 1 ? "\n  ]\n}\n" : "" }

    /// `plancheck/2025/`: the group's folder as the category of the run's analysis (made unique within the log).
    private mutating func automationID(_ context: ReportContext) -> String {
        let name = context.groupName
        var id = "plancheck/" + name + "/"
        var number = 2
        while automationIDs.contains(id) {
            id = "plancheck/" + name + "-" + String(number) + "/"
            number += 1
        }
        automationIDs.insert(id)
        return id
    }

    /// A result's `ruleIndex` is its code's place in order of appearance: the whole result is made in `write`.
    public func text(for entry: ReportEntry, _ context: ReportContext) -> String? { nil }

    public mutating func write(_ entry: ReportEntry, text: String?, _ context: ReportContext) -> String {
        guard context.lists(entry) else { return "" }
        let index: Int
        if let known = ruleIndex[entry.code] {
            index = known
        } else {
            index = samples.count
            ruleIndex[entry.code] = index
            samples.append(entry)
        }
        let separator = resultsWritten == 0 ? "\n" : ",\n"
        resultsWritten += 1
        return separator + "        " + result(entry, index: index, report: context).serialized(indent: 4)
    }

    private var resultsWritten = 0

    public mutating func end(_ context: ReportContext, _ summary: RunSummary) -> String {
        let driver: JSONValue = .object([("driver", .object([
            ("name", .string("plancheck")),
            ("informationUri", .string(PlancheckVersion.informationURI)),
            ("version", .string(PlancheckVersion.current)),
            ("semanticVersion", .string(PlancheckVersion.current)),
            ("rules", .array(samples.map { descriptor(sample: $0, report: context) })),
        ]))])
        var propertyMembers: [(String, JSONValue)] = [
            ("pack", .object([("id", .string(context.pack.id)), ("version", .string(context.pack.version))])),
            ("language", .string(context.language.rawValue)),
        ]
        if runs > 1 { propertyMembers.append(("selection", .array(context.selection.map { .string($0) }))) }
        let properties: JSONValue = .object(propertyMembers)
        var text = resultsWritten == 0 ? "]" : "\n      ]"
        text += ",\n      \"tool\": " + driver.serialized(indent: 3)
        // The totals without a verdict have no place in a file: a notification of the run says them, as one block.
        if let block = context.incompleteTotals(summary.incompleteTotals) {
            let lines = [block.title] + block.items.map { "- " + $0 } + [block.help]
            let invocation: JSONValue = .object([
                ("executionSuccessful", .bool(true)),
                ("toolExecutionNotifications", .array([.object([
                    ("level", .string(block.countsAsFailed ? "error" : "note")),
                    ("message", self.text(lines.joined(separator: "\n"))),
                ])])),
            ])
            text += ",\n      \"invocations\": " + JSONValue.array([invocation]).serialized(indent: 3)
        }
        if runs > 1 {
            let details: JSONValue = .object([("id", .string(automationID(context))),
                                              ("description", self.text(context.runHeading))])
            text += ",\n      \"automationDetails\": " + details.serialized(indent: 3)
        }
        text += ",\n      \"columnKind\": \"utf16CodeUnits\""
        text += ",\n      \"properties\": " + properties.serialized(indent: 3)
        return text + (runs > 1 ? "\n    }" : "\n    }\n  ]\n}\n")
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private func text(_ text: String) -> JSONValue { .object([("text", .string(text))]) }

    /// A rule's `help`: what `plancheck explain` prints for the code, as text and Markdown, when the report has it;
    /// else `fallback`.
    private func help(_ sample: ReportEntry, report: ReportContext, fallback: String) -> JSONValue {
        guard let help = report.codeHelp?(sample.result, report.language) else { return text(fallback) }
        return .object([("text", .string(help.text)), ("markdown", .string(help.markdown))])
    }

    /// The `reportingDescriptor` of a rule or a built-in code; `sample` is one entry with that code.
    private func descriptor(sample: ReportEntry, report: ReportContext) -> JSONValue {
        let language = report.language
        var members: [(String, JSONValue)] = [("id", .string(sample.code))]
        switch sample.result {
        case .rule(let result):
            let rule = result.rule
            let citation = sample.citation ?? ""
            // The full description: the verbatim clause with where it is, and how the pack reads it.
            var full = [citation]
            if let reading = rule.reading { full.append(reading[language]) }
            members += [
                ("name", .string(rule.title.en)),
                ("shortDescription", text(rule.title[language])),
                ("fullDescription", text(full.joined(separator: "\n"))),
            ]
            if let link = report.absoluteLink(sample.documentation) { members.append(("helpUri", .string(link))) }
            members += [
                ("help", help(sample, report: report, fallback: full.joined(separator: "\n"))),
                ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
                ("properties", .object([
                    ("citation", .object([
                        ("part", .string(rule.citation.part)), ("section", .optional(rule.citation.section)),
                        ("item", .optional(rule.citation.item)), ("clause", .string(rule.citation.clause)),
                    ] + JSONReporter.decision(rule.citation))),
                    ("qualifier", .optional(rule.qualifier)),
                    ("scope", .string(rule.scope.rawValue)),
                    ("tags", .array([.string("plancheck"), .string(report.pack.id)])),
                ])),
            ]
        case .diagnostic(let diagnostic):
            let description = diagnostic.code.codeDescription.text(language, vocabulary: report.pack.vocabulary)
            members += [
                ("name", .string("\(diagnostic.code)")),
                ("shortDescription", text(sample.title)),
                ("fullDescription", text(description)),
            ]
            if let link = report.absoluteLink(sample.documentation) { members.append(("helpUri", .string(link))) }
            members += [
                ("help", help(sample, report: report, fallback: description)),
                ("defaultConfiguration", .object([("level", .string(level(diagnostic.severity)))])),
                ("properties", .object([("tags", .array([.string("plancheck"), .string("input")]))])),
            ]
        }
        return .object(members)
    }

    private func result(_ entry: ReportEntry, index: Int, report: ReportContext) -> JSONValue {
        let language = report.language
        let vocabulary = report.vocabulary
        var lines = [entry.text]
        if let arithmetic = entry.arithmetic { lines.append(arithmetic) }
        if let citation = entry.citation { lines.append(citation) }
        lines += entry.notes.map(\.text)
        if let help = entry.help { lines.append(help) }

        var members: [(String, JSONValue)] = [
            ("ruleId", .string(entry.code)),
            ("ruleIndex", .int(index)),
        ]
        switch entry.heading {
        case .passed, .passedWithinTolerance:
            members += [("kind", .string("pass")), ("level", .string("none"))]
        case .notEvaluated, .notCheckable:
            members += [("kind", .string("notApplicable")), ("level", .string("none"))]
        default:
            members += [("kind", .string("fail")), ("level", .string(level(entry.result.severity)))]
        }
        members.append(("message", text(lines.joined(separator: "\n"))))
        // A result about the whole has no place of its own; code scanning needs one, so it is shown at the first
        // unit figure that went into it, and every contribution is a related location.
        if let location = entry.location ?? entry.figures.first(where: { $0.location != nil })?.location {
            members.append(("locations", .array([.object([("physicalLocation", physical(location, report: report))])])))
        }
        var related = entry.figures.enumerated().compactMap { index, figure -> JSONValue? in
            guard let location = figure.location else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", physical(location, report: report)),
                ("message", text("\(figure.label) = \(QuantityText.display(figure.quantity, in: language))")),
            ])
        }
        // A diagnostic's notes and labels that point elsewhere (the first definition of a duplicated key, ...).
        if let diagnostic = entry.result.diagnostic {
            let places = diagnostic.labels.map { ($0.location, $0.message.rendered(in: language, vocabulary: vocabulary)) }
                + diagnostic.notes.compactMap { note in note.location.map { ($0, note.message.rendered(in: language, vocabulary: vocabulary)) } }
            for (offset, place) in places.enumerated() {
                related.append(.object([
                    ("id", .int(entry.figures.count + offset + 1)),
                    ("physicalLocation", physical(place.0, report: report)),
                    ("message", text(place.1)),
                ]))
            }
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        if let edits = entry.result.diagnostic?.edits, !edits.isEmpty {
            members.append(("fixes", .array([.object([
                ("description", text(entry.help ?? entry.text)),
                ("artifactChanges", .array(edits.map { edit in
                    .object([
                        ("artifactLocation", physical(edit.location, report: report).member("artifactLocation") ?? .null),
                        ("replacements", .array([.object([
                            ("deletedRegion", .object([
                                ("byteOffset", .int(edit.location.span.start.offset)),
                                ("byteLength", .int(max(0, edit.location.span.end.offset - edit.location.span.start.offset))),
                            ])),
                            ("insertedContent", text(edit.replacement)),
                        ])])),
                    ])
                })),
            ])])))
        }
        members.append(("partialFingerprints", .object([("plancheckFinding/v1", .string(fingerprint(entry, report: report)))])))
        if let deviation = entry.result.ruleResult?.deviation, entry.heading == .acknowledged {
            var justification = deviation.reason + " (" + deviation.approvedBy
            if let document = deviation.document { justification += ", " + document }
            justification += ")"
            members.append(("suppressions", .array([.object([
                ("kind", .string("external")),
                ("status", .string("accepted")),
                ("justification", .string(justification)),
                ("location", .object([("physicalLocation", physical(deviation.location, report: report))])),
            ])])))
        }
        var properties: [(String, JSONValue)] = [("outcome", .optional(entry.result.outcome?.rawValue))]
        if let unit = entry.unit { properties.append(("district", .string(unit))) }
        if !entry.missingUnits.isEmpty {
            properties.append(("missingDistricts", .array(entry.missingUnits.map { .string($0.code) })))
        }
        if let link = entry.documentation { properties.append(("documentation", .string(link))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    private func physical(_ location: SourceLocation, report: ReportContext) -> JSONValue {
        let path = report.displayPath(location.file.path)
        var artifact: [(String, JSONValue)] = []
        if path.hasPrefix("/") {
            artifact.append(("uri", .string("file://" + URIText.encode(path))))
        } else {
            artifact.append(("uri", .string(URIText.encode(path))))
            artifact.append(("uriBaseId", .string("%SRCROOT%")))
        }
        let start = location.span.start, end = location.span.end
        var region: [(String, JSONValue)] = [
            ("startLine", .int(start.line)),
            ("startColumn", .int(Column.utf16(start, in: location.file))),
            ("endLine", .int(end.line)),
            ("endColumn", .int(Column.utf16(end, in: location.file))),
            ("byteOffset", .int(start.offset)),
            ("byteLength", .int(max(0, end.offset - start.offset))),
        ]
        let line = location.file.lineText(start.line)
        if !line.isEmpty { region.append(("snippet", text(line))) }
        return .object([("artifactLocation", .object(artifact)), ("region", .object(region))])
    }

    /// Stable across runs and line moves: the code, the district, the file and the message in English.
    private func fingerprint(_ entry: ReportEntry, report: ReportContext) -> String {
        let key = [entry.code, entry.unit ?? "", entry.file ?? "", entry.message.rendered(in: .en, vocabulary: .neutral)].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Paths as URI references: every byte outside RFC 3986's unreserved set and `/` is percent-encoded (Chinese
/// file names become UTF-8 escapes, `<built-in>` becomes `%3Cbuilt-in%3E`).
enum URIText {
    static func encode(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || "-._~/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
