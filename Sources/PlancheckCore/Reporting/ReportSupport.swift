import PlancheckYAML

// What several reporters need to say the same thing the same way: paths, citations, documentation links,
// district names, and the per-district and per-rule tallies of the summary.

extension Report {
    /// `path` relative to `baseDirectory` when it lies below it; otherwise as given.
    public func displayPath(_ path: String) -> String {
        guard var base = baseDirectory, !base.isEmpty else { return path }
        if !base.hasSuffix("/") { base += "/" }
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }

    /// `path:line:column` with the display path.
    public func displayLocation(_ location: SourceLocation) -> String {
        "\(displayPath(location.file.path)):\(location.span.start.line):\(location.span.start.column)"
    }

    /// Where a finding's code is documented: the pack's rule reference for rules (`documentation#rule-id`),
    /// plancheck's list of diagnostic codes for `PC…` codes.
    public func documentationLink(_ finding: Finding) -> String? {
        if finding.rule != nil || pack.rule(finding.code) != nil {
            return pack.documentation.map { $0 + "#" + finding.code.lowercased() }
        }
        return DiagnosticCode(rawValue: finding.code).map { "docs/diagnostic-codes.md#" + $0.rawValue.lowercased() }
    }

    /// A district's name in the report's language, or its code when the pack does not know it.
    public func districtName(_ code: String, language: Language? = nil) -> String {
        pack.district(code).map { $0.name[language ?? self.language] } ?? code
    }

    /// The findings any format reports one by one: failures, acknowledged deviations, problems with files
    /// (and every rule result when passes are shown).
    public var listedFindings: [Finding] {
        findings.filter { $0.isReportable || (showPasses && $0.outcome != nil) }
    }
}

/// A rule's citation as one line: `part section item: “clause”`.
extension Report {
    /// The lines under a finding's message in plain-text machine formats (annotations, JUnit failures): missing
    /// districts, the arithmetic, the plan clause, notes, help and the documentation link.
    func detailLines(_ finding: Finding, language: Language) -> [String] {
        var lines: [String] = []
        if !finding.missingDistricts.isEmpty {
            lines.append(MessageCatalogue.template(.labelMissingDistricts, language) + ": "
                + finding.missingDistricts.map { "\(districtName($0)) \($0)" }.joined(separator: ", "))
        }
        if let arithmetic = ArithmeticText.line(finding, language: language) {
            lines.append(MessageCatalogue.template(.labelArithmetic, language) + ": " + arithmetic)
        }
        if let rule = finding.rule {
            lines.append(MessageCatalogue.template(.labelPlan, language) + ": " + CitationText.line(rule, language: language))
        }
        lines += finding.notes.map { MessageCatalogue.template(.labelNote, language) + ": " + $0.rendered(in: language) }
        if let help = finding.help, finding.outcome != .acknowledged {
            lines.append(MessageCatalogue.template(.labelHelp, language) + ": " + help.rendered(in: language))
        }
        if let link = documentationLink(finding) {
            lines.append(MessageCatalogue.template(.labelDocumentation, language) + ": " + link)
        }
        return lines
    }
}

enum CitationText {
    /// Where in the plan: one wording for every report and the generated reference.
    static func place(_ citation: Citation, language: Language) -> String {
        CheckWording.citation(citation, language: language)
    }

    static func line(_ rule: Rule, language: Language) -> String {
        "\(place(rule.citation, language: language))：“\(rule.citation.clause)”"
    }
}

/// Outcome counts for one row of a summary table.
public struct OutcomeTally: Sendable, Equatable {
    public var passed = 0, failed = 0, acknowledged = 0, notEvaluated = 0, notCheckable = 0

    /// Results with a verdict: passed (also within tolerance), failed, or failed and acknowledged.
    public var evaluated: Int { passed + failed + acknowledged }

    mutating func add(_ outcome: Outcome) {
        switch outcome {
        case .passed, .passedWithinTolerance: passed += 1
        case .failed: failed += 1
        case .acknowledged: acknowledged += 1
        case .notEvaluated: notEvaluated += 1
        case .notCheckable: notCheckable += 1
        }
    }
}

extension Report {
    /// One row per district in the pack's order (districts with no result left out), then one for city-wide rules
    /// (district nil).
    public var tallyByDistrict: [(district: String?, tally: OutcomeTally)] {
        var tallies: [String: OutcomeTally] = [:]
        var city = OutcomeTally()
        for finding in findings {
            guard let outcome = finding.outcome else { continue }
            if let district = finding.district {
                tallies[district, default: OutcomeTally()].add(outcome)
            } else {
                city.add(outcome)
            }
        }
        var rows: [(district: String?, tally: OutcomeTally)] = []
        var seen: Set<String> = []
        for district in pack.districts.map(\.code) + tallies.keys.sorted() where !seen.contains(district) {
            seen.insert(district)
            if let tally = tallies[district] { rows.append((district, tally)) }
        }
        if city != OutcomeTally() { rows.append((nil, city)) }
        return rows
    }

    /// One row per rule that failed (or was acknowledged) for some district or for the city, in pack order.
    public var tallyOfFailingRules: [(rule: Rule, tally: OutcomeTally)] {
        var tallies: [String: OutcomeTally] = [:]
        for finding in findings where finding.rule != nil {
            guard let outcome = finding.outcome else { continue }
            tallies[finding.code, default: OutcomeTally()].add(outcome)
        }
        return pack.rules.compactMap { rule in
            guard let tally = tallies[rule.id], tally.failed + tally.acknowledged > 0 else { return nil }
            return (rule, tally)
        }
    }
}

/// Columns recomputed from byte offsets, which are what the YAML layer knows exactly: in characters (Unicode
/// scalars, as plancheck and GitHub count them) or in UTF-16 code units (as SARIF counts them by default).
enum Column {
    /// The 1-based column of `mark` in characters.
    static func characters(_ mark: SourceMark, in file: SourceFile) -> Int {
        prefix(mark, in: file).map { $0.unicodeScalars.count + 1 } ?? mark.column
    }

    /// The 1-based column of `mark` in UTF-16 code units.
    static func utf16(_ mark: SourceMark, in file: SourceFile) -> Int {
        prefix(mark, in: file).map { $0.utf16.count + 1 } ?? mark.column
    }

    /// The text of the mark's line before the mark; nil when the mark does not lie on that line of the file.
    private static func prefix(_ mark: SourceMark, in file: SourceFile) -> String? {
        guard mark.line >= 1, mark.line <= file.lineStarts.count else { return nil }
        let lineStart = file.lineStarts[mark.line - 1]
        let lineEnd = mark.line < file.lineStarts.count ? file.lineStarts[mark.line] : file.bytes.count
        guard mark.offset >= lineStart, mark.offset <= lineEnd else { return nil }
        return String(decoding: file.bytes[lineStart..<mark.offset], as: UTF8.self)
    }
}
