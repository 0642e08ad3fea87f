#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
import PlancheckYAML
import Testing

/// The checker never writes to what it reads: every input's bytes and modification time are the same after a
/// full run over the examples, the malformed examples and the adversarial corpus, after loading and linting the
/// pack folder and running its examples; and no file appears or disappears in those folders.
@Suite("Inputs are never written", .serialized)
struct NoWriteTests {
    @Test("a full check run leaves every input file as it was", .timeLimit(.minutes(2)))
    func inputsUnchanged() throws {
        let pack = try #require(Robust.defaultPack)
        let folders = [Robust.repositoryRoot + "/Examples", Robust.corpusFolder, Robust.repositoryRoot + "/Rules",
                       Fixtures.testPack]
        let before = snapshot(folders)
        #expect(before.count > 40, "only \(before.count) files found: the folders were not walked")

        let run = Robust.check([Robust.repositoryRoot + "/Examples", Robust.corpusFolder], pack: pack).run
        #expect(run.files.count >= 40)
        for language in [Language.zh, .en] {
            _ = TextReporter(useColor: false).render(Report(run: run, language: language))
        }
        let folderPack = PackLoader.load(from: FolderPackSource(folder: Robust.repositoryRoot + "/Rules/shenyang-2025"))
        if let loaded = folderPack.pack { _ = RuleExamples.run(loaded) }
        _ = PackLoader.load(from: FolderPackSource(folder: Fixtures.testPack))

        let after = snapshot(folders)
        #expect(Set(after.keys) == Set(before.keys), "files appeared or disappeared")
        for (path, fingerprint) in before where after[path] != fingerprint {
            Issue.record("\(path) changed: \(fingerprint) → \(after[path] ?? "gone")")
        }
    }

    private func snapshot(_ folders: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            for path in Robust.filesUnder(folder) { result[path] = Robust.fingerprint(path) ?? "unreadable" }
        }
        return result
    }
}
