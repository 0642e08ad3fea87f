#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancheckCore
@testable import PlancheckRules
import PlancheckYAML
import Testing

/// Shared pieces of the robustness tests: the corpus folder, the reference file checked alongside every hostile
/// input, a check run as the CLI does it, temporary folders and file checksums.
enum Robust {
    static let corpusFolder = Fixtures.folder + "/adversarial"

    /// The repository root: three folders above `Tests/PlancheckCoreTests/Fixtures`.
    static let repositoryRoot: String = {
        var path = Fixtures.folder
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) }
        return path
    }()

    /// The compliant reference submission (和平区) that must keep its results whatever is checked with it.
    static var heping: String { repositoryRoot + "/Examples/shenyang-2025/210102-heping.yml" }
    static let hepingCode = "210102"

    static let defaultPack: Pack? = PackLoader.load(from: DefaultPack.source).pack

    /// One `plancheck check` over `paths` with the built-in pack, a fixed day, and the time it took. Every result is
    /// kept (passes too), so that the reference file's results can be compared one by one.
    static func check(_ paths: [String], pack: Pack) -> (run: RunResult, seconds: Double) {
        var options = CheckOptions()
        options.today = "2025-06-30"
        let clock = ContinuousClock()
        let start = clock.now
        let run = CheckRun.run(paths: paths, pack: pack, options: options, run: RunOptions(keepAllResults: true))
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (run, seconds)
    }

    /// What a file's results look like, independent of the order and of the other files in the run.
    static func signature(_ results: [CheckResult], unit: String, file: String) -> [String] {
        results.filter { $0.unit == unit || $0.file == file }.map { result in
            let place = result.location.map { "\($0.file.path):\($0.span.start.line):\($0.span.start.column)" } ?? "-"
            return "\(result.code) \(result.outcome?.rawValue ?? "diagnostic") \(result.severity) \(place)"
        }.sorted()
    }

    /// The reference file's results when it is checked alone.
    static let hepingBaseline: [String]? = defaultPack.map { pack in
        signature(check([heping], pack: pack).run.results, unit: hepingCode, file: heping)
    }

    /// The results that concern `path`: those located in it or naming it.
    static func results(about path: String, in results: [CheckResult]) -> [CheckResult] {
        results.filter { $0.file == path || $0.location?.file.path == path }
    }

    /// Checks the promises every diagnostic about a hostile file must keep; returns nothing, records issues.
    static func expectLocated(_ results: [CheckResult], path: String, fileSize: Int,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for case .diagnostic(let diagnostic) in results {
            if let location = diagnostic.location {
                #expect(location.file.path == path, sourceLocation: sourceLocation)
                #expect(location.span.start.line >= 1 && location.span.start.column >= 1,
                        "\(diagnostic.code.rawValue) at \(location.description)", sourceLocation: sourceLocation)
                #expect(location.span.start.offset <= location.span.end.offset, sourceLocation: sourceLocation)
                #expect(location.span.end.offset <= max(fileSize, location.file.bytes.count),
                        "\(diagnostic.code.rawValue) at \(location.description)", sourceLocation: sourceLocation)
            } else {
                // Only a file that could not be opened has no line and column; it is still named.
                #expect(diagnostic.code == .fileUnreadable,
                        "\(diagnostic.code.rawValue) without a location: \(diagnostic.message.rendered(in: .en))",
                        sourceLocation: sourceLocation)
                #expect(diagnostic.file == path, sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: Files

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() -> String {
        var template = Array("/tmp/plancheck-robust-XXXXXX".utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: result, count: strlen(result)), as: UTF8.self)
        }
        return made ?? "/tmp/plancheck-robust-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// Removes `path` and, for a folder, everything in it. Symbolic links are removed, never followed.
    static func remove(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            // Make the folder usable again if a test took its permissions away.
            chmod(path, 0o700)
            for name in entries(path) { remove(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func entries(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    @discardableResult
    static func write(_ text: String, to path: String) -> Bool { write(Array(text.utf8), to: path) }

    static func size(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// FNV-1a over the bytes, with the size and modification time: enough to see that a file was touched.
    static func fingerprint(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, let bytes = try? InputFiles.read(path, limit: Int.max) else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        #else
        let modified = status.st_mtim
        #endif
        return "\(bytes.count) \(String(hash, radix: 16)) \(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// Every regular file under `folder` (symbolic links and hidden entries skipped), recursively.
    static func filesUnder(_ folder: String) -> [String] {
        var result: [String] = []
        for name in entries(folder) where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: result += filesUnder(path)
            case S_IFREG: result.append(path)
            default: break
            }
        }
        return result
    }
}

/// `write(2)`, under a name that the `Robust.write` helpers do not shadow.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
