#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
import Testing

/// A province-sized run: the built-in pack with 287 made-up districts added to the 13 real ones, and one
/// generated submission per district, checked and rendered. The page must stay usable and reasonably sized.
@Suite("HTML report of a 300-district run")
struct HTMLProvinceTests {
    static let districtCount = 300

    /// Size bound. The page grows with districts × district rules (matrix cells with their tooltips, ~75 bytes
    /// each: 300 × 32 ≈ 0.7 MB), districts × charted figures (chart marks, ~90 bytes: 300 × 26 ≈ 0.65 MB),
    /// districts × reported city totals (stacked segments, ~150 bytes: ≈ 0.3 MB) and the findings listed (≈ 0.6 MB
    /// here), plus a fixed part (styles, script, rule catalogue: ≈ 0.15 MB). Measured: about 2.5 MB. 3.5 MB leaves
    /// room for noisier submissions while staying a file a browser opens at once and a mail server accepts;
    /// tooltips are clipped (`HTML.clip`) because a message listing 300 missing districts would otherwise dominate.
    static let sizeBound = 3_500_000

    static func pack() throws -> Pack {
        var files = DefaultPack.source.files
        var yaml = try #require(files["pack.yml"])
        // Keep the real districts (rules name some of them) and drop the retired codes (they point at real ones
        // too, harmlessly); add made-up ones, one in four a 县域 unit.
        var added = ""
        for index in 0..<(districtCount - 13) {
            let kind = index % 4 == 3 ? "county" : "urban"
            added += "  - {code: \"\(code(index))\", zh: 测试\(index)区, en: Test \(index), kind: \(kind)}\n"
        }
        let marker = "retired_codes:"
        let range = try #require(yaml.firstRange(of: marker))
        yaml.replaceSubrange(range, with: added + marker)
        files["pack.yml"] = yaml
        let result = PackLoader.load(from: EmbeddedPackSource(id: "province-test", files: files))
        return try #require(result.pack)
    }

    static func code(_ index: Int) -> String { String(900_000 + index) }

    /// A plausible submission; figures vary with `index`, so some districts fall short of some targets.
    static func submission(code: String, name: String, county: Bool, index: Int) -> String {
        var lines = [
            "submission:", "  district: \"\(code)\"", "  name: \(name)", "  year: 2025", "  pack: shenyang-2025",
            "  prepared_by: \"A&B <发改局> \(index)\"", "indicators:",
            "  gdp_growth: \(county ? 6 : 5).\(index % 8)%",
            "  general_budget_revenue_growth: 5.\(index % 6)%",
            "  fixed_asset_investment_growth: 6.\(index % 9)%",
            "  retail_sales_growth: 5.\(5 + index % 5)%",
            "  industrial_va_growth: \(4 + index % 3).\(index % 10)%",
            "  urban_disposable_income_growth: \(county ? 6 : 5).\(index % 8)%",
            "  energy_intensity_change: \"-2.\(4 + index % 5)%\"",
            "  secondary_va_growth: 6.\(5 + index % 4)%", "  tertiary_va_growth: 5.\(5 + index % 4)%",
            "  import_export_growth: \(4 + index % 3)%", "  actual_fdi_growth: 1\(index % 3)%",
            "  general_budget_spending: \(40 + index % 50)亿元", "  livelihood_spending: \(30 + index % 40)亿元",
            "  new_urban_jobs: \"\(300 + index * 7 % 900)人\"", "  new_landed_projects: \(2 + index % 5)个",
            "  key_projects_started: \(8 + index % 6)个", "  completed_industrial_projects: \(1 + index % 3)个",
            "  four_above_enterprises: \(30 + index % 40)户", "  zero_employment_households: \(index % 37 == 0 ? 1 : 0)户",
            "  grain_sown_area: \(county ? 20 + index % 30 : 0)万亩",
        ]
        if county {
            lines += [
                "  rural_disposable_income_growth: 6.\(index % 9)%", "  primary_va_growth: 4.\(5 + index % 5)%",
                "  grain_output: \(2 + index % 4)亿斤", "  high_standard_farmland_new: \(1 + index % 3)万亩",
                "  county_aid_projects_started: 1个", "  county_aid_matters: \(index % 3)项",
                "  livestock_manure_utilization_rate: 8\(index % 10)%",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("300 districts: counts equal the findings, every district has a row, and the page stays under the bound")
    func provinceSizedRun() throws {
        let pack = try Self.pack()
        #expect(pack.districts.count == Self.districtCount)
        var template = Array("/tmp/plancheck-html-XXXXXX".utf8CString)
        let folder = try #require(template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        })
        var paths: [String] = []
        defer {
            for path in paths { remove(path) }
            rmdir(folder)
        }
        for (index, district) in pack.districts.enumerated() {
            let path = "\(folder)/\(district.code).yml"
            let text = Self.submission(code: district.code, name: district.name.zh, county: district.kind == "county",
                                       index: index)
            try HTMLExampleRun.write(text, to: path)
            paths.append(path)
        }
        var options = CheckOptions()
        options.today = "2025-06-30"
        // Every result is kept, as the CLI keeps them for `--format html`.
        let run = CheckRun.run(paths: [folder], pack: pack, options: options, run: RunOptions(keepAllResults: true))
        let report = Report(run: run, language: .zh)
        let page = HTMLReporter().render(report)

        #expect(page.utf8.count < Self.sizeBound, "page is \(page.utf8.count) bytes")
        let matrix = HTMLReporterTests.slice(page, from: "<table class=\"mx\" id=\"mx\">", to: "</table>")
        #expect(HTMLExampleRun.count("<tr data-kind=", in: matrix) == Self.districtCount)
        for outcome in Outcome.allCases {
            let expected = report.entries.filter { $0.outcome == outcome && $0.rule?.scope == .district }.count
            #expect(HTMLExampleRun.count("data-outcome=\"\(outcome.rawValue)\"", in: matrix) == expected, "\(outcome)")
            let all = report.entries.filter { $0.outcome == outcome }.count
            #expect(HTMLExampleRun.count("data-outcome=\"\(outcome.rawValue)\"", in: page) == all, "\(outcome)")
        }
        #expect(report.entries.contains { $0.outcome == .failed })
        // Dense charts drop the 300 names under the marks (tooltips keep them) and stay one figure each.
        #expect(!page.contains("rotate(-40"))
        #expect(!page.contains("<odd>") && !page.contains("<发改局>"))
        if let path = ProcessInfoLite.environment("PLANCHECK_HTML_PROVINCE_OUT") {
            try HTMLExampleRun.write(page, to: path)
        }
    }
}
