import PlancheckRules

/// The rules about the whole that got no verdict for want of inputs, grouped so that every output can say in one
/// block what the totals lack: the units without a file, the units that sent two, and per rule the figures units
/// left out. Kept by the run whether or not the results themselves are listed (they are counted, not kept, by
/// default), so an incomplete total is never invisible.
public struct IncompleteTotals: Sendable {
    /// Units that sent no file, in the pack's order, and how many rules wait for them.
    public private(set) var unitsWithoutFile: [String] = []
    public private(set) var rulesWaitingForFiles = 0
    /// Units that sent more than one file, with their files, and how many totals leave them out.
    public private(set) var unitsSubmittedTwice: [UnitFiles] = []
    public private(set) var rulesLeavingOutDuplicates = 0
    /// Rules some units gave a figure for and others did not (or wrote it unusably): each with what is lacking.
    public private(set) var lackingFigures: [LackingFigures] = []
    /// Rules for which no unit gave the figures: only their ids (typically optional indicators nobody reports).
    public private(set) var noneReported: [String] = []
    /// Rules that could not be evaluated for another reason (a unit clash, a division by zero), with it.
    public private(set) var otherReasons: [(rule: String, reason: Message)] = []
    /// Every rule in the block, once.
    public private(set) var ruleCount = 0
    /// Whether a total that lacks units counted as failed (`--require-all-districts`).
    public private(set) var countsAsFailed = false

    public struct LackingFigures: Sendable {
        public var rule: String
        /// Indicator keys lacking somewhere, each once, in the order met.
        public var indicators: [String]
        /// Units lacking at least one of them, in the pack's order.
        public var units: [String]
        /// Whether some of them are written but unusable (their diagnostics say why).
        public var someUnusable: Bool
    }

    public init() {}

    public var isEmpty: Bool { ruleCount == 0 }

    /// Takes a result about the whole that got no verdict for want of inputs; other results are ignored.
    public mutating func add(_ result: RuleResult, pack: Pack) {
        guard result.unit == nil, result.outcome == .notEvaluated || (result.outcome == .failed && result.missing != nil)
        else { return }
        if let error = result.evaluationError, result.missing == nil {
            ruleCount += 1
            otherReasons.append((result.rule.id, error))
            return
        }
        guard let missing = result.missing else { return }
        ruleCount += 1
        if result.outcome == .failed { countsAsFailed = true }
        if !missing.unitsWithoutFile.isEmpty {
            rulesWaitingForFiles += 1
            merge(missing.unitsWithoutFile, into: &unitsWithoutFile, pack: pack)
        }
        if !missing.unitsSubmittedTwice.isEmpty {
            rulesLeavingOutDuplicates += 1
            for unit in missing.unitsSubmittedTwice where !unitsSubmittedTwice.contains(unit) {
                unitsSubmittedTwice.append(unit)
            }
        }
        guard !missing.figures.isEmpty else { return }
        var indicators: [String] = []
        for figure in missing.figures where !indicators.contains(figure.indicator) { indicators.append(figure.indicator) }
        var units: [String] = []
        merge(missing.figures.compactMap(\.unit), into: &units, pack: pack)
        // The units that could have given the figure: those the rule covers that sent exactly one file.
        let leftOut = Set(missing.unitsWithoutFile + missing.unitsSubmittedTwice.map(\.unit))
        let couldGive = pack.districts.filter { district in
            result.rule.applies(toDistrict: district.code, kind: district.kind) && !leftOut.contains(district.code)
        }
        let someUnusable = missing.figures.contains { $0.unusableAt != nil }
        if !someUnusable, missing.figures.allSatisfy({ $0.unit != nil }), Set(units) == Set(couldGive.map(\.code)) {
            noneReported.append(result.rule.id)
        } else {
            lackingFigures.append(LackingFigures(rule: result.rule.id, indicators: indicators, units: units,
                                                 someUnusable: someUnusable))
        }
    }

    /// `codes` added to `list` once each, the list kept in the pack's order.
    private func merge(_ codes: [String], into list: inout [String], pack: Pack) {
        // Most calls add nothing new (every total waits for the same units): then the list stays as it is.
        var all = Set(list)
        let before = all.count
        all.formUnion(codes)
        guard all.count != before else { return }
        // Sets, not list searches: a registry may have thousands of units, and this runs once per rule.
        var placed: Set<String> = []
        var ordered: [String] = []
        for district in pack.districts where all.contains(district.code) && placed.insert(district.code).inserted {
            ordered.append(district.code)
        }
        // Codes the pack does not know (there should be none) keep their place at the end.
        ordered += all.subtracting(placed).sorted()
        list = ordered
    }
}
