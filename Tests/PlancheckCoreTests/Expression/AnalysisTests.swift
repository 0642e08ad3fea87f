import PlancheckCore
import Testing

@Suite("Expression analysis")
struct AnalysisTests {
    @Test func referencedPathsInSourceOrder() throws {
        let text = "share(a.b, prev.c) + city.d - a.b >= quota.e"
        let paths = try Expression.parse(text).referencedPaths
        #expect(paths.map(\.dottedName) == ["a.b", "prev.c", "city.d", "a.b", "quota.e"])
        #expect(paths.map { slice(text, $0.span) } == ["a.b", "prev.c", "city.d", "a.b", "quota.e"])
        #expect(paths[0].span == span(6, 9))
        #expect(paths[3].span == span(30, 33))
        #expect(try Expression.parse("1 + 2%").referencedPaths.isEmpty)
    }

    @Test func pathSpansAfterChineseText() throws {
        let text = "5万人 + city.gdp"
        let path = try #require(try Expression.parse(text).referencedPaths.first)
        #expect(path.span == span(6, 14, bytes: 10, 18))
        #expect(path.componentSpans == [span(6, 10, bytes: 10, 14), span(11, 14, bytes: 15, 18)])
        #expect(byteSlice(text, path.span) == "city.gdp")
    }

    @Test func nodeSpans() throws {
        let expression = try Expression.parse("(a + b) * -c")
        #expect(expression.span == span(0, 12))
        guard case .binary(let product) = expression, case .binary(let sum) = product.left, case .unary(let negation) = product.right else {
            Issue.record("unexpected shape \(expression.debugDescription)")
            return
        }
        #expect(product.operatorSpan == span(8, 9))
        #expect(sum.span == span(1, 6))  // the parentheses belong to no node
        #expect(negation.span == span(10, 12))
        #expect(negation.operatorSpan == span(10, 11))
        let comparison = try Expression.parse("x ≥ 5万人")
        #expect(comparison.span == span(0, 7, bytes: 0, 13))
        guard case .comparison(let node) = comparison else { return }
        #expect(node.operatorSpan == span(2, 3, bytes: 2, 5))
    }

    @Test func containsAggregate() throws {
        #expect(try Expression.parse("sum(new_urban_jobs) >= 14.8万人").containsAggregate)
        #expect(try Expression.parse("gdp > mean(gdp)").containsAggregate)
        #expect(try Expression.parse("min(gdp) > 0").containsAggregate)
        #expect(try !Expression.parse("min(a, b) > 0").containsAggregate)
        #expect(try !Expression.parse("abs(a - b) <= 0.5pp").containsAggregate)
        #expect(try Expression.parse("max(sum(a), 5) + x").aggregateCalls.map(\.function) == [.sum])
        #expect(try Expression.parse("sum(a) / sum(b) + count(c > 1)").aggregateCalls.map(\.function) == [.sum, .sum, .count])
    }

    @Test(arguments: [
        "sum(prev.x)", "sum(quota.new_urban_jobs)", "sum(x) / sum(prev.x) - 1 >= 6%",
        "count(gdp_growth >= city.gdp_growth) >= 3", "sum(x - city.y)", "sum(max(a, b))", "mean(share(a, b))",
        "max(sum(a), city.b)", "min(a)",
    ])
    func wellFormedAggregateScopes(text: String) throws {
        #expect(syntaxError(text) == nil)
    }

    @Test func nestedAggregate() throws {
        let error = try #require(syntaxError("sum(mean(x))"))
        #expect(error.kind == .nestedAggregate)
        #expect(error.span == span(4, 8))
        #expect(error.token == "mean")
        #expect(syntaxError("sum(x + max(y))")?.kind == .nestedAggregate)
        #expect(syntaxError("count(x > min(x))")?.span == span(10, 13))
    }

    @Test func aggregateWithoutDistrictField() throws {
        let constant = try #require(syntaxError("1 + sum(5)"))
        #expect(constant.kind == .aggregateWithoutDistrictField)
        #expect(constant.span == span(4, 7))
        #expect(syntaxError("sum(city.gdp)")?.kind == .aggregateWithoutDistrictField)
        #expect(syntaxError("min(city.a)")?.kind == .aggregateWithoutDistrictField)
        #expect(syntaxError("min(city.a, city.b)") == nil)  // element-wise, not an aggregate
    }

    @Test func scopeErrorsAreAllReportedInSourceOrder() {
        // Built by hand: `parse` would stop at the first error.
        let zero = span(0, 0)
        let inner = Expression.call(CallExpression(function: .mean, arguments: [.number(NumberLiteral(raw: "5", unit: nil, span: zero, numberSpan: zero, unitSpan: nil))], nameSpan: span(4, 8), span: span(4, 11)))
        let outer = Expression.call(CallExpression(function: .sum, arguments: [inner], nameSpan: span(0, 3), span: span(0, 12)))
        #expect(outer.aggregateScopeErrors().map(\.kind) == [.aggregateWithoutDistrictField, .nestedAggregate, .aggregateWithoutDistrictField])
        #expect(outer.aggregateScopeErrors().map(\.token) == ["sum", "mean", "mean"])
    }

    @Test func foldCountsNodes() throws {
        let expression = try Expression.parse("share(a, b) >= 75% and not c < -1")
        #expect(expression.nodeCount == 11)
        let counted: Int = expression.fold(
            number: { _ in 1 }, path: { _ in 1 }, unary: { $1 + 1 }, binary: { $1 + $2 + 1 },
            comparison: { $1 + $2 + 1 }, logical: { $1 + $2 + 1 }, call: { $1.reduce(1, +) })
        #expect(counted == 11)
    }

    /// Constant folding of unit-less literals, as an evaluator might do it, with a typed error.
    private struct NotConstant: Error {}

    private func constantValue(_ text: String) throws -> Double {
        func number(_ literal: NumberLiteral) throws(NotConstant) -> Double {
            guard literal.unit == nil, let value = Double(literal.raw) else { throw NotConstant() }
            return value
        }
        func path(_: PathReference) throws(NotConstant) -> Double { throw NotConstant() }
        func unary(_: UnaryExpression, _ operand: Double) throws(NotConstant) -> Double { -operand }
        func binary(_ node: BinaryExpression, _ left: Double, _ right: Double) throws(NotConstant) -> Double {
            switch node.operator {
            case .add: left + right
            case .subtract: left - right
            case .multiply: left * right
            case .divide: left / right
            }
        }
        func comparison(_: ComparisonExpression, _: Double, _: Double) throws(NotConstant) -> Double { throw NotConstant() }
        func logical(_: LogicalExpression, _: Double, _: Double) throws(NotConstant) -> Double { throw NotConstant() }
        func call(_: CallExpression, _: [Double]) throws(NotConstant) -> Double { throw NotConstant() }
        return try Expression.parse(text).fold(
            number: number, path: path, unary: unary, binary: binary, comparison: comparison, logical: logical, call: call)
    }

    @Test func foldWithTypedErrors() throws {
        #expect(try constantValue("(1 + 2) * -3 / 4") == -2.25)
        #expect(throws: NotConstant.self) { try constantValue("x + 1") }
        #expect(throws: NotConstant.self) { try constantValue("5% + 1") }
    }

    @Test func sorts() throws {
        #expect(try Expression.parse("a + 1").sort == .number)
        #expect(try Expression.parse("count(a)").sort == .number)
        #expect(try Expression.parse("a").sort == .either)
        #expect(try Expression.parse("not a").sort == .condition)
        #expect(try Expression.parse("a > 1 or b").sort == .condition)
    }
}
