// libFuzzer target: any text through the expression parser; what parses is printed, re-parsed and evaluated
// against a small pack and three districts (one with zeros and one with a qualitative figure, so that division
// by zero, unit clashes and "not a number" paths are reachable).
//
// Oracles besides "does not crash": an error's span lies inside the text and names its token; a parsed
// expression prints to text that parses back to the same tree.
import PlancheckCore
@testable import PlancheckEngine
@testable import PlancheckRules
import PlancheckYAML

#if canImport(Glibc)
import Glibc
#endif

private enum Fixture {
    static let packFiles: [String: String] = [
        "pack.yml": """
            format: plancheck-pack/1
            id: fuzzland
            version: 0.1.0
            title: {zh: 模糊测试包, en: Fuzz pack}
            plan: {title: {zh: 计划, en: Plan}, year: 2025, base_year: 2024}
            district_kinds:
              - {id: urban, zh: 市辖区, en: urban district}
            districts:
              - {code: "990101", zh: 东区, en: East, kind: urban}
              - {code: "990102", zh: 西区, en: West, kind: urban}
              - {code: "990103", zh: 南区, en: South, kind: urban}
            city:
              gdp_growth: 5.5%
              new_jobs: 10万人
            include:
              - indicators.yml

            """,
        "indicators.yml": """
            indicators:
              gdp_growth: {zh: 地区生产总值增长, en: GDP growth, kind: growth, unit: "%"}
              industry_growth: {zh: 规上工业增加值增长, en: Industry growth, kind: growth, unit: "%"}
              budget_spending: {zh: 一般公共预算支出, en: Budget spending, kind: level, unit: 亿元}
              livelihood_spending: {zh: 民生支出, en: Livelihood spending, kind: level, unit: 亿元}
              new_jobs: {zh: 城镇新增就业, en: New jobs, kind: level, unit: 万人}
              safety_deaths: {zh: 死亡人数, en: Deaths, kind: count, unit: 人}

            """,
    ]

    static let submissions: [String] = [
        """
        submission: {district: "990101", year: 2025}
        indicators: {gdp_growth: 5.8%, industry_growth: 5.2%, budget_spending: 120亿元, livelihood_spending: 93亿元,
                     new_jobs: 5.5万人, safety_deaths: 0}
        previous: {gdp_growth: 5.1%, new_jobs: 5万人}
        """,
        """
        submission: {district: "990102", year: 2025}
        indicators: {gdp_growth: 0%, industry_growth: -3%, budget_spending: 0亿元, livelihood_spending: 0亿元,
                     new_jobs: 0万人, safety_deaths: 99999999999999999999}
        """,
        """
        submission: {district: "990103", year: 2025}
        indicators: {gdp_growth: 保持正增长, budget_spending: 0.000000000000000001亿元}
        """,
    ]

    static let loaded: (Pack, [Submission]) = {
        let result = PackLoader.load(from: EmbeddedPackSource(id: "fuzz", files: packFiles))
        guard let pack = result.pack else {
            // Set-up of the harness itself, not input: stop loudly so a broken fixture is not fuzzed for hours.
            say("fuzz pack does not load: \(result.diagnostics.map { $0.message.rendered(in: .en) })")
            abort()
        }
        let submissions = Fixture.submissions.enumerated().compactMap { index, text in
            SubmissionLoader.load(SourceFile(path: "d\(index).yml", text: text), pack: pack).submission
        }
        guard submissions.count == Fixture.submissions.count else {
            say("fuzz submissions do not load")
            abort()
        }
        return (pack, submissions)
    }()
}

private enum RoundTrip {
    static let limits = ExpressionLimits(maximumLength: ExpressionLimits.ceilingLength)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: data == nil ? 0 : size), as: UTF8.self)
    let (pack, submissions) = Fixture.loaded
    let expression: Expression
    do {
        expression = try Expression.parse(text)
    } catch {
        let utf8 = Array(text.utf8)
        guard error.span.startByte >= 0, error.span.startByte <= error.span.endByte, error.span.endByte <= utf8.count
        else {
            say("error span outside the text: \(error.span) for \(utf8.count) bytes")
            abort()
        }
        // Both languages' messages are built from the error: exercise them as a report would.
        let message = ExpressionMessages.message(for: error)
        _ = message.rendered(in: .zh)
        _ = message.rendered(in: .en)
        _ = ExpressionMessages.help(for: error)?.rendered(in: .zh)
        return 0
    }
    let printed = expression.description
    do {
        // The printer spaces operators, so a text within the length limit may print longer than it: the round trip
        // promises the same tree, not the same length (found by this target, see docs/robustness.md).
        let again = try Expression.parse(printed, limits: RoundTrip.limits)
        if again != expression {
            say("round trip changed the tree: \(text) printed as \(printed)")
            abort()
        }
    } catch {
        say("printed form does not parse: \(text) printed as \(printed): \(error.debugDescription)")
        abort()
    }
    _ = expression.referencedPaths
    _ = expression.nodeCount
    let evaluator = Evaluator(pack: pack, quotas: [:])
    for district in [nil] + submissions.map(Optional.some) {
        var trace = Evaluator.Trace()
        _ = try? evaluator.evaluate(expression, district: district, districts: submissions, trace: &trace)
    }
    return 0
}

/// Writes a line to standard error (the C `stderr` global is not concurrency-safe to name in Swift 6).
private func say(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
