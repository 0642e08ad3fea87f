import PlancheckCore
import PlancheckTestSupport
import Testing

@Suite("Expression canonical printing")
struct PrinterTests {
    @Test(arguments: [
        ("a-(b-c)", "a - (b - c)"),
        ("(a-b)-c", "a - b - c"),
        ("a+(b+c)", "a + (b + c)"),
        ("a/(b*c)", "a / (b * c)"),
        ("(a*b)/c", "a * b / c"),
        ("(a+b)*c", "(a + b) * c"),
        ("a*(b+c)", "a * (b + c)"),
        ("-(a+b)", "-(a + b)"),
        ("-(-a)", "- -a"),
        ("-(a*b)", "-(a * b)"),
        ("(-a)*b", "-a * b"),
        ("not (a and b)", "not (a and b)"),
        ("(not a) and b", "not a and b"),
        ("!(a>b)", "not a > b"),
        ("a >= b && c", "a >= b and c"),
        ("(a or b) and c", "(a or b) and c"),
        ("a or (b and c)", "a or b and c"),
        ("a and (b and c)", "a and (b and c)"),
        ("(a and b) and c", "a and b and c"),
        ("((a))", "a"),
        ("x ≥ 5 万人", "x >= 5万人"),
        ("x≠0.5 pp", "x != 0.5pp"),
        ("abs( a-b )<=0.5 pp", "abs(a - b) <= 0.5pp"),
        ("share(livelihood_spending,general_budget_spending)>=75%", "share(livelihood_spending, general_budget_spending) >= 75%"),
        ("sum( new_urban_jobs )>=14.8万人", "sum(new_urban_jobs) >= 14.8万人"),
        ("a - -5", "a - -5"),
        ("12 元/人", "12元/人"),
    ])
    func canonicalForm(text: String, printed: String) throws {
        let expression = try Expression.parse(text)
        #expect(expression.description == printed)
        #expect(try Expression.parse(printed) == expression)
    }

    static let corpus = [
        "livelihood_spending / general_budget_spending >= 75%",
        "urban_income_growth - gdp_growth >= 0",
        "primary_va + secondary_va + tertiary_va == gdp",
        "sum(new_urban_jobs) >= city.new_urban_jobs",
        "gdp_growth >= city.gdp_growth - 0.5pp and gdp_growth <= city.gdp_growth + 2pp",
        "prev.gdp * (1 + gdp_growth) <= gdp * 1.01",
        "new_urban_jobs >= quota.new_urban_jobs or not has_quota",
        "abs(urban_income_growth - gdp_growth) <= 0.5pp",
        "count(gdp_growth >= 6%) >= 3",
        "share(sum(rd_spending), sum(gdp)) >= 2.5%",
        "max(a, b, c) - min(a, b) < 5000 万元",
        "-(a - b) * -c / --d",
        "not not (a > 1 or b < 2) and c != 3‰",
        "energy_per_gdp <= 0.45吨/万元",
        "mean(gdp_growth) - 1e-3 > -2.5E+2",
    ]

    @Test(arguments: corpus)
    func roundTrip(text: String) throws {
        let expression = try Expression.parse(text)
        let printed = expression.description
        let reparsed = try Expression.parse(printed)
        #expect(reparsed == expression)
        #expect(reparsed.description == printed)  // printing is idempotent
    }

    @Test func equalityIgnoresSpansAndSpellingButNotStructure() throws {
        #expect(try Expression.parse("a>=b&&c") == Expression.parse("  a ≥ b and c"))
        #expect(try Expression.parse("a - b - c") != Expression.parse("a - (b - c)"))
        #expect(try Expression.parse("5%") != Expression.parse("5pp"))
        #expect(try Expression.parse("1.50") != Expression.parse("1.5"))  // raw text is kept exactly
        #expect(try Expression.parse("min(a)") != Expression.parse("max(a)"))
    }

    /// Random well-formed trees, printed and parsed back: the printer's parentheses must reproduce the
    /// exact tree shape, whatever the nesting.
    @Test func randomTreesRoundTrip() throws {
        var generator = SeededGenerator(seed: 20_240_601)
        for _ in 0..<1_000 {
            let expression = TreeGenerator.condition(depth: 4, using: &generator)
            let printed = expression.description
            let reparsed = try Expression.parse(printed)
            #expect(reparsed == expression, "\(printed)")
            let number = TreeGenerator.number(depth: 4, using: &generator)
            #expect(try Expression.parse(number.description) == number, "\(number.description)")
        }
    }
}

/// Builds random trees that obey the sort and aggregate rules, with placeholder spans.
enum TreeGenerator {
    static let none = ExpressionSpan(startColumn: 0, endColumn: 0, startByte: 0, endByte: 0)

    static func leaf(using generator: inout SeededGenerator) -> Expression {
        let literals: [(String, String?)] = [("1", nil), ("2.5", "%"), ("0.5", "pp"), ("14.8", "万人"), ("3e2", nil), ("7", "‰")]
        if Bool.random(using: &generator) {
            let (raw, unit) = literals.randomElement(using: &generator) ?? ("1", nil)
            return .number(NumberLiteral(raw: raw, unit: unit, span: none, numberSpan: none, unitSpan: unit == nil ? nil : none))
        }
        return path(using: &generator)
    }

    static func path(using generator: inout SeededGenerator) -> Expression {
        let paths = [["a"], ["gdp"], ["city", "gdp"], ["prev", "x"], ["quota", "jobs"], ["a", "b", "c"]]
        let components = paths.randomElement(using: &generator) ?? ["a"]
        return .path(PathReference(components: components, span: none, componentSpans: components.map { _ in none }))
    }

    static func number(depth: Int, using generator: inout SeededGenerator) -> Expression {
        if depth == 0 { return leaf(using: &generator) }
        switch Int.random(in: 0..<7, using: &generator) {
        case 0: return leaf(using: &generator)
        case 1:
            return .unary(UnaryExpression(operator: .negate, operand: number(depth: depth - 1, using: &generator), operatorSpan: none, span: none))
        case 2:
            let function: ExpressionFunction = [.abs, .min, .max, .share].randomElement(using: &generator) ?? .abs
            let count = function == .abs ? 1 : function == .share ? 2 : Int.random(in: 2...3, using: &generator)
            let arguments = (0..<count).map { _ in number(depth: depth - 1, using: &generator) }
            return .call(CallExpression(function: function, arguments: arguments, nameSpan: none, span: none))
        case 3:
            // A well-formed aggregate: its argument is a per-district field, so nesting never arises.
            let paths = [["gdp"], ["prev", "x"], ["quota", "jobs"]]
            let components = paths.randomElement(using: &generator) ?? ["gdp"]
            let argument = Expression.path(PathReference(components: components, span: none, componentSpans: components.map { _ in none }))
            let function: ExpressionFunction = [.sum, .mean, .min, .max].randomElement(using: &generator) ?? .sum
            return .call(CallExpression(function: function, arguments: [argument], nameSpan: none, span: none))
        default:
            let op: BinaryOperator = [.add, .subtract, .multiply, .divide].randomElement(using: &generator) ?? .add
            return .binary(BinaryExpression(
                operator: op, left: number(depth: depth - 1, using: &generator), right: number(depth: depth - 1, using: &generator),
                operatorSpan: none, span: none))
        }
    }

    static func condition(depth: Int, using generator: inout SeededGenerator) -> Expression {
        if depth == 0 { return path(using: &generator) }
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            return .unary(UnaryExpression(operator: .not, operand: condition(depth: depth - 1, using: &generator), operatorSpan: none, span: none))
        case 1, 2:
            let op = ComparisonOperator.allCases.randomElement(using: &generator) ?? .equal
            return .comparison(ComparisonExpression(
                operator: op, left: number(depth: depth - 1, using: &generator), right: number(depth: depth - 1, using: &generator),
                operatorSpan: none, span: none))
        default:
            let op: LogicalOperator = Bool.random(using: &generator) ? .and : .or
            return .logical(LogicalExpression(
                operator: op, left: condition(depth: depth - 1, using: &generator), right: condition(depth: depth - 1, using: &generator),
                operatorSpan: none, span: none))
        }
    }
}
