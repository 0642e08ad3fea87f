import PlancheckEngine
import PlancheckRules
import PlancheckValues

/// What a matrix cell or chart mark shows for one rule finding. Failures split by severity, because a planning
/// office treats a missed 力争 target (warning) differently from a missed 确保 target (error).
enum CellStatus: String, CaseIterable {
    case error = "e", warning = "w", note = "n", acknowledged = "a", tolerance = "t", passed = "p"
    case notEvaluated = "v", notCheckable = "x"

    /// The status of a rule result's entry, from its heading; nil for diagnostics.
    init?(_ finding: ReportEntry) {
        guard finding.rule != nil else { return nil }
        switch finding.heading {
        case .passed: self = .passed
        case .passedWithinTolerance: self = .tolerance
        case .acknowledged: self = .acknowledged
        case .notEvaluated: self = .notEvaluated
        case .notCheckable: self = .notCheckable
        case .error: self = .error
        case .warning: self = .warning
        case .note: self = .note
        }
    }

    /// Distinct shapes as well as colours, for colour-blind readers and black-and-white print.
    var symbol: String {
        switch self {
        case .error: return "✗"
        case .warning: return "!"
        case .note: return "i"
        case .acknowledged: return "⚑"
        case .tolerance: return "≈"
        case .passed: return "✓"
        case .notEvaluated: return "○"
        case .notCheckable: return "–"
        }
    }

    /// Sort order: the worst first.
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    func word(_ language: Language) -> String {
        switch self {
        case .error: return MessageCatalogue.template(.severityError, language)
        case .warning: return MessageCatalogue.template(.severityWarning, language)
        case .note: return MessageCatalogue.template(.severityNote, language)
        case .acknowledged: return MessageCatalogue.template(.outcomeAcknowledgedWord, language)
        case .tolerance: return MessageCatalogue.template(.outcomeWithinToleranceWord, language)
        case .passed: return MessageCatalogue.template(.outcomePassedWord, language)
        case .notEvaluated: return MessageCatalogue.template(.outcomeNotEvaluatedWord, language)
        case .notCheckable: return MessageCatalogue.template(.outcomeNotCheckableWord, language)
        }
    }
}

/// The report indexed once for the page's sections, so that a 300-district run does no repeated searching.
struct HTMLContext {
    let report: Report
    let language: Language
    /// The pack's districts in pack order, then any other district codes that findings mention.
    let districts: [District]
    let districtByCode: [String: District]
    let districtRules: [Rule]
    let cityRules: [Rule]
    /// Rule findings by rule id, then by district code ("" for city-wide findings).
    let findingsByRule: [String: [String: [ReportEntry]]]
    /// The index of every reportable finding in `report.entries`, for `#f-N` links from the matrix.
    let findingNumber: [String: Int]
    /// Every finding about a district (rule results and file problems), by district code.
    let findingsByDistrict: [String: [ReportEntry]]
    /// Districts with a submission among the files checked.
    let reporting: Set<String>
    let sections: [PlanSection]
    /// The kind the page shades and names as a group: the first the pack marks `shade: true`, if any.
    let shadedKind: String?
    /// Put before every id the run's part of the page defines (`r2-`), so that a page of several runs has each id
    /// once and each run's links and filters stay within it; empty for a page of one run.
    let idPrefix: String

    init(_ report: Report, idPrefix: String = "") {
        self.report = report
        self.idPrefix = idPrefix
        language = report.language
        var districts = report.pack.districts
        var known = Set(districts.map(\.code))
        for finding in report.entries {
            if let code = finding.unit, !known.contains(code) {
                known.insert(code)
                districts.append(District(code: code, name: LocalizedText(zh: code, en: code), kind: ""))
            }
        }
        self.districts = districts
        districtByCode = Dictionary(districts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        districtRules = report.pack.rules.filter { $0.scope == .district }
        cityRules = report.pack.rules.filter { $0.scope == .city }
        var byRule: [String: [String: [ReportEntry]]] = [:]
        var numbers: [String: Int] = [:]
        var reporting: Set<String> = []
        var byDistrict: [String: [ReportEntry]] = [:]
        for (index, finding) in report.entries.enumerated() {
            if let district = finding.unit { byDistrict[district, default: []].append(finding) }
            if let district = finding.unit, finding.file != nil { reporting.insert(district) }
            if finding.rule != nil {
                byRule[finding.code, default: [:]][finding.unit ?? "", default: []].append(finding)
                if Self.isListed(finding) { numbers[finding.code + "|" + (finding.unit ?? "")] = index }
            }
        }
        findingsByRule = byRule
        findingsByDistrict = byDistrict
        findingNumber = numbers
        self.reporting = reporting
        sections = PlanSection.all(in: report.pack.rules, language: report.language)
        shadedKind = report.pack.districtKinds.first(where: \.shaded)?.id
    }

    /// The findings the page lists in full: everything to act on, and the close calls within tolerance.
    static func isListed(_ finding: ReportEntry) -> Bool {
        finding.isReportable || finding.outcome == .passedWithinTolerance
    }

    /// "≥5.5%", "≈5%", "≤-2.5%": the relation judged with the figure the value was held to (signed for 下降).
    func target(_ evidence: Evidence) -> String {
        let symbol = evidence.relation == .decreaseAtLeast ? "≤" : evidence.relation.symbol
        return symbol + QuantityText.display(evidence.expected, in: language)
    }

    func t(_ chrome: Chrome) -> String { chrome.text(language, report.vocabulary) }

    /// The id `name` of this run's part of the page.
    func id(_ name: String) -> String { idPrefix + name }

    /// `HTML.anchor` within this run's part of the page.
    func anchor(_ kind: String, _ id: String) -> String { idPrefix + HTML.anchor(kind, id) }

    /// The legend's words for the shaded group ("底色标出县域单位"), nil when the pack shades none.
    var shadedNote: String? {
        shadedKind.map { t(.shadedKind).replacing("{kind}", with: kindName($0)) }
    }

    func name(_ code: String) -> String { districtByCode[code]?.name[language] ?? code }

    func kindName(_ kind: String) -> String {
        report.pack.districtKinds.first { $0.id == kind }?.name[language] ?? kind
    }

    func isShaded(_ code: String) -> Bool { shadedKind != nil && districtByCode[code]?.kind == shadedKind }

    func section(of rule: Rule) -> Int { sections.firstIndex { $0.matches(rule) } ?? 0 }
}

/// A part and section of the plan (二 主要预期目标, 三 (十)…): the unit the page filters rules by.
struct PlanSection {
    let part: String
    let section: String?
    /// For rules from local decisions (no part of the plan): 地方决定 / Local decisions.
    var decisions: String? = nil

    func matches(_ rule: Rule) -> Bool { rule.citation.part == part && rule.citation.section == section }

    /// "二 主要预期目标", "三 (十)大力实施乡村振兴战略…": the full heading, for the filter and tooltips.
    var label: String { decisions ?? (section.map { part + " " + $0 } ?? part) }

    /// "二", "三(十)": short enough for a column group heading.
    var short: String {
        if let decisions { return decisions }
        guard let section else { return part }
        if section.hasPrefix("("), let close = section.firstIndex(of: ")") {
            return part + section[...close]
        }
        return part + " " + section
    }

    static func all(in rules: [Rule], language: Language) -> [PlanSection] {
        var result: [PlanSection] = []
        for rule in rules where !result.contains(where: { $0.matches(rule) }) {
            let decisions = rule.citation.decision == nil ? nil : rule.citation.groupTitle()[language]
            result.append(PlanSection(part: rule.citation.part, section: rule.citation.section, decisions: decisions))
        }
        return result
    }
}
