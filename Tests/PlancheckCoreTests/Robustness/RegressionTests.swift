import PlancheckCore
@testable import PlancheckRules
import PlancheckYAML
import Testing

/// One test per bug the robustness work found (corpus or fuzzing), so that none comes back. Each names the fix.
@Suite("Robustness regressions")
struct RobustnessRegressionTests {
    @Test("a district code written as a mapping or list is reported at the code, not dropped in silence",
          arguments: ["{code: \"210103\"}", "[\"210103\"]", "{}"])
    func districtNotAScalar(_ written: String) throws {
        let pack = try #require(Robust.defaultPack)
        let text = "submission:\n  district: \(written)\n  year: 2025\nindicators:\n  gdp_growth: 5.6%\n"
        let loaded = SubmissionLoader.load(SourceFile(path: "district.yml", text: text), pack: pack)
        #expect(loaded.submission == nil)
        let diagnostic = try #require(loaded.diagnostics.first { $0.code == .wrongShape })
        #expect(diagnostic.location?.description == "district.yml:2:13")
        #expect(diagnostic.message.key == .expectedScalar)
    }

    @Test("read errors name their file, so reports grouped by file show them")
    func readErrorsNameTheirFile() {
        let sink = DiagnosticSink()
        sink.report(readError: .notFound("a.yml"))
        sink.report(readError: .isDirectory("b.yml"))
        sink.report(readError: .permissionDenied("c.yml"))
        sink.report(readError: .other("d.yml", code: 5))
        sink.report(readError: .tooLarge("e.yml", limit: 10))
        #expect(sink.diagnostics.map(\.file) == ["a.yml", "b.yml", "c.yml", "d.yml", "e.yml"])
        #expect(sink.diagnostics.last?.code == .yamlLimit)
        #expect(sink.diagnostics.last?.location?.description == "e.yml:1:1")
    }
}
