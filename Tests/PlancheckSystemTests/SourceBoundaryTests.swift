import PlancheckSystem
import Testing

/// The platform's C library is reached through PlancheckSystem only: a file elsewhere in Sources that imports
/// Glibc, Musl or Darwin, or qualifies a call with one of them, compiles on one platform and breaks the others.
@Suite("Source boundary")
struct SourceBoundaryTests {
    static let forbidden = ["import Glibc", "import Musl", "import Darwin", "Glibc.", "Musl.", "Darwin."]

    @Test("no file in Sources outside Sources/PlancheckSystem imports or names the C library's module")
    func platformModulesStayInTheSystemLayer() throws {
        let sources = Scratch.repositoryRoot + "/Sources"
        var files: [String] = []
        collect(sources, into: &files)
        #expect(files.contains { $0.hasSuffix("/PlancheckRules/Loading/InputFiles.swift") }, "Sources not found")
        let offenders = try occurrences(of: Self.forbidden, in: files.filter { !$0.hasPrefix(sources + "/PlancheckSystem/") })
        #expect(offenders == [], "use PlancheckSystem instead")
    }

    /// Tests and the benchmark baseline may import the C library (under `canImport`), but a call qualified as
    /// `Glibc.read` exists on Linux only.
    @Test("no Swift file in the repository qualifies a call with Glibc., Musl. or Darwin.")
    func noPlatformQualifiedCalls() throws {
        var files: [String] = []
        for folder in ["Sources", "Tests", "Benchmarks", "Fuzz"] { collect(Scratch.repositoryRoot + "/" + folder, into: &files) }
        let this = files.filter { $0.hasSuffix("/PlancheckSystemTests/SourceBoundaryTests.swift") }
        #expect(this.count == 1, "the test's own file not found")
        let offenders = try occurrences(of: ["Glibc.", "Musl.", "Darwin."], in: files.filter { !this.contains($0) })
        #expect(offenders == [], "import the module under canImport and call the function unqualified")
    }

    /// `path:line: word` for every line of `files` whose code (comments dropped: prose may name the platforms)
    /// contains one of `words`.
    private func occurrences(of words: [String], in files: [String]) throws -> [String] {
        var found: [String] = []
        for path in files {
            let text = String(decoding: try Scratch.readFile(path), as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.firstRange(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
                for word in words where code.contains(word) {
                    found.append("\(path.dropFirst(Scratch.repositoryRoot.count + 1)):\(number + 1): \(word)")
                }
            }
        }
        return found
    }

    private func collect(_ folder: String, into files: inout [String]) {
        for name in (FilePaths.entries(ofDirectory: folder) ?? []).sorted() {
            let path = folder + "/" + name
            if FilePaths.status(path)?.kind == .directory {
                collect(path, into: &files)
            } else if name.hasSuffix(".swift") {
                files.append(path)
            }
        }
    }
}
