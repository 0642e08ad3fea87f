import PlancheckYAML

/// `--format sarif`: SARIF 2.1.0, the format code-scanning services read. One run; its `tool.driver.rules` hold every
/// code that has a result (rules with their plan clause, citation and documentation link; built-in `PC…` codes with
/// their title). Columns are counted in UTF-16 code units, as SARIF's default `columnKind` says and the run states.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public init() {}

    public func render(_ report: Report) -> String {
        let listed = report.listedFindings
        var samples: [Finding] = []
        var ruleIndex: [String: Int] = [:]
        for finding in listed where ruleIndex[finding.code] == nil {
            ruleIndex[finding.code] = samples.count
            samples.append(finding)
        }
        let rules = samples.map { descriptor($0.code, sample: $0, report: report) }
        let results = listed.map { result($0, index: ruleIndex[$0.code] ?? 0, report: report) }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("plancheck")),
                ("version", .string(PlancheckVersion.current)),
                ("semanticVersion", .string(PlancheckVersion.current)),
                ("rules", .array(rules)),
            ]))])),
            ("columnKind", .string("utf16CodeUnits")),
            ("properties", .object([
                ("pack", .object([("id", .string(report.pack.id)), ("version", .string(report.pack.version))])),
                ("language", .string(report.language.rawValue)),
            ])),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).serialized()
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private func text(_ text: String) -> JSONValue { .object([("text", .string(text))]) }

    /// The `reportingDescriptor` of a rule or a built-in code; `sample` is one finding with that code.
    private func descriptor(_ code: String, sample: Finding, report: Report) -> JSONValue {
        let language = report.language
        var members: [(String, JSONValue)] = [("id", .string(code))]
        if let rule = sample.rule ?? report.pack.rule(code) {
            let citation = CitationText.line(rule, language: language)
            members += [
                ("name", .string(rule.title.en)),
                ("shortDescription", text(rule.title[language])),
                ("fullDescription", text(citation)),
            ]
            if let link = report.documentationLink(sample) { members.append(("helpUri", .string(link))) }
            var help = [citation]
            if let reading = rule.reading { help.append(reading[language]) }
            members += [
                ("help", text(help.joined(separator: "\n"))),
                ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
                ("properties", .object([
                    ("citation", .object([
                        ("part", .string(rule.citation.part)), ("section", .optional(rule.citation.section)),
                        ("item", .optional(rule.citation.item)), ("clause", .string(rule.citation.clause)),
                    ])),
                    ("qualifier", .optional(rule.qualifier)),
                    ("scope", .string(rule.scope.rawValue)),
                    ("tags", .array([.string("plancheck"), .string(report.pack.id)])),
                ])),
            ]
        } else {
            let diagnostic = DiagnosticCode(rawValue: code)
            let title = diagnostic.map { MessageCatalogue.template($0.titleKey, language) } ?? code
            members += [
                ("name", .string(diagnostic.map { "\($0)" } ?? code)),
                ("shortDescription", text(title)),
                ("fullDescription", text(title)),
            ]
            if let link = report.documentationLink(sample) { members.append(("helpUri", .string(link))) }
            members += [
                ("defaultConfiguration", .object([("level", .string(level(sample.severity)))])),
                ("properties", .object([("tags", .array([.string("plancheck"), .string("input")]))])),
            ]
        }
        return .object(members)
    }

    private func result(_ finding: Finding, index: Int, report: Report) -> JSONValue {
        let language = report.language
        var lines = [finding.message.rendered(in: language)]
        if let arithmetic = ArithmeticText.line(finding, language: language) { lines.append(arithmetic) }
        if let rule = finding.rule { lines.append(CitationText.line(rule, language: language)) }
        lines += finding.notes.map { $0.rendered(in: language) }
        if let help = finding.help, finding.outcome != .acknowledged { lines.append(help.rendered(in: language)) }

        var members: [(String, JSONValue)] = [
            ("ruleId", .string(finding.code)),
            ("ruleIndex", .int(index)),
        ]
        switch finding.outcome {
        case .passed?, .passedWithinTolerance?:
            members += [("kind", .string("pass")), ("level", .string("none"))]
        case .notEvaluated?, .notCheckable?:
            members += [("kind", .string("notApplicable")), ("level", .string("none"))]
        default:
            members += [("kind", .string("fail")), ("level", .string(level(finding.severity)))]
        }
        members.append(("message", text(lines.joined(separator: "\n"))))
        // A city-wide result has no place of its own; code scanning needs one, so it is shown at the first
        // district figure that went into it, and every contribution is a related location.
        if let location = finding.location ?? finding.figures.first(where: { $0.location != nil })?.location {
            members.append(("locations", .array([.object([("physicalLocation", physical(location, report: report))])])))
        }
        let related = finding.figures.enumerated().compactMap { index, figure -> JSONValue? in
            guard let location = figure.location else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", physical(location, report: report)),
                ("message", text("\(figure.label.rendered(in: language)) = \(QuantityText.display(figure.quantity, in: language))")),
            ])
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        members.append(("partialFingerprints", .object([("plancheckFinding/v1", .string(fingerprint(finding, report: report)))])))
        if finding.outcome == .acknowledged, let deviation = finding.deviation {
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
        var properties: [(String, JSONValue)] = [("outcome", .optional(finding.outcome?.rawValue))]
        if let district = finding.district { properties.append(("district", .string(district))) }
        if !finding.missingDistricts.isEmpty {
            properties.append(("missingDistricts", .array(finding.missingDistricts.map { .string($0) })))
        }
        if let link = report.documentationLink(finding) { properties.append(("documentation", .string(link))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    private func physical(_ location: SourceLocation, report: Report) -> JSONValue {
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
    private func fingerprint(_ finding: Finding, report: Report) -> String {
        let key = [finding.code, finding.district ?? "", finding.file.map(report.displayPath) ?? "",
                   finding.message.rendered(in: .en)].joined(separator: "\u{1F}")
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
