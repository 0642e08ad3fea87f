#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
@testable import PlancheckRules
import PlancheckYAML
import Testing

/// Hostile inputs made at run time: too big to commit, or things git cannot hold (FIFOs, permissions, loops).
/// Each is checked together with the reference submission, which must keep its results.
@Suite("Generated hostile inputs", .serialized)
struct GeneratedInputTests {
    static let header = "submission:\n  district: \"210103\"\n  year: 2025\n"

    /// Checks `paths` plus the reference file; returns the run after the checks every case shares.
    private func checkWithReference(_ paths: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws -> RunResult {
        let pack = try #require(Robust.defaultPack)
        let baseline = try #require(Robust.hepingBaseline)
        let (run, seconds) = Robust.check(paths + [Robust.heping], pack: pack)
        #expect(seconds < 20, "checking took \(seconds) s", sourceLocation: sourceLocation)
        #expect(Robust.signature(run.results, unit: Robust.hepingCode, file: Robust.heping) == baseline,
                sourceLocation: sourceLocation)
        return run
    }

    // MARK: Size

    @Test("a 200 MB file is refused by its size, before it is read", .timeLimit(.minutes(1)))
    func hugeFile() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/huge.yml"
        // A real 200 MB file, made sparse (a valid header, then a hole) so the test costs no disk or time.
        try #require(Robust.write(Self.header, to: path))
        try #require(truncate(path, 200 << 20) == 0)
        #expect(Robust.size(path) == 200 << 20)

        let run = try checkWithReference([path])
        let about = Robust.results(about: path, in: run.results)
        let limit = try #require(about.first { $0.code == DiagnosticCode.yamlLimit.rawValue })
        // Offset 0: the refusal came from the size, not from the YAML layer after reading 64 MiB.
        #expect(limit.location?.span.start.offset == 0)
        #expect(limit.location?.description == "\(path):1:1")
        #expect(run.exitCode(failOn: .error) == 2)
        Robust.expectLocated(about, path: path, fileSize: 0)

        do {
            _ = try InputFiles.read(path)
            Issue.record("a 200 MB file was read")
        } catch {
            guard case .tooLarge(_, let limit) = error else { Issue.record("\(error)"); return }
            #expect(limit == YAMLLimits().maxInputBytes)
        }
    }

    @Test("the size limit is exact: the limit itself is read, one byte more is refused")
    func sizeLimitBoundary() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/hundred.yml"
        try #require(Robust.write([UInt8](repeating: UInt8(ascii: "#"), count: 100), to: path))
        #expect((try? InputFiles.read(path, limit: 100))?.count == 100)
        #expect(throws: FileReadError.self) { try InputFiles.read(path, limit: 99) }
    }

    @Test("a stream without a size (/dev/zero) is cut off at the limit, not read forever", .timeLimit(.minutes(1)))
    func endlessStream() throws {
        guard Robust.size("/dev/zero") == 0, access("/dev/zero", R_OK) == 0 else { return }
        do {
            _ = try InputFiles.read("/dev/zero", limit: 1 << 20)
            Issue.record("/dev/zero was read to its end")
        } catch {
            guard case .tooLarge = error else { Issue.record("\(error)"); return }
        }
    }

    @Test("a 1 MB single line in a figure, a key, a comment or Chinese numerals", .timeLimit(.minutes(1)),
          arguments: ["digits", "key", "comment", "numerals", "quoted"])
    func megabyteLine(_ variant: String) throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/\(variant).yml"
        let megabyte = 1 << 20
        let line: String
        switch variant {
        case "digits": line = "  gdp_growth: 5." + String(repeating: "5", count: megabyte) + "%\n"
        case "key": line = "  " + String(repeating: "g", count: megabyte) + ": 5.6%\n"
        case "comment": line = "  gdp_growth: 5.6%  # " + String(repeating: "注", count: megabyte / 3) + "\n"
        case "numerals": line = "  gdp_growth: 百分之" + String(repeating: "五", count: megabyte / 3) + "\n"
        default: line = "  gdp_growth: \"" + String(repeating: "\\u4e94", count: megabyte / 6) + "\"\n"
        }
        try #require(Robust.write(Self.header + "indicators:\n" + line, to: path))
        let run = try checkWithReference([path])
        let about = Robust.results(about: path, in: run.results)
        Robust.expectLocated(about, path: path, fileSize: Robust.size(path))
        #expect(!about.isEmpty)
        #expect(run.exitCode(failOn: .error) != 0)
    }

    // MARK: Paths that are not plain files

    @Test("a symlink loop in a checked folder is cut; dangling and self-referring links are reported",
          .timeLimit(.minutes(1)))
    func symlinkLoop() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        try #require(mkdir(folder + "/sub", 0o755) == 0)
        let good = folder + "/sub/210103.yml"
        let text = try String(decoding: InputFiles.read(Robust.repositoryRoot + "/Examples/shenyang-2025/210103-shenhe.yml"),
                              as: UTF8.self)
        try #require(Robust.write(text, to: good))
        try #require(symlink(folder, folder + "/sub/loop") == 0)        // sub/loop → the folder itself
        try #require(symlink("..", folder + "/sub/up") == 0)             // sub/up → its parent
        try #require(symlink("self.yml", folder + "/sub/self.yml") == 0) // a link to itself (ELOOP)
        try #require(symlink("/nonexistent/x.yml", folder + "/sub/dangling.yml") == 0)

        let run = try checkWithReference([folder])
        // The real file is checked exactly once, however many ways the loop leads to it.
        #expect(run.files.filter { $0.hasSuffix("210103.yml") }.count == 1)
        #expect(run.results.contains { $0.unit == "210103" && $0.outcome == .passed })
        for name in ["self.yml", "dangling.yml"] {
            let path = run.files.first { $0.hasSuffix("/" + name) }
            let about = path.map { Robust.results(about: $0, in: run.results) } ?? []
            #expect(about.contains { $0.code == DiagnosticCode.fileUnreadable.rawValue }, "\(name)")
        }
        #expect(run.exitCode(failOn: .error) == 2)
    }

    @Test("a FIFO in a checked folder does not block the run", .timeLimit(.minutes(1)))
    func fifo() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/pipe.yml"
        try #require(mkfifo(path, 0o644) == 0)
        let run = try checkWithReference([folder])
        let about = Robust.results(about: path, in: run.results)
        // Nobody writes to it: it reads as empty, an unusable submission (exit 2), not a wait.
        #expect(about.contains { $0.code == DiagnosticCode.wrongShape.rawValue })
        #expect(run.exitCode(failOn: .error) == 2)
    }

    @Test("a folder named like a file, and a folder with no YAML files, fail the run")
    func directoryAsFile() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/210103.yml"
        try #require(mkdir(path, 0o755) == 0)
        try #require(Robust.write("not yaml", to: path + "/notes.txt"))
        let run = try checkWithReference([path])
        let about = Robust.results(about: path, in: run.results)
        #expect(about.map(\.code) == [DiagnosticCode.fileUnreadable.rawValue])
        #expect(about.first?.diagnostic?.message.rendered(in: .en).contains(path) == true)
        #expect(run.exitCode(failOn: .error) == 2)

        // Read directly as a submission, it is reported as a folder.
        let pack = try #require(Robust.defaultPack)
        let loaded = SubmissionLoader.load(path: path, pack: pack)
        #expect(loaded.submission == nil)
        #expect(loaded.diagnostics.map { $0.message.key } == [.fileIsDirectory])
    }

    @Test("a path that does not exist is reported by name and fails the run")
    func missingPath() throws {
        let path = Robust.temporaryFolder() + "/does-not-exist.yml"
        let run = try checkWithReference([path])
        let about = Robust.results(about: path, in: run.results)
        #expect(about.map(\.code) == [DiagnosticCode.fileUnreadable.rawValue])
        #expect(about.first?.diagnostic?.message.key == .fileNotFound)
        #expect(run.exitCode(failOn: .error) == 2)
        Robust.remove(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
    }

    /// Root reads files whatever their mode, so there the case cannot be produced: it is skipped, with the
    /// reason shown, rather than passing without testing anything.
    @Test("a file without read permission is reported and fails the run",
          .enabled(if: geteuid() != 0, "running as root: chmod 000 does not stop root from reading a file"))
    func unreadableFile() throws {
        let folder = Robust.temporaryFolder()
        defer { Robust.remove(folder) }
        let path = folder + "/secret.yml"
        try #require(Robust.write(Self.header, to: path))
        try #require(chmod(path, 0) == 0)
        // Some file systems and capabilities ignore the mode even for other users; then there is nothing to test.
        try #require(access(path, R_OK) != 0, "the file is still readable after chmod 000")
        let run = try checkWithReference([path])
        let about = Robust.results(about: path, in: run.results)
        #expect(about.first?.diagnostic?.message.key == .filePermissionDenied)
        #expect(run.exitCode(failOn: .error) == 2)
    }
}
