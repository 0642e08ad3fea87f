import PlancheckCore
@testable import PlancheckRules
import Testing

@Suite("Expression tokens and unit suffixes")
struct LexerTests {
    private func kinds(_ text: String) throws -> [Token.Kind] {
        var lexer = Lexer(text)
        return try lexer.tokenize().map(\.kind)
    }

    @Test func everyTokenKind() throws {
        let tokens = try kinds("1 a.b + - * / ( ) , >= > <= < == != and or not && || ! ≥ ≤ ≠")
        let simplified: [String] = tokens.map { kind in
            switch kind {
            case .number(let raw, _, let unit, _): "num:\(raw)\(unit ?? "")"
            case .path(let components, _): "path:\(components.joined(separator: "."))"
            case .plus: "+"
            case .minus: "-"
            case .star: "*"
            case .slash: "/"
            case .leftParenthesis: "("
            case .rightParenthesis: ")"
            case .comma: ","
            case .comparison(let op): op.rawValue
            case .and: "and"
            case .or: "or"
            case .not: "not"
            case .end: "end"
            }
        }
        #expect(simplified == [
            "num:1", "path:a.b", "+", "-", "*", "/", "(", ")", ",", ">=", ">", "<=", "<", "==", "!=",
            "and", "or", "not", "and", "or", "not", ">=", "<=", "!=", "end",
        ])
    }

    @Test func tokenSpansAndText() throws {
        var lexer = Lexer("5万人 >= city.gdp")
        let tokens = try lexer.tokenize()
        #expect(tokens.map(\.text) == ["5万人", ">=", "city.gdp", ""])
        #expect(tokens.map(\.span) == [
            span(0, 3, bytes: 0, 7), span(4, 6, bytes: 8, 10), span(7, 15, bytes: 11, 19), span(15, 15, bytes: 19, 19),
        ])
    }

    @Test func endTokenIsAtTheEndOfTheText() throws {
        var lexer = Lexer("a  ")
        let tokens = try lexer.tokenize()
        #expect(tokens.last?.span == span(3, 3))
    }

    private func literal(_ text: String) throws -> NumberLiteral {
        guard case .number(let literal) = try Expression.parse(text) else {
            Issue.record("\(text) is not a number literal")
            return NumberLiteral(raw: "", unit: nil, span: span(0, 0), numberSpan: span(0, 0), unitSpan: nil)
        }
        return literal
    }

    @Test(arguments: [
        ("75%", "75", "%"),
        ("2.5%", "2.5", "%"),
        ("5 %", "5", "%"),
        ("3‰", "3", "‰"),
        ("0.5pp", "0.5", "pp"),
        ("0.5 pp", "0.5", "pp"),
        ("14.8万人", "14.8", "万人"),
        ("14.8 万人", "14.8", "万人"),
        ("5000 万元", "5000", "万元"),
        ("3.5亿元", "3.5", "亿元"),
        ("12元/人", "12", "元/人"),
        ("0.45吨/万元", "0.45", "吨/万元"),
        ("120㎡", "120", "㎡"),
        ("1e6", "1e6", nil),
        ("2.5E-3", "2.5E-3", nil),
        ("1e+2%", "1e+2", "%"),
        ("007", "007", nil),
        ("42", "42", nil),
    ] as [(String, String, String?)])
    func unitSuffix(text: String, raw: String, unit: String?) throws {
        let number = try literal(text)
        #expect(number.raw == raw)
        #expect(number.unit == unit)
        #expect(number.span == span(0, text.unicodeScalars.count, bytes: 0, text.utf8.count))
        #expect(slice(text, number.numberSpan) == raw)
        #expect(number.unitSpan.map { slice(text, $0) } == unit)
        #expect(number.unitSpan.map { byteSlice(text, $0) } == unit)
    }

    @Test func unitSpansInColumnsAndBytes() throws {
        let number = try literal("14.8 万人")
        #expect(number.numberSpan == span(0, 4))
        #expect(number.unitSpan == span(5, 7, bytes: 5, 11))
        #expect(number.span == span(0, 7, bytes: 0, 11))
    }

    @Test func unitIsOnlyASuffixOfANumber() throws {
        // `pp` after a space is a unit, but `ppm` is a separate (ASCII) word: an operator is missing.
        #expect(try tree("5 pp + x") == "(+ 5pp x)")
        #expect(syntaxError("5 ppm")?.kind == .missingOperator)
        #expect(syntaxError("5ppm")?.kind == .unknownUnit)
        #expect(syntaxError("5 x")?.kind == .missingOperator)
        let glued = try #require(syntaxError("10km"))
        #expect(glued.kind == .unknownUnit)
        #expect(glued.span == span(2, 4))
        #expect(glued.token == "km")
        // A keyword after a number is not a unit.
        #expect(try tree("x > 1and y") == "(and (> x 1) y)")
        // A Chinese name that does not follow a number is not a unit but a (non-ASCII) field name.
        let name = try #require(syntaxError("增长率 > 5"))
        #expect(name.kind == .nonASCIIName)
        #expect(name.span == span(0, 3, bytes: 0, 9))
        let mixed = try #require(syntaxError("gdp增速 > 5"))
        #expect(mixed.kind == .nonASCIIName)
        #expect(mixed.span == span(0, 5, bytes: 0, 9))
        // After a unit, another Chinese word is a stray name.
        #expect(syntaxError("(5)万人")?.kind == .nonASCIIName)
        let percentAfterGroup = try #require(syntaxError("(a / b)%"))
        #expect(percentAfterGroup.kind == .misplacedUnit)
        #expect(percentAfterGroup.span == span(7, 8))
        // Division by a Chinese word would be meaningless, so `元/人` is one unit; with spaces it is not.
        #expect(syntaxError("12元 / 人")?.kind == .nonASCIIName)
    }

    @Test func paths() throws {
        guard case .path(let path) = try Expression.parse("city.gdp_growth") else {
            Issue.record("not a path")
            return
        }
        #expect(path.components == ["city", "gdp_growth"])
        #expect(path.qualifier == .city)
        #expect(Array(path.field) == ["gdp_growth"])
        #expect(path.componentSpans == [span(0, 4), span(5, 15)])
        #expect(try tree("prev.gdp") == "prev.gdp")
        #expect(try tree("quota.new_urban_jobs") == "quota.new_urban_jobs")
        #expect(try tree("_private.a2.B_3") == "_private.a2.B_3")
        guard case .path(let plain) = try Expression.parse("indicators.gdp"), case .path(let previous) = try Expression.parse("prev.x") else {
            Issue.record("not paths")
            return
        }
        #expect(plain.qualifier == nil)
        #expect(plain.isPerDistrict)
        #expect(previous.qualifier == .previousYear)
        #expect(previous.isPerDistrict)
    }

    @Test(arguments: [
        ("a.", 0, 2), ("a..b", 0, 4), ("a.1", 0, 3), ("x + city.", 4, 9),
    ])
    func malformedPath(text: String, start: Int, end: Int) throws {
        let error = try #require(syntaxError(text))
        #expect(error.kind == .malformedPath)
        #expect(error.span == span(start, end))
    }

    @Test func qualifiers() throws {
        let alone = try #require(syntaxError("city > 5"))
        #expect(alone.kind == .incompletePath)
        #expect(alone.span == span(0, 4))
        #expect(syntaxError("prev")?.kind == .incompletePath)
        let misplaced = try #require(syntaxError("gdp.prev > 1"))
        #expect(misplaced.kind == .misplacedQualifier)
        #expect(misplaced.span == span(4, 8))
    }

    @Test(arguments: [
        ("1.", 0, 2), (".5", 0, 2), ("1.2.3", 0, 5), ("1e+", 0, 3), ("1e", 0, 2), ("x + 2.", 4, 6),
    ])
    func malformedNumber(text: String, start: Int, end: Int) throws {
        let error = try #require(syntaxError(text))
        #expect(error.kind == .malformedNumber)
        #expect(error.span == span(start, end))
    }

    @Test func fullWidthDigits() throws {
        let whole = try #require(syntaxError("７５%"))
        #expect(whole.kind == .fullWidthDigit)
        #expect(whole.span == span(0, 2, bytes: 0, 6))
        #expect(whole.token == "７５")
        let part = try #require(syntaxError("a >= 5０"))
        #expect(part.kind == .fullWidthDigit)
        #expect(part.span == span(6, 7, bytes: 6, 9))
        #expect(syntaxError("x > １２．５")?.span == span(4, 8, bytes: 4, 16))
    }

    @Test(arguments: [
        ("（a + b)", "(", 0), ("a ＞ b", ">", 2), ("75％", "%", 2), ("share(a，b)", ",", 7),
        ("a × b", "*", 2), ("a ÷ b", "/", 2), ("a − b", "-", 2), ("a ≧ b", ">=", 2), ("a ＝＝ b", "=", 2),
    ])
    func confusables(text: String, replacement: String, column: Int) throws {
        let error = try #require(syntaxError(text))
        #expect(error.kind == .confusableCharacter(replacement: replacement))
        #expect(error.span.startColumn == column)
        #expect(error.span.columnCount == 1)
    }

    @Test(arguments: [
        ("a => b", ">=", 2, 4), ("a =< b", "<=", 2, 4), ("a <> b", "!=", 2, 4),
        ("a & b", "&&", 2, 3), ("a | b", "||", 2, 3), ("a AND b", "and", 2, 5), ("Not a", "not", 0, 3),
    ])
    func misspelledOperators(text: String, replacement: String, start: Int, end: Int) throws {
        let error = try #require(syntaxError(text))
        #expect(error.kind == .misspelledOperator(replacement: replacement))
        #expect(error.span == span(start, end))
    }

    @Test func singleEquals() throws {
        let error = try #require(syntaxError("a = b"))
        #expect(error.kind == .singleEquals)
        #expect(error.span == span(2, 3))
        #expect(error.token == "=")
        #expect(syntaxError("gdp_growth = 6%")?.span == span(11, 12))
    }

    @Test func unexpectedCharacters() throws {
        for (text, column) in [("a # b", 2), ("a ^ 2", 2), ("a;", 1), ("a。", 1), ("a . b", 2), ("x > 1 😀", 6), ("\u{0}", 0)] {
            let error = try #require(syntaxError(text), "\(text)")
            #expect(error.kind == .unexpectedCharacter, "\(text)")
            #expect(error.span.startColumn == column, "\(text)")
            #expect(error.span.columnCount == 1, "\(text)")
        }
    }
}
