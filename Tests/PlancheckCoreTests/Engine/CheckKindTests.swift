import PlancheckCore
import Testing

/// Every relation and aggregate the rule language offers, exercised through rule examples in a pack built here.
@Suite("Check kinds")
struct CheckKindTests {
    static let rules = """
    rules:
      - id: K-ATMOST
        title: {zh: 控制在以内, en: at most}
        citation: {part: 二, clause: a}
        check: {value: energy_intensity_change, at_most: -2%}
        examples:
          - {expect: pass, indicators: {energy_intensity_change: -2%}}
          - {expect: fail, indicators: {energy_intensity_change: -1.9%}}
      - id: K-LESS
        title: {zh: 低于, en: less than}
        citation: {part: 二, clause: b}
        check: {value: safety_deaths, less_than: 3, tolerance: {absolute: 1人}}
        examples:
          - {expect: pass, indicators: {safety_deaths: 2}}
          - {expect: pass_within_tolerance, indicators: {safety_deaths: 3}}
          - {expect: fail, indicators: {safety_deaths: 4}}
      - id: K-BAND
        title: {zh: 左右（两侧）, en: "about, both sides"}
        citation: {part: 二, clause: c}
        check: {value: income_growth, about: 6%, tolerance: {points: 0.5}, sides: both}
        examples:
          # Symmetric: inside the band on either side is the same outcome; the target itself passes.
          - {expect: pass, indicators: {income_growth: 6%}}
          - {expect: pass_within_tolerance, indicators: {income_growth: 6.5%}}
          - {expect: fail, indicators: {income_growth: 6.6%}}
          - {expect: pass_within_tolerance, indicators: {income_growth: 5.5%}}
          - {expect: fail, indicators: {income_growth: 5.4%}}
      - id: K-BAND-UPPER
        title: {zh: 失业率5.5%左右, en: "about, upper side (a rate where lower is better)"}
        citation: {part: 二, clause: c2}
        check: {value: income_growth, about: 5.5%, sides: upper}
        examples:
          - {expect: pass, indicators: {income_growth: 5.5%}}
          - {expect: pass, indicators: {income_growth: 3%}}
          - {expect: pass_within_tolerance, indicators: {income_growth: 6%}}
          - {expect: fail, indicators: {income_growth: 6.1%}}
      - id: K-BAND-LOWER
        title: {zh: 左右（下限）, en: "about, lower side"}
        citation: {part: 二, clause: c3}
        check: {value: income_growth, about: 5.5%, sides: lower}
        examples:
          - {expect: pass, indicators: {income_growth: 9%}}
          - {expect: pass_within_tolerance, indicators: {income_growth: 5%}}
          - {expect: fail, indicators: {income_growth: 4.9%}}
      - id: K-STEP-UPPER
        title: {zh: 不快于, en: "in step, upper side"}
        citation: {part: 二, clause: c4}
        check: {value: income_growth, in_step_with: gdp_growth, tolerance: {points: 0.5}, sides: upper}
        examples:
          - {expect: pass, indicators: {income_growth: 4%, gdp_growth: 5%}}
          - {expect: pass_within_tolerance, indicators: {income_growth: 5.5%, gdp_growth: 5%}}
          - {expect: fail, indicators: {income_growth: 5.6%, gdp_growth: 5%}}
      - id: K-RELATIVE
        title: {zh: 相对容差, en: relative tolerance}
        citation: {part: 二, clause: d}
        check: {value: budget_spending, about: 100亿元, tolerance: {relative: 5%}}
        examples:
          - {expect: pass_within_tolerance, indicators: {budget_spending: 95亿元}}
          - {expect: fail, indicators: {budget_spending: 949000万元}}
      - id: K-DIFF
        title: {zh: 差值, en: difference}
        citation: {part: 二, clause: e}
        check: {value: budget_spending - livelihood_spending, at_most: 30亿元}
        examples:
          - {expect: pass, indicators: {budget_spending: 100亿元, livelihood_spending: 70亿元}}
          - {expect: fail, indicators: {budget_spending: 100亿元, livelihood_spending: 69.9亿元}}
      - id: K-PREV
        title: {zh: 不低于上年, en: not below last year}
        citation: {part: 二, clause: f}
        check: {value: budget_spending, at_least: prev.budget_spending}
        examples:
          - {expect: not_evaluated, indicators: {budget_spending: 100亿元}}
          # Examples may give the context a rule reads: previous-year figures, quotas, the whole's figures.
          - {expect: pass, indicators: {budget_spending: 100亿元}, previous: {budget_spending: 90亿元}}
          - {expect: fail, indicators: {budget_spending: 80亿元}, previous: {budget_spending: 900000万元}}
      - id: K-QUOTA
        title: {zh: 完成分解任务, en: meets its quota}
        citation: {part: 二, clause: f2}
        check: {value: new_jobs, at_least: quota.new_jobs}
        examples:
          - {expect: not_evaluated, indicators: {new_jobs: 1万人}}
          - {expect: pass, indicators: {new_jobs: 1万人}, quotas: {new_jobs: 8000人}}
          - {expect: fail, indicators: {new_jobs: 1万人}, quotas: {new_jobs: 1.2万人}}
      - id: K-CITY
        title: {zh: 高于全市, en: above the whole's figure}
        citation: {part: 二, clause: f3}
        check: {value: gdp_growth, more_than: city.gdp_growth}
        examples:
          - {expect: pass, indicators: {gdp_growth: 6.5%}}
          - {expect: fail, indicators: {gdp_growth: 6.5%}, city: {gdp_growth: 7%}}
      - id: K-PREV-TOTAL
        title: {zh: 合计不低于上年, en: total not below last year's}
        citation: {part: 二, clause: f4}
        scope: city
        check: {value: sum(new_jobs), at_least: sum(prev.new_jobs)}
        examples:
          - expect: pass
            complete: true
            districts: {"990101": {new_jobs: 1万人}, "990102": {new_jobs: 2万人}}
            previous: {"990101": {new_jobs: 1.5万人}, "990102": {new_jobs: 1.5万人}}
          - expect: fail
            complete: true
            districts: {"990101": {new_jobs: 1万人}, "990102": {new_jobs: 2万人}}
            previous: {"990101": {new_jobs: 1.5万人}, "990102": {new_jobs: 1.6万人}}
      - id: K-MEAN
        title: {zh: 平均, en: mean}
        citation: {part: 二, clause: g}
        scope: city
        check: {value: mean(gdp_growth), at_least: 6%}
        examples:
          - {expect: pass, complete: true, districts: {"990101": {gdp_growth: 5%}, "990102": {gdp_growth: 7%}}}
          - {expect: fail, complete: true, districts: {"990101": {gdp_growth: 5%}, "990102": {gdp_growth: 6.9%}}}
      - id: K-COUNT
        title: {zh: 计数, en: count}
        citation: {part: 二, clause: h}
        scope: city
        check: {value: count(gdp_growth >= 6%), at_least: 2}
        examples:
          - {expect: pass, complete: true, districts: {"990101": {gdp_growth: 6%}, "990102": {gdp_growth: 7%}}}
          - {expect: fail, complete: true, districts: {"990101": {gdp_growth: 5.9%}, "990102": {gdp_growth: 7%}}}
      - id: K-MIN
        title: {zh: 最小, en: min}
        citation: {part: 二, clause: i}
        scope: city
        check: {value: min(gdp_growth), at_least: 5%}
        examples:
          - {expect: pass, complete: true, districts: {"990101": {gdp_growth: 5%}, "990102": {gdp_growth: 9%}}}
          - {expect: fail, complete: true, districts: {"990101": {gdp_growth: 4.9%}, "990102": {gdp_growth: 9%}}}
      - id: K-MAX
        title: {zh: 最大, en: max}
        citation: {part: 二, clause: j}
        scope: city
        check: {value: max(safety_deaths), equals: 0}
        examples:
          - {expect: pass, complete: true, districts: {"990101": {safety_deaths: 0}, "990102": {safety_deaths: 0}}}
          - {expect: fail, complete: true, districts: {"990101": {safety_deaths: 0}, "990102": {safety_deaths: 1}}}
          - {expect: not_evaluated, complete: true, districts: {"990101": {safety_deaths: 0}, "990102": {gdp_growth: 1%}}}
    """

    @Test("every relation, tolerance form and aggregate behaves as its examples declare")
    func examples() throws {
        let result = PackLoader.load(from: Fixtures.packSource(extraRules: Self.rules))
        #expect(result.diagnostics.map { $0.message.rendered(in: .en) } == [])
        let pack = try #require(result.pack)
        let results = RuleExamples.run(pack, today: "2025-03-01").filter { $0.rule.id.hasPrefix("K-") }
        #expect(results.count == 43)
        for example in results where !example.behavedAsDeclared {
            Issue.record("\(example.rule.id) example \(example.index): expected \(example.expected), got \(String(describing: example.actual))")
        }
    }
}
