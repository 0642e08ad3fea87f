import PlancheckValues

/// The arithmetic behind a derived check, in one line: a share's division, an aggregate's total over the districts
/// that submitted, then the target and the gap. The figures themselves (with their locations) are listed separately.
enum ArithmeticText {
    static func line(_ finding: Finding, language: Language) -> String? {
        guard let rule = finding.rule, case .compare(let comparison) = rule.check, let actual = finding.actual,
              case .call(let call) = comparison.value.expression else { return nil }
        var parts: [String] = []
        if call.function == .share, call.arguments.count == 2 {
            let own = finding.figures.filter { $0.location?.file.path == finding.file || finding.file == nil }
            guard own.count >= 2 else { return nil }
            parts.append(Message(.arithmeticShare, [
                "part": .quantity(own[0].quantity), "whole": .quantity(own[1].quantity),
                "value": .quantity(actual)]).rendered(in: language))
        } else if call.isAggregate {
            let contributions = finding.figures.filter { $0.district != nil }.count
            parts.append(Message(.arithmeticAggregate, [
                "count": .number(contributions), "value": .quantity(actual)]).rendered(in: language))
        } else {
            return nil
        }
        if let expected = finding.expected {
            let symbol: String
            switch comparison.relation {
            // The expected value of 下降 t% is already −t.
            case .decreaseAtLeast: symbol = "≤"
            default: symbol = comparison.relation.symbol
            }
            parts.append(Message(.arithmeticTarget, [
                "relation": .text(symbol), "expected": .quantity(expected),
                "gap": .quantity(finding.gap ?? Quantity(value: .zero, unit: expected.unit.differenceUnit))])
                .rendered(in: language))
        }
        return parts.joined(separator: language == .zh ? "；" : "; ")
    }
}
