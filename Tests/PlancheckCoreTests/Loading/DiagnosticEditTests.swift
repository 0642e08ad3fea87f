import PlancheckCore
@testable import PlancheckRules
import Testing

/// Diagnostics carry the edits that fix them when the fix is certain, located on the text they replace.
@Suite("Diagnostic edits")
struct DiagnosticEditTests {
    static func diagnostics(_ text: String) throws -> [Diagnostic] {
        let pack = try #require(Fixtures.loadTestPack())
        return SubmissionLoader.load(SourceFile(path: "edits.yml", text: text), pack: pack).diagnostics
    }

    static func replaced(_ text: String, by edit: Diagnostic.Edit) -> String {
        let bytes = Array(text.utf8)
        let span = edit.location.span
        return String(decoding: bytes[..<span.start.offset] + Array(edit.replacement.utf8) + bytes[span.end.offset...],
                      as: UTF8.self)
    }

    @Test("a full-width figure is fixed by its reading, and the fixed file reads the same figure without a note")
    func normalisedFigure() throws {
        let text = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  gdp_growth: ５.５％\n"
        let note = try #require(try Self.diagnostics(text).first { $0.code == .figureNormalised })
        let edit = try #require(note.edits.first)
        #expect(note.edits.count == 1)
        let fixed = Self.replaced(text, by: edit)
        #expect(fixed.contains("gdp_growth: 5.5%"))
        #expect(try Self.diagnostics(fixed).allSatisfy { $0.code != .figureNormalised })
    }

    @Test("a key one slip from the catalogue is fixed by the catalogue's key")
    func nearMissKey() throws {
        let text = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  gdp_growht: 5.5%\n"
        let unknown = try #require(try Self.diagnostics(text).first { $0.code == .unknownIndicator })
        let edit = try #require(unknown.edits.first)
        #expect(Self.replaced(text, by: edit).contains("  gdp_growth: 5.5%"))
    }

    @Test("a quoted figure is fixed inside its quotes; one whose quotes hold escapes gets no edit")
    func quotedFigure() throws {
        for (written, fixed) in [("\"５.５％\"", "\"5.5%\""), ("'５.５％'", "'5.5%'")] {
            let text = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  gdp_growth: \(written) # note\n"
            let note = try #require(try Self.diagnostics(text).first { $0.code == .figureNormalised })
            let edit = try #require(note.edits.first)
            #expect(Self.replaced(text, by: edit).contains("gdp_growth: \(fixed) # note\n"))
        }
        // `\u0035` is the text 5: the written text is not the text meant, so no span edit can be certain.
        let escaped = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  gdp_growth: \"\\u0035.５％\"\n"
        let note = try #require(try Self.diagnostics(escaped).first { $0.code == .figureNormalised })
        #expect(note.edits.isEmpty)
    }

    @Test("a figure with a qualifier, or read as a bound, gets no edit: it has no canonical spelling")
    func qualifiedFigure() throws {
        let text = "submission:\n  district: \"990101\"\n  year: 2025\nindicators:\n  gdp_growth: ５.５％以上\n"
        let notes = try Self.diagnostics(text).filter { $0.code == .figureNormalised }
        #expect(!notes.isEmpty)
        #expect(notes.allSatisfy { $0.edits.isEmpty })
    }

    @Test("only what reads back the same as a plain scalar is written plain")
    func plainSafety() {
        #expect(Diagnostic.Edit.isSafePlain("5.5%"))
        #expect(Diagnostic.Edit.isSafePlain("-3.2%"))
        for unsafe in ["", "- 1", "> 0%", "#1", "a: b", "a #b", "[1]", "%1", " 1", "1\n"] {
            #expect(!Diagnostic.Edit.isSafePlain(unsafe), "\(unsafe)")
        }
    }
}
