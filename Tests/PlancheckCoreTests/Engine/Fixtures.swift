import PlancheckCore
import PlancheckYAML

/// Paths of the test fixtures, found from this file's location so tests run from any working directory.
enum Fixtures {
    static let folder: String = {
        var path = #filePath
        for _ in 0..<2 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        return path + "/Fixtures"
    }()

    static var testPack: String { folder + "/test-pack" }
    static var submissions: String { folder + "/submissions" }

    static func loadTestPack() -> Pack? {
        PackLoader.load(from: FolderPackSource(folder: testPack)).pack
    }

    /// The test pack's edition of the year before (plan year 2024, id `testland-2024`), for previous-year files.
    static func loadTestPackOfPreviousYear() -> Pack? {
        var files: [String: String] = [:]
        for name in ["pack.yml", "indicators.yml", "rules/targets.yml"] {
            files[name] = String(decoding: (try? FolderPackSource(folder: testPack).read(name)) ?? [], as: UTF8.self)
        }
        files["pack.yml"] = files["pack.yml"]?.replacingYear("2025", with: "2024")
        return PackLoader.load(from: EmbeddedPackSource(id: "testland-2024", files: files)).pack
    }

    /// The test pack's files with `extra` rules appended as another included file, for packs built in a test.
    static func packSource(extraRules: String, extraPackLines: String = "") -> EmbeddedPackSource {
        var files: [String: String] = [:]
        for name in ["pack.yml", "indicators.yml", "rules/targets.yml"] {
            let bytes = (try? FolderPackSource(folder: testPack).read(name)) ?? []
            files[name] = String(decoding: bytes, as: UTF8.self)
        }
        files["pack.yml"] = (files["pack.yml"] ?? "") + "  - extra.yml\n" + extraPackLines
        files["extra.yml"] = extraRules
        return EmbeddedPackSource(id: "test", files: files)
    }

    static func submission(_ text: String, pack: Pack, path: String = "inline.yml") -> SubmissionLoadResult {
        SubmissionLoader.load(SourceFile(path: path, text: text), pack: pack)
    }
}

extension Message {
    /// The message in the words of the built-in pack and the test pack (区县 / district, 全市 / city), which most
    /// tests' expectations are written in; tests of other vocabularies render with theirs.
    func rendered(in language: Language) -> String {
        rendered(in: language, vocabulary: Vocabulary(unit: .init(zh: "区县", en: "district", enPlural: "districts"),
                                                      whole: .init(zh: "全市", en: "city")))
    }
}

private extension String {
    /// The pack's id and plan year (`testland-2025`, `year: 2025`) as another year's.
    func replacingYear(_ year: String, with other: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            if text.hasPrefix("id: ") || text.drop(while: { $0 == " " }).hasPrefix("year: ") {
                return text.replacing(year, with: other)
            }
            return text
        }.joined(separator: "\n")
    }
}
