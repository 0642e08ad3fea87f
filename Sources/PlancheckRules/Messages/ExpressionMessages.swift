import PlancheckValues

/// Texts for expression syntax errors. The English comes from the syntax layer's own wording; the Chinese is here.
enum ExpressionMessages {
    static func message(for error: ExpressionSyntaxError) -> Message {
        let english = ExpressionSyntaxError.englishMessage(error.kind, token: error.token)
        return Message(.expressionSyntax, ["detail": .localized(LocalizedText(zh: chinese(error), en: english))])
    }

    static func help(for error: ExpressionSyntaxError) -> Message? {
        switch error.kind {
        case .unknownFunction(let suggestion?):
            return Message(.helpDidYouMean, ["suggestion": .text(suggestion)])
        case .confusableCharacter(let replacement), .misspelledOperator(let replacement):
            return Message(.helpReplaceWith, ["text": .text(replacement)])
        case .singleEquals:
            return Message(.helpReplaceWith, ["text": .text("==")])
        default:
            return Message(.helpExpressionSyntax)
        }
    }

    private static func chinese(_ error: ExpressionSyntaxError) -> String {
        let token = error.token
        switch error.kind {
        case .unexpectedCharacter: return "表达式中不能出现字符“\(token)”"
        case .fullWidthDigit: return "“\(token)”是全角数字，表达式中的数字请用半角（ASCII）数字"
        case .confusableCharacter(let replacement): return "“\(token)”是全角或形近字符，请改为“\(replacement)”"
        case .nonASCIIName: return "“\(token)”不能作为字段名：字段名须为英文标识符（中文只可作为紧跟数字的单位，如 14.8万人）"
        case .malformedNumber: return "数字“\(token)”写法不完整或多余"
        case .unknownUnit: return "“\(token)”不是可识别的单位：单位可用 %、‰、pp 或中文单位"
        case .misplacedUnit: return "单位“\(token)”只能紧跟在数字之后"
        case .malformedPath: return "字段路径“\(token)”不完整"
        case .singleEquals: return "单个“=”不是比较运算符，判断相等请写“==”"
        case .misspelledOperator(let replacement): return "运算符“\(token)”应写作“\(replacement)”"
        case .emptyExpression: return "表达式为空"
        case .unexpectedToken: return "此处不应出现“\(token)”"
        case .unexpectedEnd: return "表达式在此处意外结束，后面还缺少内容"
        case .missingOperator: return "“\(token)”前缺少运算符"
        case .unclosedParenthesis: return "括号未闭合"
        case .unmatchedClosingParenthesis: return "多余的右括号"
        case .chainedComparison: return "比较不能连写（如 a < b < c），请用 and 连接两个比较"
        case .expectedNumber: return "此处需要数值，而不是条件"
        case .expectedCondition: return "此处需要条件（比较或 and/or/not），而不是数值"
        case .incompletePath: return "“\(token)”后面还需要指标名，如 city.gdp_growth"
        case .misplacedQualifier: return "“\(token)”只能写在路径开头"
        case .unknownFunction: return "未知函数“\(token)”"
        case .wrongArity(let function, let minimum, let maximum, let actual):
            let expected = maximum == minimum ? "\(minimum)" : (maximum.map { "\(minimum)–\($0)" } ?? "至少 \(minimum)")
            return "函数 \(function.rawValue) 需要 \(expected) 个参数，这里给了 \(actual) 个"
        case .nestedAggregate: return "汇总函数不能嵌套使用"
        case .aggregateWithoutDistrictField: return "汇总函数的参数必须引用各报送单位填报的指标"
        case .tooLong(let limit): return "表达式过长（上限 \(limit) 个字符）"
        case .tooDeep(let limit): return "表达式嵌套过深（上限 \(limit) 层）"
        case .tooManyNodes(let limit): return "表达式过于复杂（上限 \(limit) 个节点）"
        }
    }
}

/// Texts for unit problems met while evaluating or checking a pack.
package enum UnitMessages {
    package static func message(for error: UnitError, left: Quantity, right: Quantity) -> Message {
        switch error {
        case .incompatible(let from, let to):
            return Message(.unitsIncompatible, ["from": .text(unitName(from)), "to": .text(unitName(to))])
        case .percentVersusPoints:
            return Message(.percentVersusPoints)
        case .overflow:
            return Message(.arithmeticOverflow)
        case .divisionByZero:
            return Message(.divisionByZero)
        case .inexactConversion(let from, let to):
            return Message(.conversionInexact, ["from": .text(unitName(from)), "to": .text(unitName(to))])
        }
    }

    static func notes(for error: UnitError) -> [Message] {
        switch error {
        case .percentVersusPoints: return [Message(.percentVersusPoints)]
        case .inexactConversion: return [message(for: error, left: Quantity(.zero), right: Quantity(.zero))]
        default: return []
        }
    }

    static func unitName(_ unit: Unit) -> String { unit.symbol.isEmpty ? "—" : unit.symbol }
}

extension PathQualifier {
    /// The label of a figure named with this qualifier ("{name}（全市）", "{name} (previous year)"): one wording for
    /// the rule reference and for the figures a result shows.
    public var labelKey: MessageKey {
        switch self {
        case .city: return .labelCityFigure
        case .previousYear: return .labelPreviousYear
        case .quota: return .labelQuota
        }
    }
}
