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
        #expect(files.contains { $0.hasSuffix("/PlancheckCore/Loading/InputFiles.swift") }, "Sources not found")
        var offenders: [String] = []
        for path in files where !path.hasPrefix(sources + "/PlancheckSystem/") {
            let text = String(decoding: try Scratch.readFile(path), as: UTF8.self)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // Prose may mention the platforms; only code counts.
                let code = line.firstRange(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
                for word in Self.forbidden where code.contains(word) {
                    offenders.append("\(path.dropFirst(Scratch.repositoryRoot.count + 1)):\(number + 1): \(word)")
                }
            }
        }
        #expect(offenders == [], "use PlancheckSystem instead")
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
