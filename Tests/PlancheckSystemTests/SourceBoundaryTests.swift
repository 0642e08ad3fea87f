import PlancheckSystem
import Testing

/// The platform's C library is reached through PlancheckSystem only: a file elsewhere in Sources that imports
/// Glibc, Musl or Darwin, or qualifies a call with one of them, compiles on one platform and breaks the others.
/// And each layer imports only the layers below it.
@Suite("Source boundary")
struct SourceBoundaryTests {
    static let forbidden = ["import Glibc", "import Musl", "import Darwin", "Glibc.", "Musl.", "Darwin."]

    @Test("no file in Sources outside Sources/PlancheckSystem imports or names the C library's module")
    func platformModulesStayInTheSystemLayer() throws {
        let sources = Scratch.repositoryRoot + "/Sources"
        var files: [String] = []
        SwiftSourceFiles.collect(sources, into: &files)
        #expect(files.contains { $0.hasSuffix("/PlancheckRules/Loading/InputFiles.swift") }, "Sources not found")
        let offenders = try occurrences(of: Self.forbidden, in: files.filter { !$0.hasPrefix(sources + "/PlancheckSystem/") })
        #expect(offenders == [], "use PlancheckSystem instead")
    }

    /// Tests and the benchmark baseline may import the C library (under `canImport`), but a call qualified as
    /// `Glibc.read` exists on Linux only.
    @Test("no Swift file in the repository qualifies a call with Glibc., Musl. or Darwin.")
    func noPlatformQualifiedCalls() throws {
        var files: [String] = []
        for folder in ["Sources", "Tests", "Benchmarks", "Fuzz"] { SwiftSourceFiles.collect(Scratch.repositoryRoot + "/" + folder, into: &files) }
        let this = files.filter { $0.hasSuffix("/PlancheckSystemTests/SourceBoundaryTests.swift") }
        #expect(this.count == 1, "the test's own file not found")
        let offenders = try occurrences(of: ["Glibc.", "Musl.", "Darwin."], in: files.filter { !this.contains($0) })
        #expect(offenders == [], "import the module under canImport and call the function unqualified")
    }

    /// The plancheck modules each target's files may import: the layers of Package.swift, bottom to top. The
    /// package manifest declares the same edges, but a build can still find a module it did not declare when that
    /// module happens to be built first; this test fails either way. A new target must be added here.
    static let allowedImports: [String: Set<String>] = {
        let rules: Set = ["PlancheckSystem", "PlancheckYAML", "PlancheckValues"]
        let engine = rules.union(["PlancheckRules"])
        let report = engine.union(["PlancheckEngine"])
        let docs = report.union(["PlancheckReport"])
        let core = docs.union(["PlancheckDocs", "PlancheckDefaultPack"])
        return [
            "PlancheckSystem": [], "PlancheckYAML": ["CYAML"], "PlancheckValues": [],
            "PlancheckRules": rules, "PlancheckEngine": engine, "PlancheckReport": report, "PlancheckDocs": docs,
            "PlancheckDefaultPack": ["PlancheckRules"], "PlancheckCore": core, "plancheck": core.union(["PlancheckCore"]),
        ]
    }()

    @Test("no target in Sources imports a plancheck module above its layer (Rules < Engine < Report < Docs)")
    func layersImportOnlyDownwards() throws {
        let sources = Scratch.repositoryRoot + "/Sources"
        let targets = (FilePaths.entries(ofDirectory: sources) ?? []).filter { $0 != "CYAML" }.sorted()
        #expect(targets.contains("PlancheckRules") && targets.contains("PlancheckEngine"), "Sources not found")
        var offenders: [String] = []
        for target in targets {
            guard let allowed = Self.allowedImports[target] else {
                offenders.append("Sources/\(target): not in SourceBoundaryTests.allowedImports")
                continue
            }
            var files: [String] = []
            SwiftSourceFiles.collect(sources + "/" + target, into: &files)
            for path in files {
                let text = String(decoding: try Scratch.readFile(path), as: UTF8.self)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    guard let module = Self.importedModule(line), module.hasPrefix("Plancheck") || module == "CYAML",
                          module != target, !allowed.contains(module) else { continue }
                    offenders.append("\(path.dropFirst(Scratch.repositoryRoot.count + 1)):\(number + 1): import \(module)")
                }
            }
        }
        #expect(offenders == [], "a lower layer must not import a higher one: see the header of Package.swift")
    }

    /// The module an `import` line names (`import X`, `@testable import X`, `@_exported import X`,
    /// `import struct X.Y`), or nil for any other line.
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        while let first = words.first, first.hasPrefix("@") || ["public", "package", "internal"].contains(first) {
            words = words.dropFirst()
        }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let kind = words.first, ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"].contains(kind) {
            words = words.dropFirst()
        }
        return words.first.map { String($0.split(separator: ".")[0]) }
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
}
