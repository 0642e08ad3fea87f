import PlancheckCore
import Testing

@Suite("Expression static limits")
struct LimitTests {
    /// Large enough for the 100,000-token inputs, so that depth, not length, is what stops them.
    let roomy = ExpressionLimits(maximumLength: 1_000_000)

    @Test func hundredThousandOpeningParenthesesAreTooLongByDefault() throws {
        let text = String(repeating: "(", count: 100_000)
        let error = try #require(syntaxError(text))
        #expect(error.kind == .tooLong(limit: 2_000))
        #expect(error.span == span(2_000, 100_000))
    }

    @Test func hundredThousandOpeningParenthesesAreTooDeep() throws {
        let text = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        let error = try #require(syntaxError(text, limits: roomy))
        #expect(error.kind == .tooDeep(limit: 64))
        #expect(error.span == span(64, 65))
        #expect(syntaxError(String(repeating: "(", count: 100_000), limits: roomy)?.kind == .tooDeep(limit: 64))
    }

    @Test func hundredThousandUnaryMinusesAreTooDeep() throws {
        let text = String(repeating: "-", count: 100_000) + "x"
        #expect(syntaxError(text)?.kind == .tooLong(limit: 2_000))
        let error = try #require(syntaxError(text, limits: roomy))
        #expect(error.kind == .tooDeep(limit: 64))
        #expect(error.span == span(64, 65))
    }

    @Test func hundredThousandNotsAreTooDeep() throws {
        let text = String(repeating: "not ", count: 100_000) + "x"
        let error = try #require(syntaxError(text, limits: roomy))
        #expect(error.kind == .tooDeep(limit: 64))
        #expect(error.span == span(256, 259))
    }

    @Test func nestedCallsAreTooDeep() throws {
        let text = String(repeating: "abs(", count: 100) + "x" + String(repeating: ")", count: 100)
        let error = try #require(syntaxError(text))
        #expect(error.kind == .tooDeep(limit: 64))
        #expect(error.span == span(64 * 4 + 3, 64 * 4 + 4))  // the `(` of the 65th call
    }

    @Test func depthAtTheLimitIsAccepted() throws {
        let atLimit = String(repeating: "(", count: 64) + "x" + String(repeating: ")", count: 64)
        #expect(syntaxError(atLimit) == nil)
        let overLimit = "(" + atLimit + ")"
        #expect(syntaxError(overLimit)?.kind == .tooDeep(limit: 64))
        #expect(syntaxError(String(repeating: "-", count: 64) + "x") == nil)
        // Long left-associative chains are loops, not nesting: only the node limit applies.
        #expect(syntaxError(Array(repeating: "a", count: 200).joined(separator: " + ")) == nil)
    }

    @Test func nodeLimit() throws {
        // n terms make 2n - 1 nodes: 250 terms are 499 nodes, 251 are 501.
        #expect(syntaxError(Array(repeating: "1", count: 250).joined(separator: "+")) == nil)
        let error = try #require(syntaxError(Array(repeating: "1", count: 251).joined(separator: "+")))
        #expect(error.kind == .tooManyNodes(limit: 500))
        #expect(error.span == span(499, 500))  // the 250th `+`, which makes the 501st node
        let small = ExpressionLimits(maximumNodes: 3)
        #expect(syntaxError("a + b", limits: small) == nil)
        #expect(syntaxError("abs(a + b)", limits: small)?.kind == .tooManyNodes(limit: 3))
    }

    @Test func lengthLimitCountsScalarsAndReportsBytes() throws {
        #expect(syntaxError("x" + String(repeating: " ", count: 1_999)) == nil)
        let ascii = try #require(syntaxError("x" + String(repeating: " ", count: 2_000)))
        #expect(ascii.kind == .tooLong(limit: 2_000))
        #expect(ascii.span == span(2_000, 2_001))
        let chinese = try #require(syntaxError("5" + String(repeating: "万", count: 2_000)))
        #expect(chinese.kind == .tooLong(limit: 2_000))
        #expect(chinese.span == span(2_000, 2_001, bytes: 1 + 1_999 * 3, 1 + 2_000 * 3))
    }

    @Test func limitsAreClampedToCeilings() {
        let greedy = ExpressionLimits(maximumLength: .max, maximumDepth: 1_000_000, maximumNodes: 1_000_000)
        #expect(greedy.maximumLength == ExpressionLimits.ceilingLength)
        #expect(greedy.maximumDepth == ExpressionLimits.ceilingDepth)
        #expect(greedy.maximumNodes == ExpressionLimits.ceilingNodes)
        let silly = ExpressionLimits(maximumLength: -5, maximumDepth: 0, maximumNodes: 0)
        #expect(silly.maximumLength == 1 && silly.maximumDepth == 1 && silly.maximumNodes == 1)
        #expect(ExpressionLimits.default == ExpressionLimits(maximumLength: 2_000, maximumDepth: 64, maximumNodes: 500))
    }

    /// The deepest and largest inputs the ceilings allow must be safe for the parser and for every
    /// recursive walk (printing, equality, analysis) on the test runner's threads.
    @Test func inputsAtTheCeilingsAreSafeToParseAndWalk() throws {
        let ceiling = ExpressionLimits(maximumLength: .max, maximumDepth: .max, maximumNodes: .max)
        let parentheses = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        #expect(syntaxError(parentheses, limits: ceiling)?.kind == .tooDeep(limit: ExpressionLimits.ceilingDepth))
        // 63 levels of `-(a + …)`: 126 of the 128 allowed.
        let deepest = String(repeating: "-(a + ", count: 63) + "x" + String(repeating: ")", count: 63)
        let nested = try Expression.parse(deepest, limits: ceiling)
        #expect(nested.description == deepest)
        #expect(try Expression.parse(nested.description, limits: ceiling) == nested)
        // A 1,000-term left-nested chain: a tree 999 levels deep.
        let chain = Array(repeating: "a", count: 1_000).joined(separator: " - ")
        let expression = try Expression.parse(chain, limits: ceiling)
        #expect(expression.nodeCount == 1_999)
        #expect(try Expression.parse(expression.description, limits: ceiling) == expression)
        #expect(expression.referencedPaths.count == 1_000)
        #expect(!expression.containsAggregate)
        #expect(syntaxError(chain + " - a", limits: ceiling)?.kind == .tooManyNodes(limit: ExpressionLimits.ceilingNodes))
    }
}
