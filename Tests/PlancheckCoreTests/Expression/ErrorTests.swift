import PlancheckCore
import Testing

@Suite("Expression syntax errors and their locations")
struct ErrorTests {
    @Test func unexpectedEndAfterChineseUnit() throws {
        // `5万人 + `: 6 scalars, 10 bytes (万 and 人 are 3 bytes each); the end is after the trailing space.
        let error = try #require(syntaxError("5万人 + "))
        #expect(error.kind == .unexpectedEnd(expected: .operand))
        #expect(error.span == span(6, 6, bytes: 10, 10))
        #expect(error.token == "")
        #expect(syntaxError("5万人 +")?.span == span(5, 5, bytes: 9, 9))
    }

    @Test func errorAfterChineseTextIsLocatedInBothUnits() throws {
        let stray = try #require(syntaxError("5万人 + 人口"))
        #expect(stray.kind == .nonASCIIName)
        #expect(stray.span == span(6, 8, bytes: 10, 16))
        #expect(byteSlice("5万人 + 人口", stray.span) == "人口")
        let equals = try #require(syntaxError("x >= 14.8万人 = y"))
        #expect(equals.kind == .singleEquals)
        #expect(equals.span == span(12, 13, bytes: 16, 17))
        let missing = try #require(syntaxError("5000 万元 x"))
        #expect(missing.kind == .missingOperator)
        #expect(missing.span == span(8, 9, bytes: 12, 13))
    }

    @Test func emptyExpressions() throws {
        #expect(syntaxError("")?.kind == .emptyExpression)
        let blank = try #require(syntaxError("   "))
        #expect(blank.kind == .emptyExpression)
        #expect(blank.span == span(0, 3))
    }

    @Test func parentheses() throws {
        let unclosed = try #require(syntaxError("(a + b"))
        #expect(unclosed.kind == .unclosedParenthesis)
        #expect(unclosed.span == span(0, 1))
        let inner = try #require(syntaxError("((a + b) * c"))
        #expect(inner.kind == .unclosedParenthesis)
        #expect(inner.span == span(0, 1))
        let call = try #require(syntaxError("x + abs(a"))
        #expect(call.kind == .unclosedParenthesis)
        #expect(call.span == span(7, 8))
        let unmatched = try #require(syntaxError("a + b)"))
        #expect(unmatched.kind == .unmatchedClosingParenthesis)
        #expect(unmatched.span == span(5, 6))
        let empty = try #require(syntaxError("()"))
        #expect(empty.kind == .unexpectedToken(expected: .operand))
        #expect(empty.span == span(1, 2))
        let comma = try #require(syntaxError("(a, b)"))
        #expect(comma.kind == .unexpectedToken(expected: .closingParenthesis))
        #expect(comma.span == span(2, 3))
        #expect(syntaxError("(a b)")?.kind == .missingOperator)
    }

    @Test func unexpectedTokens() throws {
        let doubled = try #require(syntaxError("a + * b"))
        #expect(doubled.kind == .unexpectedToken(expected: .operand))
        #expect(doubled.span == span(4, 5))
        let topLevelComma = try #require(syntaxError("a, b"))
        #expect(topLevelComma.kind == .unexpectedToken(expected: .operatorOrEnd))
        #expect(topLevelComma.span == span(1, 2))
        #expect(syntaxError("+a")?.kind == .unexpectedToken(expected: .operand))
        #expect(syntaxError("a >=")?.kind == .unexpectedEnd(expected: .operand))
        let missing = try #require(syntaxError("a b"))
        #expect(missing.kind == .missingOperator)
        #expect(missing.span == span(2, 3))
        #expect(syntaxError("5(a)")?.kind == .missingOperator)
        #expect(syntaxError("a not b")?.kind == .missingOperator)
        let argument = try #require(syntaxError("abs(x y)"))
        #expect(argument.kind == .missingOperator)
        #expect(argument.span == span(6, 7))
        let trailingComma = try #require(syntaxError("max(a,)"))
        #expect(trailingComma.kind == .unexpectedToken(expected: .operand))
        #expect(trailingComma.span == span(6, 7))
        #expect(syntaxError("abs(x;")?.kind == .unexpectedCharacter)
    }

    @Test func debugDescriptionIsReadable() throws {
        let error = try #require(syntaxError("5万人 + "))
        #expect(error.debugDescription == "column 6: unexpected end of expression, expected a number, field, function call or '('")
        #expect(syntaxError("summ(x)")?.debugDescription == "columns 0..<4: unknown function 'summ'; did you mean 'sum'?")
        #expect(syntaxError("abs(a, b)")?.debugDescription == "columns 0..<9: abs takes 1 argument, got 2")
        #expect(syntaxError("min()")?.debugDescription == "columns 0..<5: min takes at least 1 arguments, got 0")
        #expect(syntaxError("a < b < c")?.debugDescription.hasPrefix("column 6: comparisons cannot be chained") == true)
    }
}
