import PlancheckEngine
import PlancheckRules

/// The block every output ends with when totals got no verdict: one title, one line per reason (units without a
/// file, units that sent two, each rule some units left a figure out of, the rules nobody gave figures for), and
/// what to do. Built once per report in its language; renderers lay the lines out.
public struct IncompleteTotalsText: Sendable {
    public let title: String
    public let items: [String]
    public let help: String
    /// Whether the totals lacking units counted as failed (`--require-all-districts`).
    public let countsAsFailed: Bool

    /// Nil when every total got a verdict.
    init?(_ totals: IncompleteTotals, context: ReportContext) {
        guard !totals.isEmpty else { return nil }
        let language = context.language
        let names = context.builder.names
        func render(_ key: MessageKey, _ arguments: [String: MessageArgument]) -> String {
            Message(key, arguments).rendered(in: language, vocabulary: context.vocabulary)
        }
        func title(_ rule: String) -> String { context.pack.rule(rule)?.title[language] ?? "" }
        func indicator(_ key: String) -> MessageArgument {
            .localized(context.pack.indicator(key)?.name ?? LocalizedText(zh: key, en: key))
        }
        self.title = render(.incompleteTitle, ["count": .number(totals.ruleCount)])
        var items: [String] = []
        if !totals.unitsWithoutFile.isEmpty {
            items.append(render(.incompleteWithoutFile, [
                "rules": .number(totals.rulesWaitingForFiles), "districts": names.list(totals.unitsWithoutFile)]))
        }
        for twice in totals.unitsSubmittedTwice {
            items.append(render(.incompleteSubmittedTwice, [
                "district": names.list([twice.unit]), "rules": .number(totals.rulesLeavingOutDuplicates),
                "files": .joined(twice.files.map { .text(context.displayPath($0)) }, separator: .enumeration)]))
        }
        for lacking in totals.lackingFigures {
            items.append(render(lacking.someUnusable ? .incompleteLackingUnusable : .incompleteLacking, [
                "rule": .text(lacking.rule), "title": .text(title(lacking.rule)), "count": .number(lacking.units.count),
                "indicators": .joined(lacking.indicators.map(indicator), separator: .enumeration),
                "districts": names.list(lacking.units)]))
        }
        if !totals.noneReported.isEmpty {
            items.append(render(.incompleteNoneReported, [
                "count": .number(totals.noneReported.count),
                "rules": .joined(totals.noneReported.map { .text($0) }, separator: .comma)]))
        }
        for other in totals.otherReasons {
            items.append(render(.incompleteOther, [
                "rule": .text(other.rule), "title": .text(title(other.rule)), "reason": .message(other.reason)]))
        }
        self.items = items
        countsAsFailed = totals.countsAsFailed
        help = render(totals.countsAsFailed ? .incompleteHelpRequired : .incompleteHelp, [:])
    }
}

extension ReportContext {
    /// The block of totals without a verdict, in the report's language; nil when there are none.
    public func incompleteTotals(_ totals: IncompleteTotals) -> IncompleteTotalsText? {
        IncompleteTotalsText(totals, context: self)
    }
}
