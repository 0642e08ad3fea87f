// libFuzzer target: bytes as a rule pack. The first byte chooses where they go: `pack.yml` itself, or an
// included rules file next to a valid `pack.yml` (the place a pack author writes expressions). A pack that loads
// is also linted and its declared examples run, as `plancheck rules lint` / `rules test` would.
import PlancheckCore
import PlancheckYAML

private let fixedPack = """
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
    city: {gdp_growth: 5.5%}
    include:
      - indicators.yml
      - rules.yml

    """

private let fixedIndicators = """
    indicators:
      gdp_growth: {zh: 地区生产总值增长, en: GDP growth, kind: growth, unit: "%", required_for: [urban]}
      budget_spending: {zh: 一般公共预算支出, en: Budget spending, kind: level, unit: 亿元}
      livelihood_spending: {zh: 民生支出, en: Livelihood spending, kind: level, unit: 亿元}
      new_jobs: {zh: 城镇新增就业, en: New jobs, kind: level, unit: 万人}

    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let selector = data[0]
    // EmbeddedPackSource holds text, so invalid UTF-8 is repaired here; the bytes-level reader has its own target.
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    var files = ["pack.yml": fixedPack, "indicators.yml": fixedIndicators,
                 "rules.yml": "rules: []\n"]
    switch selector % 3 {
    case 0: files["pack.yml"] = text
    case 1: files["rules.yml"] = text
    default: files["indicators.yml"] = text
    }
    let result = PackLoader.load(from: EmbeddedPackSource(id: "fuzz", files: files))
    for diagnostic in result.diagnostics {
        _ = diagnostic.message.rendered(in: .zh)
        _ = diagnostic.message.rendered(in: .en)
    }
    if let pack = result.pack {
        _ = RuleExamples.run(pack)
    }
    return 0
}
