import PlancheckCore
@testable import PlancheckRules
import Testing

@Suite("Expression function table and calls")
struct FunctionTests {
    @Test func table() {
        #expect(ExpressionFunction.allCases.map(\.rawValue) == ["sum", "mean", "count", "min", "max", "abs", "share"])
        #expect(ExpressionFunction.sum.isAggregate(argumentCount: 1))
        #expect(ExpressionFunction.mean.isAggregate(argumentCount: 1))
        #expect(ExpressionFunction.count.isAggregate(argumentCount: 1))
        #expect(ExpressionFunction.min.isAggregate(argumentCount: 1))
        #expect(!ExpressionFunction.min.isAggregate(argumentCount: 2))
        #expect(!ExpressionFunction.max.isAggregate(argumentCount: 3))
        #expect(!ExpressionFunction.abs.isAggregate(argumentCount: 1))
        #expect(!ExpressionFunction.share.isAggregate(argumentCount: 2))
        #expect(ExpressionFunction.share.signature.accepts(argumentCount: 2))
        #expect(!ExpressionFunction.share.signature.accepts(argumentCount: 3))
        #expect(ExpressionFunction.max.signature.accepts(argumentCount: 40))
        #expect(ExpressionFunction(name: "SUM") == nil)  // names are case-sensitive
    }

    @Test func callNode() throws {
        guard case .call(let call) = try Expression.parse("share(a, b)") else {
            Issue.record("not a call")
            return
        }
        #expect(call.function == .share)
        #expect(call.arguments.map(\.description) == ["a", "b"])
        #expect(call.nameSpan == span(0, 5))
        #expect(call.span == span(0, 11))
        #expect(!call.isAggregate)
        #expect(try tree("min(x)") == "(min x)")
        #expect(try tree("max(a, b + 1, 3%)") == "(max a (+ b 1) 3%)")
    }

    @Test(arguments: [
        ("summ(x)", "sum"), ("avg(x)", "mean"), ("average(x)", "mean"), ("mena(x)", "mean"), ("SUM(x)", "sum"),
        ("cont(x)", "count"), ("ratio(a, b)", "share"), ("city.sum(x)", "sum"), ("abss(x)", "abs"),
    ])
    func unknownFunctionSuggestion(text: String, suggestion: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.kind == .unknownFunction(suggestion: suggestion))
        #expect(error.span == span(0, text.firstIndex(of: "(").map { text.distance(from: text.startIndex, to: $0) } ?? 0))
    }

    @Test func unknownFunctionWithoutSuggestion() throws {
        let error = try #require(syntaxError("x + frobnicate(x)"))
        #expect(error.kind == .unknownFunction(suggestion: nil))
        #expect(error.span == span(4, 14))
        #expect(error.token == "frobnicate")
        // The name is checked before the arguments: the leftmost problem is the one reported.
        #expect(syntaxError("foo(")?.kind == .unknownFunction(suggestion: nil))
    }

    @Test(arguments: [
        ("abs(a, b)", ExpressionFunction.abs, 1, 1 as Int?, 2, 0, 9),
        ("share(a)", .share, 2, 2, 1, 0, 8),
        ("share(a, b, c)", .share, 2, 2, 3, 0, 14),
        ("sum()", .sum, 1, 1, 0, 0, 5),
        ("mean(a, b)", .mean, 1, 1, 2, 0, 10),
        ("x + min()", .min, 1, nil, 0, 4, 9),
        ("count(a, b) > 1", .count, 1, 1, 2, 0, 11),
    ])
    func wrongArity(text: String, function: ExpressionFunction, minimum: Int, maximum: Int?, actual: Int, start: Int, end: Int) throws {
        let error = try #require(syntaxError(text))
        #expect(error.kind == .wrongArity(function: function, minimum: minimum, maximum: maximum, actual: actual))
        #expect(error.span == span(start, end))
    }

    @Test func wrongArityAfterChineseText() throws {
        let text = "5万人 + abs(x, y)"
        let error = try #require(syntaxError(text))
        #expect(error.kind == .wrongArity(function: .abs, minimum: 1, maximum: 1, actual: 2))
        #expect(error.span == span(6, 15, bytes: 10, 19))
        #expect(error.token == "abs(x, y)")
    }

    @Test func editDistance() {
        #expect(PlancheckRules.editDistance("kitten", "sitting") == 3)
        #expect(PlancheckRules.editDistance("", "abc") == 3)
        #expect(PlancheckRules.editDistance("万人", "万元") == 1)
        #expect(PlancheckRules.editDistance("mena", "mean") == 1)
        #expect(PlancheckRules.editDistance("ca", "abc") == 3)
    }
}
