import PlancheckCore
import Testing

@Suite("Expression precedence and associativity")
struct PrecedenceTests {
    @Test(arguments: [
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("a / b * c", "(* (/ a b) c)"),
        ("a * b / c", "(/ (* a b) c)"),
        ("-a * b", "(* (neg a) b)"),
        ("a * -b", "(* a (neg b))"),
        ("- -a", "(neg (neg a))"),
        ("a - -b", "(- a (neg b))"),
        ("a + b * c", "(+ a (* b c))"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("-(a + b)", "(neg (+ a b))"),
        ("not a and b", "(and (not a) b)"),
        ("not not a", "(not (not a))"),
        ("not a > b", "(not (> a b))"),
        ("not (a and b)", "(not (and a b))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("a or b or c", "(or (or a b) c)"),
        ("a and b and c", "(and (and a b) c)"),
        ("a && b || !c", "(or (and a b) (not c))"),
        ("a >= b + c", "(>= a (+ b c))"),
        ("a + b < c * d", "(< (+ a b) (* c d))"),
        ("a < b and b < c", "(and (< a b) (< b c))"),
        ("a ≥ b", "(>= a b)"),
        ("a ≤ b", "(<= a b)"),
        ("a ≠ b", "(!= a b)"),
        ("a == b", "(== a b)"),
        ("a != b", "(!= a b)"),
        ("a > b", "(> a b)"),
        ("a < b", "(< a b)"),
        ("livelihood_spending / general_budget_spending >= 75%", "(>= (/ livelihood_spending general_budget_spending) 75%)"),
        ("urban_income_growth - gdp_growth >= 0", "(>= (- urban_income_growth gdp_growth) 0)"),
        ("primary_va + secondary_va", "(+ primary_va secondary_va)"),
        ("sum(new_urban_jobs) >= 14.8万人", "(>= (sum new_urban_jobs) 14.8万人)"),
        ("gdp_growth >= city.gdp_growth - 0.5pp", "(>= gdp_growth (- city.gdp_growth 0.5pp))"),
        ("gdp > prev.gdp", "(> gdp prev.gdp)"),
        ("new_urban_jobs >= quota.new_urban_jobs", "(>= new_urban_jobs quota.new_urban_jobs)"),
        ("abs(a - b) <= 0.5pp", "(<= (abs (- a b)) 0.5pp)"),
        ("share(part, whole) > 1/3", "(> (share part whole) (/ 1 3))"),
        ("max(a, b, c) - min(a, b)", "(- (max a b c) (min a b))"),
        ("x >= 6% and (y < 2 or not z)", "(and (>= x 6%) (or (< y 2) (not z)))"),
        ("((a))", "a"),
    ])
    func shape(text: String, expected: String) throws {
        #expect(try tree(text) == expected)
    }

    @Test func whitespaceIsInsignificant() throws {
        #expect(try tree("a+b*c>=d") == tree(" a + b * c >= d "))
        #expect(try tree("a\n  and\tb") == "(and a b)")
        #expect(try tree("a\u{3000}+\u{3000}b") == "(+ a b)")  // ideographic spaces from Chinese input methods
        #expect(try tree("abs (x)") == "(abs x)")
    }

    @Test func chainedComparisonIsRejectedAtTheSecondOperator() throws {
        let error = try #require(syntaxError("a < b < c"))
        #expect(error.kind == .chainedComparison)
        #expect(error.span == span(6, 7))
        #expect(syntaxError("a >= b + 1 == c")?.kind == .chainedComparison)
        #expect(syntaxError("not a < b < c")?.kind == .chainedComparison)
        // Parenthesised, the left side is a condition, which is not a number.
        let parenthesised = try #require(syntaxError("(a < b) < c"))
        #expect(parenthesised.kind == .expectedNumber)
        #expect(parenthesised.span == span(0, 7))
    }

    @Test func sortsAreChecked() throws {
        let conditionPlusOne = try #require(syntaxError("(a > b) + 1"))
        #expect(conditionPlusOne.kind == .expectedNumber)
        #expect(conditionPlusOne.span == span(0, 7))
        let andNumber = try #require(syntaxError("a and 5"))
        #expect(andNumber.kind == .expectedCondition)
        #expect(andNumber.span == span(6, 7))
        let notSum = try #require(syntaxError("not 5 + x"))
        #expect(notSum.kind == .expectedCondition)
        #expect(notSum.span == span(4, 9))
        let negatedCondition = try #require(syntaxError("-(a > b)"))
        #expect(negatedCondition.kind == .expectedNumber)
        #expect(negatedCondition.span == span(1, 8))
        let notAsOperand = try #require(syntaxError("a + not b"))
        #expect(notAsOperand.kind == .unexpectedToken(expected: .operand))
        #expect(notAsOperand.span == span(4, 7))
        #expect(syntaxError("abs(a > b)")?.kind == .expectedNumber)
        #expect(syntaxError("sum(x > 5)")?.kind == .expectedNumber)
        #expect(syntaxError("count(x > 5) >= 3") == nil)  // count takes conditions too
        #expect(syntaxError("a and b") == nil)  // fields may hold conditions
    }

    @Test func expectedSortOfTheWhole() throws {
        let error = try #require(syntaxError("a + b", expecting: .condition))
        #expect(error.kind == .expectedCondition)
        #expect(error.span == span(0, 5))
        #expect(syntaxError("(a > b)", expecting: .number)?.span == span(0, 7))
        #expect(syntaxError("a", expecting: .condition) == nil)
        #expect(syntaxError("a", expecting: .number) == nil)
        #expect(syntaxError("a >= 1", expecting: .condition) == nil)
    }
}
